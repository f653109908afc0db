import { Testing } from 'cdktf';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { MetadataBackup, MetadataBackupProps } from '../../lib/backup/metadata-backup';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';
import { byName, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;
const prodJson = synthJson(new KafkaPlatformStack(Testing.app(), prod));

function backup(props: Partial<MetadataBackupProps> = {}) {
  const { stack, cluster, release } = workloadSetup();
  const construct = new MetadataBackup(stack, 'backup', { cluster, release, ...props });
  return { stack, construct };
}

test('metadata backup: kubectl export, then the Kafka CLI as its own read-only user over TLS, to a PVC, then the upload', () => {
  const spec = podOf(byName(prodJson, 'kubernetes_cron_job_v1')['kafka-prod-metadata-backup']);
  expect(spec.init_container.map((c: Any) => c.name)).toEqual(['export-resources', 'kafka-metadata']);
  expect(spec.container.map((c: Any) => c.name)).toEqual(['s3-upload']);
  const kafka = spec.init_container[1];
  expect(kafka.image).toBe('quay.io/strimzi/kafka:1.2.0-kafka-4.3.1');
  expect(kafka.command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/metadata-backup.sh']);
  const volumes = Object.fromEntries(spec.volume.map((v: Any) => [v.name, v]));
  expect(volumes['cluster-ca'].secret.secret_name).toBe('kafka-prod-cluster-ca-cert');
  expect(volumes['kafka-user'].secret).toMatchObject({ secret_name: 'kafka-prod-metadata-backup', items: [{ key: 'password', path: 'password' }] });
  expect(volumes.backups.persistent_volume_claim.claim_name).toBe('kafka-prod-metadata-backup');
  const user = allReleaseObjects(prodJson).find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-metadata-backup')!;
  const ops = (user.spec as Any).authorization.acls.flatMap((a: Any) => a.operations);
  expect(new Set(ops)).toEqual(new Set(['Describe', 'DescribeConfigs']));
  // Secrets readable by the job: the public CA certificates only (private keys are opt-in).
  const role = Object.values(resourcesOfType(prodJson, 'kubernetes_role_v1')).find((r: Any) => r.metadata.name === 'kafka-prod-metadata-backup') as Any;
  expect(role.rule.find((r: Any) => r.resources.includes('secrets')).resource_names).toEqual(['kafka-prod-cluster-ca-cert', 'kafka-prod-clients-ca-cert']);
  expect(JSON.stringify(role.rule)).not.toMatch(/"(create|update|patch|delete)"/);
});

test('a bad schedule fails synth with the construct path, field and rule', () => {
  expect(() => new KafkaPlatformStack(Testing.app(), { ...prod, operations: { metadataBackup: { schedule: '0 */6 * *' } } })).toThrow(
    /kafka-prod\/operations\/metadata-backup: schedule = "0 \*\/6 \* \*": a Kubernetes CronJob schedule/,
  );
});

test('names: the CronJob, its user and its volume are `<cluster>-metadata-backup`, overdue after the schedule\'s gap plus two hours', () => {
  const { construct } = backup({ schedule: '0 */4 * * *' });
  expect([construct.cronJobName, construct.userName, construct.claimName]).toEqual(['events-metadata-backup', 'events-metadata-backup', 'events-metadata-backup']);
  expect(construct.watched).toEqual({ name: 'events-metadata-backup', maxAgeHours: 6 });
});

test('CA private keys are readable only when asked for', () => {
  const secrets = (s: ReturnType<typeof backup>) => byName(s.stack, 'kubernetes_role_v1')['events-metadata-backup'].rule.find((r: Any) => r.resources.includes('secrets')).resource_names;
  expect(secrets(backup())).toEqual(['events-cluster-ca-cert', 'events-clients-ca-cert']);
  expect(secrets(backup({ includeCaPrivateKeys: true }))).toEqual(['events-cluster-ca-cert', 'events-clients-ca-cert', 'events-cluster-ca', 'events-clients-ca']);
});

test('S3 only: no volume, no claim, the upload step carries bucket, prefix and credentials', () => {
  const { stack, construct } = backup({ volume: false, s3: { bucket: 'my-backups', credentialsSecret: 's3-creds' } });
  expect(construct.claimName).toBeUndefined();
  expect(byName(stack, 'kubernetes_persistent_volume_claim_v1')).toEqual({});
  const upload = podOf(byName(stack, 'kubernetes_cron_job_v1')['events-metadata-backup']).container[0];
  expect(upload.name).toBe('s3-upload');
  expect(upload.env).toEqual(expect.arrayContaining([
    { name: 'S3_BUCKET', value: 'my-backups' },
    { name: 'S3_PREFIX', value: 'kafka-backups/events' },
    { name: 'AWS_ACCESS_KEY_ID', value_from: { secret_key_ref: { name: 's3-creds', key: 'AWS_ACCESS_KEY_ID' } } },
  ]));
});

test('no volume and no S3, a bad bucket and a short retention: every problem in one error', () => {
  expect(() => backup({ volume: false, retentionDays: 0 })).toThrow(/test\/backup: retentionDays = 0: .*test\/backup: volume = false: a volume or an s3 target/s);
  expect(() => backup({ s3: { bucket: 'No_Such' } })).toThrow(/test\/backup: s3\.bucket = "No_Such"/);
});
