import { Testing } from 'cdktf';
import { prod } from '../../stacks/environments';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { javaAvailable, javaMatches, jsMatches } from '../helpers/java-regex';
import { CATALOGUE } from '../../stacks/topology/catalogue';

/** KafkaMirrorMaker2 in the prod stack: metrics wired to monitoring, read-only source user, DR retention checks. */
type Any = Record<string, any>;
const synth = (env: EnvironmentConfig) => synthJson(new KafkaPlatformStack(Testing.app(), env));
const withReplication = (replication: Partial<NonNullable<NonNullable<EnvironmentConfig['operations']>['replication']>>, monitoring?: Partial<NonNullable<EnvironmentConfig['monitoring']>>): EnvironmentConfig => ({
  ...prod,
  monitoring: { ...prod.monitoring!, ...(monitoring ?? {}) },
  operations: { ...prod.operations!, replication: { ...prod.operations!.replication!, ...replication } },
});

test('prod: MirrorMaker 2 exports metrics through the library rules the monitoring reads', () => {
  const mm2 = allReleaseObjects(synth(prod)).find((o) => o.kind === 'KafkaMirrorMaker2') as Any;
  expect(mm2.spec.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'kafka-prod-jmx-exporter-rules', key: 'mirror-maker-2-metrics.yaml' } } });
});

test('the source user is read-only: no Create or Write anywhere (offset syncs live on the target)', () => {
  const user = allReleaseObjects(synth(prod)).find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-mirror-source') as Any;
  const operations = user.spec.authorization.acls.flatMap((a: Any) => a.operations);
  expect(operations).not.toContain('Create');
  expect(operations).not.toContain('Write');
});

test('MirrorMaker 2 monitoring requested while the MirrorMaker 2 exports other metrics: synth fails naming the construct', () => {
  const env = withReplication({ metricsConfigMap: { name: 'my-rules', key: 'mm2.yaml' } });
  expect(() => synth(env)).toThrow(/kafka-prod\/operations\/replication: metricsConfigMap = \{"name":"my-rules","key":"mm2.yaml"\}: \{"name":"kafka-prod-jmx-exporter-rules","key":"mirror-maker-2-metrics.yaml"\} \(mirrorMaker2MetricsConfigMapRef\)/);
});

test('MirrorMaker 2 monitoring requested without any MirrorMaker 2: synth fails', () => {
  const env: EnvironmentConfig = { ...prod, monitoring: { ...prod.monitoring!, mirrorMaker2: true }, operations: { ...prod.operations!, replication: undefined } };
  expect(() => synth(env)).toThrow(/kafka-prod\/monitoring: mirrorMaker2 = true: a KafkaMirrorMaker2 in namespace "kafka" declared in this stack/);
});

test('a DR retention shorter than a replicated topic\'s: synth fails naming the topics', () => {
  const env = withReplication({ syncRetention: false, targetRetentionMs: 7 * 86_400_000 });
  expect(() => synth(env)).toThrow(/kafka-prod\/operations\/replication: targetRetentionMs = 604800000: at least the retention of every replicated topic, or syncRetention true \(.*payments\.payment-settled\.v1 keeps 3024000000 ms/);
  // Topics without their own retention keep prod's broker default (168 h), longer than 3 days.
  expect(() => synth(withReplication({ syncRetention: false, targetRetentionMs: 40 * 86_400_000 }))).not.toThrow();
  expect(() => synth(withReplication({ syncRetention: false, targetRetentionMs: 35 * 86_400_000 - 1 }))).toThrow(/payments\.payment-settled\.v1 keeps 3024000000 ms\)/);
  expect(() => synth(withReplication({ syncRetention: false, targetRetentionMs: 3 * 86_400_000 }))).toThrow(/\d+ topics keep the broker default 604800000 ms/);
  // Unlimited retention on the DR side covers every topic.
  expect(() => synth(withReplication({ syncRetention: false, targetRetentionMs: -1 }))).not.toThrow();
});

test('the DR retention check reads the brokers\' resolved log.retention.ms, also when config sets it directly', () => {
  // 60 days for topics without their own retention: a 40-day DR retention no longer covers them.
  const longDefault: EnvironmentConfig = {
    ...withReplication({ syncRetention: false, targetRetentionMs: 40 * 86_400_000 }),
    cluster: { ...prod.cluster, brokerDefaults: { ...prod.cluster.brokerDefaults, retentionHours: undefined }, config: { ...prod.cluster.config, 'log.retention.ms': 60 * 86_400_000 } },
  };
  expect(() => synth(longDefault)).toThrow(/\d+ topics keep the broker default 5184000000 ms/);
});

