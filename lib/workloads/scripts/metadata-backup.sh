#!/usr/bin/env bash
# metadata-backup.sh
# Saves the cluster's metadata as timestamped files in $WORK_DIR/current (the custom resources were
# exported there by the step before), checksums them, and, when $BACKUP_ROOT is set, moves the set
# into $BACKUP_ROOT/<id> in one rename and prunes backups older than $RETENTION_DAYS.
#
# The Kafka tools are not trusted to fail by their exit code: kafka-consumer-groups.sh prints
# `Error: ...` on stdout and exits 0 for most failures. Every answer is read, and an answer that
# contradicts a listing (groups or topics listed but missing from their describe) fails the backup.
# Nothing is written under $BACKUP_ROOT unless every check passed.
# Exit codes: 0 backup written; 2 configuration missing; 5 a Kafka tool failed (non-zero exit, or an
# `Error`/exception printed with exit 0); 6 the answers contradict each other (backup would be incomplete).
set -euo pipefail

fail() { echo "metadata-backup: error: $2" >&2; exit "$1"; }
[ -n "${WORK_DIR:-}" ] || fail 2 "WORK_DIR is not set"
. "$(dirname "$0")/kafka-client.sh"

out="$WORK_DIR/current"
logs="$WORK_DIR/logs"
mkdir -p "$out" "$logs"
id="$(cat "$WORK_DIR/backup-id" 2>/dev/null || date -u +%Y%m%dT%H%M%SZ)"
echo "$id" > "$WORK_DIR/backup-id"
cfg=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG")

# kafka FILE TOOL ARGS...: runs a Kafka tool, its stdout into FILE (stderr into $logs), and fails
# (exit 5) when it exits non-zero or prints an error line, whatever its exit code.
kafka() {
  local file="$1" tool="$2" rc=0 err
  shift 2
  err="$logs/$(basename "$file").err"
  "$tool" "${cfg[@]}" "$@" > "$file" 2> "$err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail 5 "$tool $* exited $rc: $(grep -h -m 3 -v '^[[:space:]]*$' "$file" "$err" | cut -c1-300 | tr '\n' ' ')"
  fi
  local bad
  # stdout carries the tools' error messages; stderr may carry retried warnings, so only `Error` lines count there.
  bad="$( { grep -m 1 -E '^[[:space:]]*(Error|ERROR)[: ]|Exception:' "$file"; grep -m 1 -E '^[[:space:]]*Error[: ]' "$err"; } | head -n 1 | cut -c1-300 || true)"
  [ -z "$bad" ] || fail 5 "$tool $* reported a failure (exit code 0): $bad"
}

echo "backup $id of cluster ${CLUSTER_NAME:-?}: reading metadata from $KAFKA_BOOTSTRAP_SERVERS"
kafka "$logs/topics.list" kafka-topics.sh --list --exclude-internal
kafka "$out/topics.txt" kafka-topics.sh --describe --exclude-internal
kafka "$out/topic-configs.txt" kafka-configs.sh --describe --entity-type topics
kafka "$out/broker-configs.txt" kafka-configs.sh --describe --entity-type brokers --all
kafka "$out/acls.txt" kafka-acls.sh --list
kafka "$logs/groups.list" kafka-consumer-groups.sh --list
kafka "$out/consumer-groups.txt" kafka-consumer-groups.sh --describe --all-groups --offsets

# topics.csv: name,partitions,replicationFactor,configs (from the summary line of each topic).
awk -F'\t' 'BEGIN { print "topic,partitions,replicationFactor,configs" }
  $1 ~ /^Topic: / && $0 ~ /PartitionCount:/ {
    t = ""; p = ""; r = ""; c = ""
    for (i = 1; i <= NF; i++) {
      split($i, kv, ": ")
      if (kv[1] == "Topic") t = kv[2]; else if (kv[1] == "PartitionCount") p = kv[2]
      else if (kv[1] == "ReplicationFactor") r = kv[2]; else if (kv[1] == "Configs") c = substr($i, 10)
    }
    gsub(/"/, "\"\"", c); print t "," p "," r ",\"" c "\""
  }' "$out/topics.txt" > "$out/topics.csv"

# consumer-offsets.csv: group,topic,partition,offset, the format restore-offsets.sh reads. Columns are
# found by their header, which kafka-consumer-groups.sh repeats for every group.
awk 'BEGIN { print "group,topic,partition,offset" }
  $1 == "GROUP" { for (i = 1; i <= NF; i++) col[$i] = i; next }
  NF >= 4 && ("CURRENT-OFFSET" in col) {
    off = $(col["CURRENT-OFFSET"])
    if (off ~ /^[0-9]+$/) print $(col["GROUP"]) "," $(col["TOPIC"]) "," $(col["PARTITION"]) "," off
  }' "$out/consumer-groups.txt" > "$out/consumer-offsets.csv"

# Answers must agree with the listings: a group or topic that exists but is missing from its describe
# means the describe failed part-way (or answered empty), and restoring from this backup would lose it.
missing() { # LISTED DESCRIBED -> names in LISTED not in DESCRIBED
  { sort -u "$1" | grep -v '^[[:space:]]*$' | comm -23 - <(sort -u "$2") | head -n 20 | tr '\n' ' '; } || true
}
awk '$1 == "GROUP" { h = 1; next } h && NF >= 4 { print $1 }' "$out/consumer-groups.txt" > "$logs/groups.described"
gaps="$(missing "$logs/groups.list" "$logs/groups.described")"
[ -z "$gaps" ] || fail 6 "consumer groups listed but missing from the offsets describe: $gaps($(grep -cv '^[[:space:]]*$' "$logs/groups.list") listed, $(sort -u "$logs/groups.described" | grep -c . || true) described); no backup written"
tail -n +2 "$out/topics.csv" | cut -d, -f1 > "$logs/topics.described"
gaps="$(missing "$logs/topics.list" "$logs/topics.described")"
[ -z "$gaps" ] || fail 6 "topics listed but missing from the topic describe: $gaps; no backup written"

{
  echo "format=kafka-platform-backup/v1"
  echo "id=$id"
  echo "cluster=${CLUSTER_NAME:-}"
  echo "namespace=${NAMESPACE:-}"
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "groups=$(sort -u "$logs/groups.described" | grep -c . || true)"
  echo "topics=$(grep -c . "$logs/topics.described" || true)"
} > "$out/MANIFEST"
(cd "$out" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)
echo "backup $id: $(($(wc -l < "$out/consumer-offsets.csv") - 1)) committed offsets of $(sort -u "$logs/groups.described" | grep -c . || true) groups, $(($(wc -l < "$out/topics.csv") - 1)) topics"

if [ -n "${BACKUP_ROOT:-}" ]; then
  mkdir -p "$BACKUP_ROOT"
  rm -rf -- "$BACKUP_ROOT/.partial-$id"
  cp -R "$out" "$BACKUP_ROOT/.partial-$id"
  # The rename makes a backup appear whole or not at all.
  mv "$BACKUP_ROOT/.partial-$id" "$BACKUP_ROOT/$id"
  echo "backup $id written to $BACKUP_ROOT/$id"
  "$(dirname "$0")/prune-backups.sh" "$BACKUP_ROOT" "${RETENTION_DAYS:-30}"
fi
