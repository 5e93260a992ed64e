#!/usr/bin/env python3
"""versions.py PORT ZONE NAMES VERSIONS RATE [prefix]: each name gets versions 1..V in order (A 10.<v>.<i/256>.<i%256>)."""
import http.client, json, sys, time
port, zone, n, V, rate = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
prefix = sys.argv[6] if len(sys.argv) > 6 else "v"
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30); sent = 0; start = time.time(); bad = 0
for v in range(1, V + 1):
    for i in range(n):
        e = {"id": f"{prefix}{i}-{v}", "action": "additions", "resourceRecords": {"name": f"{prefix}{i}.{zone}", "type": "A", "ttl": 300, "rrdatas": [f"10.{v}.{i // 256}.{i % 256}"]}}
        while True:
            try:
                c.request("POST", "/v1/events", json.dumps(e), {"Content-Type": "application/json"})
                r = c.getresponse(); r.read()
                if r.status == 202: break
                print("status", r.status, flush=True); time.sleep(1)
            except Exception as ex:
                print("err", ex, flush=True); c.close(); c = http.client.HTTPConnection("127.0.0.1", port, timeout=30); time.sleep(1)
        sent += 1
        d = start + sent / rate - time.time()
        if d > 0: time.sleep(d)
print("sent", sent, "in", round(time.time() - start, 1), "s", flush=True)
