import { OffsetRestore, OffsetRestoreProps } from '../../lib/backup/offset-restore';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { byName, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;

function restore(props: Partial<OffsetRestoreProps> = {}) {
  const { stack, cluster, release } = workloadSetup();
  const construct = new OffsetRestore(stack, 'restore', { cluster, release, claimName: 'events-metadata-backup', backupId: '20250301T120000Z', ...props });
  return { stack, construct };
}

describe('OffsetRestore', () => {
  test('a one-off Job, not retried, reading the named backup from the backup volume, dry run by default', () => {
    const { stack, construct } = restore();
    expect(construct.jobName).toBe('events-offset-restore');
    const job = byName(stack, 'kubernetes_job_v1')['events-offset-restore'];
    expect(job.spec.backoff_limit).toBe(0);
    const c = podOf(job).container[0];
    expect(c.command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/restore-offsets.sh', '/backups/20250301T120000Z']);
    expect(c.env).toEqual(expect.arrayContaining([{ name: 'RESTORE_MODE', value: 'dry-run' }]));
    expect(c.env.some((e: Any) => e.name === 'RESTORE_GROUPS')).toBe(false);
    expect(podOf(job).volume.find((v: Any) => v.name === 'backups')).toMatchObject({ persistent_volume_claim: { claim_name: 'events-metadata-backup' } });
  });

  test('execute mode and a group filter reach the script', () => {
    const c = podOf(byName(restore({ mode: 'execute', groups: '^billing-' }).stack, 'kubernetes_job_v1')['events-offset-restore']).container[0];
    expect(c.env).toEqual(expect.arrayContaining([{ name: 'RESTORE_MODE', value: 'execute' }, { name: 'RESTORE_GROUPS', value: '^billing-' }]));
  });

  test('its user may read groups and topics (to commit offsets), nothing that writes data', () => {
    const user = allReleaseObjects(synthJson(restore().stack)).find((o) => o.kind === 'KafkaUser') as Any;
    expect(new Set(user.spec.authorization.acls.flatMap((a: Any) => a.operations))).toEqual(new Set(['Describe', 'Read']));
  });

  test('a bad backup id, mode and empty group filter fail together', () => {
    expect(() => restore({ backupId: 'latest', mode: 'now' as never, groups: '' })).toThrow(
      /test\/restore: backupId = "latest": the folder name of a backup.*test\/restore: mode = "now": dry-run or execute.*test\/restore: groups = "": a non-empty regular expression/s,
    );
  });
});

describe('OffsetRestore from the off-cluster copy (the cluster and its backup volume are gone)', () => {
  const s3 = { bucket: 'example-org-kafka-prod-backups', prefix: 'kafka-backups', region: 'eu-west-1', credentialsSecret: 'backup-s3' };
  test('downloads the backup from the bucket into the Job first; no claim is mounted', () => {
    const { stack } = restore({ source: 's3', s3, claimName: undefined });
    const pod = podOf(byName(stack, 'kubernetes_job_v1')['events-offset-restore']);
    expect(pod.init_container.map((c: Any) => [c.name, c.command.slice(1).join(' ')])).toEqual([['s3-download', '/opt/kafka-platform/scripts/s3-download.sh']]);
    const env = Object.fromEntries(pod.init_container[0].env.map((e: Any) => [e.name, e.value ?? e.value_from.secret_key_ref.name]));
    expect(env).toMatchObject({ S3_BUCKET: 'example-org-kafka-prod-backups', S3_PREFIX: 'kafka-backups/events', BACKUP_ID: '20250301T120000Z', WORK_DIR: '/backups', AWS_ACCESS_KEY_ID: 'backup-s3' });
    expect(pod.container[0].command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/restore-offsets.sh', '/backups/20250301T120000Z']);
    expect(pod.volume.find((v: Any) => v.name === 'backups')).toMatchObject({ empty_dir: { size_limit: '1Gi' } });
  });
  test('source s3 without the bucket, or the volume without a claim, is refused', () => {
    expect(() => restore({ source: 's3', claimName: undefined })).toThrow(/test\/restore: s3 = undefined: the metadata backup's s3 target/);
    expect(() => restore({ claimName: undefined })).toThrow(/test\/restore: claimName = undefined: the backup volume's claim \(or source: 's3'\)/);
  });
});
