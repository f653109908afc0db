import { isManaged, keptOnRemoval } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';

/**
 * A deletion-protected topic (Helm keeps it) leaving code deletes nothing, but it is not retired either:
 * Strimzi keeps managing an orphaned KafkaTopic that no code declares any more. Say so, so a reviewer
 * knows the follow-up (delete deliberately, or unmanage first) is theirs.
 */
export const keptTopicRemovedRule: RiskRule = {
  id: RULE_IDS.REVIEW_KEPT_TOPIC_REMOVED,
  level: 'WARN',
  title: 'deletion-protected topic removed from code (kept, now orphaned)',
  assess(change, { production }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'removed' || !production) return [];
    const before = change.before!;
    if (!keptOnRemoval(before) || !isManaged(before)) return [];
    return [
      'Helm keeps the KafkaTopic, so the topic and its data stay and Strimzi still manages it, but no code declares it any more; to delete it, `kubectl delete kafkatopic` deliberately; to retire it, set managed: false before removing it',
    ];
  },
};
