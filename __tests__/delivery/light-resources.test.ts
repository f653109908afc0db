import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fn, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { PriorityClassV1 } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { HelmRelease } from '../../lib/delivery/helm-release';
import {
  KUBERNETES_MAP_ATTRIBUTES,
  KubernetesConfigMap,
  KubernetesCronJob,
  KubernetesJob,
  KubernetesNamespace,
  KubernetesPersistentVolumeClaim,
  KubernetesPriorityClass,
  KubernetesRole,
  KubernetesRoleBinding,
  KubernetesSecret,
  KubernetesServiceAccount,
} from '../../lib/delivery/kubernetes-resources';
import { LightResource, snakeCaseAttribute } from '../../lib/delivery/light-resource';
import { buildApp } from '../../stacks/app';

/**
 * Each light resource class must write what the provider's generated class writes for the same configuration:
 * the oracle is the generated class itself, fed the same config in a stack of its own.
 */

type Json = Record<string, any>;
type Generated = new (scope: Construct, id: string, config: any) => TerraformResource;
type Light = (new (scope: Construct, id: string, config: any) => LightResource<any>) & { tfResourceType: string };

/** Each light class, the generated class it stands in for, and that class's module. */
const PAIRS: [Light, Generated & { tfResourceType: string }, string][] = [
  [KubernetesNamespace, NamespaceV1, '@cdktf/provider-kubernetes/lib/namespace-v1'],
  [KubernetesConfigMap, ConfigMapV1, '@cdktf/provider-kubernetes/lib/config-map-v1'],
  [KubernetesSecret, SecretV1, '@cdktf/provider-kubernetes/lib/secret-v1'],
  [KubernetesPersistentVolumeClaim, PersistentVolumeClaimV1, '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1'],
  [KubernetesServiceAccount, ServiceAccountV1, '@cdktf/provider-kubernetes/lib/service-account-v1'],
  [KubernetesRole, RoleV1, '@cdktf/provider-kubernetes/lib/role-v1'],
  [KubernetesRoleBinding, RoleBindingV1, '@cdktf/provider-kubernetes/lib/role-binding-v1'],
  [KubernetesPriorityClass, PriorityClassV1, '@cdktf/provider-kubernetes/lib/priority-class-v1'],
  [KubernetesJob, JobV1, '@cdktf/provider-kubernetes/lib/job-v1'],
  [KubernetesCronJob, CronJobV1, '@cdktf/provider-kubernetes/lib/cron-job-v1'],
  [HelmRelease, Release, '@cdktf/provider-helm/lib/release'],
];

function stackWith(make: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'oracle');
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new HelmProvider(stack, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
  make(stack);
  return stack;
}

const synth = (stack: TerraformStack): string => Testing.synth(stack);
const hcl = (stack: TerraformStack): string => stack.toHclTerraform().hcl;

/** Light and generated class on the same config: same JSON (address included) and same HCL. */
function expectSameOutput(light: Light, generated: Generated, config: object): void {
  const mine = stackWith((s) => new light(s, 'r', config));
  const theirs = stackWith((s) => new generated(s, 'r', config));
  expect(synth(mine)).toBe(synth(theirs));
  expect(hcl(mine)).toBe(hcl(theirs));
}

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

