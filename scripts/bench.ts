/**
 * Synth benchmark: each case synthesizes one environment in a fresh child process and reports wall
 * time and peak RSS; the parent prints one JSON summary on stdout. Build first (`npm run build`), then
 * `npm run bench`. Speed and memory targets live here, never in unit tests.
 *
 * Add a case to CASES to measure another estate (more environments, monitoring, ...).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { TopologyGroupSpec } from '../lib/access/kafka-topology';
import { Grant } from '../lib/core/access/grant';
import { Milliseconds } from '../lib/core/strimzi/topic';
import { EnvironmentConfig } from '../stacks/environment-config';
import { ENVIRONMENTS } from '../stacks/environments';
import { KafkaPlatformStack } from '../stacks/platform-stack';

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
];

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
  rmSync(outdir, { recursive: true, force: true });
  // maxRSS is in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ synthMs: Math.round(wallMs), maxRssMb: Math.round(maxRssMb), topics, users }) + '\n');
}

/** Parent: one child process per case, so memory figures do not add up across cases. */
function main(): void {
  const results = CASES.map((c) => {
    const start = process.hrtime.bigint();
    const out = execFileSync(process.execPath, [__filename, '--case', c.name], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    const processMs = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
    const measured = JSON.parse(out.trim().split('\n').pop()!) as { synthMs: number; maxRssMb: number; topics: number; users: number };
    const withinBudget = processMs <= c.budget.wallMs && measured.maxRssMb <= c.budget.maxRssMb;
    return { case: c.name, environments: c.environments, ...measured, processMs, budget: c.budget, withinBudget };
  });
  process.stdout.write(JSON.stringify({ node: process.version, cpus: cpus().length, results }, null, 2) + '\n');
  if (results.some((r) => !r.withinBudget)) process.exitCode = 1;
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) {
  const c = CASES.find((x) => x.name === process.argv[caseArg + 1]);
  if (!c) throw new Error(`unknown case ${process.argv[caseArg + 1]}`);
  runCase(c);
} else {
  main();
}
