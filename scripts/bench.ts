/**
 * Benchmark (`npm run bench`: build, then `node dist/scripts/bench.js`). Everything it compares runs side by
 * side in one run, every synth in a fresh child process, and the costs are child CPU time (user + system,
 * from the kernel's accounting of waited-for children; wall time where /proc is missing), so the other jobs on
 * a shared machine slow both sides of a ratio alike. One line per figure on stderr, one JSON summary on stdout.
 *
 *  (1) Default synth (what `npm run synth` runs: `node dist/scripts/run-bundle.js`, the bundled app with its code
 *      cache warm, the four environments as configured) over
 *      - the same-output floor: a plain cdktf app that writes the same cdk.tf.json files (and chart assets):
 *        each stack's blocks as stack overrides of raw JSON, resolved and written by cdktf as usual;
 *      - an empty cdktf app (one empty stack): node start and loading cdktf.
 *      The same default without its code cache (the first synth after a build) runs too, reported over the floor.
 *      The four run interleaved (the order rotates), `BENCH_REPETITIONS` times (default 9); ratios are taken
 *      per repetition, the median is reported. The floor's output is checked byte for byte against the default's.
 *  (2) Scale: every environment with 20,000 topics and 5,000 applications (40 owner groups), each environment
 *      synthesized on its own (`buildApp` with that environment) in a child process: CPU ms per topic or
 *      application and peak RSS; the same environment without topology and at half the size give the marginal
 *      cost per object of the first and of the second half, whose ratio is 1 when the cost is linear. The whole
 *      app with all four large environments in one process is measured once too (peak RSS, ms per object).
 *  (3) The plan review of the 2,000-topic estate with 1 % of its topics changed over reading and `JSON.parse`-ing
 *      both synth outputs (repetitions inside one child, both sides of each pair adjacent).
 *
 * Targets are the goals; guards are what fails the run (exit 1): each set with margin over the
 * medians measured on the 2-core development machine, so the noise of a busy machine never fails it but a
 * real regression does. A ratio over its target but under its guard is reported, not failed.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join, resolve } from 'path';
import { Grant, Milliseconds, TopologyGroupSpec } from '../lib';
import { readSynthOutput, renderMarkdown, reviewSynthOutputs } from '../lib/review';
import { buildApp } from '../stacks/app';
import { EnvironmentConfig } from '../stacks/environment-config';
import { ENVIRONMENTS } from '../stacks/environments';

const ROOT = resolve(__dirname, '..', '..');
const REPETITIONS = Math.max(3, Number(process.env.BENCH_REPETITIONS ?? 9));
const SCALE_REPETITIONS = Math.max(1, Number(process.env.BENCH_SCALE_REPETITIONS ?? 2));
interface Estate {
  readonly topics: number;
  readonly users: number;
  readonly groups: number;
}
/** The scale: per environment. */
const LARGE: Estate = { topics: 20_000, users: 5_000, groups: 40 };
/** Half of it: the other point of the linearity check (large enough that warm-up does not dominate). */
const HALF: Estate = { topics: 10_000, users: 2_500, groups: 40 };
/** The review's estate. */
const MEDIUM: Estate = { topics: 2_000, users: 500, groups: 40 };
/** Every hundredth topic of the review's estate gets more partitions in the head: 1 % changed. */
const CHANGED_EVERY = 100;

/** Each figure: its goal, and the guard that fails the run (margin over the measured medians). */
const LIMITS = {
  defaultOverSameOutputApp: { target: 1.5, guard: 2.2 },
  defaultOverEmptyApp: { target: 2.5, guard: 3.2 },
  /** The first synth after a build (no code cache yet). */
  uncachedOverSameOutputApp: { target: 1.5, guard: 2.6 },
  /** Marginal cost per object from 10,000 to 20,000 topics over that up to 10,000 (1 = linear). */
  largeOverHalfPerObject: { target: 1.25, guard: 1.6 },
  /** Peak RSS of one environment at 20,000 topics and 5,000 applications. */
  largeEnvironmentPeakRssMb: { target: 400, guard: 400 },
  /** Peak RSS of the whole app with the four large environments in one process (a regression guard only). */
  largeAppPeakRssMb: { target: 400, guard: 1200 },
  reviewOverJsonParse: { target: 3, guard: 4.5 },
};

