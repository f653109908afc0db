#!/usr/bin/env bash
# load-test.sh producer|consumer: the operations guide's benchmark against $LOADTEST_TOPIC.
#   LOADTEST_RECORDS, LOADTEST_RECORD_SIZE, LOADTEST_THROUGHPUT, LOADTEST_PRODUCER_PROPS (space separated)
set -euo pipefail
. "$(dirname "$0")/kafka-client.sh"
: "${LOADTEST_TOPIC:?}" "${LOADTEST_RECORDS:?}"
case "${1:-}" in
  producer)
    # shellcheck disable=SC2086
    kafka-producer-perf-test.sh --topic "$LOADTEST_TOPIC" --num-records "$LOADTEST_RECORDS" \
      --record-size "${LOADTEST_RECORD_SIZE:-1024}" --throughput "${LOADTEST_THROUGHPUT:--1}" \
      --producer.config "$KAFKA_CLIENT_CONFIG" --producer-props ${LOADTEST_PRODUCER_PROPS:-}
    ;;
  consumer)
    kafka-consumer-perf-test.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG" \
      --topic "$LOADTEST_TOPIC" --messages "$LOADTEST_RECORDS" --group "${LOADTEST_GROUP:-loadtest}" --timeout 600000 --show-detailed-stats
    ;;
  *) echo "usage: load-test.sh producer|consumer" >&2; exit 2 ;;
esac
