import { clusterOf, field, topicReplicas } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { kafkaOf } from '../objects';
import { RiskRule } from '../risk';

/** Strimzi changes a topic's replication factor only through Cruise Control. */
export const replicationChangeRule: RiskRule = {
  id: RULE_IDS.REVIEW_REPLICATION_CHANGE,
  level: 'BLOCK',
  title: 'topic replication factor changed on a cluster without Cruise Control',
  assess(change, { stack }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'changed') return [];
    const before = topicReplicas(change.before, kafkaOf(stack.base, change.before!));
    const kafka = kafkaOf(stack.head, change.after!);
    const after = topicReplicas(change.after, kafka);
    if (before === undefined || after === undefined || before === after) return [];
    if (field(kafka, 'spec', 'cruiseControl') !== undefined) return [];
    return [`replicas ${before} → ${after} but cluster ${clusterOf(change.after!) ?? '?'} has no Cruise Control: Strimzi cannot apply it (enable cruiseControl on the cluster first)`];
  },
};