// ---------------------------------------------------------------- estates ----

/** `groups` owner groups; each application produces to one topic of its group and consumes another's. */
function syntheticTopology(estate: Estate, changed = false): TopologyGroupSpec[] {
  const topic = (i: number) => `domain-${i % estate.groups}.entity-${i}.v1`;
  return Array.from({ length: estate.groups }, (_, g) => ({
    name: `domain-${g}`,
    topics: Array.from({ length: Math.ceil(estate.topics / estate.groups) }, (_, k) => k * estate.groups + g)
      .filter((i) => i < estate.topics)
      .map((i) => ({ name: topic(i), partitions: changed && i % CHANGED_EVERY === 0 ? 24 : 12, retentionMs: Milliseconds.days(7), compressionType: 'zstd' as const })),
    applications: Array.from({ length: Math.ceil(estate.users / estate.groups) }, (_, k) => k * estate.groups + g)
      .filter((u) => u < estate.users)
      .map((u) => ({
        name: `service-${u}`,
        grants: [Grant.produce(topic(u % estate.topics), { transactionalId: `service-${u}-*` }), Grant.consume(topic((u + 1) % estate.topics), { group: `service-${u}` })],
      })),
  }));
}

/** The environments named (all when none), each with the synthetic topology of `estate`, or as configured. */
function environments(estate: Estate | undefined, only?: string, changed = false): EnvironmentConfig[] {
  return ENVIRONMENTS.filter((e) => !only || e.name === only).map((env) => (estate ? withGroups(env, syntheticTopology(estate, changed)) : env));
}

/** `env` with the topology `groups`; a topic backup then copies the estate's first ten topics (none: no backup). */
function withGroups(env: EnvironmentConfig, groups: TopologyGroupSpec[]): EnvironmentConfig {
  const backup = env.operations?.topicBackup;
  if (!backup) return { ...env, topology: { groups } };
  const topics = groups.flatMap((g) => (g.topics ?? []).map((t) => t.name)).slice(0, 10);
  const { topicBackup: _dropped, ...operations } = env.operations!;
  return { ...env, topology: { groups }, operations: topics.length > 0 ? { ...operations, topicBackup: { ...backup, topics } } : operations };
}

const objectsOf = (envs: readonly EnvironmentConfig[]) =>
  envs.reduce((n, e) => n + (e.topology?.groups ?? []).reduce((m, g) => m + (g.topics?.length ?? 0) + (g.applications?.length ?? 0), 0), 0);

