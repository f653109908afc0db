import { retentionCutRule } from '../../../lib/review/rules/retention-cut';
import { assess, kafka, topic } from '../../helpers/review-rules';

const DAY = 86_400_000;

describe('KP-REVIEW-RETENTION-CUT', () => {
  test("a topic's own shorter retention warns, in human units", () => {
    const t = (ms: number) => topic('orders', { config: { 'retention.ms': ms } });
    expect(assess(retentionCutRule, [kafka(), t(7 * DAY)], [kafka(), t(DAY)])).toEqual([`KafkaTopic kafka/orders: retention.ms ${7 * DAY} (7 d) → ${DAY} (1 d): older data is deleted at the next cleanup`]);
    expect(assess(retentionCutRule, [kafka(), t(DAY)], [kafka(), t(-1)])).toEqual([]);
  });

  test('a compacted-only topic keeps its keys whatever the retention', () => {
    const t = (ms: number) => topic('profiles', { config: { 'cleanup.policy': 'compact', 'retention.ms': ms } });
    expect(assess(retentionCutRule, [kafka(), t(7 * DAY)], [kafka(), t(DAY)])).toEqual([]);
    // Switching a compacted topic to delete starts deleting by retention.
    const deleting = topic('profiles', { config: { 'cleanup.policy': 'compact,delete', 'retention.ms': 7 * DAY } });
    expect(assess(retentionCutRule, [kafka(), t(7 * DAY)], [kafka(), deleting])).toHaveLength(1);
  });

  test('a shorter broker default warns once, on the cluster, naming only the deleting topics that rely on it', () => {
    const topics = [topic('plain', {}), topic('own', { config: { 'retention.ms': DAY } }), topic('compacted', { config: { 'cleanup.policy': 'compact' } })];
    expect(assess(retentionCutRule, [kafka({ 'log.retention.hours': 168 }), ...topics], [kafka({ 'log.retention.hours': 24 }), ...topics])).toEqual([
      `Kafka kafka/k: broker default log.retention.hours shortens retention.ms ${7 * DAY} (7 d) → ${DAY} (1 d) for 1 topic(s) without their own: plain`,
    ]);
    const compactedOnly = [topic('compacted', { partitions: 3, config: { 'cleanup.policy': 'compact' } })];
    const changedToo = [topic('compacted', { partitions: 6, config: { 'cleanup.policy': 'compact' } })];
    expect(assess(retentionCutRule, [kafka({ 'log.retention.hours': 168 }), ...compactedOnly], [kafka({ 'log.retention.hours': 24 }), ...changedToo])).toEqual([]);
  });
});