test('metrics: true points MirrorMaker 2 at the library exporter rules; together with an own metricsConfigMap it is refused', () => {
  const replication = prod.operations!.replication!;
  const own: EnvironmentConfig = { ...prod, monitoring: { ...prod.monitoring!, mirrorMaker2: false }, operations: { ...prod.operations!, replication: { ...replication, metrics: true } } };
  const mm2 = allReleaseObjects(synth(own)).find((o) => o.kind === 'KafkaMirrorMaker2') as Any;
  expect(mm2.spec.metricsConfig.valueFrom.configMapKeyRef).toEqual({ name: 'kafka-prod-jmx-exporter-rules', key: 'mirror-maker-2-metrics.yaml' });
  const both: EnvironmentConfig = { ...own, operations: { ...own.operations!, replication: { ...replication, metrics: true, metricsConfigMap: { name: 'mine', key: 'mm2.yaml' } } } };
  expect(() => synth(both)).toThrow(/kafka-prod\/operations\/replication: metrics = true: not together with metricsConfigMap/);
});

describe('topics MirrorMaker 2 never mirrors, evaluated as MirrorMaker 2 does (whole name, Java regex)', () => {
  const objects = allReleaseObjects(synth(prod));
  const mm2 = objects.find((o) => o.kind === 'KafkaMirrorMaker2') as Any;
  const pattern: string = mm2.spec.mirrors[0].topicsExcludePattern;
  // Connect storage topics: those of every KafkaConnect of the stack and of every Connect grant of the catalogue
  // (the topics a worker reads and writes its state in).
  const connectGrantTopics = CATALOGUE.flatMap((g) => g.applications ?? [])
    .flatMap((a) => a.grants)
    .filter((g) => g.kind === 'connect')
    .flatMap((g) => g.acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Read') && acl.operations.includes('Write')).map((acl) => acl.resource.name!));
  const kafkaConnects = objects.filter((o) => o.kind === 'KafkaConnect').flatMap((o: Any) => [o.spec.configStorageTopic, o.spec.offsetStorageTopic, o.spec.statusStorageTopic]);
  const target = mm2.spec.target;
  const internal = [
    ...connectGrantTopics,
    ...kafkaConnects,
    // MirrorMaker 2's own (identity policy: heartbeats keep their name).
    target.configStorageTopic, target.offsetStorageTopic, target.statusStorageTopic,
    `mm2-offset-syncs.${target.alias}.internal`, `${mm2.spec.mirrors[0].source.alias}.checkpoints.internal`, 'heartbeats',
    // Kafka's own and Cruise Control's.
    '__consumer_offsets', '__transaction_state', '__share_group_state',
    'strimzi.cruisecontrol.metrics', 'strimzi.cruisecontrol.modeltrainingsamples', 'strimzi.cruisecontrol.partitionmetricsamples',
  ];
  const declared = objects.filter((o) => o.kind === 'KafkaTopic').map((o: Any) => o.spec.topicName ?? o.metadata.name);
  // Business topics, and names that merely resemble Connect's.
  const business = [...declared.filter((t) => !internal.includes(t)), 'devices.reconnect-status', 'connector-events', 'orders.connect-statuses', 'connect.configs-archive'];

  test('the platform declares Connect storage topics, and they are the catalogue\'s connect-cluster.*', () => {
    expect(connectGrantTopics.sort()).toEqual(['connect-cluster.configs', 'connect-cluster.offsets', 'connect-cluster.status']);
    expect(declared).toEqual(expect.arrayContaining(connectGrantTopics));
    expect(business).toContain('payments.payment-settled.v1');
  });

  test('JavaScript, anchored like matches(): every internal topic excluded, no business topic', () => {
    expect(internal.filter((t) => !jsMatches(pattern, t))).toEqual([]);
    expect(business.filter((t) => jsMatches(pattern, t))).toEqual([]);
  });

  (javaAvailable() ? test : test.skip)('Java Pattern.matches (what MirrorMaker 2 runs) agrees', () => {
    const java = javaMatches(pattern, [...internal, ...business]);
    expect(internal.filter((t) => java.get(t) !== true)).toEqual([]);
    expect(business.filter((t) => java.get(t) !== false)).toEqual([]);
  });

  test('the exclude of main before this fix missed the catalogue\'s Connect topics (the check can fail)', () => {
    const before = '.*[\\-\\.]internal|.*\\.replica|__.*|strimzi\\.cruisecontrol\\..*|.*connect-(?:cluster-)?(?:configs|offsets|status)|heartbeats';
    expect(connectGrantTopics.filter((t) => !jsMatches(before, t))).toEqual(['connect-cluster.configs', 'connect-cluster.offsets', 'connect-cluster.status']);
  });
});