describe('light resource classes write what the generated provider classes write', () => {
  test('a Job: meta-arguments, maps with upper-case keys, empty and unset blocks, timeouts', () => {
    expectSameOutput(KubernetesJob, JobV1, {
      metadata: { name: 'events-task', namespace: 'kafka', labels, annotations: { 'example.com/Why': 'because' } },
      spec: { backoffLimit: 0, activeDeadlineSeconds: 300, ttlSecondsAfterFinished: '604800', template: { metadata: { labels }, spec: pod } },
      waitForCompletion: false,
      timeouts: { create: '5m' },
      lifecycle: { ignoreChanges: ['metadata[0].annotations'] },
    });
  });

  test('a CronJob: a nested block with nothing set is left out, tokens stay tokens', () => {
    const config = {
      metadata: { name: Fn.lower('EVENTS'), namespace: 'kafka', labels },
      spec: {
        schedule: '0 3 * * *',
        timezone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { metadata: { labels, annotations: undefined }, spec: { backoffLimit: 0, template: { metadata: { labels: undefined }, spec: pod } } },
      },
    };
    expectSameOutput(KubernetesCronJob, CronJobV1, config);
    const json = JSON.parse(synth(stackWith((s) => new KubernetesCronJob(s, 'r', config)))).resource.kubernetes_cron_job_v1.r;
    expect(json.metadata.name).toBe('${lower("EVENTS")}');
    expect(json.spec.job_template.spec.template.metadata).toBeUndefined();
    expect(json.spec.job_template.spec.template.spec.node_selector).toEqual({ 'kubernetes.io/os': 'linux' });
  });

  test('a ConfigMap and a Secret: data keys are file names, never converted', () => {
    expectSameOutput(KubernetesConfigMap, ConfigMapV1, { metadata: { name: 'scripts', labels }, data: { 'metadataBackup.sh': 'echo', 'a_b.yaml': 'x: 1' }, binaryData: { 'Key.bin': 'AA==' } });
    expectSameOutput(KubernetesSecret, SecretV1, { metadata: { name: 's', namespace: 'kafka' }, data: { 'ca.crt': 'x', userKey: 'y' }, type: 'Opaque' });
  });

  test('a Helm release: set blocks, several values, lifecycle, depends on another resource', () => {
    const release = (c: Generated) =>
      stackWith((s) => {
        const ns = new NamespaceV1(s, 'ns', { metadata: { name: 'kafka' } });
        new c(s, 'r', { name: 'x', namespace: 'kafka', chart: './chart', values: ['a: 1\n', 'b: 2\n'], set: [{ name: 'image.tag', value: '1' }], wait: false, maxHistory: 10, dependsOn: [ns], lifecycle: { preventDestroy: true } });
      });
    expect(synth(release(HelmRelease))).toBe(synth(release(Release)));
    expect(hcl(release(HelmRelease))).toBe(hcl(release(Release)));
  });

  test('depends_on: resources by address (also with an overridden logical id), a data source through cdktf\'s token, reassignable like cdktf\'s', () => {
    const build = (c: Generated) => {
      const stack = stackWith(() => undefined);
      const ns = new NamespaceV1(stack, 'ns', { metadata: { name: 'kafka' } });
      ns.overrideLogicalId('renamed_namespace');
      const secret = new (require('@cdktf/provider-kubernetes/lib/data-kubernetes-secret-v1').DataKubernetesSecretV1)(stack, 'secret', { metadata: { name: 's' } });
      const r = new c(stack, 'r', { metadata: { name: 'cm' }, dependsOn: [ns, secret] });
      return { stack, r };
    };
    const mine = build(KubernetesConfigMap);
    expect(synth(mine.stack)).toBe(synth(build(ConfigMapV1).stack));
    expect(JSON.parse(synth(mine.stack)).resource.kubernetes_config_map_v1.r.depends_on).toEqual(['kubernetes_namespace_v1.renamed_namespace', 'data.kubernetes_secret_v1.secret']);
    mine.r.dependsOn = ['kubernetes_namespace_v1.other'];
    expect(JSON.parse(synth(mine.stack)).resource.kubernetes_config_map_v1.r.depends_on).toEqual(['kubernetes_namespace_v1.other']);
  });

  test('every light resource of the four environments: the same attributes as its generated class', () => {
    const app = buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-light-')));
    const all = app.node.findAll().filter((c): c is LightResource<any> => c instanceof LightResource);
    const seen = new Set<string>();
    for (const r of all) {
      const [light, generated] = PAIRS.find(([l]) => r instanceof l)!;
      seen.add(light.name);
      // dependsOn names resources of the original stack; cdktf writes it the same way for both classes.
      const { dependsOn: _omitted, ...config } = r.config as Json;
      const attributes = (s: TerraformStack) => {
        const { '//': _meta, ...rest } = JSON.parse(synth(s)).resource[r.terraformResourceType].r as Json;
        return rest;
      };
      const mine = attributes(stackWith((s) => new light(s, 'r', config)));
      expect([r.node.path, mine]).toEqual([r.node.path, attributes(stackWith((s) => new generated(s, 'r', config)))]);
    }
    // Every light class is used by the environments (so this test covers it with real configurations).
    expect([...seen].sort()).toEqual(PAIRS.map(([l]) => l.name).sort());
  });

  test.each(PAIRS.map(([l, g]) => [l.name, l, g] as const))('%s: the same resource type and provider metadata as the generated class', (_name, light, generated) => {
    expect(light.tfResourceType).toBe(generated.tfResourceType);
    const config = light === HelmRelease ? { name: 'x', chart: 'c' } : { metadata: { name: 'x' }, spec: {} };
    const mine = new light(new TerraformStack(Testing.app(), 'a'), 'r', config);
    const theirs = new generated(new TerraformStack(Testing.app(), 'b'), 'r', config);
    expect(mine.terraformGeneratorMetadata).toEqual(theirs.terraformGeneratorMetadata);
  });
});

