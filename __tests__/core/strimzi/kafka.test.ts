import { Validator } from '../../../lib/core/validation';
import { buildKafkaCluster, effectiveBrokerConfig, KafkaClusterSpec, NodeTopology, resolveKafkaCluster, validateKafkaCluster } from '../../../lib/core/strimzi/kafka';
import { Listener } from '../../../lib/core/strimzi/listener';
import { NodePoolOptions } from '../../../lib/core/strimzi/node-pool';
import { diffFields } from '../../../lib/review/field-diff';
import { brokerRollRule } from '../../../lib/review/rules/broker-roll';
import { buildManualRebalance } from '../../../lib/core/operations/rebalance';
import { crdDir, StrimziSchemas } from '../../helpers/strimzi-schemas';
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

describe('resolveKafkaCluster', () => {
  test('applies every default once: listeners, broker config, replication, CAs, metrics refs', () => {
    const r = resolveKafkaCluster(spec({ clusterCa: { renewalDays: 10 }, config: { 'min.insync.replicas': '1' }, metrics: true, cruiseControl: {} }));
    expect(r.listeners.map((l) => l.name)).toEqual(['tls']);
    expect(r.brokerConfig).toEqual(effectiveBrokerConfig(r.spec));
    expect([r.defaultReplicationFactor, r.minInsyncReplicas]).toEqual([3, 1]);
    expect(r.clusterCa).toEqual({ generateCertificateAuthority: true, validityDays: 365, renewalDays: 10 });
    expect(r.clientsCa).toEqual({ generateCertificateAuthority: true, validityDays: 365, renewalDays: 30 });
    expect(r.certificateRenewalDays).toBe(10);
    expect(r.metricsConfigMap).toEqual({ name: 'events-jmx-exporter-rules', key: 'kafka-metrics.yaml' });
    expect(r.cruiseControlMetricsConfigMap).toEqual({ name: 'events-jmx-exporter-rules', key: 'cruise-control-metrics.yaml' });
  });

  test('validation returns the resolved spec the builder renders the same way', () => {
    const s = spec({ clientsCa: { validityDays: 100 }, metricsConfigMap: { name: 'mine', key: 'k' } });
    const v = new Validator('app/cluster');
    const resolved = validateKafkaCluster(v, s)!;
    expect(v.issues).toEqual([]);
    expect(resolved.metricsConfigMap).toEqual({ name: 'mine', key: 'k' });
    expect(buildKafkaCluster(s, resolved)).toEqual(buildKafkaCluster(s));
    expect((buildKafkaCluster(s).kafka.spec as { clientsCa: unknown }).clientsCa).toEqual({ generateCertificateAuthority: true, validityDays: 100, renewalDays: 30 });
  });

  test('a non-numeric replication setting resolves to NaN and is refused by validation', () => {
    expect(resolveKafkaCluster(spec({ config: { 'default.replication.factor': 'three' } })).defaultReplicationFactor).toBeNaN();
    expect(issues(spec({ config: { 'default.replication.factor': 'three' } })).join('\n')).toMatch(/config\['default.replication.factor'\] = "three": a whole number >= 1/);
  });
});

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
    expect(issues(spec({ version: '3.9.0' as never }))[0]).toMatch(/^version = "3.9.0": one of 4.2.0, 4.2.1, 4.3.0, 4.3.1/);
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

