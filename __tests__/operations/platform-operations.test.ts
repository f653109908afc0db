import { Testing } from 'cdktf';
import { prod, staging } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

type Any = Record<string, any>;
const prodJson = synthJson(new KafkaPlatformStack(Testing.app(), prod));
const cronJobs = (json: Any) => Object.values(resourcesOfType(json, 'kubernetes_cron_job_v1')) as Any[];
const byName = (json: Any, name: string) => cronJobs(json).find((c) => c.metadata.name === name)!;
const pod = (cron: Any) => cron.spec.job_template.spec.template.spec;

test('prod runs backup, snapshot, leader election and ACL audit CronJobs, and no load test', () => {
  expect(cronJobs(prodJson).map((c) => [c.metadata.name, c.spec.schedule]).sort()).toEqual([
    ['kafka-prod-acl-audit', '30 5 * * *'],
    ['kafka-prod-dr-ca-check', '17 * * * *'],
    ['kafka-prod-leader-election', '0 3 * * 0'],
    ['kafka-prod-metadata-backup', '0 */6 * * *'],
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

test('metadata backup: kubectl export, then the Kafka CLI as its own read-only user over TLS, to a PVC, then the upload', () => {
  const spec = pod(byName(prodJson, 'kafka-prod-metadata-backup'));
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

test('volume snapshots: RBAC limited to reading claims and managing VolumeSnapshots', () => {
  const role = Object.values(resourcesOfType(prodJson, 'kubernetes_role_v1')).find((r: Any) => r.metadata.name === 'kafka-prod-volume-snapshot') as Any;
  expect(role.rule).toEqual([
    { api_groups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list'] },
    { api_groups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: ['create', 'get', 'list', 'delete'] },
  ]);
  expect(pod(byName(prodJson, 'kafka-prod-volume-snapshot')).container[0].env).toEqual(expect.arrayContaining([{ name: 'SNAPSHOT_CLASS', value: 'csi-snapclass' }, { name: 'RETENTION_DAYS', value: '28' }, { name: 'SNAPSHOT_TIMEOUT_SECONDS', value: '900' }]));
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

test('staging runs the guide\'s load tests as one-off Jobs on their own topics', () => {
  const json = synthJson(new KafkaPlatformStack(Testing.app(), staging));
  const jobs = Object.values(resourcesOfType(json, 'kubernetes_job_v1')) as Any[];
  expect(jobs.map((j) => j.metadata.name).sort()).toEqual([
    'kafka-staging-loadtest-baseline-consumer', 'kafka-staging-loadtest-baseline-producer', 'kafka-staging-loadtest-stress-consumer', 'kafka-staging-loadtest-stress-producer',
  ]);
  const stress = jobs.find((j) => j.metadata.name === 'kafka-staging-loadtest-stress-producer')!.spec.template.spec.container[0];
  expect(stress.env).toEqual(expect.arrayContaining([
    { name: 'LOADTEST_RECORDS', value: '5000000' }, { name: 'LOADTEST_THROUGHPUT', value: '50000' },
    { name: 'LOADTEST_PRODUCER_PROPS', value: 'batch.size=32768 linger.ms=20 compression.type=lz4 acks=all enable.idempotence=true' },
  ]));
  const topic = allReleaseObjects(json).find((o) => o.kind === 'KafkaTopic' && (o.spec as Any).topicName === 'loadtest-stress' || o.metadata.name === 'loadtest-stress')!;
  expect(topic.spec).toMatchObject({ partitions: 12, replicas: 3 });
});

test('a bad schedule fails synth with the construct path, field and rule', () => {
  expect(() => new KafkaPlatformStack(Testing.app(), { ...prod, operations: { metadataBackup: { schedule: '0 */6 * *' } } })).toThrow(
    /kafka-prod\/operations\/metadata-backup\/workload: schedule = "0 \*\/6 \* \*": a Kubernetes CronJob schedule/,
  );
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

test('a backup schedule that cannot keep two backups within its retention fails synth', () => {
  const env = { ...prod, operations: { ...prod.operations!, volumeSnapshots: { snapshotClass: 'csi-snapclass', retentionDays: 5 } } };
  expect(() => new KafkaPlatformStack(Testing.app(), env)).toThrow(/kafka-prod\/operations\/volume-snapshots: retentionDays = 5: at least 14 days with schedule "0 0 \* \* 0"/);
});
