import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaTopology } from '../../lib/topology/kafka-topology';
import { KafkaUser } from '../../lib/access/kafka-user';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { Grant } from '../../lib/core/access/grant';
import { KafkaClusterSpec, NodeTopology } from '../../lib/core/strimzi/kafka';
import { Listener } from '../../lib/core/strimzi/listener';
import { Storage } from '../../lib/core/strimzi/storage';
import { UserAuthentication } from '../../lib/core/strimzi/user';
import { MirrorAuthentication } from '../../lib/core/operations/mirror-maker2-resource';
import { ValidationError } from '../../lib/core/validation';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { PlatformGuardrails } from '../../lib/guardrails/platform-guardrails';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { StrimziOperator } from '../../lib/operator/strimzi-operator';
import { KafkaMirrorMaker2 } from '../../lib/replication/mirror-maker2';
import { KafkaTopic } from '../../lib/topics/kafka-topic';
import { PlatformOperations } from '../../lib/operations/platform-operations';
import { LoadTestProfile } from '../../lib/loadtest/load-test';
import { dev, prod } from '../../stacks/environments';
import { KafkaConnect } from '../../lib/connect/kafka-connect';
import { ConnectorPlugin } from '../../lib/core/strimzi/connect';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { resolveTopology } from '../../stacks/topology/per-environment';
import { testStack } from '../helpers/synth';

/**
 * A corpus of inputs a user can write (TypeScript with loose types, JavaScript, JSON/YAML config) and the
 * message each must produce. Every row must fail with the library's ValidationError, never a TypeError,
 * and the message must contain each expected line `<path>: <field> = <value>: <allowed>` (prefix match).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const pool = (name: string, replicas: number) => ({ name, replicas, storage: Storage.persistentClaim({ size: '10Gi' }) });
const topology = NodeTopology.dedicated(pool('controllers', 3), [pool('brokers', 3)]);
const baseCluster: KafkaClusterSpec = { name: 'events', namespace: 'kafka', topology };

function cluster(extra: Loose, stack = testStack('s')): KafkaCluster {
  return new KafkaCluster(stack, 'cluster', { ...baseCluster, ...extra });
}

/**
 * The lines of the ValidationError `fn` throws, or the synth of the stack of the construct it returns (topics and
 * users report their values at synth); fails the test on any other error or none.
 */
