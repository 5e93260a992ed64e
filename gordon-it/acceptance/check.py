#!/usr/bin/env python3
"""check.py AXFR_FILE ZONE NAMES VERSIONS [prefix]: every name at its last version, one A each."""
import sys, collections
f, zone, n, V = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
prefix = sys.argv[5] if len(sys.argv) > 5 else "v"
got = collections.defaultdict(set)
for line in open(f):
    p = line.split()
    if len(p) >= 5 and p[3] == "A": got[p[0].lower()].add(p[4])
bad = 0
for i in range(n):
    name = f"{prefix}{i}.{zone}"; want = {f"10.{V}.{i // 256}.{i % 256}"}
    if got.get(name) != want:
        bad += 1
        if bad <= 10: print("MISMATCH", name, got.get(name), "want", want)
print("names", n, "mismatches", bad)
