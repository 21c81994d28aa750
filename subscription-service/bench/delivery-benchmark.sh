#!/usr/bin/env bash
# The webhook delivery benchmark (not a test, not part of verify): starts in one JVM a Kafka broker, the Mongo
# wire server, a token issuer, the subscription-service application and a local receiver on 127.0.0.1; creates
# ACTIVE subscriptions through the API, publishes CloudEvents as the producers' outboxes do and measures
# deliveries per second and the latency from the broker's ack to the receipt.
#
#   subscription-service/bench/delivery-benchmark.sh [burst-events] [subscriptions] [paced-events] [paced-rate/s]
#
# Environment: see bench/run-benchmark.sh (heap 2g by default).
exec "$(dirname "$0")/../../bench/run-benchmark.sh" subscription-service \
  fr.maillage.subscription.delivery.bench.DeliveryBenchmark 2g "$@"
