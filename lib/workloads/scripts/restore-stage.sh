#!/bin/sh
# restore-stage.sh: runs in the AWS CLI image, first step of a topic restore or drill. Selects the backed-up records
# of one topic (some partitions, a time range) from the topic backup and stages them where the restore's source
# connector reads them, writing a manifest for the steps after it.
#
#   S3_BUCKET, DATA_PREFIX     the topic's backup: s3://$S3_BUCKET/$DATA_PREFIX/<partition>/<offset>_<first ms>_<last ms>.json
#   STAGING_PREFIX             where the selection goes (this run: $STAGING_PREFIX/<run>/<partition>/...)
#   TOPIC                      the source topic (named in messages and the manifest)
#   PARTITIONS                 space-separated partitions (default: every partition of the backup)
#   FROM_MS, UNTIL_MS          inclusive range of record timestamps, epoch ms (default: unbounded)
#   FROM_AGE_SECONDS           instead of FROM_MS: records of the last that many seconds
#   RESTORE_MODE               dry-run (default: plan and counts, nothing staged) or execute
#   WORK_DIR                   shared with the later steps: run, started, manifest
#   LIFECYCLE_PREFIX, LIFECYCLE_MIN_DAYS   when set, the bucket must have an enabled lifecycle rule expiring
#                                         LIFECYCLE_PREFIX after at least that many days (the drill checks it)
#   S3_ENDPOINT                S3-compatible endpoint (MinIO, Ceph RGW)
# Every record is one JSON envelope per line; its timestamp and offset are read from its "metadata" object, whose
# values are numbers and a topic name (so it contains no brace), never from the key, value or headers.
# The AWS CLI's exit code is read together with its answer: `s3 ls` exits 1 with no output for a prefix without
# objects, service errors (AccessDenied, SlowDown after the CLI's own retries) exit 1, 254 or 255 with a message.
# Exit codes: 0 staged (or planned); 2 configuration; 3 nothing to restore (no backup, or no record in the range);
# 4 a backup object is not what the sink writes (corrupt); 5 the object store refused or failed;
# 7 the bucket's lifecycle does not enforce the retention.
set -eu

fail() { echo "restore-stage: error: $2" >&2; exit "$1"; }
: "${S3_BUCKET:?}" "${DATA_PREFIX:?}" "${STAGING_PREFIX:?}" "${TOPIC:?}" "${WORK_DIR:?}"
mode="${RESTORE_MODE:-dry-run}"
case "$mode" in dry-run|execute) ;; *) fail 2 "RESTORE_MODE must be dry-run or execute, got '$mode'" ;; esac
from="${FROM_MS:-0}"
# The drill restores the last hours of its probe topic, counted from its own start.
[ -n "${FROM_AGE_SECONDS:-}" ] && from=$(( ($(date -u +%s) - FROM_AGE_SECONDS) * 1000 ))
until_ms="${UNTIL_MS:-9223372036854775807}"
case "$from$until_ms" in *[!0-9]*) fail 2 "FROM_MS and UNTIL_MS must be epoch milliseconds, got '${FROM_MS:-}' and '${UNTIL_MS:-}'" ;; esac

mkdir -p "$WORK_DIR"
date -u +%s > "$WORK_DIR/started"
run="${RUN_ID:-$(date -u +%Y%m%dT%H%M%SZ)}"
echo "$run" > "$WORK_DIR/run"
base="s3://$S3_BUCKET/$DATA_PREFIX"
staged="s3://$S3_BUCKET/$STAGING_PREFIX/$run"
ep=""
[ -n "${S3_ENDPOINT:-}" ] && ep="--endpoint-url $S3_ENDPOINT"
err="$WORK_DIR/aws.err"

# s3ls URL: the listing on stdout; exit 1 with nothing printed means no objects; anything else is a failure.
s3ls() {
  rc=0
  # shellcheck disable=SC2086
  aws $ep s3 ls "$1" > "$WORK_DIR/ls" 2> "$err" || rc=$?
  if [ "$rc" -eq 1 ] && [ ! -s "$WORK_DIR/ls" ] && [ ! -s "$err" ]; then return 1; fi
  [ "$rc" -eq 0 ] || fail 5 "aws s3 ls $1 exited $rc: $(head -c 600 "$err" | tr '\n' ' ')"
  return 0
}

