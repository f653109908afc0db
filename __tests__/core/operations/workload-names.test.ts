import { WorkloadNames } from '../../../lib/core/operations/workload-names';
import { watchedBackupCronJobs } from '../../../lib/core/operations/backup-schedules';
import { defaultBackupCronJobs } from '../../../lib/core/monitoring/monitoring-spec';
import { MetadataBackup } from '../../../lib/backup/metadata-backup';
import { VolumeSnapshots } from '../../../lib/backup/volume-snapshots';
import { workloadSetup } from '../../helpers/workloads';

describe('WorkloadNames', () => {
  test('every name is derived from the cluster name', () => {
    expect(Object.values(WorkloadNames).map((f) => (f as (c: string, p: string) => string)('c1', 'base'))).toEqual([
      'c1-metadata-backup', 'c1-offset-restore', 'c1-volume-snapshot', 'c1-leader-election', 'c1-acl-audit', 'c1-loadtest-base',
      'c1-dr-ca-check', 'c1-dr-cluster-ca-cert', 'c1-dr-mirror-credentials', 'c1-mirror',
      'c1-backup', 'c1-topic-backup', 'c1-backup-probe', 'c1-restore-drill', 'c1-restore-drill-scratch', 'c1-restore-base', 'c1-operations',
    ]);
  });

  test('the monitoring watches the CronJobs by the names the backup constructs create', () => {
    const { stack, cluster, release } = workloadSetup();
    const backup = new MetadataBackup(stack, 'backup', { cluster, release });
    const snapshots = new VolumeSnapshots(stack, 'snapshots', { cluster, snapshotClass: 'csi' });
    const created = [backup.cronJobName, snapshots.cronJobName];
    expect(defaultBackupCronJobs('events').map((j) => j.name)).toEqual(created);
    expect(watchedBackupCronJobs('events', { metadataBackup: {}, volumeSnapshots: {} }).map((j) => j.name)).toEqual(created);
  });
});
