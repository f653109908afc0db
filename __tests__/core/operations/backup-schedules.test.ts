import { backupOverdueHours, watchedBackupCronJobs, DEFAULT_METADATA_BACKUP_SCHEDULE, DEFAULT_VOLUME_SNAPSHOT_SCHEDULE, validateBackupRetention } from '../../../lib/core/operations/backup-schedules';
import { Validator } from '../../../lib/core/validation';
import { defaultBackupCronJobs } from '../../../lib/core/monitoring/monitoring-spec';
import { PlatformOperations } from '../../../lib/operations/platform-operations';
import { testStack } from '../../helpers/synth';
import { ownedCluster } from '../../helpers/workloads';

test('overdue limits follow each schedule: a weekly job is not overdue after a day', () => {
  expect(backupOverdueHours(DEFAULT_METADATA_BACKUP_SCHEDULE)).toBe(8);
  expect(backupOverdueHours(DEFAULT_VOLUME_SNAPSHOT_SCHEDULE)).toBe(170);
  expect(backupOverdueHours('30 5 * * *')).toBe(26);
  expect(backupOverdueHours('not a schedule')).toBeUndefined();
});

test('a retention shorter than two runs is refused with the schedule, the gap and the minimum', () => {
  const v = new Validator('kafka-prod/operations/volume-snapshots');
  validateBackupRetention(v, DEFAULT_VOLUME_SNAPSHOT_SCHEDULE, 10);
  expect(() => v.throwIfAny()).toThrow(/volume-snapshots: retentionDays = 10: at least 14 days with schedule "0 0 \* \* 0" \(runs up to 7 days apart; the retention must keep two runs\)/);
});

test('retentions that keep two runs pass', () => {
  const v = new Validator('x');
  validateBackupRetention(v, DEFAULT_VOLUME_SNAPSHOT_SCHEDULE, 14);
  validateBackupRetention(v, DEFAULT_METADATA_BACKUP_SCHEDULE, 1);
  expect(v.issues).toEqual([]);
});

test('the watched backup jobs are the configured ones, each with the limit of its own schedule', () => {
  expect(watchedBackupCronJobs('kafka-prod', { metadataBackup: {}, volumeSnapshots: {} })).toEqual([
    { name: 'kafka-prod-metadata-backup', maxAgeHours: 8 },
    { name: 'kafka-prod-volume-snapshot', maxAgeHours: 170 },
  ]);
  expect(watchedBackupCronJobs('kafka-staging', { metadataBackup: { schedule: '15 3 * * *' } })).toEqual([{ name: 'kafka-staging-metadata-backup', maxAgeHours: 26 }]);
  expect(watchedBackupCronJobs('kafka-dev', undefined)).toEqual([]);
});

test.each<[string, { metadataBackup: { schedule?: string; retentionDays?: number }; volumeSnapshots: { snapshotClass: string; schedule?: string; retentionDays?: number } }]>([
  ['the default schedules', { metadataBackup: {}, volumeSnapshots: { snapshotClass: 'csi' } }],
  ['their own schedules', { metadataBackup: { schedule: '0 2 * * *', retentionDays: 7 }, volumeSnapshots: { snapshotClass: 'csi', schedule: '0 1 1 * *', retentionDays: 62 } }],
])("the monitoring watches the backups as the backup constructs declare them: %s", (_name, config) => {
  // One derivation (watchedBackupCronJob): what the stack hands the monitoring equals what each construct reports.
  const stack = testStack();
  const operations = new PlatformOperations(stack, 'operations', { ...config, cluster: ownedCluster(stack) });
  expect(watchedBackupCronJobs('events', config)).toEqual([operations.metadataBackup!.watched, operations.volumeSnapshots!.watched]);
  expect(defaultBackupCronJobs('events')).toEqual(watchedBackupCronJobs('events', { metadataBackup: {}, volumeSnapshots: {} }));
});
