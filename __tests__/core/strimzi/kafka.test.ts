import { Validator } from '../../../lib/core/validation';
import { buildKafkaCluster, effectiveBrokerConfig, KafkaClusterSpec, NodeTopology, validateKafkaCluster } from '../../../lib/core/strimzi/kafka';
import { Listener } from '../../../lib/core/strimzi/listener';
import { NodePoolOptions } from '../../../lib/core/strimzi/node-pool';
import { Storage } from '../../../lib/core/strimzi/storage';

const pool = (name: string, replicas: number): NodePoolOptions => ({ name, replicas, storage: Storage.persistentClaim({ size: '10Gi' }) });

const spec = (overrides: Partial<KafkaClusterSpec> = {}): KafkaClusterSpec => ({
  name: 'events',
  namespace: 'kafka',
  topology: NodeTopology.dedicated(pool('controllers', 3), [pool('brokers', 3)]),
  ...overrides,
});

function issues(s: KafkaClusterSpec): string[] {
  const v = new Validator('app/cluster');
  validateKafkaCluster(v, s);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
}

describe('effectiveBrokerConfig', () => {
  test('protects data by default and derives replication from the broker count', () => {
    const three = effectiveBrokerConfig(spec());
    expect(three).toMatchObject({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'unclean.leader.election.enable': false,
      'auto.create.topics.enable': false,
    });
    const one = effectiveBrokerConfig(spec({ topology: NodeTopology.combined(pool('dual', 1)) }));
    expect(one['default.replication.factor']).toBe(1);
    expect(one['min.insync.replicas']).toBe(1);
  });

  test('free-form config wins over typed defaults', () => {
    expect(effectiveBrokerConfig(spec({ config: { 'num.partitions': 24 } }))['num.partitions']).toBe(24);
  });

  test('rack awareness adds the rack-aware replica selector, and can be turned off', () => {
    expect(effectiveBrokerConfig(spec())['replica.selector.class']).toContain('RackAwareReplicaSelector');
    expect(effectiveBrokerConfig(spec({ rackAware: false }))['replica.selector.class']).toBeUndefined();
  });
});

describe('validateKafkaCluster', () => {
  test('a sound spec has no issues', () => {
    expect(issues(spec())).toEqual([]);
  });

  test('replication above the broker count', () => {
    expect(issues(spec({ brokerDefaults: { defaultReplicationFactor: 4 } }))).toContain(
      'brokerDefaults.defaultReplicationFactor = 4: at most the number of brokers (3)',
    );
  });

  test('min ISR must stay below replication', () => {
    const found = issues(spec({ brokerDefaults: { defaultReplicationFactor: 3, minInsyncReplicas: 3 } }));
    expect(found[0]).toMatch(/^brokerDefaults.minInsyncReplicas = 3: below the replication factor \(3\)/);
  });

  test('even or too small controller quorums', () => {
    expect(issues(spec({ topology: NodeTopology.dedicated(pool('controllers', 4), [pool('brokers', 3)]) }))[0]).toMatch(
      /^topology.controllers.replicas = 4: an odd number of controllers/,
    );
    expect(issues(spec({ topology: NodeTopology.dedicated(pool('controllers', 1), [pool('brokers', 3)]) }))).toContain(
      'topology.controllers.replicas = 1: at least 3 dedicated controllers (3 or 5)',
    );
  });

  test('names invalid for Kubernetes', () => {
    const found = issues(spec({ name: 'Events_Prod', namespace: 'Kafka' }));
    expect(found.some((f) => f.startsWith('name = "Events_Prod"'))).toBe(true);
    expect(found.some((f) => f.startsWith('namespace = "Kafka"'))).toBe(true);
  });

  test('storage sizes that are not quantities', () => {
    const bad = NodeTopology.combined({ name: 'dual', replicas: 1, storage: Storage.persistentClaim({ size: '100GB' }) });
    expect(issues(spec({ topology: bad }))).toContain(
      'topology.pools[0].storage.volumes[0].size = "100GB": a Kubernetes quantity of bytes, e.g. "100Gi" or "500G"',
    );
  });

  test('duplicate pool and listener names', () => {
    const topology = NodeTopology.dedicated(pool('nodes', 3), [pool('nodes', 3)]);
    const found = issues(spec({ topology, listeners: [Listener.internalTls(), Listener.internalTls({ port: 9095 })] }));
    expect(found).toContain('topology.pools[].name = "nodes": each name only once (duplicate)');
    expect(found).toContain('listeners[].name = "tls": each name only once (duplicate)');
  });

  test('config keys Strimzi manages itself', () => {
    expect(issues(spec({ config: { 'listeners': 'PLAINTEXT://:9092', 'ssl.cipher.suites': 'TLS_AES_256_GCM_SHA384' } }))).toEqual([
      expect.stringMatching(/^config.listeners = "PLAINTEXT:\/\/:9092": a key Strimzi does not manage itself/),
    ]);
  });

  test('unsupported Kafka version and unknown metadata version', () => {
    expect(issues(spec({ version: '3.9.0' }))[0]).toMatch(/^version = "3.9.0": one of 4.2.0, 4.2.1, 4.3.0, 4.3.1/);
    expect(issues(spec({ version: '4.2.1' }))).toContain('metadataVersion = undefined: set explicitly for Kafka 4.2.1');
    expect(issues(spec({ version: '4.2.1', metadataVersion: '4.2-IV1' }))).toEqual([]);
  });

  test('maintenance windows must be Quartz cron expressions and renewal shorter than validity', () => {
    const found = issues(spec({ maintenanceTimeWindows: ['0 2 * * 0'], clusterCa: { validityDays: 30, renewalDays: 30 } }));
    expect(found).toContain(
      'maintenanceTimeWindows[0] = "0 2 * * 0": a Quartz cron expression "second minute hour day-of-month month day-of-week [year]" with one day field "?", e.g. "* * 2-4 ? * SUN" (5 fields instead of 6 or 7)',
    );
    expect(found).toContain('clusterCa.renewalDays = 30: fewer days than validityDays (30)');
  });

  test('cluster name length keeps derived pod names within 63 characters', () => {
    expect(issues(spec({ name: 'a'.repeat(41) }))[0]).toMatch(/^name = "a{41}": .*at most 40 characters/);
  });
});

