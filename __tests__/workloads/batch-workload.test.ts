import { BatchWorkload, BatchWorkloadProps } from '../../lib/workloads/batch-workload';
import { testStack } from '../helpers/synth';
import { byName, podOf } from '../helpers/workloads';

type Any = Record<string, any>;
const step = { name: 'run', image: 'busybox:1.36', command: ['/bin/sh', '-c', 'true'], resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } } };

function render(props: Partial<BatchWorkloadProps> = {}) {
  const stack = testStack();
  const workload = new BatchWorkload(stack, 'w', { name: 'events-task', namespace: 'kafka', component: 'task', steps: [step], ...props });
  return { stack, workload };
}

describe('BatchWorkload', () => {
  test('with a schedule: a CronJob that never overlaps, with bounded history', () => {
    const { stack, workload } = render({ schedule: '0 3 * * *' });
    expect(workload.cronJob).toBeDefined();
    expect(workload.job).toBeUndefined();
    const cron = byName(stack, 'kubernetes_cron_job_v1')['events-task'];
    expect(cron.spec).toMatchObject({ schedule: '0 3 * * *', concurrency_policy: 'Forbid', successful_jobs_history_limit: 3, failed_jobs_history_limit: 3 });
    expect(byName(stack, 'kubernetes_job_v1')).toEqual({});
  });

  test('without a schedule: a one-off Job Terraform does not wait for, cleaned up after a week', () => {
    const { stack, workload } = render();
    expect(workload.job).toBeDefined();
    const job = byName(stack, 'kubernetes_job_v1')['events-task'];
    expect(job.wait_for_completion).toBe(false);
    expect(job.spec.ttl_seconds_after_finished).toBe('604800');
  });

  test('restricted pod and containers; a writable /tmp on a read-only root', () => {
    const pod = podOf(byName(render().stack, 'kubernetes_job_v1')['events-task']);
    expect(pod.security_context).toMatchObject({ run_as_non_root: true, run_as_user: '1001', seccomp_profile: { type: 'RuntimeDefault' } });
    const c = pod.container[0];
    expect(c.security_context).toMatchObject({ allow_privilege_escalation: false, read_only_root_filesystem: true, capabilities: { drop: ['ALL'] } });
    expect(c.volume_mount).toEqual(expect.arrayContaining([{ name: 'tmp', mount_path: '/tmp', read_only: false }]));
  });

  test('no RBAC rules: no ServiceAccount, Role or API token', () => {
    const { stack } = render();
    expect(podOf(byName(stack, 'kubernetes_job_v1')['events-task']).automount_service_account_token).toBe(false);
    expect(byName(stack, 'kubernetes_role_v1')).toEqual({});
    expect(byName(stack, 'kubernetes_service_account_v1')).toEqual({});
  });

  test('RBAC rules: its own ServiceAccount, Role and RoleBinding, and a token', () => {
    const { stack } = render({ rbac: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['events-cluster-ca-cert'] }] });
    const role = byName(stack, 'kubernetes_role_v1')['events-task'];
    expect(role.rule).toEqual([{ api_groups: [''], resources: ['secrets'], verbs: ['get'], resource_names: ['events-cluster-ca-cert'] }]);
    const binding = byName(stack, 'kubernetes_role_binding_v1')['events-task'] as Any;
    expect(binding.subject).toEqual([{ kind: 'ServiceAccount', name: 'events-task', namespace: 'kafka' }]);
    expect(podOf(byName(stack, 'kubernetes_job_v1')['events-task']).automount_service_account_token).toBe(true);
  });

  test('scripts go to a ConfigMap the workload waits for', () => {
    const { stack } = render({ scripts: { 'a.sh': 'echo a' } });
    expect(byName(stack, 'kubernetes_config_map_v1')['events-task-scripts'].data).toEqual({ 'a.sh': 'echo a' });
    expect(byName(stack, 'kubernetes_job_v1')['events-task'].depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_config_map_v1\./)]));
  });

  test('an invalid workload fails with the construct path and every problem', () => {
    expect(() => render({ name: 'Events_Task', schedule: '0 3 * *' })).toThrow(/test\/w: name = "Events_Task": .*\n.*test\/w: schedule = "0 3 \* \*"/s);
  });
});
