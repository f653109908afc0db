import { Testing } from 'cdktf';
import { prod } from '../../stacks/environments';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { ConnectorPlugin } from '../../lib/core/strimzi/connect';
import { Milliseconds } from '../../lib/core/strimzi/topic';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';
import { byName, podOf } from '../helpers/workloads';

type Any = Record<string, any>;
type TopicBackupConfig = NonNullable<NonNullable<EnvironmentConfig['operations']>['topicBackup']>;
const withBackup = (changes: Partial<TopicBackupConfig>): EnvironmentConfig => ({ ...prod, operations: { ...prod.operations!, topicBackup: { ...prod.operations!.topicBackup!, ...changes } } });
const synth = (env: EnvironmentConfig) => synthJson(new KafkaPlatformStack(Testing.app(), env));
const prodJson = synth(prod);
const objects = allReleaseObjects(prodJson);
const acls = (user: Any) => user.spec.authorization.acls.map((a: Any) => `${a.resource.type}:${a.resource.name ?? ''} ${[...a.operations].sort().join(',')}`).sort();

describe('prod topic backup', () => {
  const sink = objects.find((o) => o.kind === 'KafkaConnector' && o.metadata.name === 'kafka-prod-topic-backup') as Any;

  test('the catalogue\'s business topics, the compacted order status included, and the probe are backed up; Connect topics are not', () => {
    expect(sink.spec.config.topics.split(',')).toEqual(['orders.order-placed.v1', 'orders.order-status.v1', 'payments.payment-settled.v1', 'kafka-prod-backup-probe']);
    const kcql: string = sink.spec.config['connect.s3.kcql'];
    // The compacted topic's change log goes under compacted/ (no expiry), the others under topics/ (7 days).
    expect(kcql).toContain('INSERT INTO example-org-kafka-prod-backups:kafka-backups/kafka-prod/compacted SELECT * FROM `orders.order-status.v1` STOREAS `JSON` PROPERTIES(\'store.envelope\'=true, \'flush.interval\'=3600');
    expect(kcql).toContain('INSERT INTO example-org-kafka-prod-backups:kafka-backups/kafka-prod/topics SELECT * FROM `payments.payment-settled.v1`');
    // Bytes as Kafka holds them; credentials never in the config.
    expect(sink.spec.config['value.converter']).toBe('org.apache.kafka.connect.converters.ByteArrayConverter');
    expect(JSON.stringify(sink.spec.config)).not.toMatch(/secret|access\.key/i);
  });

  test('the dedicated Connect\'s user reads exactly the backed-up topics and writes only the drill\'s scratch topic', () => {
    const user = objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-backup-connect') as Any;
    expect(acls(user)).toEqual([
      'group:connect-kafka-prod-topic-backup Read',
      'group:kafka-prod-backup-connect Read',
      'topic:kafka-prod-backup-connect.configs Describe,Read,Write',
      'topic:kafka-prod-backup-connect.offsets Describe,Read,Write',
      'topic:kafka-prod-backup-connect.status Describe,Read,Write',
      'topic:kafka-prod-backup-probe Describe,Read',
      'topic:kafka-prod-restore-drill-scratch Describe,Write',
      'topic:orders.order-placed.v1 Describe,Read',
      'topic:orders.order-status.v1 Describe,Read',
      'topic:payments.payment-settled.v1 Describe,Read',
    ]);
  });

  test('the bucket lifecycle is an output: 7 days for topic data and staged restores, no expiry for compacted change logs', () => {
    const output = Object.values((prodJson as Any).output as Record<string, Any>).find((o) => o.description?.includes('example-org-kafka-prod-backups'))!;
    const rules = JSON.parse(output.value).Rules;
    expect(rules.map((r: Any) => [r.Filter.Prefix, r.Expiration?.Days])).toEqual([
      ['kafka-backups/kafka-prod/topics/', 7],
      ['kafka-backups/kafka-prod/compacted/', undefined],
      ['kafka-backups/kafka-prod/restores/', 7],
    ]);
  });

  test('the weekly drill runs the restore steps in order as its own user and Role; the probe writes hourly', () => {
    const drill = byName(prodJson, 'kubernetes_cron_job_v1')['kafka-prod-restore-drill'];
    expect(drill.spec.schedule).toBe('0 3 * * 1');
    const pod = podOf(drill);
    expect([...pod.init_container, ...pod.container].map((c: Any) => [c.name, c.image.split(':')[0], c.command.slice(1).join(' ')])).toEqual([
      ['stage', 'docker.io/amazon/aws-cli', '/opt/kafka-platform/scripts/restore-stage.sh'],
      ['baseline', 'quay.io/strimzi/kafka', '/opt/kafka-platform/scripts/restore-verify.sh baseline'],
      ['load', 'docker.io/alpine/k8s', '/opt/kafka-platform/scripts/restore-load.sh load'],
      ['verify', 'quay.io/strimzi/kafka', '/opt/kafka-platform/scripts/restore-verify.sh verify'],
      ['cleanup', 'docker.io/alpine/k8s', '/opt/kafka-platform/scripts/restore-load.sh cleanup'],
    ]);
    const env = (name: string) => Object.fromEntries([...pod.init_container, ...pod.container].find((c: Any) => c.name === name).env.map((e: Any) => [e.name, e.value ?? e.value_from]));
    expect(env('stage')).toMatchObject({ DATA_PREFIX: 'kafka-backups/kafka-prod/topics/kafka-prod-backup-probe', FROM_AGE_SECONDS: '86400', LIFECYCLE_PREFIX: 'kafka-backups/kafka-prod/topics/', LIFECYCLE_MIN_DAYS: '7', RESTORE_MODE: 'execute' });
    expect(env('stage').AWS_SECRET_ACCESS_KEY).toEqual({ secret_key_ref: { name: 'kafka-prod-backup-s3', key: 'AWS_SECRET_ACCESS_KEY' } });
    expect(env('verify')).toMatchObject({ CHECKSUM_SOURCE: 'true', MAX_RECOVERY_POINT_SECONDS: '86400', MAX_RECOVERY_TIME_SECONDS: '1800' });
    const drillUser = objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-restore-drill') as Any;
    expect(acls(drillUser)).toEqual(['topic:kafka-prod-backup-probe Describe,Read', 'topic:kafka-prod-restore-drill-scratch Delete,Describe']);
    const role = Object.values(resourcesOfType(prodJson, 'kubernetes_role_v1')).find((r: Any) => r.metadata.name === 'kafka-prod-restore-drill') as Any;
    expect(role.rule).toEqual([
      { api_groups: ['kafka.strimzi.io'], resources: ['kafkaconnectors'], verbs: ['create'] },
      { api_groups: ['kafka.strimzi.io'], resources: ['kafkaconnectors'], verbs: ['get', 'patch', 'delete'], resource_names: ['kafka-prod-restore-drill'] },
    ]);
    expect(byName(prodJson, 'kubernetes_cron_job_v1')['kafka-prod-backup-probe'].spec.schedule).toBe('47 * * * *');
  });

  test('the drill\'s connector template restores the probe\'s staged run into the scratch topic', () => {
    const pod = podOf(byName(prodJson, 'kubernetes_cron_job_v1')['kafka-prod-restore-drill']);
    const manifest = JSON.parse(pod.init_container.find((c: Any) => c.name === 'load').env.find((e: Any) => e.name === 'CONNECTOR_MANIFEST').value);
    expect(manifest.metadata.labels['strimzi.io/cluster']).toBe('kafka-prod-backup');
    expect(manifest.spec.config['connect.s3.kcql']).toBe("INSERT INTO `kafka-prod-restore-drill-scratch` SELECT * FROM example-org-kafka-prod-backups:kafka-backups/kafka-prod/restores/kafka-prod-restore-drill/kafka-prod-backup-probe/__RUN__ STOREAS `JSON` PROPERTIES('store.envelope'=true)");
    expect(manifest.spec.autoRestart).toEqual({ enabled: false });
  });
});

