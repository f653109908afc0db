#!/usr/bin/env bash
# restore-verify.sh baseline|verify: runs in the Kafka image around the load of a topic restore or drill.
#   baseline  before the load: the target's end offsets (restored records are appended after them). With
#             SCRATCH=true (the drill's scratch topic) the target is first emptied with kafka-delete-records.sh.
#   verify    after the load: waits until every partition of the manifest has received its records, then checks
#             the counts and, with CHECKSUM_SOURCE=true, a checksum of every restored record against the same offsets
#             of SOURCE_TOPIC; reports the recovery point (the newest restored record) and the recovery time.
#
#   TARGET_TOPIC, SOURCE_TOPIC, WORK_DIR (manifest, started, baseline), RESTORE_MODE (dry-run: nothing is done)
#   VERIFY_TIMEOUT_SECONDS   how long the records may take to arrive (default 1800)
#   MAX_RECOVERY_POINT_SECONDS, MAX_RECOVERY_TIME_SECONDS   targets; over them the run fails (default: none)
# The manifest (restore-stage.sh) has one line per partition: partition count min-offset max-offset oldest-ms newest-ms.
# Kafka's tools are read, not trusted by exit code: kafka-get-offsets.sh answers `topic:partition:offset` lines,
# kafka-delete-records.sh reports per partition `low_watermark: N` or `error: ...` (exit 0 either way), and the
# console consumer logs errors on stderr; any other answer is a failure.
# Ends with one line `RESTORE-RESULT ...` (grep it from the Job's log).
# Exit codes: 0 verified; 2 configuration; 5 a Kafka tool failed; 6 the target has other records than the manifest
# (wrong partition count, extra records); 7 checksum mismatch against the source; 8 records missing after the
# timeout; 9 recovery point older than its target; 10 recovery time over its target.
set -euo pipefail

fail() { echo "restore-verify: error: $2" >&2; exit "$1"; }
action="${1:-}"
case "$action" in baseline|verify) ;; *) fail 2 "usage: restore-verify.sh baseline|verify" ;; esac
: "${TARGET_TOPIC:?}" "${WORK_DIR:?}"
if [ "${RESTORE_MODE:-dry-run}" != execute ]; then echo "restore-verify: dry run: $action skipped"; exit 0; fi
[ -s "$WORK_DIR/manifest" ] || fail 2 "no manifest in $WORK_DIR (the stage step did not run)"
. "$(dirname "$0")/kafka-client.sh"
cfg=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG")
tmp="$WORK_DIR/verify"
mkdir -p "$tmp"

# offsets TOPIC TIME FILE: `partition offset` lines of TOPIC at TIME (-1 latest, -2 earliest).
offsets() {
  local rc=0
  kafka-get-offsets.sh "${cfg[@]}" --topic "$1" --time "$2" > "$tmp/offsets.out" 2> "$tmp/offsets.err" || rc=$?
  [ "$rc" -eq 0 ] || fail 5 "kafka-get-offsets.sh --topic $1 exited $rc: $(grep -h -m 2 -v '^[[:space:]]*$' "$tmp/offsets.out" "$tmp/offsets.err" | cut -c1-600 | tr '\n' ' ')"
  local bad
  bad="$(grep -v -E "^$(printf '%s' "$1" | sed 's/[.]/\\./g'):[0-9]+:[0-9]+$" "$tmp/offsets.out" | head -n 1 || true)"
  [ -z "$bad" ] || fail 5 "kafka-get-offsets.sh --topic $1 answered '$bad'"
  [ -s "$tmp/offsets.out" ] || fail 5 "kafka-get-offsets.sh --topic $1 answered nothing (does the topic exist?)"
  awk -F: '{ print $(NF-1), $NF }' "$tmp/offsets.out" | sort -n > "$3"
}

needed="$(awk '{ if ($1 > m) m = $1 } END { print m + 1 }' "$WORK_DIR/manifest")"

if [ "$action" = baseline ]; then
  offsets "$TARGET_TOPIC" -1 "$tmp/end"
  have="$(wc -l < "$tmp/end")"
  [ "$have" -ge "$needed" ] || fail 6 "target topic $TARGET_TOPIC has $have partitions; the restored records need at least $needed (partitions are kept)"
  if [ "${SCRATCH:-false}" = true ]; then
    # Empty the scratch topic: records up to its end offsets are deleted (the drill's last run).
    { printf '{"version":1,"partitions":['; awk -v t="$TARGET_TOPIC" '{ printf "%s{\"topic\":\"%s\",\"partition\":%s,\"offset\":%s}", (NR > 1 ? "," : ""), t, $1, $2 }' "$tmp/end"; printf ']}'; } > "$tmp/delete.json"
    rc=0
    kafka-delete-records.sh "${cfg[@]}" --offset-json-file "$tmp/delete.json" > "$tmp/delete.out" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || fail 5 "kafka-delete-records.sh exited $rc: $(head -c 600 "$tmp/delete.out" | tr '\n' ' ')"
    bad="$(grep -m 1 -i -E 'error|exception' "$tmp/delete.out" || true)"
    [ -z "$bad" ] || fail 5 "emptying scratch topic $TARGET_TOPIC: $bad"
    [ "$(grep -c 'low_watermark' "$tmp/delete.out" || true)" -ge "$have" ] || fail 5 "emptying scratch topic $TARGET_TOPIC: not every partition answered ($(head -c 600 "$tmp/delete.out" | tr '\n' ' '))"
    echo "restore-verify: scratch topic $TARGET_TOPIC emptied"
  fi
  cp "$tmp/end" "$WORK_DIR/baseline"
  echo "restore-verify: baseline of $TARGET_TOPIC: $(tr '\n' ' ' < "$WORK_DIR/baseline")"
  exit 0
