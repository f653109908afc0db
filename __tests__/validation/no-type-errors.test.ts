import { App, TerraformStack, Testing } from 'cdktf';
import { KafkaTopology } from '../../lib/topology/kafka-topology';
import { KafkaUser } from '../../lib/access/kafka-user';
import { MetadataBackup } from '../../lib/backup/metadata-backup';
import { OffsetRestore } from '../../lib/backup/offset-restore';
import { VolumeSnapshots } from '../../lib/backup/volume-snapshots';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { AclResources, allow } from '../../lib/core/strimzi/acl';
import { Grant } from '../../lib/core/access/grant';
import { MirrorAuthentication } from '../../lib/core/operations/mirror-maker2-resource';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Listener, ListenerAuthentication } from '../../lib/core/strimzi/listener';
import { Storage } from '../../lib/core/strimzi/storage';
import { UserAuthentication } from '../../lib/core/strimzi/user';
import { ValidationError } from '../../lib/core/validation';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { PlatformGuardrails } from '../../lib/guardrails/platform-guardrails';
import { LoadTest, LoadTestProfile } from '../../lib/loadtest/load-test';
import { ManualRebalance } from '../../lib/maintenance/manual-rebalance';
import { PreferredLeaderElection } from '../../lib/maintenance/preferred-leader-election';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { KubePrometheusStack } from '../../lib/monitoring/kube-prometheus-stack';
import { StrimziOperator } from '../../lib/operator/strimzi-operator';
import { PlatformOperations } from '../../lib/operations/platform-operations';
import { KafkaMirrorMaker2 } from '../../lib/replication/mirror-maker2';
import { AclAudit } from '../../lib/security/acl-audit';
import { KafkaTopic } from '../../lib/topics/kafka-topic';
import { DrainCleaner } from '../../lib/operator/drain-cleaner';
import { DisasterRecoveryLink, DisasterRecoveryTarget } from '../../lib/replication/disaster-recovery';
import { TeamGuardrails } from '../../lib/guardrails/team-guardrails';
import { kafkaMetricsConfigMapRef } from '../../lib/core/monitoring/exporter-rules';
import { dev, prod } from '../../stacks/environments';
import { KafkaConnect } from '../../lib/connect/kafka-connect';
import { ConnectorPlugin, STREAM_REACTOR_S3_SINK } from '../../lib/core/strimzi/connect';
import { TopicBackup } from '../../lib/backup/topic-backup';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { testStack } from '../helpers/synth';

/**
 * "No public entry point can be made to throw a TypeError by input": every top-level prop of every public
 * construct, and every argument of every factory, replaced by each value of a garbage list. Each call
 * must either succeed or throw the library's ValidationError.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const GARBAGE: readonly unknown[] = [undefined, null, '', 'x', -1, NaN, true, [], [undefined], {}];

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof ValidationError ? 'refused' : `${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
}

const pool = (name: string) => ({ name, replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) });

/** A stack with a cluster and a release, for constructs that need them. */
function fixture(): { stack: TerraformStack; cluster: KafkaCluster; release: CustomResourceRelease } {
  const stack = testStack('s');
  const cluster = new KafkaCluster(stack, 'cluster', {
    name: 'events',
    namespace: 'kafka',
    topology: NodeTopology.dedicated(pool('controllers'), [pool('brokers')]),
    listeners: [Listener.internalTls(), Listener.external({ name: 'repl', type: 'loadbalancer', port: 9095, bootstrapHost: 'kafka-bootstrap.dr.example.org', authentication: ListenerAuthentication.scramSha512() })],
    metricsConfigMap: kafkaMetricsConfigMapRef('events'),
    cruiseControl: {},
  });
  const release = new CustomResourceRelease(stack, 'release', { releaseName: 'events-ops', namespace: 'kafka' });
  return { stack, cluster, release };
}

type Entry = readonly [string, Record<string, unknown>, (f: ReturnType<typeof fixture>, props: Loose) => unknown];