function problems(fn: () => unknown): string[] {
  try {
    const built = fn();
    if (built instanceof Construct) Testing.synth(TerraformStack.of(built), true);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e.message.split('\n').slice(1).map((l) => l.replace(/^ {2}- /, ''));
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

type Row = readonly [string, () => unknown, readonly string[]];

function table(rows: readonly Row[]): void {
  test.each(rows.map((r) => [r[0], r] as const))('%s', (_name, [, fn, expected]) => {
    const found = problems(fn);
    for (const e of expected) expect(found).toContainEqual(expect.stringContaining(e));
  });
}

describe('shape: missing props and wrong types are reported, never a TypeError', () => {
  table([
    ['cluster without name or topology', () => new KafkaCluster(testStack('s'), 'cluster', { namespace: 'kafka' } as Loose), [
      's/cluster: name = undefined: a non-empty string',
      's/cluster: topology = undefined: a NodeTopology',
    ]],
    ['cluster without props', () => new KafkaCluster(testStack('s'), 'cluster', undefined as Loose), ['s/cluster: props = undefined: an object with name, namespace, topology']],
    ['topology given as a plain object', () => cluster({ topology: { pools: [] } }), ['s/cluster: topology = {"pools":[]}: a NodeTopology']],
    ['pool without storage', () => NodeTopology.combined({ name: 'dual', replicas: 1 } as Loose), ['NodeTopology.combined: pool.storage = undefined: a Storage']],
    ['pool storage as a plain object', () => NodeTopology.combined({ name: 'dual', replicas: 1, storage: { size: '1Gi' } } as Loose), ['NodeTopology.combined: pool.storage = {"size":"1Gi"}: a Storage']],
    ['brokers not in an array', () => NodeTopology.dedicated(pool('c', 3), pool('b', 3) as Loose), ['NodeTopology.dedicated: brokers = {"name":"b"']],
    ['listeners not in an array', () => cluster({ listeners: Listener.internalTls() }), ['s/cluster: listeners = Listener {']],
    ['a plain-object listener', () => cluster({ listeners: [{ name: 'tls', port: 9093 }] }), ['s/cluster: listeners[0] = {"name":"tls","port":9093}: a Listener']],
    ['authentication as a string', () => Listener.internalTls({ authentication: 'tls' } as Loose), ['Listener.internalTls: options.authentication = "tls": a ListenerAuthentication']],
    ['maintenance windows as a string', () => cluster({ maintenanceTimeWindows: '* * 2-4 ? * SUN' }), ['s/cluster: maintenanceTimeWindows = "* * 2-4 ? * SUN": an array of Quartz cron expressions']],
    ['external listener without a type', () => Listener.external({} as Loose), ['Listener.external: options.type = undefined: one of "loadbalancer", "nodeport", "route"']],
    ['external listener with type "LoadBalancer"', () => Listener.external({ type: 'LoadBalancer' } as Loose), ['Listener.external: options.type = "LoadBalancer": one of "loadbalancer"']],
    ['clusterCa as an array', () => cluster({ clusterCa: [365] }), ['s/cluster: clusterCa = [365]: an object']],
    ['config value as an array or null', () => cluster({ config: { 'num.partitions': [3], 'log.retention.hours': null } }), [
      `s/cluster: config['num.partitions'] = [3]: a string, a finite number or true/false`,
      `s/cluster: config['log.retention.hours'] = null: a string, a finite number or true/false`,
    ]],
    ['storage size missing', () => Storage.persistentClaim({} as Loose), ['Storage.persistentClaim: options.size = undefined: a Kubernetes quantity of bytes']],
    ['jbod volumes not an array', () => Storage.jbod({ id: 0, size: '1Gi' } as Loose), ['Storage.jbod: volumes = {"id":0,"size":"1Gi"}: an array of volumes']],
  ]);
});

describe('shape: topics, users and grants', () => {
  const stack = () => {
    const s = testStack('s');
    const c = cluster({}, s);
    const release = new CustomResourceRelease(s, 'topics', { releaseName: 'events-topics', namespace: 'kafka' });
    return { s, c, release };
  };
  table([
    ['topic without cluster or name', () => {
      const { s, release } = stack();
      return new KafkaTopic(s, 't', { partitions: 3, release } as Loose);
    }, ['s/t: name = undefined: a string', 's/t: cluster = undefined: a Kafka cluster']],
    ['topic without cluster and with partitions as a string: both at once', () => {
      const { s, release } = stack();
      return new KafkaTopic(s, 't', { name: 'orders', partitions: '3', release } as Loose);
    }, ['s/t: cluster = undefined: a Kafka cluster', 's/t: partitions = "3": a number']],
    ['Grant.consume without options', () => Grant.consume('orders', undefined as Loose), ['Grant.consume: options = undefined: an object with group']],
    ['Grant.streams without an application id', () => Grant.streams({} as Loose), ['Grant.streams: options.applicationId = undefined: a non-empty string']],
    ['Grant.connect without topics', () => Grant.connect({ groupId: 'c' } as Loose), ['Grant.connect: options.configTopic = undefined', 'Grant.connect: options.offsetTopic = undefined', 'Grant.connect: options.statusTopic = undefined']],
    ['Grant.produce([]) grants nothing', () => Grant.produce([]), ['Grant.produce: topics = []: a non-empty array of names']],
    ['Grant.produce(undefined)', () => Grant.produce(undefined as Loose), ['Grant.produce: topics = undefined: a name or a non-empty array of names']],
    ['user with a grant that is not a Grant', () => {
      const { s, c, release } = stack();
      return new KafkaUser(s, 'u', { name: 'app', cluster: c, release, grants: [{ acls: [] }] } as Loose);
    }, ['s/u: grants[0] = {"acls":[]}: a Grant']],
    ['user authentication as a string', () => {
      const { s, c, release } = stack();
      return new KafkaUser(s, 'u', { name: 'app', cluster: c, release, authentication: 'tls' } as Loose);
    }, ['s/u: authentication = "tls": a UserAuthentication']],
    ['topology groups not an array', () => {
      const { s, c } = stack();
      return new KafkaTopology(s, 'topology', { cluster: c, groups: { name: 'orders' } } as Loose);
    }, ['s/topology: groups = {"name":"orders"}: an array (each item an object with name)']],
    ['topology application without grants', () => {
      const { s, c } = stack();
      return new KafkaTopology(s, 'topology', { cluster: c, groups: [{ name: 'orders', applications: [{ name: 'app' }] }] } as Loose);
    }, ['s/topology: groups[0].applications[0].grants = undefined: an array of Grants']],
  ]);
});

describe('shape: operator, monitoring, replication', () => {
  table([
    ['operator without watchNamespaces', () => new StrimziOperator(testStack('s'), 'op', {} as Loose), ['s/op: watchNamespaces = undefined: an array of namespaces']],
    ['operator watching a namespace given as a string', () => new StrimziOperator(testStack('s'), 'op', { watchNamespaces: 'kafka' } as Loose), ['s/op: watchNamespaces = "kafka": an array of namespaces']],
    ['monitoring without team or runbookBaseUrl', () => {
      const s = testStack('s');
      return new KafkaMonitoring(s, 'monitoring', { cluster: cluster({}, s) } as Loose);
    }, ['s/monitoring: team = undefined: a non-empty string', 's/monitoring: runbookBaseUrl = undefined: a non-empty string']],
    ['thresholds as an array', () => {
      const s = testStack('s');
      return new KafkaMonitoring(s, 'monitoring', { cluster: cluster({}, s), team: 't', runbookBaseUrl: 'https://x', thresholds: [1] } as Loose);
    }, ['s/monitoring: thresholds = [1]: an object']],
    ['MirrorMaker 2 without target', () => {
      const s = testStack('s');
      const release = new CustomResourceRelease(s, 'ops', { releaseName: 'ops', namespace: 'kafka' });
      return new KafkaMirrorMaker2(s, 'mm2', { cluster: cluster({}, s), release } as Loose);
    }, ['s/mm2: target = undefined: an object with alias, bootstrapServers, caCertSecret, authentication']],
    ['MirrorMaker 2 target without authentication', () => {
      const s = testStack('s');
      const release = new CustomResourceRelease(s, 'ops', { releaseName: 'ops', namespace: 'kafka' });
      return new KafkaMirrorMaker2(s, 'mm2', { cluster: cluster({}, s), release, target: { alias: 'dr', bootstrapServers: 'dr:9093', caCertSecret: 'ca' } } as Loose);
    }, ['s/mm2: target.authentication = undefined: a MirrorAuthentication']],
    ['MirrorAuthentication without a secret', () => MirrorAuthentication.scramSha512('user', undefined as Loose), ['MirrorAuthentication.scramSha512: passwordSecret = undefined: a non-empty string']],
    ['imported cluster without attributes', () => KafkaCluster.fromClusterAttributes(testStack('s'), 'platform', undefined as Loose), ['s/platform: props = undefined: an object with clusterName, namespace']],
    ['operations with load tests that are not profiles', () => {
      const s = testStack('s');
      return new PlatformOperations(s, 'operations', { cluster: cluster({}, s), loadTests: ['baseline'] } as Loose);
    }, ['s/operations: loadTests[0] = "baseline": a LoadTestProfile']],
    ['a metadata backup to S3 without a bucket', () => {
      const s = testStack('s');
      return new PlatformOperations(s, 'operations', { cluster: cluster({}, s), metadataBackup: { s3: {} } } as Loose);
    }, ['s/operations/metadata-backup: s3.bucket = undefined: an S3 bucket name']],
    ['an image reference no registry accepts', () => {
      const s = testStack('s');
      return new PlatformOperations(s, 'operations', { cluster: cluster({}, s), metadataBackup: { kubectlImage: 'Alpine/K8s:' } } as Loose);
    }, ['.image = "Alpine/K8s:": an image reference']],
    ['UserAuthentication.tls with a string validity', () => UserAuthentication.tls({ validityDays: '30' } as Loose), ['UserAuthentication.tls: options.validityDays = "30": a number']],
  ]);
});

describe('values are printed as written', () => {
  table([
    ['NaN stays NaN', () => cluster({ brokerDefaults: { defaultPartitions: NaN } }), ['s/cluster: brokerDefaults.defaultPartitions = NaN: a whole number >= 1']],
    ['a replication factor written as a word is reported as written, not as NaN', () => cluster({ config: { 'default.replication.factor': 'three' } }), [
      `s/cluster: config['default.replication.factor'] = "three": a whole number >= 1`,
    ]],
    ['a zero-partition topic and an application named "" in one topology: both', () => {
      const s = testStack('s');
      return new KafkaTopology(s, 'topology', { cluster: cluster({}, s), groups: [{ name: 'orders', topics: [{ name: 'orders', partitions: 0 }], applications: [{ name: '', grants: [Grant.produce('orders')] }] }] });
    }, [
      's/topology: groups[orders].applications[0].name = "": a non-empty user name',
      's/topology/orders/topics/orders: partitions = 0: a whole number from 1 to 10000',
    ]],
    ['a metadata backup with retentionDays 0 and a four-field cron: both, at the backup', () => {
      const s = testStack('s');
      return new PlatformOperations(s, 'operations', { cluster: cluster({}, s), metadataBackup: { retentionDays: 0, schedule: '0 */6 * *' } });
    }, [
      's/operations/metadata-backup: retentionDays = 0: a whole number from 1 to 3650',
      's/operations/metadata-backup: schedule = "0 */6 * *": a Kubernetes CronJob schedule',
    ]],
    ['the same load-test profile twice names the operations construct and the profile', () => {
      const s = testStack('s');
      return new PlatformOperations(s, 'operations', { cluster: cluster({}, s), loadTests: [LoadTestProfile.baseline(), LoadTestProfile.stress(), LoadTestProfile.baseline()] });
    }, ['s/operations: loadTests[2].name = "baseline": a load-test profile not already in loadTests (loadTests[0] is "baseline" too; each profile runs once, as load-test-baseline)']],
    ['undefined inside an array', () => cluster({ superUsers: ['admin', undefined] }), ['s/cluster: superUsers[1] = undefined: a non-empty string']],
    ['all problems of one construct at once', () => cluster({ name: 'Events', brokerDefaults: { defaultPartitions: 0 }, maintenanceTimeWindows: ['* * 25-27 ? * SUN'] }), [
      's/cluster: name = "Events"',
      's/cluster: brokerDefaults.defaultPartitions = 0',
      's/cluster: maintenanceTimeWindows[0] = "* * 25-27 ? * SUN"',
    ]],
    ['a wrongly shaped field does not hide the value problems of the others', () => cluster({ superUsers: 'platform-admin', metadataVersion: '9.9-IV9', brokerDefaults: { defaultPartitions: 0 } }), [
      's/cluster: superUsers = "platform-admin": an array of principals',
      's/cluster: metadataVersion = "9.9-IV9": a metadata version of Kafka 4.3.1',
      's/cluster: brokerDefaults.defaultPartitions = 0: a whole number >= 1',
    ]],
    ['the same for a topic in a topology', () => {
      const s = testStack('s');
      return new KafkaTopology(s, 'topology', { cluster: cluster({}, s), groups: [{ name: 'orders', topics: [{ name: 'orders', partitions: 0, config: { 'retention.ms': [1] } } as Loose] }] });
    }, [
      `s/topology/orders/topics/orders: config['retention.ms'] = [1]: a string, a finite number or true/false`,
      's/topology/orders/topics/orders: partitions = 0: a whole number from 1 to 10000',
    ]],
  ]);
});

test('an invalid replication factor is not compared with min.insync.replicas (no derived NaN problem)', () => {
  const found = problems(() => cluster({ config: { 'default.replication.factor': 'three' } }));
  expect(found).toHaveLength(1);
  expect(found.join('\n')).not.toContain('NaN');
});

describe('domain: versions, cron, principals, heap', () => {
  table([
    ['unknown metadata version', () => cluster({ metadataVersion: '9.9-IV9' }), ['s/cluster: metadataVersion = "9.9-IV9": a metadata version of Kafka 4.3.1: 3.3-IV3 to 4.3-IV0']],
    ['metadata version newer than the Kafka version', () => cluster({ version: '4.2.1', metadataVersion: '4.3-IV0' }), ['s/cluster: metadataVersion = "4.3-IV0": at most 4.2-IV1 for Kafka 4.2.1']],
    ['metadata version below the 4.x minimum', () => cluster({ metadataVersion: '3.2-IV0' }), ['s/cluster: metadataVersion = "3.2-IV0": a metadata version of Kafka 4.3.1: 3.3-IV3 to 4.3-IV0']],
    ['unsupported Kafka version', () => cluster({ version: '3.9.0' }), ['s/cluster: version = "3.9.0": one of 4.2.0, 4.2.1, 4.3.0, 4.3.1']],
    ['Quartz hour out of range', () => cluster({ maintenanceTimeWindows: ['* * 25-27 ? * SUN'] }), ['hour: "25" is outside 0-23']],
    ['Quartz with two day fields', () => cluster({ maintenanceTimeWindows: ['0 0 2 1 * SUN'] }), ['exactly one of day-of-month and day-of-week must be "?"']],
    ['Quartz day of week 0', () => cluster({ maintenanceTimeWindows: ['0 0 2 ? * 0'] }), ['day of week: "0" is outside 1-7 or SUN-SAT']],
    ['super users as one string', () => cluster({ superUsers: 'platform-admin' }), ['s/cluster: superUsers = "platform-admin": an array of principals']],
    ['super user with a space', () => cluster({ superUsers: ['User:CN=platform admin'] }), ['s/cluster: superUsers[0] = "User:CN=platform admin": a principal']],
    ['heap larger than the memory limit', () => cluster({
      topology: NodeTopology.combined({ ...pool('dual', 1), jvm: { heap: '8g' }, resources: { limits: { memory: '4Gi' } } }),
    }), ['s/cluster: topology.pools[0].jvm.heap = "8g": less than the memory limit (resources.limits.memory = "4Gi")']],
  ]);
});

describe('domain: monitoring thresholds and page budgets', () => {
  const monitoring = (thresholds: Loose) => {
    const s = testStack('s');
    return new KafkaMonitoring(s, 'monitoring', { cluster: cluster({ metrics: true }, s), team: 't', runbookBaseUrl: 'https://x', thresholds });
  };
  table([
    ['the guide\'s 15 minutes of under-replication for the page: over P2\'s budget', () => monitoring({ underReplicatedMinutes: { warning: 5, critical: 15 } }), [
      's/monitoring: thresholds.underReplicatedMinutes.critical = 15: at most 8 minutes, so the P2 alert pages within 10m',
    ]],
    ['a disk-full forecast that leaves no day to respond', () => monitoring({ diskFullForecastHours: 24 }), ['s/monitoring: thresholds.diskFullForecastHours = 24: more than 31 hours']],
    ['failed authentications per second as a string', () => monitoring({ failedAuthenticationsPerSecond: '1' }), [
      's/monitoring: thresholds.failedAuthenticationsPerSecond = "1": a number',
    ]],
    ['negative failed authentications and a fractional recovery window: both at once', () => monitoring({ failedAuthenticationsPerSecond: -1, brokerRecoveryMinutes: 2.5 }), [
      's/monitoring: thresholds.brokerRecoveryMinutes = 2.5: a whole number of minutes above 0',
      's/monitoring: thresholds.failedAuthenticationsPerSecond = -1: a number above 0',
    ]],
  ]);
});

describe('domain: declared consumer groups and their owners\' routing', () => {
  const monitoring = (extra: Loose) => {
    const s = testStack('s');
    return new KafkaMonitoring(s, 'monitoring', { cluster: cluster({ metrics: true }, s), team: 't', runbookBaseUrl: 'https://x', ...extra });
  };
  const routing = { supportEmail: 's@example.com', engineeringEmail: 'e@example.com', smtp: { from: 'a@example.com', smarthost: 'smtp.example.com:587' } };
  table([
    ['a prefix, a team with a space and a group of two owners: all at once', () => monitoring({
      consumerGroups: [{ group: 'orders-*', team: 'orders' }, { group: 'billing', team: 'pay ments' }, { group: 'billing', team: 'orders' }],
    }), [
      's/monitoring: consumerGroups[0].group = "orders-*": a literal consumer group id (not empty, not a prefix ending in "*")',
      's/monitoring: consumerGroups[1].team = "pay ments": a label value',
    ]],
    ['a group declared twice with different owners', () => monitoring({ consumerGroups: [{ group: 'billing', team: 'payments' }, { group: 'billing', team: 'orders' }] }), [
      's/monitoring: consumerGroups[1].team = "orders": the group\'s one owner (payments owns "billing" already)',
    ]],
    ['consumer groups written as names instead of { group, team }', () => monitoring({ consumerGroups: ['billing'] }), ['s/monitoring: consumerGroups[0] = "billing": an object']],
    ['an owner team\'s receivers with a bad address and an inlined pager URL', () => monitoring({
      alertRouting: { ...routing, teams: { payments: { email: 'payments', onCallWebhookUrlSecret: 'https://pager.example.com/key' } } },
    }), ['s/monitoring: alertRouting.teams.payments.onCallWebhookUrlSecret = "https://pager.example.com/key": an object']],
    ['an owner team\'s mailbox that is no address', () => monitoring({ alertRouting: { ...routing, teams: { payments: { email: 'payments' } } } }), [
      's/monitoring: alertRouting.teams.payments.email = "payments": an email address',
    ]],
  ]);
});

describe('domain: config keys name the field the user wrote', () => {
  table([
    ['min.insync.replicas in config is reported as config, not brokerDefaults', () => cluster({ config: { 'min.insync.replicas': 4 } }), [
      `s/cluster: config['min.insync.replicas'] = 4: below the replication factor (3)`,
    ]],
    ['unknown broker key', () => cluster({ config: { 'log.retention.hour': 24 } }), [`s/cluster: config['log.retention.hour'] = 24: a broker config key of Kafka 4.3 (did you mean "log.retention.ms" (the dynamic synonym of the read-only "log.retention.hours")?)`]],
    ['broker boolean written as "yes"', () => cluster({ config: { 'auto.create.topics.enable': 'yes' } }), [`s/cluster: config['auto.create.topics.enable'] = "yes": true or false`]],
    ['broker int out of 32-bit range', () => cluster({ config: { 'num.io.threads': 1e12 } }), [`s/cluster: config['num.io.threads'] = 1000000000000: a whole number >= 1 (32-bit)`]],
  ]);

  test('the escape hatch passes unknown keys unchecked', () => {
    expect(() => cluster({ config: { 'my.plugin.setting': 'x' }, uncheckedConfigKeys: ['my.plugin.setting'] })).not.toThrow();
  });
});

describe('domain: topics', () => {
  const topic = (scope: TerraformStack, c: KafkaCluster, release: CustomResourceRelease, id: string, extra: Loose) =>
    new KafkaTopic(scope, id, { cluster: c, release, name: id, partitions: 3, ...extra });
  const setup = () => {
    const s = testStack('s');
    const c = cluster({}, s);
    return { s, c, release: new CustomResourceRelease(s, 'topics', { releaseName: 'events-topics', namespace: 'kafka' }) };
  };
  table([
    ['1e9 partitions', () => {
      const { s, c, release } = setup();
      return topic(s, c, release, 'orders', { partitions: 1e9 });
    }, ['s/orders: partitions = 1000000000: a whole number from 1 to 10000']],
    ['unknown topic config key', () => {
      const { s, c, release } = setup();
      return topic(s, c, release, 'orders', { config: { 'retention.hours': 24 } });
    }, [`s/orders: config['retention.hours'] = 24: a topic config key of Kafka 4.3 (did you mean the typed field \`retentionMs\`?)`]],
    ['a typo of a typed key names the typed field, not the key refused next', () => {
      const { s, c, release } = setup();
      return topic(s, c, release, 'orders', { config: { 'segment.msec': 1000 } });
    }, [`s/orders: config['segment.msec'] = 1000: a topic config key of Kafka 4.3 (did you mean the typed field \`segmentMs\`?)`]],
    ['topic boolean written as "yes"', () => {
      const { s, c, release } = setup();
      return topic(s, c, release, 'orders', { config: { 'unclean.leader.election.enable': 'yes' } });
    }, [`s/orders: config['unclean.leader.election.enable'] = "yes": true or false`]],
    ['orders.v1 next to orders_v1', () => {
      const { s, c, release } = setup();
      topic(s, c, release, 'orders.v1', {});
      return topic(s, c, release, 'orders_v1', {});
    }, ['s/orders_v1: name = "orders_v1": a topic not already declared by s/orders.v1']],
    ['the same topic in two releases', () => {
      const { s, c, release } = setup();
      const other = new CustomResourceRelease(s, 'more-topics', { releaseName: 'events-more-topics', namespace: 'kafka' });
      new KafkaTopic(s, 'a', { cluster: c, release, name: 'orders', partitions: 3 });
      return new KafkaTopic(s, 'b', { cluster: c, release: other, name: 'orders', partitions: 3 });
    }, ['s/b: name = "orders": a topic not already declared by s/a']],
    ['colliding topics in two groups of a topology', () => {
      const { s, c } = setup();
      return new KafkaTopology(s, 'topology', {
        cluster: c,
        groups: [{ name: 'a', topics: [{ name: 'orders.v1', partitions: 3 }] }, { name: 'b', topics: [{ name: 'orders_v1', partitions: 3 }] }],
      });
    }, ['s/topology: groups[b].topics[orders_v1].name = "orders_v1": a name that does not collide with groups[a].topics[orders.v1]']],
    ['label value too long', () => {
      const { s, c, release } = setup();
      return topic(s, c, release, 'orders', { labels: { team: 'x'.repeat(64) } });
    }, [`s/orders: labels.team = "${'x'.repeat(64)}": a label value`]],
  ]);
});

describe('domain: releases, duplicates and acknowledgements', () => {
  table([
    ['two releases with the same name', () => {
      const s = testStack('s');
      new CustomResourceRelease(s, 'a', { releaseName: 'shared', namespace: 'kafka' });
      return new CustomResourceRelease(s, 'b', { releaseName: 'shared', namespace: 'kafka' });
    }, ['s/b: releaseName = "shared": a Helm release name not already used in namespace "kafka" by s/a']],
    ['a release reusing the cluster release name', () => {
      const s = testStack('s');
      cluster({}, s);
      return new CustomResourceRelease(s, 'x', { releaseName: 'events-cluster', namespace: 'kafka' });
    }, ['s/x: releaseName = "events-cluster": a Helm release name not already used in namespace "kafka" by s/cluster/resources']],
    ['one object in two releases', () => {
      const s = testStack('s');
      const a = new CustomResourceRelease(s, 'a', { releaseName: 'a', namespace: 'kafka' });
      const b = new CustomResourceRelease(s, 'b', { releaseName: 'b', namespace: 'kafka' });
      const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'kafka' } };
      a.add(cm, 'owner-a');
      return b.add(cm, 'owner-b');
    }, ['owner-b: metadata.name = "x": a ConfigMap name not already declared by owner-a in release "a"']],
    ['a duplicate construct id', () => {
      const s = testStack('s');
      cluster({}, s);
      return cluster({ name: 'other' }, s);
    }, ['s: id = "cluster": an id not already used by KafkaCluster s/cluster']],
    ['an acknowledgement of a rule that does not exist', () => {
      const s = testStack('s');
      cluster({}, s);
      return new PlatformGuardrails(s, 'guardrails', { environment: 'x', production: false, acknowledgements: [{ ruleId: 'KP-PROD-NOPE', path: 'cluster', reason: 'a good reason here' }] });
    }, ['s/guardrails: acknowledgements[0].ruleId = "KP-PROD-NOPE": one of KP-PROD-']],
    ['an acknowledgement of a construct that does not exist', () => {
      const s = testStack('s');
      return new PlatformGuardrails(s, 'guardrails', { environment: 'x', production: false, acknowledgements: [{ ruleId: 'KP-PROD-MIN-ISR', path: 'nope', reason: 'a good reason here' }] });
    }, ['s/guardrails: acknowledgements[0].path = "nope": the path of a construct below s']],
  ]);

  test('an acknowledgement in code of an unknown rule fails synth with its path', () => {
    const s = testStack('s');
    const c = cluster({}, s);
    Acknowledgements.add(c, 'KP-TYPO', 'because of a reason');
    new PlatformGuardrails(s, 'guardrails', { environment: 'x', production: false });
    expect(() => Testing.synth(s, true)).toThrow(/s\/cluster: acknowledgement.ruleId = "KP-TYPO": one of KP-PROD-/);
  });
});

