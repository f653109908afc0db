import { field } from '../../core/objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** Kafka cannot remove partitions; Strimzi rejects the change and the topic stays out of sync. */
export const partitionDecreaseRule: RiskRule = {
  id: RULE_IDS.REVIEW_PARTITION_DECREASE,
  level: 'BLOCK',
  title: 'partition count decreased',
  assess(change) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'changed') return [];
    const before = Number(field(change.before, 'spec', 'partitions'));
    const after = Number(field(change.after, 'spec', 'partitions'));
    return after < before
      ? [`partitions ${before} → ${after}: Kafka cannot remove partitions (Strimzi will refuse the change); create a new topic and migrate instead`]
      : [];
  },
};