describe('restores', () => {
  const restore = (r: Record<string, unknown>) => withBackup({ restores: [{ name: 'status-fix', topic: 'orders.order-status.v1', targetTopic: 'orders.order-status.v1.restored', ...r } as never] });

  test('into a new topic: declared with the source\'s partitions and policy, kept forever; a dry-run Job by default', () => {
    const json = synth(restore({ from: '2025-03-01T00:00:00Z', until: '2025-03-01T10:30:00Z', partitions: [0, 3] }));
    const target = allReleaseObjects(json).find((o) => o.kind === 'KafkaTopic' && o.metadata.name === 'orders.order-status.v1.restored') as Any;
    expect(target.spec).toMatchObject({ partitions: 12, replicas: 3, config: { 'cleanup.policy': 'compact', 'message.timestamp.type': 'CreateTime' } });
    expect(target.metadata.labels).toMatchObject({ 'kafka-platform/restored-from': 'orders.order-status.v1', 'kafka-platform/deletion-protection': 'true' });
    const job = byName(json, 'kubernetes_job_v1')['kafka-prod-restore-status-fix'];
    const stage = Object.fromEntries(podOf(job).init_container[0].env.map((e: Any) => [e.name, e.value]));
    expect(stage).toMatchObject({ RESTORE_MODE: 'dry-run', DATA_PREFIX: 'kafka-backups/kafka-prod/compacted/orders.order-status.v1', PARTITIONS: '0 3', FROM_MS: String(Date.UTC(2025, 2, 1)), UNTIL_MS: String(Date.UTC(2025, 2, 1, 10, 30)), RUN_ID: 'status-fix' });
    const connect = allReleaseObjects(json).find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-backup-connect') as Any;
    expect(acls(connect)).toContain('topic:orders.order-status.v1.restored Describe,Write');
  });

  test('over the live topic, or into another live topic, is refused unless acknowledged; bad times and partitions too, all at once', () => {
    expect(() => synth(restore({ targetTopic: 'orders.order-status.v1', from: '2025-03-01 10:00', until: '2025-02-01T00:00:00Z', partitions: [12] }))).toThrow(
      /kafka-prod\/operations\/topic-backup\/restore-status-fix: targetTopic = "orders\.order-status\.v1": a new topic, not the live topic it restores .*KP-BACKUP-RESTORE-LIVE-TOPIC[\s\S]*from = "2025-03-01 10:00": a UTC time such as "2025-03-01T10:00:00Z"[\s\S]*partitions\[0\] = 12: a whole number from 0 to 11/,
    );
    expect(() => synth(restore({ targetTopic: 'payments.payment-settled.v1' }))).toThrow(/targetTopic = "payments\.payment-settled\.v1": a topic the stack does not declare: "payments\.payment-settled\.v1" is live/);
    const acknowledged = synth(restore({ targetTopic: 'orders.order-status.v1', liveTopicAcknowledgement: 'a bad deploy overwrote statuses; consumers are idempotent by key' }));
    expect(byName(acknowledged, 'kubernetes_job_v1')['kafka-prod-restore-status-fix']).toBeDefined();
    // No second KafkaTopic for the live one.
    expect(allReleaseObjects(acknowledged).filter((o) => o.kind === 'KafkaTopic' && (o.spec as Any).topicName === undefined && o.metadata.name === 'orders.order-status.v1')).toHaveLength(1);
  });

  test('a topic the backup does not hold cannot be restored', () => {
    expect(() => synth(restore({ topic: 'connect-cluster.offsets' }))).toThrow(/topic = "connect-cluster\.offsets": a topic the backup holds: orders\.order-placed\.v1, orders\.order-status\.v1, payments\.payment-settled\.v1/);
  });
});