describe('domain: environments and backends', () => {
  const stackOf = (env: Loose) => new KafkaPlatformStack(new App({ outdir: Testing.app().outdir }), env);
  table([
    ['environment without kubernetes, backend, operator, cluster', () => stackOf({ name: 'qa', production: false, namespace: 'kafka' }), [
      'environments[qa]: kubernetes = undefined: an object with configPath, context',
      'environments[qa]: backend = undefined: an object with type "local", "s3" or "kubernetes"',
      'environments[qa]: operator = undefined: an object with install',
      'environments[qa]: cluster = undefined: an object with name and topology',
    ]],
    ['a gcs backend is not local state', () => stackOf({ ...dev, backend: { type: 'gcs', bucket: 'b' } }), ['environments[dev]: backend = {"type":"gcs","bucket":"b"}: an object with type "local", "s3" or "kubernetes"']],
    ['an s3 backend without a bucket', () => stackOf({ ...dev, backend: { type: 's3', key: 'k', region: 'eu-west-1' } }), ['environments[dev]: backend.bucket = undefined: a string']],
    ['an s3 backend with bucket "undefined" spelled by a template', () => stackOf({ ...dev, backend: { type: 's3', bucket: '', key: 'k', region: 'eu-west-1' } }), ['environments[dev]: backend.bucket = "": an S3 bucket name']],
    ['a 64-character environment name', () => stackOf({ ...dev, name: 'e'.repeat(64) }), [`environments[${'e'.repeat(64)}]: name = "${'e'.repeat(64)}": lower-case letters`]],
    ['a missing namespace', () => stackOf({ ...dev, namespace: undefined }), ['environments[dev]: namespace = undefined: a non-empty string']],
    ['two environments with one name', () => {
      const app = new App({ outdir: Testing.app().outdir });
      new KafkaPlatformStack(app, dev);
      return new KafkaPlatformStack(app, dev);
    }, ['app: id = "kafka-dev": an id not already used by KafkaPlatformStack kafka-dev']],
    ['an unknown environment name in the catalogue', () => resolveTopology([], 'qa' as Loose), ['resolveTopology: env = "qa": one of dev, staging, prod']],
  ]);

  test('the shipped environments still build', () => {
    const app = new App({ outdir: Testing.app().outdir });
    expect(() => new KafkaPlatformStack(app, dev as EnvironmentConfig)).not.toThrow();
  });
});

