import { keptOnRemoval } from '../objects';
import { RiskRule } from '../risk';

/** A managed KafkaTopic leaving the release makes Strimzi delete the topic and its data. */
export const topicDeletionRule: RiskRule = {
  id: 'topic-deletion-in-prod',
  level: 'BLOCK',
  title: 'topic deleted in production',
  assess(change, { production }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'removed' || !production) return [];
    const before = change.before!;
    // Unmanaged first, or kept by Helm: the topic and its data stay.
    if (before.metadata.annotations?.['strimzi.io/managed'] === 'false' || keptOnRemoval(before)) return [];
    return [
      'the KafkaTopic leaves the release, so Strimzi deletes the topic and all its data; to retire it safely, first set managed: false (annotation strimzi.io/managed: "false") in one change, then remove it',
    ];
  },
};
