#!/bin/sh
# volume-snapshot.sh: runs in the kubectl image. Creates a CSI VolumeSnapshot of every PVC of the
# cluster's node pools, then deletes this job's snapshots older than $RETENTION_DAYS.
set -eu
: "${CLUSTER_NAME:?}" "${NAMESPACE:?}" "${SNAPSHOT_CLASS:?}"
k="kubectl --namespace $NAMESPACE"
stamp="$(date -u +%Y%m%d%H%M)"
pvcs="$($k get pvc -l "strimzi.io/cluster=$CLUSTER_NAME" -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}')"
[ -n "$pvcs" ] || { echo "no PVCs labelled strimzi.io/cluster=$CLUSTER_NAME in $NAMESPACE" >&2; exit 1; }
for pvc in $pvcs; do
  name="$(printf '%s' "$pvc-$stamp" | cut -c1-253)"
  cat <<YAML | $k create -f -
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: $name
  labels:
    app.kubernetes.io/managed-by: kafka-platform
    kafka-platform/snapshot-of: $CLUSTER_NAME
spec:
  volumeSnapshotClassName: $SNAPSHOT_CLASS
  source:
    persistentVolumeClaimName: $pvc
YAML
done
cutoff="$(date -u -d "@$(( $(date -u +%s) - ${RETENTION_DAYS:-28} * 86400 ))" +%Y-%m-%dT%H:%M:%SZ)"
$k get volumesnapshots -l "kafka-platform/snapshot-of=$CLUSTER_NAME" \
  -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.creationTimestamp}{"\n"}{end}' |
while read -r snap created; do
  if [ "$created" \< "$cutoff" ]; then $k delete volumesnapshot "$snap"; fi
done