describe('bad input, all at once, with the construct path, the value as written and what is allowed', () => {
  test('an undeclared topic, an unknown group, a retention shorter than two recovery points, a bucket S3 rejects, a plugin without a checksum', () => {
    const unpinned = ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: undefined as unknown as string });
    const env = withBackup({ topics: ['orders.order-placed.v1', 'orders.typo'], groups: ['billing'], retentionDays: 1, s3: { bucket: '192.168.5.4' }, plugin: unpinned });
    let message = '';
    try {
      synth(env);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}- kafka-prod\/operations\/topic-backup: topics\[1\] = "orders\.typo": a topic declared on cluster kafka-prod \(declared: .*orders\.order-placed\.v1.*\); a backup of a topic nobody declares would back up nothing$/),
      expect.stringMatching(/groups\[0\] = "billing": an owner group with topics on cluster kafka-prod: integration, orders, payments$/),
      expect.stringMatching(/plugin\.artifacts\[0\]\.sha512sum = undefined: the SHA-512 of the artifact/),
      expect.stringMatching(/s3\.bucket = "192\.168\.5\.4": an S3 bucket name: .*not an IP address/),
      expect.stringMatching(/retentionDays = 1: at least 2 days with a recovery point every 24 hours \(the retention must keep two of them\)$/),
    ]);
  });

  test('an undeclared topic on a large estate lists ten declared names and how many more, not thousands', () => {
    const env = withBackup({ topics: ['orders.typo'] });
    const bulk = { name: 'bulk', topics: Array.from({ length: 40 }, (_, i) => ({ name: `bulk.entity-${i}.v1`, partitions: 3, retentionMs: Milliseconds.days(7) })) };
    let message = '';
    try {
      synth({ ...env, topology: { ...env.topology!, groups: [...env.topology!.groups, bulk] } });
    } catch (e) {
      message = (e as Error).message;
    }
    const declared = /\(declared: ([^)]*)\)/.exec(message)![1];
    expect(declared.split(', ').slice(0, 2)).toEqual(['bulk.entity-0.v1', 'bulk.entity-1.v1']);
    expect(declared.split(', ')).toHaveLength(10);
    // The estate's 40 topics and prod's own six.
    expect(declared).toMatch(/, bulk\.entity-17\.v1 and 36 more$/);
  });

  test('a flush interval not shorter than the recovery point, and a compacted retention below the retention', () => {
    expect(() => synth(withBackup({ recoveryPointHours: 1, flushIntervalMinutes: 60, compactedRetentionDays: 3 }))).toThrow(
      /flushIntervalMinutes = 60: less than the recovery point objective \(1 hours\)[\s\S]*compactedRetentionDays = 3: at least retentionDays \(7\)/,
    );
  });

  test('a drill schedule that is no cron schedule fails with the drill\'s path', () => {
    expect(() => synth(withBackup({ drill: { schedule: 'weekly' } }))).toThrow(/kafka-prod\/operations\/topic-backup\/drill: schedule = "weekly"/);
  });
});

