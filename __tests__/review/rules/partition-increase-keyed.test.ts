import { Grant } from '../../../lib/core/access/grant';
import { partitionIncreaseKeyedRule } from '../../../lib/review/rules/partition-increase-keyed';
import { assess, kafka, topic, user } from '../../helpers/review-rules';

const streamsUser = (inputs: string[], outputs: string[]) => user('enricher', [...Grant.streams({ applicationId: 'enricher', inputTopics: inputs, outputTopics: outputs, exactlyOnce: true }).acls]);

describe('KP-REVIEW-PARTITION-INCREASE-KEYED', () => {
  test('more partitions on a compacted topic', () => {
    const base = [kafka(), topic('profiles', { partitions: 6, config: { 'cleanup.policy': 'compact' } })];
    const head = [kafka(), topic('profiles', { partitions: 12, config: { 'cleanup.policy': 'compact' } })];
    expect(assess(partitionIncreaseKeyedRule, base, head)).toEqual([expect.stringMatching(/^KafkaTopic kafka\/profiles: partitions 6 → 12 changes which partition each key goes to on a compacted topic/)]);
  });

  test('more partitions on an input or output of a Kafka Streams application declared in grants', () => {
    const base = [kafka(), topic('orders', { partitions: 12 }), topic('enriched', { partitions: 12 }), streamsUser(['orders'], ['enriched'])];
    const head = [kafka(), topic('orders', { partitions: 24 }), topic('enriched', { partitions: 24 }), streamsUser(['orders'], ['enriched'])];
    expect(assess(partitionIncreaseKeyedRule, base, head)).toEqual([
      expect.stringMatching(/^KafkaTopic kafka\/enriched: .*it is an output of Kafka Streams application enricher \(KafkaUser kafka\/enricher\)/),
      expect.stringMatching(/^KafkaTopic kafka\/orders: partitions 12 → 24 .*it is an input of Kafka Streams application enricher/),
    ]);
  });

  test('no warning for a plain delete topic, a plain consumer, or a decrease', () => {
    const consumer = user('reader', [...Grant.consume('orders', { group: 'reader' }).acls]);
    const base = [kafka(), topic('orders', { partitions: 12 }), consumer];
    expect(assess(partitionIncreaseKeyedRule, base, [kafka(), topic('orders', { partitions: 24 }), consumer])).toEqual([]);
    const compacted = (n: number) => topic('p', { partitions: n, config: { 'cleanup.policy': 'compact' } });
    expect(assess(partitionIncreaseKeyedRule, [kafka(), compacted(12)], [kafka(), compacted(6)])).toEqual([]);
  });

  test('a broker default of compact makes topics without their own policy compacted', () => {
    const base = [kafka({ 'log.cleanup.policy': 'compact' }), topic('t', { partitions: 1 })];
    expect(assess(partitionIncreaseKeyedRule, base, [kafka({ 'log.cleanup.policy': 'compact' }), topic('t', { partitions: 2 })])).toHaveLength(1);
  });
});
