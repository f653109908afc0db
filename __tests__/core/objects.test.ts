import { KubernetesObject } from '../../lib/core/kubernetes';
import {
  brokerConfig,
  brokerDefault,
  clusterOf,
  field,
  isManaged,
  isWildcardAcl,
  namesEveryResource,
  kafkaTopicName,
  keptOnRemoval,
  principalName,
  topicReplicas,
  topicSetting,
} from '../../lib/core/objects';
import { buildTopic, TopicTarget } from '../../lib/core/strimzi/topic';
import { allow, AclResources, isWildcard } from '../../lib/core/strimzi/acl';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';
import { KAFKA_DEFAULT_RETENTION_MS } from '../../lib/core/well-known';

const target: TopicTarget = { clusterName: 'events', namespace: 'kafka', brokerCount: 3, defaultReplicationFactor: 3, minInsyncReplicas: 2, production: true };
const kafka = (config: Record<string, unknown>): KubernetesObject => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'events', namespace: 'kafka' }, spec: { kafka: { config } } });

describe('object readers', () => {
  test('field walks plain data and stops at anything missing', () => {
    expect(field({ a: { b: [1, 2] } }, 'a', 'b', '1')).toBe(2);
    expect(field({ a: null }, 'a', 'b')).toBeUndefined();
    expect(field(undefined, 'a')).toBeUndefined();
  });

  test('a built topic is read back: its cluster, Kafka name, management and Helm keep', () => {
    const odd = buildTopic({ name: 'Odd_Name', partitions: 3, managed: false }, target);
    expect(clusterOf(odd)).toBe('events');
    expect(clusterOf(kafka({}))).toBe('events');
    expect(kafkaTopicName(odd)).toBe('Odd_Name');
    expect(kafkaTopicName(buildTopic({ name: 'orders', partitions: 3 }, target))).toBe('orders');
    expect([isManaged(odd), isManaged(buildTopic({ name: 'orders', partitions: 3 }, target))]).toEqual([false, true]);
    expect(keptOnRemoval(odd)).toBe(false);
  });

  test('keptOnRemoval reads what the release writes for objects kept on removal', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'r', { releaseName: 'r', namespace: 'kafka' });
    release.add(buildTopic({ name: 'kept', partitions: 3 }, target), stack, { keepOnRemoval: true });
    release.add(buildTopic({ name: 'plain', partitions: 3 }, target), stack);
    const objects = releaseObjects(synthJson(stack)).get('r')!;
    expect(objects.map((o) => [o.metadata.name, keptOnRemoval(o)])).toEqual([['kept', true], ['plain', false]]);
  });

  test('principal names: User:CN=x, User:x and x are one principal', () => {
    expect(['User:CN=platform-admin', 'User:platform-admin', 'platform-admin'].map(principalName)).toEqual(['platform-admin', 'platform-admin', 'platform-admin']);
  });

  test('isWildcardAcl: an allow on *, or on an empty prefix; never a deny or a cluster ACL', () => {
    const acl = (type: string, name: string, patternType = 'literal', allowOrDeny?: string) => ({ resource: { type, name, patternType }, type: allowOrDeny });
    expect(isWildcardAcl(acl('topic', '*'))).toBe(true);
    expect(isWildcardAcl(acl('group', '', 'prefix'))).toBe(true);
    expect(isWildcardAcl(acl('topic', 'orders.', 'prefix'))).toBe(false);
    expect(isWildcardAcl(acl('topic', '*', 'literal', 'deny'))).toBe(false);
    expect(isWildcardAcl(acl('cluster', '*'))).toBe(false);
    // isWildcardAcl is namesEveryResource on allow ACLs: the one pattern rule the topic checks skip on.
    for (const a of [acl('topic', '*'), acl('topic', '', 'prefix'), acl('topic', 'orders'), acl('topic', '*', 'literal', 'deny'), acl('cluster', '*'), acl('transactionalId', '*')]) {
      expect(isWildcardAcl(a)).toBe(a.type !== 'deny' && namesEveryResource(a.resource));
    }
    expect([acl('topic', '*', 'literal', 'deny'), acl('group', '', 'prefix', 'deny')].map((a) => namesEveryResource(a.resource))).toEqual([true, true]);
    // The typed ACL rules agree with the reader of rendered ones.
    expect(isWildcard(allow(AclResources.topic('*'), ['Read']))).toBe(true);
    expect(isWildcard(allow(AclResources.topic('orders.*'), ['Read']))).toBe(false);
  });

  test('a topic setting is its own, else the broker default, else Kafka\'s own default', () => {
    const withOwn = buildTopic({ name: 'a', partitions: 1, retentionMs: 1000 }, target);
    const without = buildTopic({ name: 'b', partitions: 1 }, target);
    expect(topicSetting(withOwn, kafka({ 'log.retention.ms': 5 }), 'retention.ms')).toBe(1000);
    expect(topicSetting(without, kafka({ 'log.retention.ms': 5 }), 'retention.ms')).toBe(5);
    expect(topicSetting(without, kafka({ 'log.retention.hours': 2 }), 'retention.ms')).toBe(7_200_000);
    expect(topicSetting(without, kafka({}), 'retention.ms')).toBe(KAFKA_DEFAULT_RETENTION_MS);
    expect(brokerDefault(kafka({}), 'min.insync.replicas')).toBe(1);
    expect(brokerDefault(undefined, 'retention.ms')).toBeUndefined();
    expect(brokerConfig(kafka({ a: 1 }))).toEqual({ a: 1 });
  });

  test('replication: the topic\'s own, else the cluster default', () => {
    const built = buildTopic({ name: 'a', partitions: 1 }, target);
    expect(topicReplicas(built, kafka({ 'default.replication.factor': 5 }))).toBe(3);
    expect(topicReplicas({ ...built, spec: {} }, kafka({ 'default.replication.factor': '5' }))).toBe(5);
    expect(topicReplicas({ ...built, spec: {} }, undefined)).toBeUndefined();
  });
});
