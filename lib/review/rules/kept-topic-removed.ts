import { keptOnRemoval } from '../objects';
import { RiskRule } from '../risk';

/**
 * A deletion-protected topic (Helm keeps it) leaving code deletes nothing, but it is not retired either:
 * Strimzi keeps managing an orphaned KafkaTopic that no code declares any more. Say so, so a reviewer
 * knows the follow-up (delete deliberately, or unmanage first) is theirs.
 */
export const keptTopicRemovedRule: RiskRule = {
  id: 'kept-topic-removed',
  level: 'WARN',
  title: 'deletion-protected topic removed from code (kept, now orphaned)',
  assess(change, { production }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'removed' || !production) return [];
    const before = change.before!;
    if (!keptOnRemoval(before) || before.metadata.annotations?.['strimzi.io/managed'] === 'false') return [];
    return [
      'Helm keeps the KafkaTopic, so the topic and its data stay and Strimzi still manages it, but no code declares it any more; to delete it, `kubectl delete kafkatopic` deliberately; to retire it, set managed: false before removing it',
    ];
  },
};
