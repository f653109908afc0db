import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';
import { connectorState, isTopicBackup } from '../objects';

/**
 * A connector removed, paused or stopped moves no data from then on. A sink's consumer group keeps its offsets only
 * for `offsets.retention.minutes` (Kafka's default: 7 days): brought back later, it restarts from
 * `auto.offset.reset` and re-delivers or skips records. (The production topic backup: `KP-REVIEW-BACKUP-REDUCED`.)
 */
export const connectorDeletionRule: RiskRule = {
  id: RULE_IDS.REVIEW_CONNECTOR_DELETION,
  level: 'WARN',
  title: 'connector deleted, paused or stopped',
  assess(change, { production }) {
    if (change.kind !== 'KafkaConnector') return [];
    if (production && isTopicBackup(change.before)) return [];
    if (change.status === 'removed') {
      return ['the KafkaConnector leaves the release, so Strimzi deletes the connector and it moves no data; a sink\'s group keeps its offsets only for offsets.retention.minutes (7 days by default), then a re-created connector starts from auto.offset.reset'];
    }
    if (change.status === 'changed' && connectorState(change.before) === 'running' && connectorState(change.after) !== 'running') {
      return [`the connector is set to ${connectorState(change.after)}: it moves no data until it runs again`];
    }
    return [];
  },
};
