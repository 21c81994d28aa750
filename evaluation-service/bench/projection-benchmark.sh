#!/usr/bin/env bash
# The indicator projection's replay benchmark (not a test, not part of verify): starts a Kafka broker and the
# Mongo wire server in one JVM, publishes >= 1 M generated events, times their replay through the projection.
#
#   evaluation-service/bench/projection-benchmark.sh [events] [territories] [batch-size]
#
# Environment: see bench/run-benchmark.sh (heap 6g by default).
exec "$(dirname "$0")/../../bench/run-benchmark.sh" evaluation-service \
  fr.maillage.evaluation.indicator.bench.ProjectionBenchmark 6g "$@"
