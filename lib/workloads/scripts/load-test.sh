#!/usr/bin/env bash
# load-test.sh producer|consumer: the operations guide's benchmark against $LOADTEST_TOPIC, with the Kafka 4.2+
# perf-tool flags (--command-config / --command-property), then one summary line comparable with the guide's
# baselines:
#   LOADTEST-RESULT role=producer records=… records_per_sec=… mb_per_sec=… p99_ms=… baseline=100000 target=500000 …
#   LOADTEST_RECORDS, LOADTEST_RECORD_SIZE, LOADTEST_THROUGHPUT, LOADTEST_PRODUCER_PROPS (space separated key=value)
set -euo pipefail
. "$(dirname "$0")/kafka-client.sh"
: "${LOADTEST_TOPIC:?}" "${LOADTEST_RECORDS:?}"
# The guide's figures: producer 100k msg/s (target 500k), consumer 150k msg/s (target 750k), p99 below 50 ms.
PRODUCER_BASELINE=100000 PRODUCER_TARGET=500000 CONSUMER_BASELINE=150000 CONSUMER_TARGET=750000 P99_TARGET_MS=50
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

# level <value> <baseline> <target>: where a rate stands against the guide's figures.
level() {
  awk -v v="$1" -v b="$2" -v t="$3" 'BEGIN { print (v >= t ? "target" : v >= b ? "baseline" : "below-baseline") }'
}

case "${1:-}" in
  producer)
    props=()
    for p in ${LOADTEST_PRODUCER_PROPS:-}; do props+=("$p"); done
    # --command-property takes every key=value after it.
    extra=()
    if [ "${#props[@]}" -gt 0 ]; then extra=(--command-property "${props[@]}"); fi
    kafka-producer-perf-test.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --topic "$LOADTEST_TOPIC" \
      --num-records "$LOADTEST_RECORDS" --record-size "${LOADTEST_RECORD_SIZE:-1024}" --throughput "${LOADTEST_THROUGHPUT:--1}" \
      --command-config "$KAFKA_CLIENT_CONFIG" "${extra[@]}" | tee "$out"
    # The final line (the only one with percentiles):
    # "1000000 records sent, 99990.0 records/sec (97.65 MB/sec), 3.10 ms avg latency, 250.00 ms max latency, 2 ms 50th, 8 ms 95th, 15 ms 99th, 40 ms 99.9th."
    line="$(grep -E 'records sent, .* ms 99th' "$out" | tail -n 1 || true)"
    if [ -z "$line" ]; then echo "Error: kafka-producer-perf-test.sh printed no final result line" >&2; exit 1; fi
    read -r records rate mbs avg p99 <<<"$(echo "$line" | sed -E 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), ([0-9.]+) ms avg latency.* ([0-9]+) ms 99th.*$/\1 \2 \3 \4 \5/')"
    complete=$([ "$records" -ge "$LOADTEST_RECORDS" ] && echo true || echo false)
    p99ok=$(awk -v p="$p99" -v t="$P99_TARGET_MS" 'BEGIN { print (p < t ? "true" : "false") }')
    echo "LOADTEST-RESULT role=producer records=$records complete=$complete records_per_sec=$rate mb_per_sec=$mbs avg_ms=$avg p99_ms=$p99" \
      "capped_at=${LOADTEST_THROUGHPUT:--1} baseline=$PRODUCER_BASELINE target=$PRODUCER_TARGET level=$(level "$rate" "$PRODUCER_BASELINE" "$PRODUCER_TARGET")" \
      "p99_target_ms=$P99_TARGET_MS p99_ok=$p99ok"
    ;;
  consumer)
    kafka-consumer-perf-test.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG" \
      --topic "$LOADTEST_TOPIC" --num-records "$LOADTEST_RECORDS" --group "${LOADTEST_GROUP:-loadtest}" --timeout 600000 | tee "$out"
    # A header "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ..." and one row.
    summary="$(awk -F', *' '
      /data.consumed.in.nMsg/ { for (i = 1; i <= NF; i++) col[$i] = i; next }
      ("nMsg.sec" in col) && NF >= col["nMsg.sec"] { row = $(col["data.consumed.in.nMsg"]) " " $(col["nMsg.sec"]) " " $(col["MB.sec"]) }
      END { print row }' "$out")"
    if [ -z "$summary" ]; then echo "Error: kafka-consumer-perf-test.sh printed no result row" >&2; exit 1; fi
    read -r records rate mbs <<<"$summary"
    complete=$(awk -v r="$records" -v n="$LOADTEST_RECORDS" 'BEGIN { print (r >= n ? "true" : "false") }')
    echo "LOADTEST-RESULT role=consumer records=$records complete=$complete records_per_sec=$rate mb_per_sec=$mbs" \
      "baseline=$CONSUMER_BASELINE target=$CONSUMER_TARGET level=$(level "$rate" "$CONSUMER_BASELINE" "$CONSUMER_TARGET")"
    ;;
  *) echo "usage: load-test.sh producer|consumer" >&2; exit 2 ;;
esac