fi

[ -s "$WORK_DIR/baseline" ] || fail 2 "no baseline in $WORK_DIR (the baseline step did not run)"
timeout="${VERIFY_TIMEOUT_SECONDS:-1800}"
interval="${VERIFY_POLL_SECONDS:-10}"
start="$(date -u +%s)"
while :; do
  offsets "$TARGET_TOPIC" -1 "$tmp/end"
  # partition expected received
  awk 'FILENAME == ARGV[1] { base[$1] = $2; next } FILENAME == ARGV[2] { end[$1] = $2; next }
       { printf "%s %s %.0f\n", $1, $2, end[$1] - base[$1] }' "$WORK_DIR/baseline" "$tmp/end" "$WORK_DIR/manifest" > "$tmp/progress"
  extra="$(awk '$3 > $2 { printf "partition %s: %s records for %s backed up; ", $1, $3, $2 }' "$tmp/progress")"
  [ -z "$extra" ] || fail 6 "target topic $TARGET_TOPIC received more records than the backup holds (${extra}another writer, or a duplicate load)"
  short="$(awk '$3 < $2 { printf "partition %s: %s of %s; ", $1, $3, $2 }' "$tmp/progress")"
  [ -n "$short" ] || break
  [ $(( $(date -u +%s) - start )) -lt "$timeout" ] || fail 8 "records missing in $TARGET_TOPIC after ${timeout}s: ${short%; }"
  sleep "$interval"
done
records="$(awk '{ n += $2 } END { printf "%.0f", n }' "$WORK_DIR/manifest")"
echo "restore-verify: all $records records arrived in $TARGET_TOPIC"

# consume TOPIC PARTITION OFFSET COUNT FILE: the records printed with timestamp, key and headers (not the offset,
# which differs between source and target), in offset order.
consume() {
  local rc=0
  kafka-console-consumer.sh "${cfg[@]}" --topic "$1" --partition "$2" --offset "$3" --max-messages "$4" --timeout-ms 30000 \
    --formatter-property print.timestamp=true --formatter-property print.key=true --formatter-property print.headers=true \
    > "$5" 2> "$tmp/consume.err" || rc=$?
  [ "$rc" -eq 0 ] || fail 5 "kafka-console-consumer.sh --topic $1 --partition $2 exited $rc: $(grep -m 2 -v '^[[:space:]]*$' "$tmp/consume.err" | cut -c1-600 | tr '\n' ' ')"
  local bad
  bad="$(grep -m 1 -E '^(ERROR|\[[^]]*\] ERROR)|Exception' "$tmp/consume.err" | cut -c1-600 || true)"
  [ -z "$bad" ] || fail 5 "kafka-console-consumer.sh --topic $1 --partition $2: $bad"
}

checksum=skipped
if [ "${CHECKSUM_SOURCE:-false}" = true ]; then
  : "${SOURCE_TOPIC:?}"
  while read -r p count min _max _old _new; do
    base="$(awk -v p="$p" '$1 == p { print $2 }' "$WORK_DIR/baseline")"
    consume "$SOURCE_TOPIC" "$p" "$min" "$count" "$tmp/source.$p"
    consume "$TARGET_TOPIC" "$p" "$base" "$count" "$tmp/target.$p"
    got="$(grep -c '' "$tmp/target.$p" || true)"
    [ "$(grep -c '' "$tmp/source.$p" || true)" -ge "$count" ] || fail 7 "partition $p: the source $SOURCE_TOPIC no longer has the $count records from offset $min (retention?)"
    [ "$got" -ge "$count" ] || fail 7 "partition $p: $got of $count restored records could be read back"
    if [ "$(sha256sum < "$tmp/source.$p")" != "$(sha256sum < "$tmp/target.$p")" ]; then
      fail 7 "partition $p: restored records differ from the source (first difference: $(diff "$tmp/source.$p" "$tmp/target.$p" | grep -m 1 '^[<>]' | cut -c1-200))"
    fi
  done < "$WORK_DIR/manifest"
  checksum=ok
  echo "restore-verify: every restored record equals its source record (timestamp, key, headers, value)"
fi

now="$(date -u +%s)"
newest_ms="$(awk '{ if ($6 + 0 > m) m = $6 + 0 } END { printf "%.0f", m }' "$WORK_DIR/manifest")"
point_age=$(( now - newest_ms / 1000 ))
recovery_time=$(( now - $(cat "$WORK_DIR/started") ))
echo "RESTORE-RESULT source=${SOURCE_TOPIC:-?} target=$TARGET_TOPIC records=$records partitions=$(grep -c '' "$WORK_DIR/manifest") recovery_point=$(date -u -d "@$((newest_ms / 1000))" +%Y-%m-%dT%H:%M:%SZ) recovery_point_age_s=$point_age recovery_time_s=$recovery_time checksum=$checksum rpo_target_s=${MAX_RECOVERY_POINT_SECONDS:-none} rto_target_s=${MAX_RECOVERY_TIME_SECONDS:-none}"
if [ -n "${MAX_RECOVERY_POINT_SECONDS:-}" ] && [ "$point_age" -gt "$MAX_RECOVERY_POINT_SECONDS" ]; then
  fail 9 "the newest restored record is ${point_age}s old, over the recovery point objective of ${MAX_RECOVERY_POINT_SECONDS}s: the backup is behind"
fi
if [ -n "${MAX_RECOVERY_TIME_SECONDS:-}" ] && [ "$recovery_time" -gt "$MAX_RECOVERY_TIME_SECONDS" ]; then
  fail 10 "the restore took ${recovery_time}s, over the recovery time objective of ${MAX_RECOVERY_TIME_SECONDS}s"
fi
