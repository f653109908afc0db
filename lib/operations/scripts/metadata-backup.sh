#!/usr/bin/env bash
# metadata-backup.sh
# Saves the cluster's metadata as timestamped files in $WORK_DIR/current (the custom resources were
# exported there by the step before), checksums them, and, when $BACKUP_ROOT is set, moves the set
# into $BACKUP_ROOT/<id> in one rename and prunes backups older than $RETENTION_DAYS.
set -euo pipefail
. "$(dirname "$0")/kafka-client.sh"

WORK_DIR="${WORK_DIR:?WORK_DIR is not set}"
out="$WORK_DIR/current"
mkdir -p "$out"
id="$(cat "$WORK_DIR/backup-id" 2>/dev/null || date -u +%Y%m%dT%H%M%SZ)"
echo "$id" > "$WORK_DIR/backup-id"
cfg=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG")

echo "backup $id of cluster ${CLUSTER_NAME:-?}: reading metadata from $KAFKA_BOOTSTRAP_SERVERS"
kafka-topics.sh "${cfg[@]}" --describe --exclude-internal > "$out/topics.txt"
kafka-configs.sh "${cfg[@]}" --describe --entity-type topics > "$out/topic-configs.txt"
kafka-configs.sh "${cfg[@]}" --describe --entity-type brokers --all > "$out/broker-configs.txt"
kafka-acls.sh "${cfg[@]}" --list > "$out/acls.txt"
kafka-consumer-groups.sh "${cfg[@]}" --describe --all-groups --offsets > "$out/consumer-groups.txt"

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

{
  echo "format=kafka-platform-backup/v1"
  echo "id=$id"
  echo "cluster=${CLUSTER_NAME:-}"
  echo "namespace=${NAMESPACE:-}"
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$out/MANIFEST"
(cd "$out" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)
echo "backup $id: $(($(wc -l < "$out/consumer-offsets.csv") - 1)) committed offsets, $(($(wc -l < "$out/topics.csv") - 1)) topics"

if [ -n "${BACKUP_ROOT:-}" ]; then
  mkdir -p "$BACKUP_ROOT"
  rm -rf -- "$BACKUP_ROOT/.partial-$id"
  cp -R "$out" "$BACKUP_ROOT/.partial-$id"
  # The rename makes a backup appear whole or not at all.
  mv "$BACKUP_ROOT/.partial-$id" "$BACKUP_ROOT/$id"
  echo "backup $id written to $BACKUP_ROOT/$id"
  "$(dirname "$0")/prune-backups.sh" "$BACKUP_ROOT" "${RETENTION_DAYS:-30}"
fi
