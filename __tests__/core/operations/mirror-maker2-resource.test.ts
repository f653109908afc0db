import { buildMirrorMaker2, IDENTITY_REPLICATION_POLICY, MirrorAuthentication, MirrorMaker2Spec, validateMirrorMaker2 } from '../../../lib/core/operations/mirror-maker2-resource';
import { buildManualRebalance } from '../../../lib/core/operations/rebalance';
import { Validator } from '../../../lib/core/validation';
import { crdDir, StrimziSchemas } from '../../helpers/strimzi-schemas';

const base: MirrorMaker2Spec = {
  name: 'kafka-prod-mirror',
  namespace: 'kafka',
  source: { alias: 'prod', bootstrapServers: 'kafka-prod-kafka-bootstrap.kafka.svc:9094', caCertSecret: 'kafka-prod-cluster-ca-cert', authentication: MirrorAuthentication.mutualTls('mirror-source') },
  target: { alias: 'dr', bootstrapServers: 'dr-a:9093,dr-b:9093', caCertSecret: 'dr-ca', authentication: MirrorAuthentication.scramSha512('mirror', 'dr-mirror') },
};
type Mirror = { source: { alias: string; authentication: Record<string, unknown> }; sourceConnector: { config: Record<string, unknown> }; checkpointConnector: { config: Record<string, unknown> }; topicsExcludePattern?: string };
const mirrorOf = (spec: MirrorMaker2Spec) => (buildMirrorMaker2(spec).spec as { mirrors: Mirror[] }).mirrors[0];

test('v1 layout: target with Connect topics, one mirror with source and both connectors', () => {
  const mm2 = buildMirrorMaker2(base);
  const spec = mm2.spec as Record<string, any>;
  expect(Object.keys(spec).sort()).toEqual(['mirrors', 'replicas', 'target']);
  expect(spec.target).toMatchObject({ alias: 'dr', groupId: 'kafka-prod-mirror-connect', authentication: { type: 'scram-sha-512', username: 'mirror', passwordSecret: { secretName: 'dr-mirror', password: 'password' } } });
  const mirror = mirrorOf(base);
  expect(mirror.source.authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 'mirror-source', certificate: 'user.crt', key: 'user.key' } });
  expect(mirror.checkpointConnector.config['sync.group.offsets.enabled']).toBe('true');
  expect(mirror.checkpointConnector.config['sync.group.offsets.interval.seconds']).toBe(60);
});

test('DR defaults: identity names, read_committed, offset syncs on the target, retention synced, internal topics excluded', () => {
  const mirror = mirrorOf(base);
  for (const connector of [mirror.sourceConnector, mirror.checkpointConnector]) {
    expect(connector.config['replication.policy.class']).toBe(IDENTITY_REPLICATION_POLICY);
    expect(connector.config['offset-syncs.topic.location']).toBe('target');
  }
  expect(mirror.sourceConnector.config['consumer.isolation.level']).toBe('read_committed');
  expect(mirror.sourceConnector.config['sync.topic.configs.enabled']).toBe('true');
  expect(mirror.sourceConnector.config['config.properties.exclude']).not.toMatch(/retention/);
  const exclude = new RegExp(`^(?:${mirror.topicsExcludePattern})$`);
  for (const t of ['__consumer_offsets', 'strimzi.cruisecontrol.metrics', 'connect-cluster-offsets', 'kafka-prod-mirror-connect-status', 'mm2-offset-syncs.dr.internal', 'orders.replica']) expect([t, exclude.test(t)]).toEqual([t, true]);
  for (const t of ['payments.payment-settled.v1', 'orders.order-placed.v1', 'connector-events']) expect([t, exclude.test(t)]).toEqual([t, false]);
});

test('prefix policy, own excludes (added to the defaults), no retention sync, no offset sync', () => {
  const mirror = mirrorOf({ ...base, replicationPolicy: 'prefix', topicsExcludePattern: 'tmp\\..*', syncRetention: false, targetRetentionMs: 604800000, syncGroupOffsets: false });
  expect(mirror.sourceConnector.config['replication.policy.class']).toBeUndefined();
  expect(mirror.checkpointConnector.config['replication.policy.class']).toBeUndefined();
  expect(mirror.topicsExcludePattern).toMatch(/^\.\*\[.*__\.\*.*\|tmp\\\.\.\*$/);
  expect(mirror.sourceConnector.config['config.properties.exclude']).toMatch(/retention\\\.ms/);
  expect(mirror.checkpointConnector.config['sync.group.offsets.enabled']).toBe('false');
});

test('an unknown policy, or no DR retention without retention sync, are refused with field and allowed values', () => {
  const v = new Validator('mm2');
  validateMirrorMaker2(v, { ...base, replicationPolicy: 'rename' as never, syncRetention: false });
  expect(() => v.throwIfAny()).toThrow(/mm2: replicationPolicy = "rename": "identity" .* or "prefix"[\s\S]*mm2: targetRetentionMs = undefined: the retention of the target's topics/);
});

test('naming an internal topic in topicsPattern still does not mirror it: the default excludes are always written', () => {
  const mirror = mirrorOf({ ...base, topicsPattern: '__consumer_offsets|orders.*', topicsExcludePattern: 'tmp.*' });
  expect(new RegExp(`^(?:${mirror.topicsExcludePattern})$`).test('__consumer_offsets')).toBe(true);
});

test('reports every invalid input at once', () => {
  const v = new Validator('mm2');
  validateMirrorMaker2(v, { ...base, target: { ...base.target, alias: 'prod', bootstrapServers: 'no-port' }, topicsPattern: '(', replicas: 0 });
  expect(v.issues.map((i) => i.field).sort()).toEqual(['replicas', 'target.alias', 'target.bootstrapServers', 'topicsPattern']);
});

const dir = crdDir();
(dir ? describe : describe.skip)('against the Strimzi 1.2.0 CRDs', () => {
  const schemas = new StrimziSchemas(dir!);
  test('non-default MirrorMaker 2 options conform', () => {
    const mm2 = buildMirrorMaker2({
      ...base,
      replicationPolicy: 'prefix',
      topicsExcludePattern: 'tmp\\..*',
      groupsExcludePattern: 'console-.*',
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      metricsConfigMap: { name: 'mm2-metrics', key: 'rules.yaml' },
    });
    expect(schemas.validate(mm2)).toEqual([]);
  });
  test('a manual rebalance with goals and exclusions conforms', () => {
    expect(schemas.validate(buildManualRebalance({ cluster: 'c', namespace: 'kafka', goals: ['RackAwareGoal', 'DiskCapacityGoal'], excludedTopics: 'tmp.*' }))).toEqual([]);
  });
});