/** SHA-256 over every file of a synth output (relative path and bytes). */
function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string, rel: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else hash.update(`${rel}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(dir, '');
  return hash.digest('hex');
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

// ---------------------------------------------------------------- children ----

/** Child: one environment (or all) with a synthetic estate; CPU of building and synthesizing, after module loading. */
function childScale(estateName: string, only: string): object {
  const estate = estateName === 'large' ? LARGE : estateName === 'half' ? HALF : MEDIUM;
  const envs = environments(estate, only === 'all' ? undefined : only);
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
  const start = cpuMs();
  buildApp(outdir, envs).synth();
  const synthMs = cpuMs() - start;
  rmSync(outdir, { recursive: true, force: true });
  return { synthMs, objects: objectsOf(envs), maxRssMb: rssMb() };
}

/**
 * The same-output floor: a plain cdktf app writing the given synth output again. Each stack's top-level blocks
 * are stack overrides (cdktf's own metadata and backend entries replaced by the output's), its assets are
 * cdktf assets of the same folders, and stack dependencies are those of the output's manifest.
 */
const SAME_OUTPUT_APP = `
const { App, AssetType, TerraformAsset, TerraformStack } = require('cdktf');
const { Construct } = require('constructs');
const fs = require('fs');
const path = require('path');
const source = process.argv[1];
const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8'));
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
const stacks = {};
for (const name of Object.keys(manifest.stacks).sort()) {
  const dir = path.join(source, 'stacks', name);
  const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
  const stack = (stacks[name] = new TerraformStack(app, name));
  for (const [key, value] of Object.entries(tf)) {
    if (key === '//') stack.addOverride(key, { ...value, metadata: { ...value.metadata, overrides: undefined } });
    else if (key === 'terraform') stack.addOverride(key, { ...value, backend: { local: undefined, ...value.backend } });
    else stack.addOverride(key, value);
  }
  const assets = path.join(dir, 'assets');
  for (const id of fs.existsSync(assets) ? fs.readdirSync(assets) : []) {
    for (const hash of fs.readdirSync(path.join(assets, id))) new TerraformAsset(stack, id, { path: path.join(assets, id, hash), type: AssetType.DIRECTORY });
  }
  // The synth's warnings (guardrails), at their construct paths, as the manifest records them.
  for (const a of manifest.stacks[name].annotations) {
    let scope = stack;
    for (const id of a.constructPath.split('/').slice(1)) scope = scope.node.tryFindChild(id) || new Construct(scope, id);
    scope.node.addMetadata(a.level, a.message, { stackTrace: false });
  }
}
for (const [name, s] of Object.entries(manifest.stacks)) for (const d of s.dependencies) stacks[name].addDependency(stacks[d]);
app.synth();
`;

/** An empty cdktf app: node start, loading cdktf, one empty stack. */
const EMPTY_APP = `
const { App, TerraformStack } = require('cdktf');
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
new TerraformStack(app, 'empty');
app.synth();
`;

/** Child: the review of the medium estate with 1 % changed, alternating with the JSON.parse floor. */
function childReview(): object {
  const base = mkdtempSync(join(tmpdir(), 'kp-bench-base-'));
  const head = mkdtempSync(join(tmpdir(), 'kp-bench-head-'));
  for (const [dir, changed] of [[base, false], [head, true]] as const) buildApp(dir, environments(MEDIUM, undefined, changed)).synth();
  const files = (dir: string) => readdirSync(join(dir, 'stacks')).map((s) => join(dir, 'stacks', s, 'cdk.tf.json'));
  const jsonParseMs: number[] = [];
  const reviewMs: number[] = [];
  let changedObjects = 0;
  let releasePairs = 0;
  // One unrecorded round first: the recorded ones compare warmed-up code on both sides.
  for (let i = -1; i < REPETITIONS; i++) {
    let start = cpuMs();
    for (const f of [...files(base), ...files(head)]) JSON.parse(readFileSync(f, 'utf8'));
    const parseMs = cpuMs() - start;
    start = cpuMs();
    const b = readSynthOutput(base);
    const review = reviewSynthOutputs(b, readSynthOutput(head));
    renderMarkdown(review);
    if (i >= 0) {
      jsonParseMs.push(parseMs);
      reviewMs.push(cpuMs() - start);
    }
    changedObjects = review.stacks.reduce((n, s) => n + s.changes.objects.length, 0);
    releasePairs = [...b.values()].reduce((n, s) => n + s.releases.size, 0);
  }
  rmSync(base, { recursive: true, force: true });
  rmSync(head, { recursive: true, force: true });
  return { jsonParseMs, reviewMs, changedObjects, releasePairs, maxRssMb: rssMb() };
}

// ---------------------------------------------------------------- parent ----

/** CPU time (user + system, ms) of the waited-for children of this process so far; undefined without /proc. */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name: state is field 3; cutime and cstime are fields 16 and 17, in clock ticks (100/s on Linux).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Runs node with `args` in a fresh output folder; its CPU time (wall time where the kernel's figure is missing). */
function run(args: string[], options: { keep?: boolean; env?: Record<string, string> } = {}): { ms: number; out: Record<string, unknown>; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-out-'));
  const cpuBefore = childrenCpuMs();
  const wallBefore = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir, ...options.env } });
  const wall = Number(process.hrtime.bigint() - wallBefore) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (child.status !== 0) throw new Error(`node ${args.slice(0, 3).join(' ')} failed (${child.status}):\n${child.stderr}`);
  if (!options.keep) rmSync(outdir, { recursive: true, force: true });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return { ms: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : wall, out: last.startsWith('{') ? (JSON.parse(last) as Record<string, unknown>) : {}, outdir };
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
function stats(values: readonly number[]): { median: number; min: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: round(mid), min: round(s[0]), max: round(s[s.length - 1]) };
}

type Verdict = { name: string; value: number; target: number; guard: number; targetMet: boolean; regression: boolean; detail: string };
function judge(name: keyof typeof LIMITS, value: number, detail: string): Verdict {
  const { target, guard } = LIMITS[name];
  const v = { name, value: round(value), target, guard, targetMet: value <= target, regression: value > guard, detail };
  process.stderr.write(`${v.regression ? 'REGRESSION' : v.targetMet ? 'ok        ' : 'over goal '} ${name} = ${v.value} (target <= ${target}, guard <= ${guard}) ${detail}\n`);
  return v;
}

function main(): void {
  const self = __filename;
  const mainJs = resolve(__dirname, 'run-bundle.js');
  // The code cache of this bench, its own: the first run below writes it, the default runs read it.
  const cacheDir = mkdtempSync(join(tmpdir(), 'kp-bench-cache-'));
  const cached = { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir };
  const uncached = { KAFKA_PLATFORM_CODE_CACHE: 'off' };
  process.stderr.write(`bench: node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${REPETITIONS} repetitions\n`);

  // (1) The default synth against the same-output floor and the empty app, interleaved.
  const reference = run([mainJs], { keep: true, env: cached });
  const referenceHash = hashTree(reference.outdir);
  const floorCheck = run(['-e', SAME_OUTPUT_APP, reference.outdir], { keep: true });
  const floorSameOutput = hashTree(floorCheck.outdir) === referenceHash;
  rmSync(floorCheck.outdir, { recursive: true, force: true });
  const samples = { default: [] as number[], floor: [] as number[], empty: [] as number[], uncached: [] as number[] };
  const jobs: [keyof typeof samples, string[], Record<string, string>?][] = [
    ['empty', ['-e', EMPTY_APP]],
    ['floor', ['-e', SAME_OUTPUT_APP, reference.outdir]],
    ['default', [mainJs], cached],
    ['uncached', [mainJs], uncached],
  ];
  for (let i = 0; i < REPETITIONS; i++) {
    const order = [...jobs.slice(i % jobs.length), ...jobs.slice(0, i % jobs.length)];
    for (const [name, args, env] of order) samples[name].push(run(args, { env }).ms);
  }
  rmSync(reference.outdir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const perRep = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
  const overFloor = stats(perRep(samples.default, samples.floor));
  const overEmpty = stats(perRep(samples.default, samples.empty));
  const uncachedOverFloor = stats(perRep(samples.uncached, samples.floor));
  const ms = { default: stats(samples.default), floor: stats(samples.floor), empty: stats(samples.empty), uncached: stats(samples.uncached) };
  const cpuNote = childrenCpuMs() === undefined ? 'wall ms' : 'CPU ms';
  const verdicts = [
    judge('defaultOverSameOutputApp', overFloor.median, `(min ${overFloor.min}, max ${overFloor.max}; ${cpuNote} default ${ms.default.median}, same-output app ${ms.floor.median})`),
    judge('defaultOverEmptyApp', overEmpty.median, `(min ${overEmpty.min}, max ${overEmpty.max}; ${cpuNote} default ${ms.default.median}, empty app ${ms.empty.median})`),
    judge('uncachedOverSameOutputApp', uncachedOverFloor.median, `(min ${uncachedOverFloor.min}, max ${uncachedOverFloor.max}; ${cpuNote} without the code cache ${ms.uncached.median}, same-output app ${ms.floor.median})`),
  ];

  // (2) Scale: each environment alone at 20,000 and at 2,000 topics; then the whole app at 20,000.
  const scale = ENVIRONMENTS.map((env) => {
    const measure = (estate: string) => {
      const reps = Array.from({ length: SCALE_REPETITIONS }, () => run([self, '--child', 'scale', estate, env.name]).out as { synthMs: number; objects: number; maxRssMb: number });
      return { synthMs: stats(reps.map((r) => r.synthMs)).median, objects: reps[0].objects, maxRssMb: Math.max(...reps.map((r) => r.maxRssMb)) };
    };
    const half = measure('half');
    const large = measure('large');
    const none = run([self, '--child', 'scale', 'none', env.name]).out as { synthMs: number };
    const upToHalf = (half.synthMs - none.synthMs) / half.objects;
    const secondHalf = (large.synthMs - half.synthMs) / (large.objects - half.objects);
    return {
      environment: env.name,
      objects: large.objects,
      largeSynthMs: round(large.synthMs, 0),
      msPerObject: round(large.synthMs / large.objects, 4),
      marginalMsPerObject: { upTo10000Topics: round(upToHalf, 4), from10000To20000Topics: round(secondHalf, 4) },
      largeOverHalfPerObject: round(secondHalf / upToHalf),
      peakRssMb: large.maxRssMb,
    };
  });
  for (const s of scale) {
    process.stderr.write(`scale      ${s.environment}: ${s.objects} topics and applications in ${s.largeSynthMs} CPU ms (${s.msPerObject} ms each; marginal ${s.marginalMsPerObject.upTo10000Topics} ms up to 10,000 topics, ${s.marginalMsPerObject.from10000To20000Topics} ms from 10,000 to 20,000), peak RSS ${s.peakRssMb} MB\n`);
  }
  verdicts.push(
    judge('largeOverHalfPerObject', Math.max(...scale.map((s) => s.largeOverHalfPerObject)), '(worst environment)'),
    judge('largeEnvironmentPeakRssMb', Math.max(...scale.map((s) => s.peakRssMb)), '(worst environment, 20,000 topics and 5,000 applications)'),
  );
  const whole = run([self, '--child', 'scale', 'large', 'all']).out as { synthMs: number; objects: number; maxRssMb: number };
  verdicts.push(judge('largeAppPeakRssMb', whole.maxRssMb, `(all four environments in one process: ${whole.objects} topics and applications, ${round(whole.synthMs / whole.objects, 4)} CPU ms each)`));

  // (3) The review against the JSON.parse floor.
  const review = run([self, '--child', 'review']).out as { jsonParseMs: number[]; reviewMs: number[]; changedObjects: number; releasePairs: number; maxRssMb: number };
  const overParse = stats(perRep(review.reviewMs, review.jsonParseMs));
  verdicts.push(judge('reviewOverJsonParse', overParse.median, `(min ${overParse.min}, max ${overParse.max}; review ${stats(review.reviewMs).median} ms, JSON.parse ${stats(review.jsonParseMs).median} ms; ${review.changedObjects} changed objects in ${review.releasePairs} release pairs)`));

  const problems = [
    ...verdicts.filter((v) => v.regression).map((v) => `${v.name} ${v.value} > guard ${v.guard}`),
    !floorSameOutput && 'the same-output app did not write the default synth output byte for byte (the floor is wrong)',
    review.changedObjects === 0 && 'the review saw no change (the benchmark measured nothing)',
  ].filter((x): x is string => Boolean(x));
  const summary = {
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => round(l, 2)),
    repetitions: REPETITIONS,
    cpuTime: childrenCpuMs() !== undefined,
    defaultSynth: { overSameOutputApp: overFloor, overEmptyApp: overEmpty, ms, floorSameOutput },
    scale: { perEnvironment: scale, wholeApp: { objects: whole.objects, synthMs: round(whole.synthMs, 0), msPerObject: round(whole.synthMs / whole.objects, 4), peakRssMb: whole.maxRssMb } },
    review: { overJsonParse: overParse, reviewMs: stats(review.reviewMs), jsonParseMs: stats(review.jsonParseMs), changedObjects: review.changedObjects, releasePairs: review.releasePairs, peakRssMb: review.maxRssMb },
    verdicts,
    regressions: problems,
  };
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  if (problems.length) {
    process.stderr.write(`bench: ${problems.length} regression(s):\n  ${problems.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  const [mode, estate, only] = process.argv.slice(child + 1);
  const result = mode === 'review' ? childReview() : estate === 'none' ? childNone(only) : childScale(estate, only);
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  main();
}

/** Child: one environment without topology, the fixed cost the marginal cost per object is taken from. */
function childNone(only: string): object {
  const envs = environments(undefined, only).map((e) => withGroups(e, []));
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
  const start = cpuMs();
  buildApp(outdir, envs).synth();
  const synthMs = cpuMs() - start;
  rmSync(outdir, { recursive: true, force: true });
  return { synthMs, objects: 0, maxRssMb: rssMb() };
}
