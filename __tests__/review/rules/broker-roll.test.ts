import { brokerRollRule } from '../../../lib/review/rules/broker-roll';
import { assess, kafka, pool } from '../../helpers/review-rules';

describe('KP-REVIEW-BROKER-ROLL', () => {
  test('a read-only broker config or a rolling spec field warns; a dynamic config does not', () => {
    expect(assess(brokerRollRule, [kafka({ 'num.partitions': 1 })], [kafka({ 'num.partitions': 3 })])).toEqual([expect.stringMatching(/broker config num.partitions changed: not dynamically updatable/)]);
    expect(assess(brokerRollRule, [kafka({ 'compression.type': 'zstd' })], [kafka({ 'compression.type': 'lz4' })])).toEqual([]);
    const withVersion = (v: string) => ({ ...kafka(), spec: { kafka: { config: {}, version: v } } });
    expect(assess(brokerRollRule, [withVersion('4.1.0')], [withVersion('4.2.0')])).toEqual(['Kafka kafka/k: spec.kafka version changed: every broker restarts']);
  });

  test('node pool resources roll the pool', () => {
    const storage = { type: 'ephemeral' };
    expect(assess(brokerRollRule, [pool('b', 3, storage, { resources: { requests: { cpu: '1' } } })], [pool('b', 3, storage, { resources: { requests: { cpu: '2' } } })])).toEqual([
      'KafkaNodePool kafka/b: pool resources changed: every node of the pool restarts',
    ]);
  });
});
