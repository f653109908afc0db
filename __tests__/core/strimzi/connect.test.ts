import { buildKafkaConnect, ConnectorPlugin, KafkaConnectSpec, providedConnectorClasses, STREAM_REACTOR_S3_SINK, USE_CONNECTOR_RESOURCES_ANNOTATION, validateKafkaConnect } from '../../../lib/core/strimzi/connect';
import { buildKafkaConnector, validateKafkaConnector } from '../../../lib/core/strimzi/connector';
import { Validator } from '../../../lib/core/validation';
import { crdDir, StrimziSchemas } from '../../helpers/strimzi-schemas';

type Any = Record<string, any>;
const SHA = 'a'.repeat(128);
const plugin = ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: SHA });
const base: KafkaConnectSpec = {
  name: 'backup',
  namespace: 'kafka',
  bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093',
  clusterCaSecret: 'events-cluster-ca-cert',
  authentication: { type: 'scram-sha-512', username: 'backup-connect', passwordSecret: 'backup-connect' },
  groupId: 'backup-connect',
  configStorageTopic: 'backup-connect.configs',
  offsetStorageTopic: 'backup-connect.offsets',
  statusStorageTopic: 'backup-connect.status',
  build: { output: { image: 'registry.example.org/kp/backup-connect:abc', pushSecret: 'push' }, plugins: [plugin] },
};
const issues = (spec: KafkaConnectSpec) => {
  const v = new Validator('connect');
  validateKafkaConnect(v, spec);
  return v.issues;
};

describe('KafkaConnect', () => {
  test('connectors as resources, Strimzi-built image from pinned plugins, TLS and SCRAM to the cluster, no client overrides', () => {
    const connect = buildKafkaConnect(base) as Any;
    expect(connect.metadata.annotations).toEqual({ [USE_CONNECTOR_RESOURCES_ANNOTATION]: 'true' });
    expect(connect.spec.build).toEqual({
      output: { type: 'docker', image: 'registry.example.org/kp/backup-connect:abc', pushSecret: 'push' },
      plugins: [{ name: 'stream-reactor-aws-s3', artifacts: [{ type: 'zip', url: 'https://github.com/lensesio/stream-reactor/releases/download/11.7.2/kafka-connect-aws-s3-11.7.2.zip', sha512sum: SHA }] }],
    });
    expect(connect.spec.authentication).toEqual({ type: 'scram-sha-512', username: 'backup-connect', passwordSecret: { secretName: 'backup-connect', password: 'password' } });
    expect(connect.spec.config['connector.client.config.override.policy']).toBe('None');
    expect(connect.spec.replicas).toBe(2);
    expect(issues(base)).toEqual([]);
  });

  test('a plugin without a checksum, a maven artifact and an http URL are refused with field, value and what is allowed', () => {
    const bad = ConnectorPlugin.fromArtifacts({
      name: 'Bad_Plugin',
      version: '1.0',
      connectorClasses: ['com.example.Sink'],
      artifacts: [
        { type: 'zip', url: 'https://example.org/p.zip', sha512sum: undefined as unknown as string },
        { type: 'maven' as never, url: 'http://example.org/p.jar', sha512sum: SHA },
      ],
    });
    const found = issues({ ...base, build: { ...base.build, plugins: [bad] } }).map((i) => `${i.field} = ${String(i.value)}: ${i.allowed}`);
    expect(found).toEqual([
      expect.stringMatching(/^build\.plugins\[0\]\.name = Bad_Plugin: lower-case letters/),
      expect.stringMatching(/^build\.plugins\[0\]\.artifacts\[0\]\.sha512sum = undefined: the SHA-512 of the artifact, 128 lower-case hex digits/),
      expect.stringMatching(/^build\.plugins\[0\]\.artifacts\[1\]\.type = maven: one of "zip", "tgz", "jar", "other" \(maven artifacts cannot be checksummed/),
      expect.stringMatching(/^build\.plugins\[0\]\.artifacts\[1\]\.url = http:\/\/example.org\/p.jar: an https:\/\/ URL/),
    ]);
  });

  test('worker keys Strimzi owns are refused; the TLS options it allows pass', () => {
    const found = issues({ ...base, config: { 'group.id': 'x', 'sasl.mechanism': 'PLAIN', 'rest.port': 8083, 'ssl.protocol': 'TLSv1.3', 'offset.flush.interval.ms': 10000 } });
    expect(found.map((i) => i.field)).toEqual(["config['group.id']", "config['sasl.mechanism']", "config['rest.port']"]);
  });

  test('the classes a build provides are its plugins\' and MirrorMaker 2\'s', () => {
    expect(providedConnectorClasses([plugin])).toEqual(expect.arrayContaining([STREAM_REACTOR_S3_SINK, 'org.apache.kafka.connect.mirror.MirrorSourceConnector']));
    expect(providedConnectorClasses([plugin])).not.toContain('org.apache.kafka.connect.file.FileStreamSinkConnector');
  });
});

const connector = { name: 'backup-sink', namespace: 'kafka', connectName: 'backup', className: STREAM_REACTOR_S3_SINK, config: { topics: 'a' } };
describe('KafkaConnector', () => {
  test('labelled with its KafkaConnect, restarted automatically', () => {
    const c = buildKafkaConnector(connector) as Any;
    expect(c.metadata.labels).toEqual({ 'strimzi.io/cluster': 'backup' });
    expect(c.spec).toEqual({ class: STREAM_REACTOR_S3_SINK, tasksMax: 1, autoRestart: { enabled: true }, config: { topics: 'a' } });
  });

  test('reserved keys and literal credentials are refused; a config-provider reference passes', () => {
    const v = new Validator('c');
    validateKafkaConnector(v, { ...connector, state: 'halted' as never, config: { 'tasks.max': 3, 'connect.s3.aws.secret.key': 'hunter2', 'connect.s3.aws.access.key': '${strimzienv:AWS_ACCESS_KEY_ID}', 'database.password': 'x' } });
    expect(v.issues.map((i) => i.field)).toEqual(['state', "config['tasks.max']", "config['connect.s3.aws.secret.key']", "config['database.password']"]);
    expect(v.issues[2].allowed).toMatch(/credentials come from a Secret/);
  });
});

const dir = crdDir();
(dir ? describe : describe.skip)('against the Strimzi 1.2.0 CRDs', () => {
  const schemas = new StrimziSchemas(dir!);
  test('a KafkaConnect with build, metrics, resources, heap and Secret variables conforms', () => {
    const connect = buildKafkaConnect({
      ...base,
      authentication: { type: 'tls', certificateSecret: 'backup-connect' },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
      heap: '1g',
      env: [{ name: 'AWS_ACCESS_KEY_ID', secretName: 's3', key: 'AWS_ACCESS_KEY_ID' }],
      metricsConfigMap: { name: 'rules', key: 'kafka-connect-metrics.yaml' },
    });
    expect(schemas.validate(connect)).toEqual([]);
  });
  test('a KafkaConnector in every state conforms; an unknown field does not (the check can fail)', () => {
    for (const state of ['running', 'paused', 'stopped'] as const) expect(schemas.validate(buildKafkaConnector({ ...connector, state, tasksMax: 4 }))).toEqual([]);
    const c = buildKafkaConnector(connector);
    expect(schemas.validate({ ...c, spec: { ...c.spec, connectorClass: 'x' } }).join()).toMatch(/additional properties/);
  });
});
