#!/usr/bin/env bash
# Runs a benchmark's main class from a module's test sources (benchmarks are not tests, not part of verify):
#
#   bench/run-benchmark.sh <module> <main-class> <default-heap> [benchmark arguments...]
#
# Environment: JAVA_HOME (a JDK >= 21; else one is looked for under /usr/lib/jvm), BENCH_HEAP (overrides the
# default heap), BENCH_JAVA_OPTS (more JVM options, e.g. a flight recording).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
name="$1" main="$2" heap="$3"
shift 3
module="$root/$name"

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
./mvnw -o -q -pl "$name" test-compile
./mvnw -o -q -pl "$name" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"

exec "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-$heap}" -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  "$main" "$@"
