#!/usr/bin/env bash
# restore-offsets.sh BACKUP_DIR
# Restores committed consumer group offsets from a backup written by metadata-backup.sh.
#   RESTORE_MODE    dry-run (default: shows the plan, changes nothing) or execute
#   RESTORE_GROUPS  extended regular expression of groups to restore (default: all in the backup)
# Everything is checked before anything changes: the backup must exist, match its checksums, hold
# well-formed offsets, and every group to restore must have no active members. Any problem stops the
# script with a clear message and nothing changed. After each reset the group's committed offsets are
# read back and compared with the backup. Kafka's answers are read, not its exit code (it prints
# `Error: ...` and exits 0).
# Exit codes: 0 done (execute: verified); 2 usage/missing; 3 corrupt; 4 groups active; 5 Kafka refused or
# failed (an `Error` answer, exit 0 or not); 6 verification failed (the plan or the committed offsets differ
# from the backup). Messages on 5 and 6 name the groups already restored; a re-run is safe (resets are idempotent).
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

# kafka-consumer-groups.sh prints `Error: ...` on stdout and exits 0 for most failures: every answer is
# read. cg OUT ARGS... runs it with OUT getting stdout and stderr.
cg() { local out="$1"; shift; kafka-consumer-groups.sh "${cfg[@]}" "$@" > "$out" 2>&1 || fail 5 "kafka-consumer-groups.sh $* exited $?: $(head -c 300 "$out")"; }
error_in() { grep -m 1 -E '^[[:space:]]*Error[: ]|Exception:' "$1" | cut -c1-300 || true; }
# table FILE VALUE-COLUMN: topic,partition,value of every row under a header naming VALUE-COLUMN, sorted.
table() {
  awk -v want="$2" '$1 == "GROUP" { delete col; for (i = 1; i <= NF; i++) col[$i] = i; next }
    (want in col) && NF >= col[want] && $(col["PARTITION"]) ~ /^[0-9]+$/ { print $(col["TOPIC"]) "," $(col["PARTITION"]) "," $(col[want]) }' "$1" | sort
}

# Kafka only resets offsets of groups without members; find all active groups first. Since Kafka 4.0
# describing a group that does not exist fails with GroupIdNotFoundException: such a group is absent
# (the reset creates it), any other error stops the restore.
active=()
for g in "${groups[@]}"; do
  cg "$work/state" --describe --group "$g" --state
  if grep -q -E 'GroupIdNotFoundException|does not exist' "$work/state"; then state=absent
  else
    err="$(error_in "$work/state")"
    [ -z "$err" ] || fail 5 "checking group $g: $err; nothing was changed"
    state="$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(Empty|Dead|Stable|PreparingRebalance|CompletingRebalance|Assigning|Reconciling|NotReady|Unknown)$/) { print $i; exit } }' "$work/state")"
    [ -n "$state" ] || fail 5 "checking group $g: no state in the answer ($(head -c 200 "$work/state" | tr '\n' ' ')); nothing was changed"
  fi
  case "$state" in absent|Empty|Dead) ;; *) active+=("$g ($state)") ;; esac
done
if [ "${#active[@]}" -gt 0 ]; then
  fail 4 "consumer groups still have members: ${active[*]}. Stop their consumers, then run again; nothing was changed"
fi

flag="--dry-run"; [ "$mode" = execute ] && flag="--execute"
done_groups=()
so_far() { [ "${#done_groups[@]}" -eq 0 ] && echo "no group was changed" || echo "groups already restored: ${done_groups[*]}"; }
i=0
for g in "${groups[@]}"; do
  i=$((i + 1))
  want="$work/$i.csv"
  sort "$want" -o "$want"
  echo "restore-offsets: $mode: group $g ($(wc -l < "$want") partitions)"
  cg "$work/reset" --group "$g" --reset-offsets --from-file "$want" "$flag"
  cat "$work/reset"
  err="$(error_in "$work/reset")"
  [ -z "$err" ] || fail 5 "resetting group $g: $err ($([ "$mode" = execute ] && so_far || echo 'dry-run, nothing changed'))"
  # The plan Kafka printed must be exactly the backup's offsets.
  table "$work/reset" NEW-OFFSET > "$work/planned"
  if ! cmp -s "$want" "$work/planned"; then
    fail 6 "group $g: Kafka's plan differs from the backup (expected topic,partition,offset vs planned): $(diff "$want" "$work/planned" | grep '^[<>]' | head -n 5 | tr '\n' ' ')($(so_far))"
  fi
  [ "$mode" = execute ] || continue
  # Read the committed offsets back: a reset Kafka accepted but did not apply fails here.
  cg "$work/after" --describe --group "$g" --offsets
  err="$(error_in "$work/after")"
  [ -z "$err" ] || fail 6 "verifying group $g after the reset: $err ($(so_far))"
  table "$work/after" CURRENT-OFFSET | grep -F -x -f "$want" > "$work/matched" || true
  if ! cmp -s "$want" "$work/matched"; then
    fail 6 "group $g: committed offsets after the reset differ from the backup: $(comm -23 "$want" "$work/matched" | head -n 5 | tr '\n' ' ')not committed ($(so_far))"
  fi
  done_groups+=("$g")
  echo "restore-offsets: group $g verified: $(wc -l < "$want") committed offsets match the backup"
done
echo "restore-offsets: $mode of ${#groups[@]} group(s) from $(basename "$backup") finished$([ "$mode" = execute ] && echo ', every offset verified')"
