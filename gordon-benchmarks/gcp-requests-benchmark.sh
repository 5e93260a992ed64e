#!/usr/bin/env bash
# Counts the Cloud DNS API requests gcp.publisher makes per 1,000 events against the fake Cloud
# DNS (see docs/benchmarks.md, section gcp.publisher). Arguments: [events] [existing rrsets].
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/jdk.sh"
gordon_select_jdk
cd "$root"
mvn -B -q -ntp -pl gordon-benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
cp="$root/gordon-benchmarks/target/classes:$(cat "$root/gordon-benchmarks/target/classpath.txt")"
exec "$JAVA_HOME/bin/java" -cp "$cp" io.gordon.benchmarks.gcp.CloudDnsRequestsBenchmark "$@"
