#!/usr/bin/env bash
# restore-offsets.sh BACKUP_DIR
# Restores committed consumer group offsets from a backup written by metadata-backup.sh.
#   RESTORE_MODE    dry-run (default: shows the plan, changes nothing) or execute
#   RESTORE_GROUPS  extended regular expression of groups to restore (default: all in the backup)
# Everything is checked before anything changes: the backup must exist, match its checksums, hold
# well-formed offsets, and every group to restore must have no active members. Any problem stops the
# script with a clear message and nothing changed. Exit codes: 2 usage/missing, 3 corrupt, 4 groups active.
set -euo pipefail

fail() { echo "restore-offsets: error: $2" >&2; exit "$1"; }

backup="${1:-}"
[ -n "$backup" ] || fail 2 "usage: restore-offsets.sh BACKUP_DIR"
mode="${RESTORE_MODE:-dry-run}"
case "$mode" in dry-run|execute) ;; *) fail 2 "RESTORE_MODE must be dry-run or execute, got '$mode'" ;; esac
groups_re="${RESTORE_GROUPS:-.*}"

[ -d "$backup" ] || fail 2 "backup '$backup' not found (list backups with: ls \$BACKUP_ROOT)"
offsets="$backup/consumer-offsets.csv"
[ -f "$offsets" ] || fail 2 "backup '$backup' has no consumer-offsets.csv"
[ -f "$backup/SHA256SUMS" ] || fail 3 "backup '$backup' has no SHA256SUMS: it is incomplete or corrupt"
if ! (cd "$backup" && sha256sum --check --quiet --strict SHA256SUMS >/dev/null 2>&1); then
  fail 3 "backup '$backup' does not match its checksums (SHA256SUMS): it is corrupt"
fi

# Validate every line before acting on any.
header="$(head -n 1 "$offsets")"
[ "$header" = "group,topic,partition,offset" ] || fail 3 "$offsets: line 1 = '$header': expected the header group,topic,partition,offset"
bad="$(awk -F',' 'NR > 1 && !(NF == 4 && $1 != "" && $2 ~ /^[A-Za-z0-9._-]+$/ && $3 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+$/) { print "line " NR " = \"" $0 "\""; exit }' "$offsets")"
[ -z "$bad" ] || fail 3 "$offsets: $bad: expected group,topic,partition,offset with a Kafka topic name and whole numbers"

work="$(mktemp -d "${TMPDIR:-/tmp}/restore-offsets.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
# One file per group (topic,partition,offset: the --from-file format for a single group).
awk -F',' -v dir="$work" -v re="$groups_re" 'NR > 1 && $1 ~ ("^(" re ")$") {
    f = dir "/" (++n[$1] == 1 ? (groups[$1] = ++count) : groups[$1]) ".csv"
    if (n[$1] == 1) print $1 > (dir "/groups")
    print $2 "," $3 "," $4 > f
  }' "$offsets"
[ -s "$work/groups" ] || { echo "restore-offsets: no consumer groups in '$backup' match '$groups_re'; nothing to do"; exit 0; }
mapfile -t groups < "$work/groups"

. "$(dirname "$0")/kafka-client.sh"
cfg=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$KAFKA_CLIENT_CONFIG")

# Kafka only resets offsets of groups without members; find all active groups first.
active=()
for g in "${groups[@]}"; do
  state="$(kafka-consumer-groups.sh "${cfg[@]}" --describe --group "$g" --state 2>&1 \
    | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(Empty|Dead|Stable|PreparingRebalance|CompletingRebalance|Assigning|Reconciling|NotReady|Unknown)$/) { print $i; exit } }')"
  case "$state" in ''|Empty|Dead) ;; *) active+=("$g ($state)") ;; esac
done
if [ "${#active[@]}" -gt 0 ]; then
  fail 4 "consumer groups still have members: ${active[*]}. Stop their consumers, then run again; nothing was changed"
fi

flag="--dry-run"; [ "$mode" = execute ] && flag="--execute"
i=0
for g in "${groups[@]}"; do
  i=$((i + 1))
  echo "restore-offsets: $mode: group $g ($(wc -l < "$work/$i.csv") partitions)"
  kafka-consumer-groups.sh "${cfg[@]}" --group "$g" --reset-offsets --from-file "$work/$i.csv" "$flag"
done
echo "restore-offsets: $mode of ${#groups[@]} group(s) from $(basename "$backup") finished"
