import { partitionDecreaseRule } from '../../../lib/review/rules/partition-decrease';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('KP-REVIEW-PARTITION-DECREASE', () => {
  test('fewer partitions is blocked; more or equal is not', () => {
    const at = (n: number) => [kafka(), topic('orders', { partitions: n })];
    expect(assess(partitionDecreaseRule, at(12), at(6))).toEqual([expect.stringMatching(/^KafkaTopic kafka\/orders: partitions 12 → 6: Kafka cannot remove partitions/)]);
    expect(assess(partitionDecreaseRule, at(12), at(24))).toEqual([]);
    expect(assess(partitionDecreaseRule, at(12), at(12))).toEqual([]);
  });
});
