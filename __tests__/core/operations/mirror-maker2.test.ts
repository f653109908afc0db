import { buildMirrorMaker2, IDENTITY_REPLICATION_POLICY, MirrorAuthentication, MirrorMaker2Spec, validateMirrorMaker2 } from '../../../lib/core/operations/mirror-maker2';
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
  // Backup-side retention is the DR cluster's own unless asked otherwise.
  expect(mirror.sourceConnector.config['config.properties.exclude']).toMatch(/retention\\\.ms/);
  expect(mirror.sourceConnector.config['replication.policy.class']).toBeUndefined();
});

test('identity replication applies to both connectors; syncRetention keeps source retention', () => {
  const mirror = mirrorOf({ ...base, identityReplication: true, syncRetention: true, syncGroupOffsets: false });
  expect(mirror.sourceConnector.config['replication.policy.class']).toBe(IDENTITY_REPLICATION_POLICY);
  expect(mirror.checkpointConnector.config['replication.policy.class']).toBe(IDENTITY_REPLICATION_POLICY);
  expect(mirror.sourceConnector.config['config.properties.exclude']).not.toMatch(/retention/);
  expect(mirror.checkpointConnector.config['sync.group.offsets.enabled']).toBe('false');
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
      identityReplication: true,
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
