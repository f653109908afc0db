import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { Testing } from 'cdktf';
import { parse, parseAllDocuments } from 'yaml';
import { CHART_DIR } from '../../lib/delivery/chart-asset';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { base64Length, HELM_RELEASE_SECRET_LIMIT_BYTES, MAX_STORED_RELEASE_BYTES, storedReleaseBytes } from '../../lib/delivery/release-storage';
import { KubernetesObject } from '../../lib/core/kubernetes';
import { toYaml } from '../../lib/core/yaml';
import { HELM_KEEP, HELM_RESOURCE_POLICY_ANNOTATION, LIBRARY_CHART } from '../../lib/core/well-known';
import { CheckoutKafkaStack } from '../../examples/product-team/stack';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { helmBin } from '../helpers/helm';
import { resourcesOfType, SynthesizedStack, synthJson, testStack } from '../helpers/synth';

/**
 * Every release of the library's chart, rendered by the real Helm (v4.1.4, `npm run helm`): in each
 * environment and in the product-team example, `helm template` must give back exactly the objects of the
 * values (same set, same content), template braces such as `{{ $labels.pod }}` and the keep policy intact,
 * `helm lint --strict` must pass, and the size estimate of the synth guard must match the release Helm would
 * store (`helm install --dry-run=client -o json` prints that release's JSON).
 */
const helm = helmBin();

interface Release {
  readonly where: string;
  readonly name: string;
  readonly namespace: string;
  readonly values: string;
}

