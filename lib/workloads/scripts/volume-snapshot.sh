#!/bin/sh
# volume-snapshot.sh: runs in the kubectl image. Creates a CSI VolumeSnapshot of every PVC of the
# cluster's node pools in one request (so the snapshots are taken seconds apart), waits a bounded time
# until every one is readyToUse, and only then deletes this job's snapshots older than $RETENTION_DAYS.
# A run's snapshots share the label kafka-platform/snapshot-run=<stamp>: restore a whole run, never a mix.
#   SNAPSHOT_TIMEOUT_SECONDS  how long to wait for readyToUse (default 900)
#   SNAPSHOT_POLL_SECONDS     between checks (default 10)
# Exit codes: 0 every snapshot ready; 2 configuration missing; 5 kubectl failed or no PVCs found;
# 6 a snapshot reports an error (status.error); 7 not every snapshot was ready within the timeout.
# On 6 and 7 nothing is pruned: the previous good snapshots stay.
set -eu
fail() { echo "volume-snapshot: error: $2" >&2; exit "$1"; }
[ -n "${CLUSTER_NAME:-}" ] && [ -n "${NAMESPACE:-}" ] && [ -n "${SNAPSHOT_CLASS:-}" ] || fail 2 "CLUSTER_NAME, NAMESPACE and SNAPSHOT_CLASS must be set"
timeout="${SNAPSHOT_TIMEOUT_SECONDS:-900}"
poll="${SNAPSHOT_POLL_SECONDS:-10}"
k() { kubectl --namespace "$NAMESPACE" "$@"; }
stamp="$(date -u +%Y%m%d%H%M)"

pvcs="$(k get pvc -l "strimzi.io/cluster=$CLUSTER_NAME" -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}')" || fail 5 "listing the PVCs of $CLUSTER_NAME failed"
[ -n "$pvcs" ] || fail 5 "no PVCs labelled strimzi.io/cluster=$CLUSTER_NAME in $NAMESPACE"

manifest="$(mktemp)"
trap 'rm -f "$manifest"' EXIT
names=""
for pvc in $pvcs; do
  name="$(printf '%s' "$pvc-$stamp" | cut -c1-253)"
  names="$names $name"
  cat >> "$manifest" <<YAML
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: $name
  labels:
    app.kubernetes.io/managed-by: kafka-platform
    kafka-platform/snapshot-of: $CLUSTER_NAME
    kafka-platform/snapshot-run: "$stamp"
spec:
  volumeSnapshotClassName: $SNAPSHOT_CLASS
  source:
    persistentVolumeClaimName: $pvc
YAML
done
k create -f "$manifest" || fail 5 "creating the snapshots failed"
count="$(echo $names | wc -w)"
echo "volume-snapshot: run $stamp: created $count snapshots:$names"

# Wait until every snapshot is readyToUse; an error on any one fails the run at once.
start="$(date +%s)"
while :; do
  pending=""
  for s in $names; do
    st="$(k get volumesnapshot "$s" -o jsonpath='{.status.readyToUse}|{.status.error.message}')" || fail 5 "reading snapshot $s failed"
    err="${st#*|}"
    [ -z "$err" ] || fail 6 "snapshot $s failed: $err (run $stamp is not usable; older snapshots were kept)"
    [ "${st%%|*}" = true ] || pending="$pending $s"
  done
  [ -n "$pending" ] || break
  [ $(( $(date +%s) - start )) -lt "$timeout" ] || fail 7 "not ready after ${timeout}s:$pending (run $stamp is not usable; older snapshots were kept)"
  sleep "$poll"
done
echo "volume-snapshot: run $stamp: all $count snapshots are readyToUse after $(( $(date +%s) - start ))s"

cutoff="$(date -u -d "@$(( $(date -u +%s) - ${RETENTION_DAYS:-28} * 86400 ))" +%Y-%m-%dT%H:%M:%SZ)"
old="$(k get volumesnapshots -l "kafka-platform/snapshot-of=$CLUSTER_NAME" \
  -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.creationTimestamp}{"\n"}{end}')" || fail 5 "listing old snapshots failed"
echo "$old" | while read -r snap created; do
  [ -n "$snap" ] || continue
  if [ "$created" \< "$cutoff" ]; then k delete volumesnapshot "$snap" || fail 5 "deleting $snap failed"; fi
done
