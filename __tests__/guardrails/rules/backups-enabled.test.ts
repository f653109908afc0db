import { backupsEnabledRule } from '../../../lib/guardrails/rules/backups-enabled';
import { clusterObjects, inventoryOf } from '../../helpers/inventory';

const cronJob = (component: string, namespace = 'kafka') => ({
  type: 'kubernetes_cron_job_v1',
  owner: `kafka-prod/operations/${component}`,
  config: { metadata: { name: component, namespace, labels: { 'app.kubernetes.io/component': component } } },
});

describe('KP-PROD-BACKUPS', () => {
  test('a metadata backup or volume snapshot CronJob in the cluster namespace complies', () => {
    expect(backupsEnabledRule.check(inventoryOf(clusterObjects(), [cronJob('metadata-backup')]))).toEqual([]);
    expect(backupsEnabledRule.check(inventoryOf(clusterObjects(), [cronJob('volume-snapshot')]))).toEqual([]);
  });

  test('no backup, another CronJob, or a backup in another namespace is reported on the cluster', () => {
    for (const resources of [[], [cronJob('acl-audit')], [cronJob('metadata-backup', 'elsewhere')]]) {
      expect(backupsEnabledRule.check(inventoryOf(clusterObjects(), resources))).toEqual([
        { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod backup CronJobs', value: 0 },
      ]);
    }
  });
});