describe('domain: topic backup, restores and Connect (issue 19\'s bad input)', () => {
  const stackOf = (env: Loose) => new KafkaPlatformStack(new App({ outdir: Testing.app().outdir }), env);
  const backup = (changes: Loose) => stackOf({ ...prod, operations: { ...prod.operations, topicBackup: { ...prod.operations!.topicBackup, ...changes } } });
  const tb = 'kafka-prod/operations/topic-backup';
  table([
    ['a backup of an undeclared topic', () => backup({ topics: ['orders.placed'] }), [`${tb}: topics[0] = "orders.placed": a topic declared on cluster kafka-prod (declared: `]],
    ['a retention shorter than two schedule intervals (recovery points)', () => backup({ retentionDays: 1 }), [`${tb}: retentionDays = 1: at least 2 days with a recovery point every 24 hours`]],
    ['a restore target equal to the live topic without acknowledgement', () => backup({ restores: [{ name: 'fix', topic: 'orders.order-status.v1', targetTopic: 'orders.order-status.v1' }] }), [
      `${tb}/restore-fix: targetTopic = "orders.order-status.v1": a new topic, not the live topic it restores`,
    ]],
    ['a plugin without a checksum', () => backup({ plugin: ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2' } as Loose) }), [`${tb}: plugin.artifacts[0].sha512sum = undefined: the SHA-512 of the artifact`]],
    ['a bucket name S3 rejects', () => backup({ s3: { bucket: 'xn--kafka-backups' } }), [`${tb}: s3.bucket = "xn--kafka-backups": an S3 bucket name`]],
    ['a connector class the Connect build does not provide', () => {
      const s = testStack('s');
      const c = cluster({ listeners: [Listener.internalTls()] }, s);
      const release = new CustomResourceRelease(s, 'release', { releaseName: 'connect', namespace: 'kafka' });
      return new KafkaConnect(s, 'connect', {
        cluster: c, release, name: 'integration', plugins: [ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: 'a'.repeat(128) })],
        connectors: [{ name: 'db', type: 'source', className: 'io.debezium.connector.postgresql.PostgresConnector', topics: ['db.changes'] }],
      });
    }, ['s/connect/connector-db: className = "io.debezium.connector.postgresql.PostgresConnector": a connector class the image of KafkaConnect "integration" provides: io.lenses.streamreactor.connect.aws.s3.sink.S3SinkConnector']],
  ]);
});
