import { topicDeletionRule } from '../../../lib/review/rules/topic-deletion';
import { buildTopic, TopicTarget } from '../../../lib/core/strimzi/topic';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('KP-REVIEW-TOPIC-DELETION', () => {
  test('a managed topic leaving code in production is blocked', () => {
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {})], [kafka()])).toEqual([expect.stringMatching(/^KafkaTopic kafka\/orders: the KafkaTopic leaves the release, so Strimzi deletes the topic/)]);
  });

  test('not outside production, not for an unmanaged or a kept topic', () => {
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {})], [kafka()], false)).toEqual([]);
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {}, { 'strimzi.io/managed': 'false' })], [kafka()])).toEqual([]);
    expect(assess(topicDeletionRule, [kafka(), topic('orders', {}, { 'helm.sh/resource-policy': 'keep' })], [kafka()])).toEqual([]);
  });

  describe('on topics as the builder renders them', () => {
    // The cluster label 'k' is what the helper's Kafka is named; deletion protection off so Helm does not keep them.
    const target: TopicTarget = { clusterName: 'k', namespace: 'kafka', brokerCount: 3, defaultReplicationFactor: 3, minInsyncReplicas: 2, production: true };
    const build = (name: string, extra = {}) => buildTopic({ name, partitions: 3, deletionProtection: false, ...extra }, target);

    test('each managed topic that disappears is one blocked deletion, named by its resource (in name order)', () => {
      const odd = build('Odd_Name');
      expect(assess(topicDeletionRule, [kafka(), build('orders'), odd, build('legacy', { managed: false })], [kafka()])).toEqual([
        expect.stringMatching(new RegExp(`^KafkaTopic kafka/${odd.metadata.name}: the KafkaTopic leaves the release`)),
        expect.stringMatching(/^KafkaTopic kafka\/orders: the KafkaTopic leaves the release/),
      ]);
    });

    test('topics that stay (even changed) or were unmanaged first are not deletions', () => {
      expect(assess(topicDeletionRule, [kafka(), build('orders'), build('legacy', { managed: false })], [kafka(), build('orders', { partitions: 6 })])).toEqual([]);
    });
  });
});
