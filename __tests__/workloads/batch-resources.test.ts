import * as fs from 'fs';
import * as path from 'path';
import { Fn, TerraformStack, Testing } from 'cdktf';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { KubernetesCronJob, KubernetesCronJobConfig, KubernetesJob, KubernetesJobConfig, MAP_ATTRIBUTES, snakeCaseAttribute } from '../../lib/workloads/batch-resources';
import { buildApp } from '../../stacks/app';

/**
 * The light Job and CronJob classes must write what the provider's generated classes write for the same
 * configuration: the oracle is the generated class itself, fed the same config in a stack of its own.
 */

type Json = Record<string, any>;

function stackWith(make: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'oracle');
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  make(stack);
  return stack;
}

const synth = (stack: TerraformStack): string => Testing.synth(stack);
const hcl = (stack: TerraformStack): string => stack.toHclTerraform().hcl;

const labels = { 'app.kubernetes.io/name': 'events-task', 'example.com/OwnerTeam': 'Payments' };
const pod = {
  restartPolicy: 'Never',
  automountServiceAccountToken: false,
  securityContext: { runAsNonRoot: true, runAsUser: '1001', fsGroup: '1001', seccompProfile: { type: 'RuntimeDefault' } },
  initContainer: [],
  container: [
    {
      name: 'run',
      image: 'busybox:1.36',
      command: ['/bin/sh', '-c', 'true'],
      env: [{ name: 'A', value: 'b' }, { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'password' } } }],
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: undefined } },
      volumeMount: [{ name: 'tmp', mountPath: '/tmp', readOnly: false }],
    },
  ],
  volume: [{ name: 'tmp', emptyDir: { sizeLimit: undefined } }, { name: 'ca', secret: { secretName: 'ca', defaultMode: '0440', items: undefined } }],
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};
const jobConfig: KubernetesJobConfig = {
  metadata: { name: 'events-task', namespace: 'kafka', labels, annotations: { 'example.com/Why': 'because' } },
  spec: { backoffLimit: 0, activeDeadlineSeconds: 300, ttlSecondsAfterFinished: '604800', template: { metadata: { labels }, spec: pod } },
  waitForCompletion: false,
  timeouts: { create: '5m' },
  lifecycle: { ignoreChanges: ['metadata[0].annotations'] },
};
const cronConfig: KubernetesCronJobConfig = {
  metadata: { name: 'events-task', namespace: 'kafka', labels },
  spec: {
    schedule: '0 3 * * *',
    timezone: 'Etc/UTC',
    concurrencyPolicy: 'Forbid',
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 3,
    // A block with nothing set, through the generated output references: left out, as they leave it out.
    jobTemplate: { metadata: { labels, annotations: undefined }, spec: { backoffLimit: 0, template: { metadata: { labels: undefined }, spec: pod } } },
  },
};

describe('KubernetesJob and KubernetesCronJob write what the generated JobV1 and CronJobV1 write', () => {
  test('a Job: same JSON (meta-arguments, maps with upper-case keys, empty and unset blocks) and same HCL', () => {
    const light = stackWith((s) => new KubernetesJob(s, 'job', jobConfig));
    const generated = stackWith((s) => new JobV1(s, 'job', jobConfig));
    expect(synth(light)).toBe(synth(generated));
    expect(hcl(light)).toBe(hcl(generated));
    expect(JSON.parse(synth(light)).resource.kubernetes_job_v1.job.spec.template.spec.node_selector).toEqual({ 'kubernetes.io/os': 'linux' });
  });

  test('a CronJob: same JSON and HCL, also for an all-unset nested block and tokens', () => {
    const withToken: KubernetesCronJobConfig = { ...cronConfig, metadata: { ...cronConfig.metadata, name: Fn.lower('EVENTS') } };
    const light = stackWith((s) => new KubernetesCronJob(s, 'cron', withToken));
    const generated = stackWith((s) => new CronJobV1(s, 'cron', withToken));
    expect(synth(light)).toBe(synth(generated));
    expect(hcl(light)).toBe(hcl(generated));
    const json = JSON.parse(synth(light)).resource.kubernetes_cron_job_v1.cron;
    expect(json.metadata.name).toBe('${lower("EVENTS")}');
    expect(json.spec.job_template.spec.template.metadata).toBeUndefined();
  });

  test('every Job and CronJob of the four environments: same attributes as the generated class', () => {
    const app = buildApp(fs.mkdtempSync(path.join(require('os').tmpdir(), 'kp-batch-')));
    const light = app.node.findAll().filter((c): c is KubernetesJob | KubernetesCronJob => c instanceof KubernetesJob || c instanceof KubernetesCronJob);
    expect(light.length).toBeGreaterThan(10);
    for (const r of light) {
      // dependsOn names resources of the original stack; it goes through cdktf's own code either way.
      const { dependsOn: _omitted, ...config } = r.config;
      const attributes = (s: TerraformStack, type: string) => {
        const { '//': _meta, ...rest } = JSON.parse(synth(s)).resource[type].r as Json;
        return rest;
      };
      const type = r.terraformResourceType;
      const mine = stackWith((s) => (r instanceof KubernetesJob ? new KubernetesJob(s, 'r', config as KubernetesJobConfig) : new KubernetesCronJob(s, 'r', config as KubernetesCronJobConfig)));
      const theirs = stackWith((s) => (r instanceof KubernetesJob ? new JobV1(s, 'r', config as KubernetesJobConfig) : new CronJobV1(s, 'r', config as KubernetesCronJobConfig)));
      expect([r.node.path, attributes(mine, type)]).toEqual([r.node.path, attributes(theirs, type)]);
    }
  });

  test('the same resource types as the generated classes (the address is type and logical id, compared above)', () => {
    expect(KubernetesJob.tfResourceType).toBe(JobV1.tfResourceType);
    expect(KubernetesCronJob.tfResourceType).toBe(CronJobV1.tfResourceType);
  });
});

describe('the attribute naming the light classes rely on holds for the whole provider schema', () => {
  const structs = (dir: string) => {
    const root = path.dirname(require.resolve(`@cdktf/provider-kubernetes/lib/${dir}`));
    const files = [path.join(root, 'index.js'), ...fs.readdirSync(path.join(root, 'index-structs')).filter((f) => f.endsWith('.js')).map((f) => path.join(root, 'index-structs', f))];
    return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  };

  test.each(['job-v1', 'cron-job-v1'])('%s: every attribute is the snake case of its field; the maps are exactly MAP_ATTRIBUTES', (dir) => {
    const source = structs(dir);
    // `snake_name: cdktf.xToTerraform(struct.camelName)` in every generated `...ToTerraform` function.
    const pairs = [...source.matchAll(/^\s+([a-z0-9_]+): (?!\{)[^\n]*?\(struct!?\.([A-Za-z0-9]+)\),?$/gm)].filter(([, snake]) => snake !== 'value');
    expect(pairs.length).toBeGreaterThan(300);
    expect(pairs.filter(([, snake, camel]) => snakeCaseAttribute(camel) !== snake).map(([line]) => line.trim())).toEqual([]);
    const maps = new Set([...source.matchAll(/cdktf\.hashMapper\(cdktf\.\w+\)\(struct!?\.([A-Za-z0-9]+)\)/g)].map((m) => m[1]));
    expect([...maps].sort()).toEqual([...MAP_ATTRIBUTES].sort());
  });
});
