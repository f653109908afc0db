#!/usr/bin/env bash
# backup-probe.sh: writes one probe record (key `probe`, value the UTC time) to $PROBE_TOPIC, so the topic backup
# always has fresh data whose age the restore drill can measure. The console producer logs a failed send and still
# exits 0: the topic's end offset is read before and after, and the record counts only if it moved.
# Exit codes: 0 written; 2 configuration; 5 a Kafka tool failed or the record did not arrive.
set -euo pipefail

fail() { echo "backup-probe: error: $2" >&2; exit "$1"; }
: "${PROBE_TOPIC:?}"
. "$(dirname "$0")/kafka-client.sh"
cfg=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG")
tmp="$(mktemp -d "${TMPDIR:-/tmp}/backup-probe.XXXXXX")"
trap 'rm -rf -- "$tmp"' EXIT

end() {
  local rc=0
  kafka-get-offsets.sh "${cfg[@]}" --topic "$PROBE_TOPIC" --time -1 > "$tmp/out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || fail 5 "kafka-get-offsets.sh exited $rc: $(head -c 300 "$tmp/out" | tr '\n' ' ')"
  grep -q -E "^[^:]+:[0-9]+:[0-9]+$" "$tmp/out" || fail 5 "kafka-get-offsets.sh answered '$(head -c 200 "$tmp/out" | tr '\n' ' ')'"
  awk -F: '{ n += $NF } END { printf "%.0f", n }' "$tmp/out"
}

before="$(end)"
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
rc=0
printf 'probe|{"probe":"%s"}\n' "$now" | kafka-console-producer.sh "${cfg[@]}" --topic "$PROBE_TOPIC" \
  --reader-property parse.key=true --reader-property key.separator='|' --producer-property acks=all > "$tmp/produce" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail 5 "kafka-console-producer.sh exited $rc: $(head -c 300 "$tmp/produce" | tr '\n' ' ')"
bad="$(grep -m 1 -E 'ERROR|Exception' "$tmp/produce" | cut -c1-300 || true)"
[ -z "$bad" ] || fail 5 "the probe record was not written: $bad"
after="$(end)"
[ "$after" -gt "$before" ] || fail 5 "the probe record did not arrive (end offsets $before before, $after after)"
echo "backup-probe: probe $now written to $PROBE_TOPIC"