# The bucket must expire the prefix (the retention is the bucket's lifecycle; the library cannot apply it).
if [ -n "${LIFECYCLE_PREFIX:-}" ]; then
  rc=0
  # shellcheck disable=SC2086
  aws $ep s3api get-bucket-lifecycle-configuration --bucket "$S3_BUCKET" \
    --query "Rules[?Status=='Enabled' && Filter.Prefix=='$LIFECYCLE_PREFIX'].Expiration.Days" --output text > "$WORK_DIR/lifecycle" 2> "$err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    grep -q NoSuchLifecycleConfiguration "$err" && fail 7 "bucket $S3_BUCKET has no lifecycle configuration: nothing expires $LIFECYCLE_PREFIX (apply the stack's bucket-lifecycle output)"
    fail 5 "reading the lifecycle of bucket $S3_BUCKET exited $rc: $(head -c 600 "$err" | tr '\n' ' ')"
  fi
  days="$(tr -s ' \t\n' ' ' < "$WORK_DIR/lifecycle" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/ && ($i < m || m == "")) m = $i } END { print m }')"
  [ -n "$days" ] || fail 7 "no enabled lifecycle rule of bucket $S3_BUCKET expires $LIFECYCLE_PREFIX: the retention is not enforced (apply the stack's bucket-lifecycle output)"
  [ "$days" -ge "${LIFECYCLE_MIN_DAYS:-1}" ] || fail 7 "the lifecycle of bucket $S3_BUCKET expires $LIFECYCLE_PREFIX after $days days, less than the retention of ${LIFECYCLE_MIN_DAYS} days"
  echo "restore-stage: bucket lifecycle expires $LIFECYCLE_PREFIX after $days days"
fi

if [ -n "${PARTITIONS:-}" ]; then
  partitions="$PARTITIONS"
else
  s3ls "$base/" || fail 3 "no backup of topic $TOPIC under $base/ (is it backed up, and is this the right bucket and prefix?)"
  partitions="$(awk '$1 == "PRE" { sub("/$", "", $2); if ($2 ~ /^[0-9]+$/) print $2 }' "$WORK_DIR/ls" | sort -n | tr '\n' ' ')"
  [ -n "$partitions" ] || fail 3 "no partition folders of topic $TOPIC under $base/"
fi

: > "$WORK_DIR/manifest"
total=0
mkdir -p "$WORK_DIR/objects"
for p in $partitions; do
  case "$p" in *[!0-9]*|'') fail 2 "PARTITIONS must be partition numbers, got '$p'" ;; esac
  if ! s3ls "$base/$p/"; then echo "restore-stage: partition $p: no objects"; continue; fi
  # Objects whose record time range overlaps [from, until], in offset order (the names sort by offset).
  awk -v from="$from" -v until="$until_ms" '$4 ~ /^[0-9]+_[0-9]+_[0-9]+\.json$/ {
      split($4, part, /[_.]/); if (part[3] + 0 >= from + 0 && part[2] + 0 <= until + 0) print $4 }' "$WORK_DIR/ls" | sort > "$WORK_DIR/selected"
  count=0; min=""; max=""; oldest=""; newest=""
  while read -r obj; do
    local_file="$WORK_DIR/objects/$obj"
    rc=0
    # shellcheck disable=SC2086
    aws $ep s3 cp --only-show-errors "$base/$p/$obj" "$local_file" 2> "$err" || rc=$?
    [ "$rc" -eq 0 ] || fail 5 "downloading $base/$p/$obj exited $rc: $(head -c 600 "$err" | tr '\n' ' ')"
    # Keep the records of the range; stats: count min-offset max-offset oldest-ms newest-ms.
    if ! awk -v from="$from" -v until="$until_ms" -v stats="$WORK_DIR/stats" '
        {
          if (!match($0, /"metadata":[{][^{}]*[}]/)) { print "line " NR ": no metadata" > "/dev/stderr"; bad = 1; exit 1 }
          m = substr($0, RSTART, RLENGTH)
          if (!match(m, /"timestamp":[0-9]+/)) { print "line " NR ": no timestamp" > "/dev/stderr"; bad = 1; exit 1 }
          ts = substr(m, RSTART + 12, RLENGTH - 12) + 0
          if (!match(m, /"offset":[0-9]+/)) { print "line " NR ": no offset" > "/dev/stderr"; bad = 1; exit 1 }
          off = substr(m, RSTART + 9, RLENGTH - 9) + 0
          if (ts < from + 0 || ts > until + 0) next
          print
          n++; if (n == 1 || off < lo) lo = off; if (n == 1 || off > hi) hi = off
          if (n == 1 || ts < old) old = ts; if (n == 1 || ts > new) new = ts
        }
        END { if (!bad) printf "%d %.0f %.0f %.0f %.0f\n", n, lo, hi, old, new > stats }' "$local_file" > "$local_file.selected" 2> "$err"; then
      fail 4 "backup object $base/$p/$obj is not a stream-reactor envelope file: $(head -c 200 "$err")"
    fi
    read -r n lo hi old new < "$WORK_DIR/stats"
    if [ "$n" -gt 0 ]; then
      count=$((count + n))
      if [ -z "$min" ] || [ "$lo" -lt "$min" ]; then min="$lo"; fi
      if [ -z "$max" ] || [ "$hi" -gt "$max" ]; then max="$hi"; fi
      if [ -z "$oldest" ] || [ "$old" -lt "$oldest" ]; then oldest="$old"; fi
      if [ -z "$newest" ] || [ "$new" -gt "$newest" ]; then newest="$new"; fi
      if [ "$mode" = execute ]; then
        rc=0
        # shellcheck disable=SC2086
        aws $ep s3 cp --only-show-errors "$local_file.selected" "$staged/$p/$obj" 2> "$err" || rc=$?
        [ "$rc" -eq 0 ] || fail 5 "staging $staged/$p/$obj exited $rc: $(head -c 600 "$err" | tr '\n' ' ')"
      fi
    fi
    rm -f "$local_file" "$local_file.selected"
  done < "$WORK_DIR/selected"
  if [ "$count" -gt 0 ]; then
    echo "$p $count $min $max $oldest $newest" >> "$WORK_DIR/manifest"
    echo "restore-stage: partition $p: $count records, offsets $min..$max, $(date -u -d "@$((oldest / 1000))" +%Y-%m-%dT%H:%M:%SZ)..$(date -u -d "@$((newest / 1000))" +%Y-%m-%dT%H:%M:%SZ)"
    total=$((total + count))
  else
    echo "restore-stage: partition $p: no records in the range"
  fi
done
[ "$total" -gt 0 ] || fail 3 "no backed-up record of topic $TOPIC in the range (partitions: $partitions)"
if [ "$mode" = execute ]; then
  echo "restore-stage: $total records of $TOPIC staged under $staged/ (run $run)"
else
  echo "restore-stage: dry run: $total records of $TOPIC would be restored; nothing was staged"
fi
