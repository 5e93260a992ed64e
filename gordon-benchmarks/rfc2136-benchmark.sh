#!/usr/bin/env bash
# Runs the rfc2136 throughput/latency benchmark (see docs/benchmarks.md, section rfc2136):
# builds gordon-benchmarks and what it needs, then starts BIND itself (bind9, bind9-dnsutils).
# Arguments: [records per measurement] [steady rate, events/s] [seconds at that rate] [rounds]
# Defaults: 20000 1000 10 3. Example: gordon-benchmarks/rfc2136-benchmark.sh 20000 1000 10 3
# Single parts: "e2e [records] [rounds]" (the issue-11 row: the service against nsupdate),
# "shapes [records]" (nsupdate sending each message shape), "provider [records]" (line (b2)).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
gordon_select_jdk
"$root/bin/install-test-deps"
cd "$root"
mvn -B -q -ntp -pl gordon-benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
cp="$root/gordon-benchmarks/target/classes:$(cat "$root/gordon-benchmarks/target/classpath.txt")"
exec "$JAVA_HOME/bin/java" -cp "$cp" io.gordon.benchmarks.rfc2136.Rfc2136Benchmark "$@"
