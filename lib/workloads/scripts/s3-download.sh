#!/bin/sh
# s3-download.sh: runs in the AWS CLI image before an offset restore whose metadata backup is read from object
# storage (the in-cluster volume is gone with the cluster). Copies s3://$S3_BUCKET/$S3_PREFIX/$BACKUP_ID/ into
# $WORK_DIR/$BACKUP_ID/; restore-offsets.sh then checks it against its SHA256SUMS as for a volume copy.
# `aws s3 ls` exits 1 with no output for a prefix without objects: that is a missing backup, not an outage.
# Exit codes: 0 copied; 2 the backup is not in the bucket (or configuration missing); 5 the object store refused or failed.
set -eu

fail() { echo "s3-download: error: $2" >&2; exit "$1"; }
: "${S3_BUCKET:?}" "${WORK_DIR:?}" "${BACKUP_ID:?}"
base="s3://$S3_BUCKET/${S3_PREFIX:-kafka-backups}"
ep=""
[ -n "${S3_ENDPOINT:-}" ] && ep="--endpoint-url $S3_ENDPOINT"
mkdir -p "$WORK_DIR"
rc=0
# shellcheck disable=SC2086
aws $ep s3 ls "$base/$BACKUP_ID/" > "$WORK_DIR/ls" 2> "$WORK_DIR/aws.err" || rc=$?
if [ "$rc" -eq 1 ] && [ ! -s "$WORK_DIR/ls" ] && [ ! -s "$WORK_DIR/aws.err" ]; then
  fail 2 "backup $BACKUP_ID is not in $base/ (list them with: aws s3 ls $base/)"
fi
[ "$rc" -eq 0 ] || fail 5 "aws s3 ls $base/$BACKUP_ID/ exited $rc: $(head -c 300 "$WORK_DIR/aws.err" | tr '\n' ' ')"
grep -q ' SHA256SUMS$' "$WORK_DIR/ls" || fail 2 "backup $BACKUP_ID in $base/ has no SHA256SUMS: it is incomplete"
rc=0
# shellcheck disable=SC2086
aws $ep s3 cp --recursive --only-show-errors "$base/$BACKUP_ID/" "$WORK_DIR/$BACKUP_ID/" 2> "$WORK_DIR/aws.err" || rc=$?
[ "$rc" -eq 0 ] || fail 5 "copying $base/$BACKUP_ID/ exited $rc: $(head -c 300 "$WORK_DIR/aws.err" | tr '\n' ' ')"
echo "s3-download: backup $BACKUP_ID copied from $base/$BACKUP_ID/"
