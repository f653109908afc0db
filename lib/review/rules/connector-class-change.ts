import { field } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';

/**
 * Another class under the same connector name inherits the old connector's offsets (a source's in the Connect
 * offsets topic, a sink's consumer group) and reads them with a different meaning: records are skipped or repeated.
 * A new connector gets a new name.
 */
export const connectorClassChangeRule: RiskRule = {
  id: RULE_IDS.REVIEW_CONNECTOR_CLASS_CHANGE,
  level: 'BLOCK',
  title: 'connector class changed under the same name',
  assess(change) {
    if (change.kind !== 'KafkaConnector' || change.status !== 'changed') return [];
    const before = field(change.before, 'spec', 'class');
    const after = field(change.after, 'spec', 'class');
    return before === after ? [] : [`the class changes from ${String(before)} to ${String(after)}: the new connector inherits the old one's offsets and reads them with another meaning (skipped or repeated records); declare it under a new name and remove the old one`];
  },
};
