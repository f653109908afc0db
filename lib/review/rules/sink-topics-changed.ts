import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';
import { isSink, sinkTopics } from '../objects';

/**
 * A sink's topics change. An added topic is read from `auto.offset.reset` (Connect's default: earliest), so the sink
 * first copies everything the topic retains (a load on the brokers and the target); a removed topic stops being
 * delivered, and its group's offsets for it expire.
 */
export const sinkTopicsChangedRule: RiskRule = {
  id: RULE_IDS.REVIEW_SINK_TOPICS_CHANGED,
  level: 'WARN',
  title: 'sink connector topics added or removed',
  assess(change) {
    if (change.kind !== 'KafkaConnector' || change.status !== 'changed' || !isSink(change.before)) return [];
    const before = sinkTopics(change.before);
    const after = sinkTopics(change.after);
    const added = after.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !after.includes(t));
    const out: string[] = [];
    if (added.length) out.push(`reads ${added.join(', ')} from now on, from the earliest retained record (a backfill of everything the topic keeps)`);
    if (removed.length) out.push(`no longer reads ${removed.join(', ')}: its records are not delivered any more`);
    return out;
  },
};
