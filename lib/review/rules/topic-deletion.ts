import { isManaged, keptOnRemoval } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';

/** A managed KafkaTopic leaving the release makes Strimzi delete the topic and its data. */
export const topicDeletionRule: RiskRule = {
  id: RULE_IDS.REVIEW_TOPIC_DELETION,
  level: 'BLOCK',
  title: 'topic deleted in production',
  assess(change, { production }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'removed' || !production) return [];
    const before = change.before!;
    // Unmanaged first, or kept by Helm: the topic and its data stay.
    if (!isManaged(before) || keptOnRemoval(before)) return [];
    return [
      'the KafkaTopic leaves the release, so Strimzi deletes the topic and all its data; to retire it safely, first set managed: false (annotation strimzi.io/managed: "false") in one change, then remove it',
    ];
  },
};
