import { keptTopicRemovedRule } from '../../../lib/review/rules/kept-topic-removed';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('KP-REVIEW-KEPT-TOPIC-REMOVED', () => {
  test('a deletion-protected production topic leaving code is a warning', () => {
    const kept = topic('orders', {}, { 'helm.sh/resource-policy': 'keep' });
    expect(assess(keptTopicRemovedRule, [kafka(), kept], [kafka()])).toEqual([expect.stringMatching(/^KafkaTopic kafka\/orders: Helm keeps the KafkaTopic/)]);
    expect(assess(keptTopicRemovedRule, [kafka(), kept], [kafka()], false)).toEqual([]);
  });

  test('an unprotected or an unmanaged topic is not this rule', () => {
    expect(assess(keptTopicRemovedRule, [kafka(), topic('orders', {})], [kafka()])).toEqual([]);
    expect(assess(keptTopicRemovedRule, [kafka(), topic('o', {}, { 'helm.sh/resource-policy': 'keep', 'strimzi.io/managed': 'false' })], [kafka()])).toEqual([]);
  });
});
