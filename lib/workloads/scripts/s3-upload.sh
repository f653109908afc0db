#!/bin/sh
# s3-upload.sh: runs in the AWS CLI image after the Kafka step. Copies the finished backup to
# s3://$S3_BUCKET/$S3_PREFIX/<id>/ and deletes copies older than $RETENTION_DAYS (ids are UTC times,
# so they compare as text). Works with any S3-compatible store through $S3_ENDPOINT.
set -eu
: "${S3_BUCKET:?}" "${WORK_DIR:?}"
id="$(cat "$WORK_DIR/backup-id")"
base="s3://$S3_BUCKET/${S3_PREFIX:-kafka-backups}"
endpoint=""
[ -n "${S3_ENDPOINT:-}" ] && endpoint="--endpoint-url $S3_ENDPOINT"
# shellcheck disable=SC2086
aws $endpoint s3 cp --recursive --only-show-errors "$WORK_DIR/current" "$base/$id/"
echo "backup $id uploaded to $base/$id/"
cutoff="$(date -u -d "@$(( $(date -u +%s) - ${RETENTION_DAYS:-30} * 86400 ))" +%Y%m%dT%H%M%SZ)"
# shellcheck disable=SC2086
aws $endpoint s3 ls "$base/" | awk '$1 == "PRE" { sub("/$", "", $2); print $2 }' | while read -r old; do
  case "$old" in
    [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z)
      if [ "$old" \< "$cutoff" ]; then aws $endpoint s3 rm --recursive --only-show-errors "$base/$old/"; echo "pruned $base/$old/"; fi ;;
  esac
done