test('prod\'s plugin checksum is a visible placeholder: KP-PROD-PLUGIN-CHECKSUM warns at synth (the build would refuse it)', () => {
  const stack = new KafkaPlatformStack(Testing.app(), prod);
  Testing.synth(stack);
  const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => `${c.node.path} ${String(m.data)}`));
  expect(warnings).toEqual([expect.stringMatching(/^kafka-prod\/operations\/topic-backup\/connect \[KP-PROD-PLUGIN-CHECKSUM\]/)]);
});

test('after a whole-cluster restore the new cluster backs up under a new prefix (its own index files) and restores read the old one', () => {
  const env = withBackup({
    s3: { ...prod.operations!.topicBackup!.s3, prefix: 'kafka-backups-2025-03' },
    restores: [{ name: 'orders', topic: 'orders.order-placed.v1', targetTopic: 'orders.order-placed.v1.restored', sourcePrefix: 'kafka-backups' }],
  });
  const json = synth(env);
  const sink = allReleaseObjects(json).find((o) => o.kind === 'KafkaConnector' && o.metadata.name === 'kafka-prod-topic-backup') as Any;
  expect(sink.spec.config['connect.s3.indexes.name']).toBe('kafka-backups-2025-03/kafka-prod/.indexes');
  expect(sink.spec.config['connect.s3.kcql']).toContain('example-org-kafka-prod-backups:kafka-backups-2025-03/kafka-prod/topics SELECT');
  const stage = Object.fromEntries(podOf(byName(json, 'kubernetes_job_v1')['kafka-prod-restore-orders']).init_container[0].env.map((e: Any) => [e.name, e.value]));
  expect(stage.DATA_PREFIX).toBe('kafka-backups/kafka-prod/topics/orders.order-placed.v1');
});