const CONSTRUCTS: readonly Entry[] = [
  ['KafkaCluster', { name: 'e2', namespace: 'kafka', topology: NodeTopology.combined(pool('dual')), listeners: [Listener.internalTls()], superUsers: ['admin'], config: {}, brokerDefaults: {}, clusterCa: {}, maintenanceTimeWindows: [], labels: {}, kafkaExporter: {}, cruiseControl: {}, rackAware: true, version: '4.3.1', metadataVersion: '4.3-IV0' },
    (f, p) => new KafkaCluster(f.stack, 'c2', p)],
  ['KafkaCluster.fromClusterAttributes', { clusterName: 'other', namespace: 'kafka', brokerCount: 3, listeners: [{ name: 'tls', port: 9093 }] },
    (f, p) => KafkaCluster.fromClusterAttributes(f.stack, 'imported', p).bootstrapServers()],
  ['KafkaTopic', { name: 'orders', partitions: 3, replicas: 3, config: {}, labels: {}, retentionMs: 1000, cleanupPolicy: 'delete', managed: true, cluster: 'CLUSTER', release: 'RELEASE' },
    (f, p) => new KafkaTopic(f.stack, 't', p)],
  ['KafkaUser', { name: 'app', grants: [Grant.produce('orders')], acls: [], quotas: {}, labels: {}, authentication: UserAuthentication.tls(), cluster: 'CLUSTER', release: 'RELEASE' },
    (f, p) => new KafkaUser(f.stack, 'u', p)],
  ['KafkaTopology', { groups: [{ name: 'orders', topics: [{ name: 'orders', partitions: 3 }], applications: [{ name: 'app', grants: [Grant.produce('orders')] }] }], externalTopics: [], production: false, cluster: 'CLUSTER' },
    (f, p) => new KafkaTopology(f.stack, 'topology', p)],
  ['StrimziOperator', { watchNamespaces: ['kafka'], namespace: 'strimzi-system', resources: {} }, (f, p) => new StrimziOperator(f.stack, 'op', p)],
  ['CustomResourceRelease', { releaseName: 'x', namespace: 'kafka' }, (f, p) => new CustomResourceRelease(f.stack, 'r2', p)],
  ['KafkaMonitoring', { team: 't', runbookBaseUrl: 'https://runbooks', thresholds: {}, prometheusSelectorLabels: { release: 'kps' }, backupCronJobs: [], cluster: 'CLUSTER' },
    (f, p) => new KafkaMonitoring(f.stack, 'monitoring', p)],
  ['KubePrometheusStack', { namespace: 'monitoring', selectorLabels: { release: 'kps' }, releaseName: 'kps' }, (f, p) => new KubePrometheusStack(f.stack, 'kps', p)],
  ['KafkaMirrorMaker2', { target: { alias: 'dr', bootstrapServers: 'dr:9093', caCertSecret: 'ca', authentication: MirrorAuthentication.scramSha512('u', 's') }, replicas: 2, cluster: 'CLUSTER', release: 'RELEASE' },
    (f, p) => new KafkaMirrorMaker2(f.stack, 'mm2', p)],
  ['PlatformOperations', { metadataBackup: {}, aclAudit: {}, leaderElection: {}, loadTests: [LoadTestProfile.baseline()], cluster: 'CLUSTER' },
    (f, p) => new PlatformOperations(f.stack, 'ops', p)],
  ['MetadataBackup', { schedule: '0 */6 * * *', retentionDays: 30, volume: { size: '10Gi' }, s3: { bucket: 'kafka-backups' }, cluster: 'CLUSTER', release: 'RELEASE' },
    (f, p) => new MetadataBackup(f.stack, 'mb', p)],
  ['OffsetRestore', { claimName: 'claim', backupId: '20260101T000000Z', mode: 'dry-run', cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new OffsetRestore(f.stack, 'or', p)],
  ['VolumeSnapshots', { snapshotClass: 'csi', schedule: '0 3 * * 0', retentionDays: 28, cluster: 'CLUSTER' }, (f, p) => new VolumeSnapshots(f.stack, 'vs', p)],
  ['PreferredLeaderElection', { schedule: '0 * * * *', cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new PreferredLeaderElection(f.stack, 'ple', p)],
  ['ManualRebalance', { cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new ManualRebalance(f.stack, 'mr', p)],
  ['AclAudit', { schedule: '0 4 * * *', cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new AclAudit(f.stack, 'aa', p)],
  ['LoadTest', { profile: LoadTestProfile.baseline(), cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new LoadTest(f.stack, 'lt', p)],
  ['DrainCleaner', { namespace: 'strimzi-drain-cleaner', certManager: false, replicas: 2, resources: {} }, (f, p) => new DrainCleaner(f.stack, 'dc', p)],
  ['DisasterRecoveryTarget', { listenerName: 'repl', mirrorUserName: 'source-mirror', cluster: 'CLUSTER', release: 'RELEASE' }, (f, p) => new DisasterRecoveryTarget(f.stack, 'drt', p)],
  ['DisasterRecoveryLink', {
    endpoint: { bootstrapServers: 'kafka-bootstrap.dr.example.org:9095', namespace: 'kafka', caCertSecret: 'dr-cluster-ca-cert', credentialsSecret: 'source-mirror', username: 'source-mirror' },
    drKubernetes: { configPath: '~/.kube/config', context: 'dr' }, caWarningDays: 30, caCheckSchedule: '0 * * * *', cluster: 'CLUSTER' },
    (f, p) => new DisasterRecoveryLink(f.stack, 'drl', p)],
  ['KafkaConnect', {
    name: 'sink', plugins: [ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: 'a'.repeat(128) })], image: { registry: 'registry.example.org/kp', pushSecret: 'p' },
    connectors: [{ name: 's3', type: 'sink', className: STREAM_REACTOR_S3_SINK, topics: ['orders'], config: {} }], runtimeSourceTopics: ['restored'], replicas: 2, config: {}, env: [], storageTopics: {}, metrics: false, cluster: 'CLUSTER', release: 'RELEASE' },
    (f, p) => new KafkaConnect(f.stack, 'connect', p)],
  ['TopicBackup', {
    declaredTopics: 'TOPICS', topics: ['orders'], groups: [], s3: { bucket: 'kafka-backups' }, plugin: ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: 'a'.repeat(128) }),
    retentionDays: 7, recoveryPointHours: 24, flushIntervalMinutes: 60, connect: {}, drill: {}, restores: [{ name: 'fix', topic: 'orders', targetTopic: 'orders.restored' }], cluster: 'CLUSTER' },
    (f, p) => {
      const declared = p && typeof p === 'object' && p.declaredTopics === 'TOPICS' ? [new KafkaTopic(f.stack, 'orders', { cluster: f.cluster, release: f.release, name: 'orders', partitions: 3 })] : p?.declaredTopics;
      return new TopicBackup(f.stack, 'tb', p && typeof p === 'object' && !Array.isArray(p) ? { ...p, declaredTopics: declared } : p);
    }],
  ['TeamGuardrails', { production: true, externalTopics: ['shared.events'], acknowledgements: [], environment: 'prod' }, (f, p) => new TeamGuardrails(f.stack, 'team-guardrails', p)],
  ['PlatformGuardrails', { environment: 'dev', production: true, acknowledgements: [{ ruleId: 'KP-PROD-MIN-ISR', path: 'cluster', reason: 'a reviewed reason' }], admins: ['admin'] },
    (f, p) => new PlatformGuardrails(f.stack, 'guardrails', p)],
];

function withFixture(f: ReturnType<typeof fixture>, props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === 'CLUSTER' ? f.cluster : v === 'RELEASE' ? f.release : v]));
}

