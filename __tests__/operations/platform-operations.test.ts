import { Testing } from 'cdktf';
import { prod, staging } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

type Any = Record<string, any>;
const prodJson = synthJson(new KafkaPlatformStack(Testing.app(), prod));
const cronJobs = (json: Any) => Object.values(resourcesOfType(json, 'kubernetes_cron_job_v1')) as Any[];
const byName = (json: Any, name: string) => cronJobs(json).find((c) => c.metadata.name === name)!;
const pod = (cron: Any) => cron.spec.job_template.spec.template.spec;

test('prod runs backup, snapshot, probe, weekly restore drill, leader election and ACL audit CronJobs, and no load test', () => {
  expect(cronJobs(prodJson).map((c) => [c.metadata.name, c.spec.schedule]).sort()).toEqual([
    ['kafka-prod-acl-audit', '30 5 * * *'],
    ['kafka-prod-backup-probe', '47 * * * *'],
    ['kafka-prod-dr-ca-check', '17 * * * *'],
    ['kafka-prod-leader-election', '0 3 * * 0'],
    ['kafka-prod-metadata-backup', '0 */6 * * *'],
    ['kafka-prod-restore-drill', '0 3 * * 1'],
    ['kafka-prod-volume-snapshot', '0 0 * * 0'],
  ]);
  expect(resourcesOfType(prodJson, 'kubernetes_job_v1')).toEqual({});
});

test.each(['kafka-prod-metadata-backup', 'kafka-prod-volume-snapshot', 'kafka-prod-leader-election', 'kafka-prod-acl-audit'])('%s: no overlap, bounded retries and history, restricted pods, limits', (name) => {
  const cron = byName(prodJson, name);
  expect(cron.spec).toMatchObject({ concurrency_policy: 'Forbid', successful_jobs_history_limit: 3, failed_jobs_history_limit: 3 });
  expect(cron.spec.job_template.spec.backoff_limit).toBeLessThanOrEqual(2);
  const spec = pod(cron);
  expect(spec.security_context).toMatchObject({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } });
  for (const c of [...(spec.init_container ?? []), ...spec.container]) {
    expect(c.security_context).toMatchObject({ allow_privilege_escalation: false, read_only_root_filesystem: true, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(c.resources.limits).sort()).toEqual(['cpu', 'memory']);
    expect(c.volume_mount).toEqual(expect.arrayContaining([{ name: 'tmp', mount_path: '/tmp', read_only: false }]));
  }
  expect(cron.metadata.labels['app.kubernetes.io/managed-by']).toBe('kafka-platform');
});

test('workloads without RBAC rules get no Kubernetes API token', () => {
  expect(pod(byName(prodJson, 'kafka-prod-leader-election')).automount_service_account_token).toBe(false);
  expect(pod(byName(prodJson, 'kafka-prod-volume-snapshot')).automount_service_account_token).toBe(true);
});

test('prod replicates to the DR cluster with MirrorMaker 2 in the operations release', () => {
  const release = Object.values(resourcesOfType(prodJson, 'helm_release')).find((r: Any) => r.name === 'kafka-prod-operations');
  expect(release).toBeDefined();
  const mm2 = allReleaseObjects(prodJson).find((o) => o.kind === 'KafkaMirrorMaker2')!;
  expect((mm2.spec as Any).target.alias).toBe('dr');
  expect(allReleaseObjects(prodJson).some((o) => o.kind === 'KafkaRebalance' && o.metadata.name === 'kafka-prod-rebalance')).toBe(true);
});

test('prod: the namespace and the backup volume refuse destroy; backups are uploaded off the cluster', () => {
  const ns = Object.values(resourcesOfType(prodJson, 'kubernetes_namespace_v1'))[0] as Any;
  expect(ns.lifecycle).toEqual({ prevent_destroy: true });
  const pvc = Object.values(resourcesOfType(prodJson, 'kubernetes_persistent_volume_claim_v1')).find((p: Any) => p.metadata.name === 'kafka-prod-metadata-backup') as Any;
  expect(pvc.lifecycle).toEqual({ prevent_destroy: true });
  expect(JSON.stringify(byName(prodJson, 'kafka-prod-metadata-backup'))).toContain('"name":"S3_BUCKET","value":"example-org-kafka-prod-backups"');
  const stagingJson = synthJson(new KafkaPlatformStack(Testing.app(), staging));
  const stagingPvc = Object.values(resourcesOfType(stagingJson, 'kubernetes_persistent_volume_claim_v1')).find((p: Any) => p.metadata.name === 'kafka-staging-metadata-backup') as Any;
  expect(stagingPvc.lifecycle).toBeUndefined();
});
