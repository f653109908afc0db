/**
 * Benchmark: three ratios, each measured side by side in one run, several repetitions each (min / median /
 * max), every synth in a fresh child process. Build first (`npm run build`), then `npm run bench`; one JSON
 * summary on stdout. Ratios, not absolute times, carry the targets: both sides of a ratio see the same
 * machine load. Exit status 1 only on a real regression: a ratio whose BEST repetition misses its target
 * (noise only ever makes a repetition slower), a large synth over its memory budget, or two synths of the
 * same estate that differ.
 *
 *  (a) perObject: marginal synth cost per topic and user of the library (large estate minus default estate)
 *      against the same objects written as plain cdktf `kubernetes_manifest` resources (a baseline measured
 *      here only; the library itself never delivers Strimzi resources that way).
 *  (b) defaultOverEmptyApp: process wall time of the default synth (`node dist/main.js`) against an empty
 *      cdktf app (module loading is most of both).
 *  (c) reviewOverJsonParse: the plan review of the large estate with 1 % of its topics changed against the
 *      floor of reading and `JSON.parse`-ing both synth outputs.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join, resolve } from 'path';
import { App } from 'cdktf';
import { Grant, Milliseconds, TopologyGroupSpec } from '../lib';
import { readSynthOutput, renderMarkdown, reviewSynthOutputs } from '../lib/review';
import { EnvironmentConfig } from '../stacks/environment-config';
import { ENVIRONMENTS } from '../stacks/environments';
import { KafkaPlatformStack } from '../stacks/platform-stack';

const ROOT = resolve(__dirname, '..', '..');
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const LARGE = { topics: 2000, users: 500, groups: 40 };
/** Every hundredth topic of the large estate gets more partitions in the review's head: 1 % changed. */
const CHANGED_EVERY = 100;

/** Targets: each ratio's best repetition must stay at or under it. */
const TARGETS = {
  /** The library's marginal cost per object, as a share of plain cdktf's. */
  maxPerObjectRatio: 0.5,
  /** Default synth over an empty cdktf app (process wall). */
  maxDefaultOverEmptyApp: 4.5,
  /** Review over the JSON.parse floor (the target). */
  maxReviewOverJsonParse: 3,
  /** Peak memory of the large synth. */
  maxLargeRssMb: 400,
};

/** `groups` owner groups; each user produces to one topic of its group and consumes another group's topic. */
function syntheticTopology(estate: typeof LARGE, changed = false): TopologyGroupSpec[] {
  const topic = (i: number) => `domain-${i % estate.groups}.entity-${i}.v1`;
  return Array.from({ length: estate.groups }, (_, g) => ({
    name: `domain-${g}`,
    topics: Array.from({ length: estate.topics }, (_, i) => i)
      .filter((i) => i % estate.groups === g)
      .map((i) => ({ name: topic(i), partitions: changed && i % CHANGED_EVERY === 0 ? 24 : 12, retentionMs: Milliseconds.days(7), compressionType: 'zstd' as const })),
    applications: Array.from({ length: estate.users }, (_, u) => u)
      .filter((u) => u % estate.groups === g)
      .map((u) => ({
        name: `service-${u}`,
        grants: [Grant.produce(topic(u % estate.topics), { transactionalId: `service-${u}-*` }), Grant.consume(topic((u + 1) % estate.topics), { group: `service-${u}` })],
      })),
  }));
}

/** The environments of an estate: as configured, or each with the large synthetic topology. */
function environments(large: boolean, changed = false): EnvironmentConfig[] {
  return ENVIRONMENTS.map((env) => (large ? { ...env, topology: { groups: syntheticTopology(LARGE, changed) } } : env));
}

const objectsOf = (envs: readonly EnvironmentConfig[]) =>
  envs.reduce((n, e) => n + (e.topology?.groups ?? []).reduce((m, g) => m + (g.topics?.length ?? 0) + (g.applications?.length ?? 0), 0), 0);