describe('no construct throws a TypeError, whatever a prop holds', () => {
  test.each(CONSTRUCTS.map((c) => [c[0], c] as const))('%s', (_name, [, props, build]) => {
    // The baseline is valid: otherwise every mutation would be refused for the wrong reason.
    const base = fixture();
    expect(outcome(() => build(base, withFixture(base, props)))).toBe('ok');
    const crashes: string[] = [];
    for (const value of [...GARBAGE]) crashes.push(...[outcome(() => build(fixture(), value))].filter((o) => o !== 'ok' && o !== 'refused').map((o) => `props = ${String(value)}: ${o}`));
    for (const key of Object.keys(props)) {
      for (const value of GARBAGE) {
        const f = fixture();
        const o = outcome(() => {
          build(f, { ...withFixture(f, props), [key]: value });
          Testing.synth(f.stack, true);
        });
        if (o !== 'ok' && o !== 'refused' && !/^Error: Validation failed/.test(o)) crashes.push(`${key} = ${Array.isArray(value) ? JSON.stringify(value) : String(value)}: ${o}`);
      }
    }
    expect(crashes).toEqual([]);
  });
});

describe('no factory throws a TypeError, whatever an argument holds', () => {
  const FACTORIES: readonly [string, readonly unknown[], (...args: Loose[]) => unknown][] = [
    ['NodeTopology.dedicated', [pool('c'), [pool('b')]], (a, b) => NodeTopology.dedicated(a, b)],
    ['NodeTopology.combined', [pool('d')], (a) => NodeTopology.combined(a)],
    ['Storage.persistentClaim', [{ size: '1Gi' }], (a) => Storage.persistentClaim(a)],
    ['Storage.jbod', [[{ id: 0, size: '1Gi' }], 0], (a, b) => Storage.jbod(a, b)],
    ['Listener.internalTls', [{ name: 'tls' }], (a) => Listener.internalTls(a)],
    ['Listener.plainInternal', [{ name: 'plain' }], (a) => Listener.plainInternal(a)],
    ['Listener.external', [{ type: 'loadbalancer' }], (a) => Listener.external(a)],
    ['ListenerAuthentication.scramSha512', [], () => ListenerAuthentication.scramSha512()],
    ['UserAuthentication.scramSha512', [{}], (a) => UserAuthentication.scramSha512(a)],
    ['UserAuthentication.tls', [{ validityDays: 30, renewalDays: 5 }], (a) => UserAuthentication.tls(a)],
    ['Grant.produce', ['orders', {}], (a, b) => Grant.produce(a, b)],
    ['Grant.consume', ['orders', { group: 'g' }], (a, b) => Grant.consume(a, b)],
    ['Grant.streams', [{ applicationId: 'app' }], (a) => Grant.streams(a)],
    ['Grant.connect', [{ groupId: 'g', configTopic: 'c', offsetTopic: 'o', statusTopic: 's' }], (a) => Grant.connect(a)],
    ['Grant.custom', ['raw', [allow(AclResources.topic('t'), ['Read'])]], (a, b) => Grant.custom(a, b)],
    ['MirrorAuthentication.scramSha512', ['u', 's'], (a, b) => MirrorAuthentication.scramSha512(a, b)],
    ['MirrorAuthentication.mutualTls', ['s'], (a) => MirrorAuthentication.mutualTls(a)],
    ['Acknowledgements.add', ['KP-PROD-MIN-ISR', 'a reviewed reason'], (a, b) => Acknowledgements.add(testStack('s'), a, b)],
    ['AclResources.topic', ['orders.*'], (a) => AclResources.topic(a)],
    ['allow', [AclResources.group('g'), ['Read']], (a, b) => allow(a, b)],
    ['ConnectorPlugin.streamReactorAwsS3', [{ version: '11.7.2', sha512sum: 'a'.repeat(128) }], (a) => ConnectorPlugin.streamReactorAwsS3(a)],
    ['ConnectorPlugin.fromArtifacts', [{ name: 'p', version: '1', artifacts: [{ type: 'jar', url: 'https://example.org/p.jar', sha512sum: 'a'.repeat(128) }], connectorClasses: ['io.example.Sink'] }], (a) => ConnectorPlugin.fromArtifacts(a)],
    ['LoadTestProfile.custom', [{ name: 'smoke', records: 10, recordSize: 100, throughput: 10, partitions: 1 }], (a) => LoadTestProfile.custom(a)],
  ];

  test.each(FACTORIES.map((f) => [f[0], f] as const))('%s', (_name, [, args, call]) => {
    expect(outcome(() => call(...args))).toBe('ok');
    const crashes: string[] = [];
    args.forEach((_arg, i) => {
      for (const value of GARBAGE) {
        const mutated = [...args];
        mutated[i] = value;
        const o = outcome(() => call(...mutated));
        if (o !== 'ok' && o !== 'refused') crashes.push(`argument ${i} = ${Array.isArray(value) ? JSON.stringify(value) : String(value)}: ${o}`);
      }
    });
    expect(crashes).toEqual([]);
  });
});

