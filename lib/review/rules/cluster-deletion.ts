import { field, keptOnRemoval } from '../../core/objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** Removing a Kafka or a node pool from code is never the way to delete one. */
export const clusterDeletionRule: RiskRule = {
  id: RULE_IDS.REVIEW_CLUSTER_DELETION,
  level: 'BLOCK',
  title: 'Kafka cluster or node pool removed',
  assess(change) {
    if (change.status !== 'removed' || (change.kind !== 'Kafka' && change.kind !== 'KafkaNodePool')) return [];
    const kept = keptOnRemoval(change.before)
      ? 'Helm keeps the object (resource-policy keep), so the running cluster is orphaned from code rather than deleted'
      : 'Helm deletes the object and Strimzi the pods and their data';
    if (change.kind === 'KafkaNodePool') {
      const replicas = Number(field(change.before, 'spec', 'replicas'));
      // The documented way to retire a pool: scale it to 0 (Cruise Control moves partitions), then remove it.
      if (replicas === 0) return [];
      return [`node pool with ${replicas} nodes removed: ${kept}. Scale it to 0 first (Cruise Control moves its partitions), then remove it`];
    }
    return [`cluster removed: ${kept}. Deleting a cluster is a deliberate manual step, not a code change`];
  },
};
