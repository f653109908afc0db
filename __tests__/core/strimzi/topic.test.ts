import { Validator } from '../../../lib/core/validation';
import { isDnsSubdomain } from '../../../lib/core/names';
import { buildTopic, Milliseconds, PROTECTED_TOPIC_LABEL, topicResourceName, TopicSpec, TopicTarget, validateTopic } from '../../../lib/core/strimzi/topic';

const dev: TopicTarget = { clusterName: 'events', namespace: 'kafka', brokerCount: 1, defaultReplicationFactor: 1, minInsyncReplicas: 1, production: false };
const prod: TopicTarget = { ...dev, brokerCount: 6, defaultReplicationFactor: 3, minInsyncReplicas: 2, production: true };

function issues(spec: Partial<TopicSpec>, target = prod): string[] {
  const v = new Validator('stack/topics/t');
  validateTopic(v, { name: 'orders', partitions: 3, ...spec } as TopicSpec, target);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
}

describe('KafkaTopic metadata.name', () => {
  test('a topic name that is a valid Kubernetes name is used unchanged', () => {
    expect(topicResourceName('orders.order-placed.v1')).toBe('orders.order-placed.v1');
  });

  test.each([
    ['Orders', 'orders'],
    ['ORDERS', 'Orders'],
    ['a_b', 'a-b'],
    ['a.b', 'a..b'],
    ['.hidden', 'hidden'],
  ])('%s and %s get different valid names', (a, b) => {
    const [na, nb] = [topicResourceName(a), topicResourceName(b)];
    expect(na).not.toBe(nb);
    expect(isDnsSubdomain(na)).toBe(true);
    expect(isDnsSubdomain(nb)).toBe(true);
  });

  test('sanitised names are readable and stable across releases (a changed name would delete the topic)', () => {
    // Pinned on purpose: if the hashing ever changes, every sanitised KafkaTopic would be replaced.
    expect(topicResourceName('Orders')).toBe('orders-b7e8acdd'); // sha256("Orders") starts b7e8acdd
    expect(topicResourceName('__Weird..Name_')).toMatch(/^weird\.name-[0-9a-f]{8}$/);
  });

  test('a 249-character upper-case name stays within 253 characters', () => {
    const name = topicResourceName('X'.repeat(249));
    expect(name.length).toBeLessThanOrEqual(253);
    expect(isDnsSubdomain(name)).toBe(true);
  });

  test('a name with no usable character still gets a valid name', () => {
    expect(topicResourceName('___')).toMatch(/^topic-[0-9a-f]{8}$/);
  });
});

