#!/usr/bin/env bash
# The indicator projection's replay benchmark (not a test, not part of verify): starts a Kafka broker and the
# Mongo wire server in one JVM, publishes >= 1 M generated events, times their replay through the projection.
#
#   evaluation-service/bench/projection-benchmark.sh [events] [territories] [batch-size]
#
# Environment: JAVA_HOME (a JDK >= 21; else one is looked for under /usr/lib/jvm), BENCH_HEAP (default 6g),
# BENCH_JAVA_OPTS (more JVM options, e.g. a flight recording).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
module="$root/evaluation-service"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 21 ]]; then JAVA_HOME="$candidate"; fi
  done
  if [[ -z "$JAVA_HOME" ]]; then
    echo "No JDK >= 21 found: set JAVA_HOME to one." >&2
    exit 1
  fi
fi
export JAVA_HOME

cd "$root"
./mvnw -o -q -pl evaluation-service test-compile
./mvnw -o -q -pl evaluation-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"

exec "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-6g}" -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  fr.maillage.evaluation.indicator.bench.ProjectionBenchmark "$@"