describe('no environment throws a TypeError, whatever a nested field holds', () => {
  // Configuration read from JSON/YAML: every field of the dev environment (plain objects and arrays, not
  // the instances the factories make), at any depth, replaced by garbage.
  const NESTED_GARBAGE: readonly unknown[] = [undefined, 'x', NaN, {}];

  function paths(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return [];
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }

  function replaced(value: unknown, path: readonly (string | number)[], garbage: unknown): unknown {
    if (path.length === 0) return garbage;
    const [head, ...rest] = path;
    const copy: Loose = Array.isArray(value) ? [...value] : { ...(value as object) };
    copy[head] = replaced(copy[head], rest, garbage);
    return copy;
  }

  // dev (combined pool, plain listener) and prod (operations, replication, thresholds); the topology
  // catalogue is not fuzzed here (its constructs are fuzzed above) to keep this fast: it is left out, but for the
  // topics prod's topic backup copies (a backup of undeclared topics is refused, which would stop every run early).
  function minimalTopology(env: typeof prod): typeof prod['topology'] {
    const backedUp = env.operations?.topicBackup?.topics ?? [];
    if (backedUp.length === 0 || !env.topology) return undefined;
    const groups = env.topology.groups
      .map((g) => ({ name: g.name, topics: (g.topics ?? []).filter((t) => backedUp.includes(t.name)), applications: [] }))
      .filter((g) => g.topics.length > 0);
    return { groups, externalTopics: [] };
  }
  test.each([dev, prod].map((e) => [e.name, { ...e, topology: minimalTopology(e) }] as const))('%s', (_name, env) => {
    // The unchanged environment builds: every refusal below is the garbage's, not a broken starting point.
    expect(outcome(() => new KafkaPlatformStack(new App({ outdir: Testing.app().outdir }), env as Loose))).toBe('ok');
    const crashes: string[] = [];
    for (const path of paths({ ...env, topology: undefined })) {
      for (const value of NESTED_GARBAGE) {
        const o = outcome(() => new KafkaPlatformStack(new App({ outdir: Testing.app().outdir }), replaced(env, path, value) as Loose));
        if (o !== 'ok' && o !== 'refused') crashes.push(`${path.join('.')} = ${Array.isArray(value) ? JSON.stringify(value) : String(value)}: ${o}`);
      }
    }
    expect(crashes).toEqual([]);
  });
});
