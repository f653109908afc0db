import { KafkaConnect, KafkaConnectProps, connectImage } from '../../lib/connect/kafka-connect';
import { KafkaConnector } from '../../lib/connect/kafka-connector';
import { ConnectorPlugin, STREAM_REACTOR_S3_SINK, STREAM_REACTOR_S3_SOURCE } from '../../lib/core/strimzi/connect';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { MTLS_LISTENER, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;
const plugin = ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: 'b'.repeat(128) });

function connect(props: Partial<KafkaConnectProps> = {}, listeners?: Parameters<typeof workloadSetup>[0]) {
  const { stack, cluster, release } = workloadSetup(listeners);
  const construct = new KafkaConnect(stack, 'connect', {
    cluster,
    release,
    name: 'backup',
    plugins: [plugin],
    image: { registry: 'registry.example.org/kp', pushSecret: 'push' },
    connectors: [
      { name: 'orders-to-s3', type: 'sink', className: STREAM_REACTOR_S3_SINK, topics: ['orders', 'payments'] },
      { name: 'restore-orders', type: 'source', className: STREAM_REACTOR_S3_SOURCE, topics: ['orders-restored'] },
    ],
    ...props,
  });
  return { stack, construct, objects: () => allReleaseObjects(synthJson(stack)) };
}
const acls = (user: Any) => user.spec.authorization.acls.map((a: Any) => `${a.resource.type}:${a.resource.name ?? ''} ${[...a.operations].sort().join(',')}`).sort();

test('the workers\' user holds exactly Connect\'s and its connectors\' access: no wildcard, no Create, sink groups by name', () => {
  const user = connect().objects().find((o) => o.kind === 'KafkaUser') as Any;
  expect(user.metadata.name).toBe('backup-connect');
  expect(acls(user)).toEqual([
    'group:backup-connect Read',
    'group:connect-orders-to-s3 Read',
    'topic:backup-connect.configs Describe,Read,Write',
    'topic:backup-connect.offsets Describe,Read,Write',
    'topic:backup-connect.status Describe,Read,Write',
    'topic:orders Describe,Read',
    'topic:orders-restored Describe,Write',
    'topic:payments Describe,Read',
  ]);
});

test('storage topics are declared compacted with Connect\'s partition counts; the connectors carry their Connect\'s label', () => {
  const objects = connect().objects();
  const topics = objects.filter((o) => o.kind === 'KafkaTopic').map((o: Any) => [o.metadata.name, o.spec.partitions, o.spec.config['cleanup.policy']]);
  expect(topics).toEqual([['backup-connect.configs', 1, 'compact'], ['backup-connect.offsets', 25, 'compact'], ['backup-connect.status', 5, 'compact']]);
  const sink = objects.find((o) => o.kind === 'KafkaConnector' && o.metadata.name === 'orders-to-s3') as Any;
  expect(sink.metadata.labels['strimzi.io/cluster']).toBe('backup');
  // A sink reads exactly the topics its ACLs were derived from.
  expect(sink.spec.config.topics).toBe('orders,payments');
});

test('mTLS listener: the workers authenticate with their certificate', () => {
  const kc = connect({ listenerName: 'mtls' }, [MTLS_LISTENER]).objects().find((o) => o.kind === 'KafkaConnect') as Any;
  expect(kc.spec.authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 'backup-connect', certificate: 'user.crt', key: 'user.key' } });
  expect(kc.spec.bootstrapServers).toBe('events-kafka-bootstrap.kafka.svc:9094');
});

test('the image tag follows the plugins: a new plugin version is a new tag; without a registry, ttl.sh for 24 hours', () => {
  const a = connect().construct.image;
  expect(a).toMatch(/^registry\.example\.org\/kp\/backup-connect:[0-9a-f]{12}$/);
  const other = ConnectorPlugin.streamReactorAwsS3({ version: '11.7.3', sha512sum: 'b'.repeat(128) });
  expect(connectImage({ name: 'backup', plugins: [other], image: { registry: 'registry.example.org/kp' }, cluster: { namespace: 'kafka' } })).not.toBe(a);
  const eph = connect({ image: undefined }).construct;
  expect(eph.image).toMatch(/^ttl\.sh\/kafka-backup-connect-[0-9a-f]{12}:24h$/);
  expect(eph.usesEphemeralRegistry).toBe(true);
});

test('a connector class the build does not provide, and topics outside the workers\' grants, fail with every problem at once', () => {
  expect(() => connect({ connectors: [{ name: 'jdbc', type: 'sink', className: 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: ['orders'], config: { 'topics.regex': 'x' } }] })).toThrow(
    /connect\/connector-jdbc: className = "io\.confluent\.connect\.jdbc\.JdbcSinkConnector": a connector class the image of KafkaConnect "backup" provides: io\.lenses\.streamreactor\.connect\.aws\.s3\.sink\.S3SinkConnector, .*\n.*config\['topics\.regex'\] = "x": not here/,
  );
  const { construct } = connect();
  expect(() => new KafkaConnector(construct, 'extra', { connect: construct, name: 'extra', type: 'sink', className: STREAM_REACTOR_S3_SINK, topics: ['secrets'] })).toThrow(
    /connect\/extra: topics\[0\] = "secrets": a topic the workers of "backup" may read \(declare the connector in the KafkaConnect's connectors, which grants it\): orders, payments/,
  );
});

test('a bad registry and a duplicate connector are refused with the construct path', () => {
  expect(() => connect({ image: { registry: 'Registry Example' }, connectors: [
    { name: 'a', type: 'sink', className: STREAM_REACTOR_S3_SINK, topics: ['t'] },
    { name: 'a', type: 'sink', className: STREAM_REACTOR_S3_SINK, topics: ['u'] },
  ] })).toThrow(/test\/connect: image\.registry = "Registry Example": a registry host[\s\S]*connectors\[\]\.name = "a": each name only once/);
});
