import { field } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';

/**
 * A connector's position changes: offsets altered from a ConfigMap (`spec.alterOffsets`, applied with the annotation
 * `strimzi.io/connector-offsets=alter`), or a sink moved to another consumer group (`consumer.override.group.id`),
 * which starts from `auto.offset.reset`. Either re-reads or skips records on purpose: the reviewer checks that the
 * purpose is right.
 */
export const connectorOffsetsRule: RiskRule = {
  id: RULE_IDS.REVIEW_CONNECTOR_OFFSETS,
  level: 'WARN',
  title: 'connector offsets altered or its group changed',
  assess(change) {
    if (change.kind !== 'KafkaConnector' || change.status !== 'changed') return [];
    const out: string[] = [];
    const alter = (o: unknown) => JSON.stringify(field(o, 'spec', 'alterOffsets') ?? null);
    if (alter(change.before) !== alter(change.after) && field(change.after, 'spec', 'alterOffsets') !== undefined) {
      out.push('spec.alterOffsets is set: once annotated strimzi.io/connector-offsets=alter, the connector resumes from the offsets of the ConfigMap (records re-read or skipped)');
    }
    const group = (o: unknown) => field(o, 'spec', 'config', 'consumer.override.group.id');
    if (group(change.before) !== group(change.after)) {
      out.push(`the sink's consumer group changes (${String(group(change.before) ?? 'connect-<name>')} to ${String(group(change.after) ?? 'connect-<name>')}): it starts over from auto.offset.reset`);
    }
    return out;
  },
};
