#!/usr/bin/env python3
"""Steady churn against local.http: load.py PORT RATE SECONDS [threads]"""
import http.client, json, random, sys, threading, time, collections
port, rate, secs = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
nthreads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
stats = collections.Counter(); lock = threading.Lock()
def ev(i, t):
    r = random.random(); eid = f"s{t}-{i}-{random.getrandbits(32):08x}"
    zone = "example.com." if random.random() < 0.7 else "example.net."
    name = f"h{random.randrange(3000)}.{zone}"
    ip = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1,255)}"
    if r < 0.60:
        return {"id": eid, "action": "additions", "resourceRecords": {"name": name, "type": "A", "ttl": 300, "rrdatas": [ip]}}
    if r < 0.90:
        return {"id": eid, "action": "deletions", "resourceRecords": {"name": name, "type": "A"}}
    if r < 0.95:
        return {"id": eid, "action": "additions", "resourceRecords": {"name": f"x{random.randrange(100)}.example.org.", "type": "A", "ttl": 300, "rrdatas": [ip]}}
    if r < 0.97:
        return {"id": eid, "action": "additions", "resourceRecords": {"name": name, "type": "CNAME", "ttl": 300, "rrdatas": ["target.example.com."]}}
    return {"id": eid, "action": "additions", "resourceRecords": {"name": name, "type": "A", "ttl": 5, "rrdatas": [ip]}}
def worker(t):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    per = rate / nthreads; i = 0; start = time.time()
    while time.time() - start < secs:
        n = random.choice([1, 1, 1, 2, 5])
        body = [ev(i + k, t) for k in range(n)]; i += n
        try:
            c.request("POST", "/v1/events", json.dumps(body if n > 1 else body[0]), {"Content-Type": "application/json"})
            resp = c.getresponse(); resp.read()
            with lock: stats[resp.status] += 1; stats["events"] += n
        except Exception as e:
            with lock: stats["err:" + type(e).__name__] += 1
            c.close(); c = http.client.HTTPConnection("127.0.0.1", port, timeout=30); time.sleep(0.5)
        target = start + i / per
        d = target - time.time()
        if d > 0: time.sleep(d)
ts = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
[t.start() for t in ts]
last = time.time()
while any(t.is_alive() for t in ts):
    time.sleep(10)
    with lock: print(time.strftime("%H:%M:%S"), dict(stats), flush=True)
[t.join() for t in ts]
print("done", dict(stats), flush=True)
