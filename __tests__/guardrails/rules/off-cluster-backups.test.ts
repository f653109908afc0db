import { offClusterBackupsRule } from '../../../lib/guardrails/rules/off-cluster-backups';
import { clusterObjects, inventoryOf } from '../../helpers/inventory';

const backupJob = (env: { name: string; value: string }[], namespace = 'kafka') => ({
  type: 'kubernetes_cron_job_v1',
  owner: 'kafka-prod/operations/metadata-backup/workload/cron-job',
  config: {
    metadata: { name: 'kafka-prod-metadata-backup', namespace, labels: { 'app.kubernetes.io/component': 'metadata-backup' } },
    spec: { job_template: { spec: { template: { spec: { init_container: [{ name: 'kafka-metadata', env: [{ name: 'BACKUP_ROOT', value: '/backups' }] }], container: [{ name: 's3-upload', env }] } } } } },
  },
});

describe('KP-PROD-OFFCLUSTER-BACKUPS', () => {
  test('a metadata backup uploading to a bucket complies', () => {
    expect(offClusterBackupsRule.check(inventoryOf(clusterObjects(), [backupJob([{ name: 'S3_BUCKET', value: 'org-kafka-prod-backups' }])]))).toEqual([]);
  });

  test('a backup on the cluster\'s own volume only is reported on its CronJob (where it is acknowledged)', () => {
    expect(offClusterBackupsRule.check(inventoryOf(clusterObjects(), [backupJob([{ name: 'CLUSTER_NAME', value: 'kafka-prod' }])]))).toEqual([
      { owner: 'kafka-prod/operations/metadata-backup/workload/cron-job', subject: 'CronJob kafka/kafka-prod-metadata-backup backup target', value: 'the backup volume in the same cluster only' },
    ]);
  });

  test('no metadata backup in the cluster\'s namespace is reported on the cluster', () => {
    for (const resources of [[], [backupJob([{ name: 'S3_BUCKET', value: 'b' }], 'elsewhere')]]) {
      expect(offClusterBackupsRule.check(inventoryOf(clusterObjects(), resources))).toEqual([
        { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod off-cluster metadata backup', value: 'none' },
      ]);
    }
  });
});