function chartReleases(where: string, json: SynthesizedStack): Release[] {
  return Object.values(resourcesOfType(json, 'helm_release'))
    .filter((r) => String(r.chart).includes(LIBRARY_CHART))
    .map((r) => ({ where, name: String(r.name), namespace: String(r.namespace), values: (r.values as string[])[0] }));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-render-'));
let files = 0;
/** Runs Helm with `values` in a file; its exit status and output. */
function helmWith(args: readonly string[], values: string): { status: number | null; stdout: string; output: string } {
  const file = path.join(dir, `values-${files++}.yaml`);
  fs.writeFileSync(file, values);
  const r = spawnSync(helm!, [...args, '-f', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}
function run(args: readonly string[], values: string): string {
  const { status, stdout, output } = helmWith(args, values);
  if (status !== 0) throw new Error(`helm ${args.join(' ')} exited ${status}:\n${output}`);
  return stdout;
}
const template = (r: Release) => run(['template', r.name, CHART_DIR, '--namespace', r.namespace], r.values);
/** The release Helm would store, as JSON (`-o json` prints what the storage driver encodes). */
const dryRun = (r: Release) => run(['install', r.name, CHART_DIR, '--namespace', r.namespace, '--dry-run=client', '-o', 'json'], r.values);
/** Helm's encoding of a release: base64(gzip(json)). zlib stands in for Go's compressor (within 1 % of it, measured). */
const encoded = (releaseJson: string) => base64Length(gzipSync(releaseJson.trimEnd(), { level: 9 }).length);

const key = (o: KubernetesObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byKey = (objects: readonly KubernetesObject[]) => Object.fromEntries(objects.map((o) => [key(o), o]));
const rendered = (text: string) => parseAllDocuments(text).map((d) => d.toJSON() as KubernetesObject | null).filter((o): o is KubernetesObject => o !== null);

/** Every string of a value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const estimate = (r: Release) => storedReleaseBytes({ name: r.name, namespace: r.namespace, chartDir: CHART_DIR, values: parse(r.values), valuesYaml: r.values });

// Without Helm the suite is skipped (the global setup says so in one line) and synthesizes nothing.
const describeIfHelm = helm ? describe : (name: string) => describe.skip(name, () => test('needs the Helm binary', () => undefined));

describeIfHelm('Helm renders every release of the library chart (real Helm)', () => {
  const releases: Release[] = [
    ...ENVIRONMENTS.flatMap((env) => chartReleases(`kafka-${env.name}`, synthJson(new KafkaPlatformStack(Testing.app(), env)))),
    ...[false, true].flatMap((production) =>
      chartReleases(
        `product-team (${production ? 'prod' : 'staging'})`,
        synthJson(new CheckoutKafkaStack(Testing.app(), 'checkout', { kubeContext: 'kafka-prod', clusterName: 'kafka-prod', brokerCount: 6, production })),
      ),
    ),
  ];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the environments and the example have releases of the chart, with braces and keep policies to check', () => {
    expect(new Set(releases.map((r) => r.where)).size).toBe(ENVIRONMENTS.length + 2);
    expect(releases.length).toBeGreaterThan(30);
    expect(releases.some((r) => r.values.includes('{{ $labels.pod }}'))).toBe(true);
    expect(releases.some((r) => r.values.includes(`${HELM_RESOURCE_POLICY_ANNOTATION}: ${HELM_KEEP}`))).toBe(true);
  });

  /** The objects of the values equal the rendered ones: the same set, each deep-equal, braces and keep policies intact. */
  function expectRenderedAsValues(objects: readonly KubernetesObject[], values: readonly KubernetesObject[]): void {
    expect(Object.keys(byKey(objects)).sort()).toEqual(Object.keys(byKey(values)).sort());
    expect(byKey(objects)).toEqual(byKey(values));
    // Alert templates reach Prometheus as written: Helm does not evaluate braces inside values.
    const renderedStrings = new Set(strings(objects));
    expect(strings(values).filter((s) => s.includes('{{') && !renderedStrings.has(s))).toEqual([]);
    const kept = (os: readonly KubernetesObject[]) => os.filter((o) => o.metadata.annotations?.[HELM_RESOURCE_POLICY_ANNOTATION] === HELM_KEEP).map(key).sort();
    expect(kept(objects)).toEqual(kept(values));
  }
  const resourcesOf = (r: Release) => (parse(r.values) as { resources: KubernetesObject[] }).resources;

  // One Helm process per release: the dry-run install renders the chart as `helm template` does and prints the
  // release Helm would store (manifest included).
  test.each(releases.map((r) => [`${r.where} ${r.name}`, r] as const))('%s: rendered as its values, and stored at the estimated size', (_name, r) => {
    const text = dryRun(r);
    const release = JSON.parse(text) as { name: string; namespace: string; manifest: string };
    expect([release.name, release.namespace]).toEqual([r.name, r.namespace]);
    expectRenderedAsValues(rendered(release.manifest), resourcesOf(r));
    const stored = encoded(text);
    expect(Math.abs(estimate(r) - stored)).toBeLessThanOrEqual(Math.max(256, stored * 0.03));
  });

  // `helm template` and `helm lint --strict` once per stack, over all its releases' objects (names are unique in a stack).
  test.each([...new Set(releases.map((r) => r.where))])('%s: helm template of all its releases gives back their values; helm lint --strict passes', (where) => {
    const mine = releases.filter((r) => r.where === where);
    const all = toYaml({ resources: mine.flatMap(resourcesOf) });
    expectRenderedAsValues(rendered(run(['template', 'all', CHART_DIR, '--namespace', mine[0].namespace], all)), mine.flatMap(resourcesOf));
    expect(run(['lint', '--strict', CHART_DIR, '--namespace', mine[0].namespace], all)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  /** A release of `count` ConfigMaps of random (incompressible) data, `bytes` each. */
  function configMaps(count: number, bytes: number): CustomResourceRelease {
    const release = new CustomResourceRelease(testStack(), 'big', { releaseName: 'big', namespace: 'kafka' });
    for (let i = 0; i < count; i++) {
      release.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `blob-${i}`, namespace: 'kafka' }, data: { blob: randomBytes((bytes * 3) / 4).toString('base64') } }, 'test');
    }
    return release;
  }
  const asRelease = (release: CustomResourceRelease): Release => ({ where: 'test', name: release.releaseName, namespace: release.namespace, values: release.renderValues() });

  test('a release just under the budget synthesizes, renders whole, and Helm could store it', () => {
    // 38 ConfigMaps of 12 KiB of random base64 (6 bits a character): about 96 % of the budget.
    const release = configMaps(38, 12 * 1024);
    const estimated = release.estimatedStoredBytes();
    expect(estimated).toBeGreaterThan(MAX_STORED_RELEASE_BYTES * 0.93);
    expect(estimated).toBeLessThanOrEqual(MAX_STORED_RELEASE_BYTES);
    expect(() => Testing.synth(release.node.scope as never, true)).not.toThrow();
    const r = asRelease(release);
    expect(byKey(rendered(template(r)))).toEqual(byKey(release.resources));
    const stored = encoded(dryRun(r));
    expect(stored).toBeLessThan(HELM_RELEASE_SECRET_LIMIT_BYTES);
    expect(Math.abs(estimated - stored) / stored).toBeLessThan(0.01);
  });

  test('what the guard refuses is what Helm could not store: 880 KiB of incompressible data', () => {
    const release = configMaps(1, 880 * 1024);
    expect(() => Testing.synth(release.node.scope as never, true)).toThrow(/release "big" would be stored by Helm as a Secret of about \d+ bytes/);
    // Values and manifest both carry the data: about twice its size, and base64 adds a third.
    expect(encoded(dryRun(asRelease(release)))).toBeGreaterThan(1.5 * HELM_RELEASE_SECRET_LIMIT_BYTES);
  });

  test('helm lint --strict fails on an object Kubernetes would refuse (the lint can fail)', () => {
    const bad = 'resources:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: Bad_Name\n';
    const lint = helmWith(['lint', '--strict', CHART_DIR], bad);
    expect(lint.status).toBe(1);
    expect(lint.output).toMatch(/object name does not conform to Kubernetes naming requirements: "Bad_Name"/);
  });
});