describe('topic validation', () => {
  test('a well-formed production topic passes', () => {
    expect(issues({ retentionMs: Milliseconds.days(7), retentionBytes: -1, cleanupPolicy: 'compact,delete', compressionType: 'zstd', minInsyncReplicas: 2 })).toEqual([]);
  });

  test('partitions must be at least 1', () => {
    expect(issues({ partitions: 0 })).toEqual(['partitions = 0: a whole number from 1 to 10000']);
  });

  test('replication above the brokers of the target environment is refused', () => {
    expect(issues({ replicas: 3 }, dev)).toEqual(['replicas = 3: at most the number of brokers of cluster "events" (1)']);
  });

  test('min.insync.replicas equal to replication is refused in production only', () => {
    expect(issues({ replicas: 3, minInsyncReplicas: 3 })).toEqual([
      'min.insync.replicas = 3: below the replication factor (3) in production, so that one broker can restart without blocking acks=all producers: set `minInsyncReplicas` to 2 or less, or `replicas` to 4 or more (at most 6, the brokers)',
    ]);
    expect(issues({ replicas: 1, minInsyncReplicas: 1 }, dev)).toEqual([]);
    expect(issues({ replicas: 2, minInsyncReplicas: 3 }, { ...dev, brokerCount: 3 })).toEqual([
      'min.insync.replicas = 3: at most the replication factor (2): set `minInsyncReplicas` to 2 or less, or `replicas` to 3 or more (at most 3, the brokers)',
    ]);
  });

  test("an inherited min ISR says it is the cluster's, and every way out fits the brokers", () => {
    // replicas 1 under the cluster's min ISR 2: lower it (replicas 2 would still be refused in production).
    expect(issues({ replicas: 1 }, { ...prod, production: false })).toEqual([
      "min.insync.replicas = 2: at most the replication factor (1) (the cluster's default, since `minInsyncReplicas` is unset): set `minInsyncReplicas` to 1, or `replicas` to 2 or more (at most 6, the brokers)",
    ]);
    // A 2-broker cluster in production: 3 replicas do not fit, so only lowering is offered.
    const twoBrokers = { ...prod, brokerCount: 2, defaultReplicationFactor: 2, minInsyncReplicas: 2 };
    expect(issues({}, twoBrokers)).toEqual([
      "min.insync.replicas = 2: below the replication factor (2) in production, so that one broker can restart without blocking acks=all producers (the cluster's default, since `minInsyncReplicas` is unset): set `minInsyncReplicas` to 1 (a cluster of 2 brokers cannot hold the 3 replicas that 2 in sync needs)",
    ]);
    expect(issues({ minInsyncReplicas: 1 }, twoBrokers)).toEqual([]);
    // One broker in production: nothing in the topic can satisfy it.
    expect(issues({}, { ...prod, brokerCount: 1, defaultReplicationFactor: 1, minInsyncReplicas: 1 })).toEqual([
      'min.insync.replicas = 1: below the replication factor (1) in production, so that one broker can restart without blocking acks=all producers (the cluster\'s default, since `minInsyncReplicas` is unset): a cluster of 1 broker cannot hold the 2 replicas that 1 in sync needs: use a cluster with more brokers',
    ]);
  });

  test('unknown cleanup.policy and compression.type are refused with the allowed values', () => {
    expect(issues({ cleanupPolicy: 'delete,compact' as never, compressionType: 'brotli' as never })).toEqual([
      'cleanup.policy = "delete,compact": one of "delete", "compact", "compact,delete"',
      'compression.type = "brotli": one of uncompressed, zstd, lz4, snappy, gzip, producer',
    ]);
  });

  test('retention must be positive or -1', () => {
    expect(issues({ retentionMs: 0, retentionBytes: -2 })).toEqual([
      'retention.ms = 0: a positive whole number, or -1 for no limit',
      'retention.bytes = -2: a positive whole number, or -1 for no limit',
    ]);
    expect(issues({ retentionMs: -1 })).toEqual([]);
  });

  test.each(['orders events', 'x'.repeat(250), '.', '..', 'orders/events', ''])('topic name %j is refused', (name) => {
    expect(issues({ name })).toEqual([`name = ${JSON.stringify(name)}: characters [a-zA-Z0-9._-], at most 249, not "." or ".."`]);
  });

  test('typed settings cannot be repeated in the free-form config', () => {
    expect(issues({ config: { 'retention.ms': 1000, 'min.compaction.lag.ms': 1 } })).toEqual([`config['retention.ms'] = 1000: not here: use the typed field "retentionMs"`]);
  });

  test('all problems are reported together', () => {
    expect(issues({ name: 'bad name', partitions: 0, replicas: 9, compressionType: 'brotli' as never })).toHaveLength(4);
  });
});

describe('building a KafkaTopic', () => {
  test('typed config becomes Kafka keys; topicName appears only when it differs from metadata.name', () => {
    const plain = buildTopic({ name: 'orders', partitions: 3, retentionMs: 1000, messageTimestampType: 'LogAppendTime', config: { 'segment.bytes': 1 } }, prod);
    expect(plain.spec).toEqual({ partitions: 3, replicas: 3, config: { 'retention.ms': 1000, 'message.timestamp.type': 'LogAppendTime', 'segment.bytes': 1 } });
    expect(plain.metadata.labels).toEqual({ 'strimzi.io/cluster': 'events', [PROTECTED_TOPIC_LABEL]: 'true' });
    const odd = buildTopic({ name: 'Orders_V1', partitions: 3 }, dev);
    expect(odd.spec).toMatchObject({ topicName: 'Orders_V1' });
    expect(odd.metadata.labels).toEqual({ 'strimzi.io/cluster': 'events' });
  });

  test('managed: false annotates the topic so Strimzi stops managing it without deleting it', () => {
    expect(buildTopic({ name: 'orders', partitions: 3, managed: false }, dev).metadata.annotations).toEqual({ 'strimzi.io/managed': 'false' });
    expect(buildTopic({ name: 'orders', partitions: 3 }, dev).metadata.annotations).toBeUndefined();
  });

  test('deletion protection can be turned off in production and on elsewhere', () => {
    expect(buildTopic({ name: 'a', partitions: 1, deletionProtection: false }, prod).metadata.labels).not.toHaveProperty([PROTECTED_TOPIC_LABEL]);
    expect(buildTopic({ name: 'a', partitions: 1, deletionProtection: true }, dev).metadata.labels).toHaveProperty([PROTECTED_TOPIC_LABEL], 'true');
  });
});