/** SHA-256 over every file of a synth output (relative path and bytes), to compare two synths. */
function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string, rel: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'manifest.json') continue; // names the random output folder, not content
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else hash.update(`${rel}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(dir, '');
  return hash.digest('hex');
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

// ---------------------------------------------------------------- children (one measurement each) ----

/** Child: synthesizes the default or the large estate; the clock starts after module loading. */
function childSynth(estate: string): object {
  const envs = environments(estate === 'large');
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  for (const env of envs) new KafkaPlatformStack(app, env);
  app.synth();
  const synthMs = since(start);
  const outputSha256 = hashTree(outdir);
  rmSync(outdir, { recursive: true, force: true });
  return { synthMs, objects: objectsOf(envs), maxRssMb: rssMb(), outputSha256 };
}

/** The same estate's topics and users as plain `kubernetes_manifest` resources, one stack per environment. */
const PLAIN_APP = `
const { App, TerraformStack } = require('cdktf');
const { KubernetesProvider } = require('@cdktf/provider-kubernetes/lib/provider');
const { Manifest } = require('@cdktf/provider-kubernetes/lib/manifest');
const perStack = Number(process.argv[1]);
const start = process.hrtime.bigint();
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
for (const env of ['dev', 'staging', 'prod']) {
  const stack = new TerraformStack(app, 'kafka-' + env);
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config', configContext: 'kafka-' + env });
  for (let i = 0; i < perStack; i++) {
    const user = i % 5 === 4;
    new Manifest(stack, 'o' + i, { manifest: user
      ? { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser', metadata: { name: 'service-' + i, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-' + env } },
          spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: [
            { resource: { type: 'topic', name: 'domain-' + (i % 40) + '.entity-' + i + '.v1', patternType: 'literal' }, operations: ['Describe', 'Write'] },
            { resource: { type: 'topic', name: 'domain-' + ((i + 1) % 40) + '.entity-' + (i + 1) + '.v1', patternType: 'literal' }, operations: ['Describe', 'Read'] },
            { resource: { type: 'group', name: 'service-' + i, patternType: 'literal' }, operations: ['Read'] },
            { resource: { type: 'transactionalId', name: 'service-' + i + '-', patternType: 'prefix' }, operations: ['Describe', 'Write'] } ] } } }
      : { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'domain-' + (i % 40) + '.entity-' + i + '.v1', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-' + env } },
          spec: { partitions: 12, replicas: 3, config: { 'retention.ms': 604800000, 'compression.type': 'zstd' } } } });
  }
}
app.synth();
process.stdout.write(JSON.stringify({ synthMs: Number(process.hrtime.bigint() - start) / 1e6, objects: 3 * perStack }) + '\\n');
`;

/** An empty cdktf app: the floor of any cdktf synth (node start, module loading, one empty stack). */
const EMPTY_APP = `
const { App, TerraformStack } = require('cdktf');
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
new TerraformStack(app, 'empty');
app.synth();
`;

/** Child: the review of the large estate with 1 % changed, alternating with the JSON.parse floor. */
function childReview(): object {
  const base = mkdtempSync(join(tmpdir(), 'kp-bench-base-'));
  const head = mkdtempSync(join(tmpdir(), 'kp-bench-head-'));
  for (const [dir, changed] of [[base, false], [head, true]] as const) {
    const app = new App({ outdir: dir });
    for (const env of environments(true, changed)) new KafkaPlatformStack(app, env);
    app.synth();
  }
  const files = (dir: string) => readdirSync(join(dir, 'stacks')).map((s) => join(dir, 'stacks', s, 'cdk.tf.json'));
  const jsonParseMs: number[] = [];
  const reviewMs: number[] = [];
  let changedObjects = 0;
  let releasePairs = 0;
  // One unrecorded round first: the recorded ones compare warmed-up code on both sides.
  for (let i = -1; i < REPETITIONS; i++) {
    let start = process.hrtime.bigint();
    for (const f of [...files(base), ...files(head)]) JSON.parse(readFileSync(f, 'utf8'));
    const parseMs = since(start);
    start = process.hrtime.bigint();
    const b = readSynthOutput(base);
    const review = reviewSynthOutputs(b, readSynthOutput(head));
    renderMarkdown(review);
    if (i >= 0) {
      jsonParseMs.push(parseMs);
      reviewMs.push(since(start));
    }
    changedObjects = review.stacks.reduce((n, s) => n + s.changes.objects.length, 0);
    releasePairs = [...b.values()].reduce((n, s) => n + s.releases.size, 0);
  }
  rmSync(base, { recursive: true, force: true });
  rmSync(head, { recursive: true, force: true });
  return { jsonParseMs, reviewMs, changedObjects, releasePairs, maxRssMb: rssMb() };
}

// ---------------------------------------------------------------- parent ----

function run(args: string[], env: Record<string, string> = {}): { processMs: number; out: Record<string, unknown> } {
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-out-'));
  const start = process.hrtime.bigint();
  const text = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir, ...env } });
  const processMs = since(start);
  rmSync(outdir, { recursive: true, force: true });
  const last = text.trim().split('\n').pop() ?? '';
  return { processMs, out: last.startsWith('{') ? (JSON.parse(last) as Record<string, unknown>) : {} };
}

function stats(values: readonly number[]): { min: number; median: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { min: round(s[0]), median: round(s[Math.floor(s.length / 2)]), max: round(s[s.length - 1]) };
}

function main(): void {
  const self = __filename;
  const perObject: number[] = [];
  const libraryMs: number[] = [];
  const plainMs: number[] = [];
  const defaultOverEmpty: number[] = [];
  const defaultWall: number[] = [];
  const emptyWall: number[] = [];
  const hashes = new Set<string>();
  let largeRss = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    // (a) marginal cost per object, library and plain cdktf, in the same repetition.
    const small = run([self, '--child', 'synth', 'default']).out as { synthMs: number; objects: number };
    const large = run([self, '--child', 'synth', 'large']).out as { synthMs: number; objects: number; maxRssMb: number; outputSha256: string };
    const objects = large.objects - small.objects;
    const plainNone = run(['-e', PLAIN_APP, '0']).out as { synthMs: number };
    const plainAll = run(['-e', PLAIN_APP, String(large.objects / 3)]).out as { synthMs: number; objects: number };
    const lib = (large.synthMs - small.synthMs) / objects;
    const plain = (plainAll.synthMs - plainNone.synthMs) / plainAll.objects;
    libraryMs.push(lib);
    plainMs.push(plain);
    perObject.push(lib / plain);
    hashes.add(large.outputSha256);
    largeRss = Math.max(largeRss, large.maxRssMb);
    // (b) the default synth as users run it, against an empty cdktf app.
    const def = run([resolve(__dirname, '..', 'main.js')]).processMs;
    const empty = run(['-e', EMPTY_APP]).processMs;
    defaultWall.push(def);
    emptyWall.push(empty);
    defaultOverEmpty.push(def / empty);
  }
  // (c) review against the JSON.parse floor, repetitions inside one child (both sides of each pair adjacent).
  const review = run([self, '--child', 'review']).out as { jsonParseMs: number[]; reviewMs: number[]; changedObjects: number; releasePairs: number; maxRssMb: number };
  const reviewOverParse = review.reviewMs.map((r, i) => r / review.jsonParseMs[i]);

  const ratios = {
    perObject: { ...stats(perObject), target: TARGETS.maxPerObjectRatio, libraryMsPerObject: stats(libraryMs), plainCdktfMsPerObject: stats(plainMs) },
    defaultOverEmptyApp: { ...stats(defaultOverEmpty), target: TARGETS.maxDefaultOverEmptyApp, defaultProcessMs: stats(defaultWall), emptyAppProcessMs: stats(emptyWall) },
    reviewOverJsonParse: {
      ...stats(reviewOverParse),
      target: TARGETS.maxReviewOverJsonParse,
      reviewMs: stats(review.reviewMs),
      jsonParseMs: stats(review.jsonParseMs),
      changedObjects: review.changedObjects,
      releasePairs: review.releasePairs,
      reviewPeakRssMb: review.maxRssMb,
    },
  };
  const regressions = [
    ratios.perObject.min > TARGETS.maxPerObjectRatio && `perObject ${ratios.perObject.min} > ${TARGETS.maxPerObjectRatio}`,
    ratios.defaultOverEmptyApp.min > TARGETS.maxDefaultOverEmptyApp && `defaultOverEmptyApp ${ratios.defaultOverEmptyApp.min} > ${TARGETS.maxDefaultOverEmptyApp}`,
    ratios.reviewOverJsonParse.min > TARGETS.maxReviewOverJsonParse && `reviewOverJsonParse ${ratios.reviewOverJsonParse.min} > ${TARGETS.maxReviewOverJsonParse}`,
    largeRss > TARGETS.maxLargeRssMb && `large synth peak RSS ${largeRss} MB > ${TARGETS.maxLargeRssMb} MB`,
    hashes.size !== 1 && 'two synths of the large estate differ',
    review.changedObjects === 0 && 'the review saw no change (the benchmark measured nothing)',
  ].filter((x): x is string => Boolean(x));
  const summary = { node: process.version, cpus: cpus().length, repetitions: REPETITIONS, ratios, largePeakRssMb: largeRss, largeSynthsIdentical: hashes.size === 1, regressions };
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  if (regressions.length) process.exitCode = 1;
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  const mode = process.argv[child + 1];
  const result = mode === 'review' ? childReview() : childSynth(process.argv[child + 2]);
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  main();
}
