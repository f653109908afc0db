/**
 * The platform's replication defaults, one rule for a cluster owned in the stack (`brokerDefaults`) and for a
 * cluster referenced by attributes (`KafkaCluster.fromClusterAttributes`): as many replicas as there are
 * brokers up to 3, and as many in sync as there are replicas up to 2.
 */

/** Replicas a new topic gets on a cluster of `brokers` brokers: `min(3, brokers)`. */
export function defaultReplicationFactor(brokers: number): number {
  return Math.min(3, brokers);
}

/** `min.insync.replicas` for a replication factor: `min(2, replicationFactor)`. */
export function defaultMinInsyncReplicas(replicationFactor: number): number {
  return Math.min(2, replicationFactor);
}
