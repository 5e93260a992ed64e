#!/usr/bin/env python3
"""Where the slow answers of HttpLoadBenchmark spent their time (docs/benchmarks.md, "local.http:
the 202's tail with launcher defaults").

Run the benchmark with a flight recording and the client's slow-request log:

  java -XX:StartFlightRecording=filename=/tmp/h.jfr,settings=profile \
       -Dgordon.bench.slowlog=/tmp/slow.log -cp "$CP" io.gordon.benchmarks.local.HttpLoadBenchmark
  gordon-benchmarks/http-tail.py /tmp/h.jfr /tmp/slow.log a     # a: the 202 run, w: ?wait=true

Each request slower than 10 ms (client side, from when it was due) is matched by its event id to
the server's gordon.HttpRequest event, and its latency split into: sent late (its keep-alive
connection was still waiting for the previous answer), sent -> handling (socket, virtual-thread
scheduling, reading), handling without the spool, spool append + fsync, answer write; and how much
of it fell inside GC pauses (jdk.GCPhasePause).
"""
import collections
import datetime
import json
import os
import statistics
import subprocess
import sys


def events(jfr, names):
    tool = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([tool, "print", "--json", "--stack-depth", "1", "--events", names, jfr],
                         capture_output=True, text=True, check=True).stdout
    return [e["values"] for e in json.loads(out)["recording"]["events"]]


def micros(iso):
    day, frac = iso.rstrip("Z").split(".") if "." in iso else (iso.rstrip("Z"), "0")
    t = datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.timezone.utc).timestamp()
    return int(t) * 1_000_000 + int((frac + "000000")[:6])


def span(d):
    """An ISO-8601 duration (PT0.0123S, PT1M2S) in microseconds."""
    d, us = d[2:], 0.0
    if "M" in d:
        m, d = d.split("M")
        us += float(m) * 60e6
    return us + (float(d[:-1]) * 1e6 if d.endswith("S") else 0)


def main(jfr, slowlog, prefix):
    pauses = [(micros(v["startTime"]), micros(v["startTime"]) + span(v["duration"]))
              for v in events(jfr, "jdk.GCPhasePause")]
    server = {v["id"]: v for v in events(jfr, "gordon.HttpRequest") if v.get("id")}
    parts = ["latency", "sent late (connection busy)", "sent -> handling",
             "handling without the spool", "spool append + fsync", "answer write",
             "of the latency in GC pauses"]
    rows = []
    for line in open(slowlog):
        f = line.split()
        if f[0] != prefix or f[3] not in server:
            continue
        due, latency, late = int(f[1]), int(f[2]), int(f[4])
        v = server[f[3]]
        start = micros(v["startTime"])
        spool = span(v["spool"])
        gc = sum(max(0, min(due + latency, b) - max(due, a)) for a, b in pauses)
        rows.append((latency, late, start - due - late, span(v["handling"]) - spool, spool,
                     span(v["write"]), gc))
    print(f"{prefix}: {len(rows)} requests slower than 10 ms matched to server events")
    for i, name in enumerate(parts):
        col = sorted(r[i] for r in rows) or [0]
        print("  %-30s mean %8.1f ms  p50 %8.1f  p90 %8.1f" % (
            name, statistics.mean(col) / 1e3, col[len(col) // 2] / 1e3,
            col[int(len(col) * 0.9)] / 1e3))
    largest = collections.Counter(parts[max(range(1, 6), key=lambda i: r[i])] for r in rows)
    print("  largest part: " + ", ".join(f"{k} {n}" for k, n in largest.most_common()))


if __name__ == "__main__":
    main(*sys.argv[1:4])
