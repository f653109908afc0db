import { Testing } from 'cdktf';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { VolumeSnapshots, VolumeSnapshotsProps } from '../../lib/backup/volume-snapshots';
import { resourcesOfType, synthJson } from '../helpers/synth';
import { byName, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;
const prodJson = synthJson(new KafkaPlatformStack(Testing.app(), prod));

function snapshots(props: Partial<VolumeSnapshotsProps> = {}) {
  const { stack, cluster } = workloadSetup();
  return { stack, construct: new VolumeSnapshots(stack, 'snapshots', { cluster, snapshotClass: 'csi-snapclass', ...props }) };
}

test('volume snapshots: RBAC limited to reading claims and managing VolumeSnapshots', () => {
  const role = Object.values(resourcesOfType(prodJson, 'kubernetes_role_v1')).find((r: Any) => r.metadata.name === 'kafka-prod-volume-snapshot') as Any;
  expect(role.rule).toEqual([
    { api_groups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list'] },
    { api_groups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: ['create', 'get', 'list', 'delete'] },
  ]);
  expect(podOf(byName(prodJson, 'kubernetes_cron_job_v1')['kafka-prod-volume-snapshot']).container[0].env).toEqual(expect.arrayContaining([{ name: 'SNAPSHOT_CLASS', value: 'csi-snapclass' }, { name: 'RETENTION_DAYS', value: '28' }, { name: 'SNAPSHOT_TIMEOUT_SECONDS', value: '900' }]));
});

test('a backup schedule that cannot keep two backups within its retention fails synth', () => {
  const env = { ...prod, operations: { ...prod.operations!, volumeSnapshots: { snapshotClass: 'csi-snapclass', retentionDays: 5 } } };
  expect(() => new KafkaPlatformStack(Testing.app(), env)).toThrow(/kafka-prod\/operations\/volume-snapshots: retentionDays = 5: at least 14 days with schedule "0 0 \* \* 0"/);
});

test('weekly by default, `<cluster>-volume-snapshot`, overdue 170 hours after the last success; the deadline covers the wait', () => {
  const { stack, construct } = snapshots({ readyTimeoutSeconds: 5400 });
  expect(construct.watched).toEqual({ name: 'events-volume-snapshot', maxAgeHours: 170 });
  const cron = byName(stack, 'kubernetes_cron_job_v1')['events-volume-snapshot'];
  expect(cron.spec.schedule).toBe('0 0 * * 0');
  expect(cron.spec.job_template.spec.active_deadline_seconds).toBe(6000);
  expect(podOf(cron).container[0].command).toEqual(['/bin/sh', '/opt/kafka-platform/scripts/volume-snapshot.sh']);
});

test('a bad snapshot class and timeout fail together', () => {
  expect(() => snapshots({ snapshotClass: 'Bad Class', readyTimeoutSeconds: 1 })).toThrow(/test\/snapshots: snapshotClass = "Bad Class".*test\/snapshots: readyTimeoutSeconds = 1/s);
});