describe('operations hardening', () => {
  const kafkaOf = (s: KafkaClusterSpec) => (buildKafkaCluster(s).kafka.spec as { kafka: Record<string, unknown> }).kafka;

  test('retention renders the dynamic log.retention.ms (no roll), never the read-only log.retention.hours', () => {
    const config = effectiveBrokerConfig(spec({ brokerDefaults: { retentionHours: 72 } }));
    expect(config['log.retention.ms']).toBe(72 * 3_600_000);
    expect(config).not.toHaveProperty('log.retention.hours');
    expect(effectiveBrokerConfig(spec())['log.retention.ms']).toBe(604_800_000);
  });

  test('read-only keys with a dynamic synonym are refused in config, with the key to use', () => {
    expect(issues(spec({ config: { 'log.retention.hours': 24, 'log.roll.hours': 1, 'log.retention.ms': 1000 } }))).toEqual([
      "config['log.retention.hours'] = 24: its dynamic synonym log.retention.ms instead (log.retention.hours is read-only: every change would roll all brokers)",
      "config['log.roll.hours'] = 1: its dynamic synonym log.roll.ms instead (log.roll.hours is read-only: every change would roll all brokers)",
    ]);
  });

  test('the review\'s KP-REVIEW-BROKER-ROLL rule finds no roll in a retention change or the guide\'s cleaner settings', () => {
    const roll = (a: KafkaClusterSpec, b: KafkaClusterSpec) => {
      const before = buildKafkaCluster(a).kafka;
      const after = buildKafkaCluster(b).kafka;
      const stack = { name: 's', status: 'changed' as const, objects: [], resources: [] };
      return brokerRollRule.assess({ status: 'changed', key: 'k', release: 'r', kind: 'Kafka', name: 'kafka/events', before, after, fields: diffFields(before, after) }, { stack, production: true });
    };
    expect(roll(spec(), spec({ brokerDefaults: { retentionHours: 24 } }))).toEqual([]);
    expect(roll(spec(), spec({ config: { 'log.cleaner.threads': 4, 'log.cleaner.io.max.bytes.per.second': 10485760 } }))).toEqual([]);
    // A read-only key still rolls, and the rule says so.
    expect(roll(spec(), spec({ brokerDefaults: { defaultPartitions: 6 } }))).toEqual(['broker config num.partitions changed: not dynamically updatable, so every broker restarts']);
  });

  test('auto-rebalance templates carry a replication throttle (50 MiB/s unless set) and partition movements', () => {
    expect(buildKafkaCluster(spec({ cruiseControl: {} })).rebalanceTemplates.map((t) => t.spec)).toEqual([
      { replicationThrottle: 52_428_800, concurrentPartitionMovementsPerBroker: 5 },
      { replicationThrottle: 52_428_800, concurrentPartitionMovementsPerBroker: 5 },
    ]);
    const set = buildKafkaCluster(spec({ cruiseControl: { replicationThrottle: 100 * 1024 * 1024, concurrentPartitionMovementsPerBroker: 2 } }));
    expect(set.rebalanceTemplates[0].spec).toEqual({ replicationThrottle: 104_857_600, concurrentPartitionMovementsPerBroker: 2 });
  });

  test('broker capacity: CPU from the broker pools\' request, network as configured', () => {
    const brokers = { ...pool('brokers', 3), resources: { requests: { cpu: '4', memory: '8Gi' } } };
    const s = spec({ topology: NodeTopology.dedicated(pool('controllers', 3), [brokers]), cruiseControl: { brokerCapacity: { inboundNetwork: '125MB/s' } } });
    const cc = (buildKafkaCluster(s).kafka.spec as { cruiseControl: Record<string, unknown> }).cruiseControl;
    expect(cc.brokerCapacity).toEqual({ cpu: '4', inboundNetwork: '125MB/s', outboundNetwork: '125MB/s' });
    // Pools with different CPU: Strimzi derives CPU per pool, so the library leaves it out.
    const mixed = NodeTopology.dedicated(pool('controllers', 3), [brokers, { ...pool('big', 3), resources: { requests: { cpu: '8' } } }]);
    expect((buildKafkaCluster(spec({ topology: mixed, cruiseControl: {} })).kafka.spec as { cruiseControl: Record<string, unknown> }).cruiseControl).not.toHaveProperty('brokerCapacity');
  });

  test('quotas, drain cleaner budget and priority class are rendered where Strimzi reads them', () => {
    const k = kafkaOf(spec({ quotas: { plugin: 'strimzi', producerByteRate: 1000, minAvailableRatioPerVolume: 0.1 }, drainCleaner: true, priorityClassName: 'kafka-critical' }));
    expect(k.quotas).toEqual({ type: 'strimzi', producerByteRate: 1000, minAvailableRatioPerVolume: 0.1 });
    expect(k.template).toEqual({ podDisruptionBudget: { maxUnavailable: 0 } });
    const pools = buildKafkaCluster(spec({ priorityClassName: 'kafka-critical' })).nodePools;
    expect(pools.map((p) => (p.spec as { template: { pod: { priorityClassName?: string } } }).template.pod.priorityClassName)).toEqual(['kafka-critical', 'kafka-critical']);
    expect(kafkaOf(spec())).not.toHaveProperty('template');
    expect(kafkaOf(spec())).not.toHaveProperty('quotas');
  });

  test('bad inputs of the hardening settings are all reported at once with field, value and what is allowed', () => {
    expect(
      issues(
        spec({
          cruiseControl: { replicationThrottle: 0, brokerCapacity: { inboundNetwork: '1 Gbit/s', cpu: 'four' } },
          quotas: { producerByteRate: -1 },
          topology: NodeTopology.dedicated(pool('controllers', 3), [{ ...pool('brokers', 3), terminationGracePeriodSeconds: 15 }]),
          metadataVersion: '4.4-IV0',
        }),
      ),
    ).toEqual([
      'metadataVersion = "4.4-IV0": a metadata version of Kafka 4.3.1: 3.3-IV3 to 4.3-IV0, e.g. "4.3-IV0"',
      'topology.pools[1].terminationGracePeriodSeconds = 15: a whole number from 30 to 3600',
      'cruiseControl.replicationThrottle = 0: a whole number of bytes per second above 0, e.g. 52428800 (50 MiB/s); 0 would mean unthrottled',
      'cruiseControl.brokerCapacity.inboundNetwork = "1 Gbit/s": a whole number of bytes per second with an optional K, M, G, Ki, Mi or Gi unit, e.g. "125MB/s" or "10000KiB/s"',
      'cruiseControl.brokerCapacity.cpu = "four": CPU cores above 0 such as "4", "1.5" or "3500m"',
      'quotas.producerByteRate = -1: a whole number of bytes per second above 0 (omit it for no limit)',
    ]);
  });
});

