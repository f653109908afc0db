import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';
import { connectorState, isTopicBackup, sinkTopics } from '../objects';

/**
 * The production topic backup losing coverage: its sink connector removed or stopped, or a topic taken out of it.
 * Nothing fails: the backup of that data simply stops, and its objects expire with the retention, so the next
 * restore finds nothing. Retire a topic's backup deliberately (its data may still be needed) in a change of its own.
 */
export const backupReducedRule: RiskRule = {
  id: RULE_IDS.REVIEW_BACKUP_REDUCED,
  level: 'BLOCK',
  title: 'topic backup removed, stopped or narrowed in production',
  assess(change, { production }) {
    if (!production || change.kind !== 'KafkaConnector' || !isTopicBackup(change.before)) return [];
    if (change.status === 'removed') return ['the topic backup\'s sink connector is deleted: no topic is backed up any more, and the existing backup expires with its retention'];
    if (change.status !== 'changed') return [];
    const out: string[] = [];
    if (connectorState(change.after) !== 'running') out.push(`the topic backup is set to ${connectorState(change.after)}: nothing new is backed up`);
    const dropped = sinkTopics(change.before).filter((t) => !sinkTopics(change.after).includes(t));
    if (dropped.length > 0) out.push(`${dropped.join(', ')} leave${dropped.length === 1 ? 's' : ''} the topic backup: new records are not backed up and the backed-up ones expire with the retention`);
    return out;
  },
};
