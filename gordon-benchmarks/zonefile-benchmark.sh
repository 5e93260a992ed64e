#!/usr/bin/env bash
# Runs the local.zonefile throughput benchmark (see docs/benchmarks.md, section local.zonefile):
# builds gordon-benchmarks and what it needs, then prints events/s and ms per batch by zone size.
# Arguments: [zone sizes] [batch sizes] [batches]. Defaults: 1000,10000,100000 100,1000 30.
# JFR: JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/zf.jfr,settings=profile
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
gordon_select_jdk
cd "$root"
mvn -B -q -ntp -pl gordon-benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
cp="$root/gordon-benchmarks/target/classes:$(cat "$root/gordon-benchmarks/target/classpath.txt")"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$cp" io.gordon.benchmarks.local.ZoneFileBenchmark "$@"