describe('buildKafkaCluster', () => {
  test('a dedicated topology yields a controller pool and broker pools with their roles', () => {
    const m = buildKafkaCluster(spec());
    expect(m.kafka.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(m.nodePools.map((p) => [p.metadata.name, (p.spec as { roles: string[] }).roles])).toEqual([
      ['controllers', ['controller']],
      ['brokers', ['broker']],
    ]);
    expect(m.nodePools.every((p) => p.metadata.labels?.['strimzi.io/cluster'] === 'events')).toBe(true);
  });

  test('a combined topology yields one dual-role pool', () => {
    const m = buildKafkaCluster(spec({ topology: NodeTopology.combined(pool('dual', 1)) }));
    expect(m.nodePools).toHaveLength(1);
    expect((m.nodePools[0].spec as { roles: string[] }).roles).toEqual(['controller', 'broker']);
  });

  test('cruise control brings auto-rebalance and its two templates', () => {
    const m = buildKafkaCluster(spec({ cruiseControl: {} }));
    const cc = (m.kafka.spec as { cruiseControl: { autoRebalance: { mode: string; template: { name: string } }[] } }).cruiseControl;
    expect(cc.autoRebalance.map((a) => a.mode)).toEqual(['add-brokers', 'remove-brokers']);
    expect(m.rebalanceTemplates.map((t) => t.metadata.name)).toEqual(cc.autoRebalance.map((a) => a.template.name));
    expect(m.rebalanceTemplates[0].metadata.annotations).toEqual({ 'strimzi.io/rebalance-template': 'true' });
    expect(buildKafkaCluster(spec({ cruiseControl: { autoRebalance: false } })).rebalanceTemplates).toEqual([]);
    expect(buildKafkaCluster(spec()).rebalanceTemplates).toEqual([]);
  });

  test('kafka exporter is on unless disabled', () => {
    expect(buildKafkaCluster(spec()).kafka.spec).toHaveProperty('kafkaExporter');
    expect(buildKafkaCluster(spec({ kafkaExporter: false })).kafka.spec).not.toHaveProperty('kafkaExporter');
  });

  test('cruise control exports metrics only when given exporter rules', () => {
    const cc = (s: KafkaClusterSpec) => (buildKafkaCluster(s).kafka.spec as { cruiseControl: Record<string, unknown> }).cruiseControl;
    expect(cc(spec({ cruiseControl: {} }))).not.toHaveProperty('metricsConfig');
    expect(cc(spec({ cruiseControl: { metricsConfigMap: { name: 'events-rules', key: 'cc.yaml' } } })).metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'events-rules', key: 'cc.yaml' } },
    });
  });

  test('metrics config points at the exporter rules ConfigMap', () => {
    const m = buildKafkaCluster(spec({ metricsConfigMap: { name: 'events-metrics', key: 'kafka.yaml' } }));
    expect((m.kafka.spec as { kafka: Record<string, unknown> }).kafka.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'events-metrics', key: 'kafka.yaml' } },
    });
  });
});
