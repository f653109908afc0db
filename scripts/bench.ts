/**
 * Synth benchmark: each case synthesizes one environment in a fresh child process and reports wall
 * time and peak RSS; the parent prints one JSON summary on stdout. Build first (`npm run build`), then
 * `npm run bench`. Speed and memory targets live here, never in unit tests.
 *
 * Add a case to CASES to measure another estate (more environments, monitoring, ...).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { Grant, Milliseconds, TopologyGroupSpec } from '../lib';
import { EnvironmentConfig } from '../stacks/environment-config';
import { ENVIRONMENTS } from '../stacks/environments';
import { KafkaPlatformStack } from '../stacks/platform-stack';

const DEFAULT_ESTATE = 'default-estate';
const LARGE_ESTATE = 'large-estate-3x2000-topics-500-users';

interface BenchCase {
  readonly name: string;
  /** Environments to synthesize, by name. */
  readonly environments: readonly string[];
  /** Synthetic topology per environment; undefined keeps the environment's own. */
  readonly estate?: { readonly topics: number; readonly users: number; readonly groups: number };
  /** Limits that fail the run when exceeded. */
  readonly budget: { readonly wallMs: number; readonly maxRssMb: number };
}

const CASES: readonly BenchCase[] = [
  { name: 'prod-as-configured', environments: ['prod'], budget: { wallMs: 5_000, maxRssMb: 400 } },
  { name: 'prod-2000-topics-500-users', environments: ['prod'], estate: { topics: 2000, users: 500, groups: 40 }, budget: { wallMs: 10_000, maxRssMb: 500 } },
  // The comparison: the default estate (every environment as configured) against a large one
  // (every environment with 2,000 topics and 500 users with ACLs; monitoring is on in every environment).
  { name: DEFAULT_ESTATE, environments: ['dev', 'staging', 'prod'], budget: { wallMs: 10_000, maxRssMb: 400 } },
  { name: LARGE_ESTATE, environments: ['dev', 'staging', 'prod'], estate: { topics: 2000, users: 500, groups: 40 }, budget: { wallMs: 20_000, maxRssMb: 400 } },
];

/** Targets of the large estate against the default one. */
const TARGETS = { maxLargeOverDefault: 2, maxRssMb: 400 };

/** `groups` owner groups; each user produces to one topic of its group and consumes another group's topic. */
function syntheticTopology(estate: NonNullable<BenchCase['estate']>): TopologyGroupSpec[] {
  const topic = (i: number) => `domain-${i % estate.groups}.entity-${i}.v1`;
  return Array.from({ length: estate.groups }, (_, g) => ({
    name: `domain-${g}`,
    topics: Array.from({ length: estate.topics }, (_, i) => i)
      .filter((i) => i % estate.groups === g)
      .map((i) => ({ name: topic(i), partitions: 12, retentionMs: Milliseconds.days(7), compressionType: 'zstd' as const })),
    applications: Array.from({ length: estate.users }, (_, u) => u)
      .filter((u) => u % estate.groups === g)
      .map((u) => ({
        name: `service-${u}`,
        grants: [
          Grant.produce(topic(u % estate.topics), { transactionalId: `service-${u}-*` }),
          Grant.consume(topic((u + 1) % estate.topics), { group: `service-${u}` }),
        ],
      })),
  }));
}

/** Child: synthesizes one case and prints its own measurements. */
function runCase(c: BenchCase): void {
  const outdir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  let topics = 0;
  let users = 0;
  for (const name of c.environments) {
    const env = ENVIRONMENTS.find((e) => e.name === name);
    if (!env) throw new Error(`unknown environment ${name}`);
    const config: EnvironmentConfig = c.estate ? { ...env, topology: { groups: syntheticTopology(c.estate) } } : env;
    for (const g of config.topology?.groups ?? []) {
      topics += g.topics?.length ?? 0;
      users += g.applications?.length ?? 0;
    }
    new KafkaPlatformStack(app, config);
  }
  app.synth();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const outputSha256 = hashTree(outdir);
  rmSync(outdir, { recursive: true, force: true });
  // maxRSS is in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ synthMs: Math.round(wallMs), maxRssMb: Math.round(maxRssMb), topics, users, outputSha256 }) + '\n');
}

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

function measure(c: BenchCase) {
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [__filename, '--case', c.name], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  const processMs = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
  const measured = JSON.parse(out.trim().split('\n').pop()!) as { synthMs: number; maxRssMb: number; topics: number; users: number; outputSha256: string };
  const withinBudget = processMs <= c.budget.wallMs && measured.maxRssMb <= c.budget.maxRssMb;
  return { case: c.name, environments: c.environments, ...measured, processMs, budget: c.budget, withinBudget };
}

/** Parent: one child process per case, so memory figures do not add up across cases. */
function main(): void {
  const results = CASES.map(measure);
  // A second synth of the large estate in a fresh process must give the same bytes.
  const again = measure(CASES.find((c) => c.name === LARGE_ESTATE)!);
  const base = results.find((r) => r.case === DEFAULT_ESTATE)!;
  const large = results.find((r) => r.case === LARGE_ESTATE)!;
  const largeOverDefault = Math.round((large.processMs / base.processMs) * 100) / 100;
  const comparison = {
    defaultProcessMs: base.processMs,
    largeProcessMs: large.processMs,
    largeOverDefault,
    largePeakRssMb: Math.max(large.maxRssMb, again.maxRssMb),
    secondSynthIdentical: again.outputSha256 === large.outputSha256,
    targets: TARGETS,
  };
  const withinTargets = largeOverDefault <= TARGETS.maxLargeOverDefault && comparison.largePeakRssMb <= TARGETS.maxRssMb && comparison.secondSynthIdentical;
  process.stdout.write(JSON.stringify({ node: process.version, cpus: cpus().length, results, comparison: { ...comparison, withinTargets } }, null, 2) + '\n');
  if (results.some((r) => !r.withinBudget) || !withinTargets) process.exitCode = 1;
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) {
  const c = CASES.find((x) => x.name === process.argv[caseArg + 1]);
  if (!c) throw new Error(`unknown case ${process.argv[caseArg + 1]}`);
  runCase(c);
} else {
  main();
}
