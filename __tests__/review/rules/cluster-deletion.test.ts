import { clusterDeletionRule } from '../../../lib/review/rules/cluster-deletion';
import { assess, kafka, pool } from '../../helpers/review-rules';

const storage = { type: 'persistent-claim', size: '1Ti' };

describe('KP-REVIEW-CLUSTER-DELETION', () => {
  test('removing the cluster or a pool with nodes is blocked', () => {
    expect(assess(clusterDeletionRule, [kafka(), pool('brokers', 3, storage)], [])).toEqual([
      expect.stringMatching(/^Kafka kafka\/k: cluster removed: Helm deletes the object/),
      expect.stringMatching(/^KafkaNodePool kafka\/brokers: node pool with 3 nodes removed/),
    ]);
  });

  test('a pool scaled to 0 first may be removed', () => {
    expect(assess(clusterDeletionRule, [kafka(), pool('old', 0, storage)], [kafka()])).toEqual([]);
  });
});
