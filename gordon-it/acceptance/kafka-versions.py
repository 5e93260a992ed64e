#!/usr/bin/env python3
"""kafka-versions.py NAMES VERSIONS RATE PREFIX | kcat -P -b HOST:PORT -t dns-events -K "|": keyed records, versions 1..V per name in order (A 10.<v>.<i/256>.<i%256>)."""
import json, sys, time
n, V, rate, prefix = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
sent = 0; start = time.time()
for v in range(1, V + 1):
    for i in range(n):
        name = f"{prefix}{i}.example.net."
        e = {"id": f"{prefix}{i}-{v}", "action": "additions", "resourceRecords": {"name": name, "type": "A", "ttl": 300, "rrdatas": [f"10.{v}.{i // 256}.{i % 256}"]}}
        sys.stdout.write(name + "|" + json.dumps(e) + "\n"); sent += 1
        if sent % 50 == 0:
            sys.stdout.flush()
            d = start + sent / rate - time.time()
            if d > 0: time.sleep(d)
sys.stdout.flush()
