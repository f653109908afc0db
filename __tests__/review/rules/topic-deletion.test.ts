import { topicDeletionRule } from '../../../lib/review/rules/topic-deletion';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('topic-deletion-in-prod', () => {
  test('a managed topic leaving code in production is blocked', () => {
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {})], [kafka()])).toEqual([expect.stringMatching(/^KafkaTopic kafka\/orders: the KafkaTopic leaves the release, so Strimzi deletes the topic/)]);
  });

  test('not outside production, not for an unmanaged or a kept topic', () => {
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {})], [kafka()], false)).toEqual([]);
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {}, { 'strimzi.io/managed': 'false' })], [kafka()])).toEqual([]);
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {}, { 'helm.sh/resource-policy': 'keep' })], [kafka()])).toEqual([]);
  });
});