describe('the attribute naming the light classes rely on holds for each generated schema', () => {
  const sources = (module: string) => {
    const root = path.dirname(require.resolve(module));
    const structs = path.join(root, 'index-structs');
    const files = [path.join(root, 'index.js'), ...(fs.existsSync(structs) ? fs.readdirSync(structs).filter((f) => f.endsWith('.js')).map((f) => path.join(structs, f)) : [])];
    return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  };

  test.each(PAIRS.map(([l, , m]) => [l.name, m] as const))('%s: each attribute is the snake case of its field, maps are the listed ones, values pass unchanged', (name, module) => {
    // `snake_name: converter(struct.camelName)` in each generated `...ToTerraform` function and synthesizeAttributes.
    const lines = [...sources(module).matchAll(/^\s+([a-z0-9_]+): ((?:cdktf\.|\(0, [a-z_0-9]+\.)?[^\n]*?)\((?:struct!?\.|this\._)([A-Za-z0-9]+)(?:\.internalValue)?\),?$/gm)].filter(([, snake]) => snake !== 'value');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter(([, snake, , camel]) => snakeCaseAttribute(camel) !== snake).map(([line]) => line.trim())).toEqual([]);
    const maps = KUBERNETES_MAP_ATTRIBUTES;
    const isMap = (converter: string) => converter.startsWith('cdktf.hashMapper(');
    // Every map attribute of the schema is listed, and no listed name is anything but a map in this schema.
    const mapFields = new Set(lines.filter(([, , converter]) => isMap(converter)).map(([, , , camel]) => camel));
    expect([...mapFields].filter((f) => !(name === 'HelmRelease' ? new Set<string>() : maps).has(f))).toEqual([]);
    expect(lines.filter(([, , converter, camel]) => maps.has(camel) && !isMap(converter)).map(([line]) => line.trim())).toEqual([]);
    // The converters copy values as they are: identity for scalars, per element for lists and maps, struct converters for blocks.
    const kind = (converter: string) => (/^\(0, [a-z_0-9]+\.[A-Za-z0-9]+ToTerraform\)$/.test(converter) ? 'struct' : converter.replace(/\(.*$/, '').replace(/^[a-z][A-Za-z0-9]*ToTerraform$/, 'struct'));
    const kinds = new Set(lines.map(([, , converter]) => kind(converter)));
    expect([...kinds].filter((k) => !['cdktf.stringToTerraform', 'cdktf.numberToTerraform', 'cdktf.booleanToTerraform', 'cdktf.listMapper', 'cdktf.hashMapper', 'struct'].includes(k))).toEqual([]);
  });
});