(crdDir() ? describe : describe.skip)('hardening options against the Strimzi 1.2.0 CRDs', () => {
  test('every option on, including the strimzi quota plugin and JVM overrides, conforms', () => {
    const schemas = new StrimziSchemas(crdDir()!);
    const brokers: NodePoolOptions = {
      ...pool('brokers', 6),
      resources: { requests: { cpu: '3500m', memory: '8Gi' }, limits: { memory: '8Gi' } },
      jvm: { heap: '4g', xx: { MaxGCPauseMillis: '50' } },
      spreadAcrossZones: true,
      zones: 3,
      terminationGracePeriodSeconds: 180,
      priorityClassName: 'kafka-brokers',
    };
    const m = buildKafkaCluster(
      spec({
        topology: NodeTopology.dedicated({ ...pool('controllers', 3), spreadAcrossZones: true }, [brokers]),
        version: '4.3.1',
        metadataVersion: '4.2-IV1',
        quotas: { plugin: 'strimzi', producerByteRate: 1048576, consumerByteRate: 2097152, minAvailableRatioPerVolume: 0.1, excludedPrincipals: ['User:mirror'] },
        drainCleaner: true,
        priorityClassName: 'kafka-critical',
        cruiseControl: { replicationThrottle: 1, concurrentPartitionMovementsPerBroker: 2, brokerCapacity: { inboundNetwork: '10000KiB/s', outboundNetwork: '1GiB/s' } },
      }),
    );
    const objects = [m.kafka, ...m.nodePools, ...m.rebalanceTemplates, buildManualRebalance({ cluster: 'events', namespace: 'kafka', replicationThrottle: 1 })];
    expect(objects.flatMap((o) => schemas.validate(o))).toEqual([]);
    expect(issues(spec({ quotas: { plugin: 'kafka', producerByteRate: 1, requestPercentage: 50, controllerMutationRate: 0.5 } }))).toEqual([]);
    const perUser = buildKafkaCluster(spec({ quotas: { plugin: 'kafka', producerByteRate: 1, requestPercentage: 50, controllerMutationRate: 0.5 } })).kafka;
    expect(schemas.validate(perUser)).toEqual([]);
  });
});
