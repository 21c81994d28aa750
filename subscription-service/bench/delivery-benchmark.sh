#!/usr/bin/env bash
# The webhook delivery benchmark (not a test, not part of verify): starts in one JVM a Kafka broker, the Mongo
# wire server, a token issuer, the subscription-service application and a local receiver on 127.0.0.1; creates
# ACTIVE subscriptions through the API, publishes CloudEvents as the producers' outboxes do and measures
# deliveries per second and the latency from the broker's ack to the receipt.
#
#   subscription-service/bench/delivery-benchmark.sh [burst-events] [subscriptions] [paced-events] [paced-rate/s]
#
# Environment: JAVA_HOME (a JDK >= 21; else one is looked for under /usr/lib/jvm), BENCH_HEAP (default 2g),
# BENCH_JAVA_OPTS (more JVM options, e.g. a flight recording).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
module="$root/subscription-service"

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
./mvnw -o -q -pl subscription-service test-compile
./mvnw -o -q -pl subscription-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"

exec "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-2g}" -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  fr.maillage.subscription.delivery.bench.DeliveryBenchmark "$@"
