#!/bin/sh
# export-resources.sh: runs in the kubectl image before the Kafka step of a metadata backup.
# Exports the cluster's Kafka, KafkaNodePool, KafkaTopic and KafkaUser resources and the public CA
# certificates into $WORK_DIR/current; CA private keys only when INCLUDE_CA_KEYS=true.
set -eu
: "${CLUSTER_NAME:?}" "${NAMESPACE:?}" "${WORK_DIR:?}"
out="$WORK_DIR/current"
mkdir -p "$out"
date -u +%Y%m%dT%H%M%SZ > "$WORK_DIR/backup-id"
k="kubectl --namespace $NAMESPACE"
$k get "kafka/$CLUSTER_NAME" -o yaml > "$out/kafka.yaml"
for kind in kafkanodepools kafkatopics kafkausers; do
  $k get "$kind" -l "strimzi.io/cluster=$CLUSTER_NAME" -o yaml > "$out/$kind.yaml"
done
$k get secret "$CLUSTER_NAME-cluster-ca-cert" "$CLUSTER_NAME-clients-ca-cert" -o yaml > "$out/ca-certificates.yaml"
if [ "${INCLUDE_CA_KEYS:-false}" = true ]; then
  $k get secret "$CLUSTER_NAME-cluster-ca" "$CLUSTER_NAME-clients-ca" -o yaml > "$out/ca-private-keys.yaml"
fi
echo "exported custom resources of $CLUSTER_NAME: $(ls "$out" | tr '\n' ' ')"
