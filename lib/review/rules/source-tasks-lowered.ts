import { field } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { RiskRule } from '../risk';
import { isSink } from '../objects';

/**
 * Fewer tasks of a source connector: its work (tables, files, source partitions) is reassigned to the remaining
 * tasks with a rebalance, throughput drops, and connectors that cannot split their work evenly fall behind. Offsets
 * are kept per source partition, so no data is lost; a reviewer checks the capacity.
 */
export const sourceTasksLoweredRule: RiskRule = {
  id: RULE_IDS.REVIEW_SOURCE_TASKS_LOWERED,
  level: 'WARN',
  title: 'source connector tasks lowered',
  assess(change) {
    if (change.kind !== 'KafkaConnector' || change.status !== 'changed' || isSink(change.after)) return [];
    const before = Number(field(change.before, 'spec', 'tasksMax') ?? 1);
    const after = Number(field(change.after, 'spec', 'tasksMax') ?? 1);
    return after < before ? [`tasksMax falls from ${before} to ${after}: the source's work is rebalanced onto fewer tasks and may fall behind`] : [];
  },
};
