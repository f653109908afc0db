import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

/**
 * The library as another team installs it (`npm run test:consumer`, run by CI): pack the package, install the
 * tarball into a fresh cdktf TypeScript project together with the newest constructs 10.x and cdktf 0.21 from
 * the registry, compile with `tsc --strict`, and synthesize the product-team example from it.
 *
 * A peer dependency turned back into a dependency gives the project a second `constructs` or `cdktf`
 * (`Types have separate declarations of a private property`, `scope.node._scopes is not iterable`): the
 * compile fails, and the nested-copy check below names the package.
 */
const REPO = path.resolve(__dirname, '..', '..');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];
// What `cdktf init --template=typescript` writes, in short (CommonJS, node10 resolution, strict).
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2018', lib: ['es2018'], module: 'CommonJS', strict: true, noImplicitAny: true, noImplicitReturns: true,
    noUnusedLocals: true, declaration: true, skipLibCheck: true, outDir: 'dist', rootDir: 'src', types: ['node'],
  },
  include: ['src/**/*.ts'],
};

/** Outside the repository, so that nothing resolves from the repository's node_modules. */
const work = fs.mkdtempSync(path.join(fs.realpathSync(os.platform() === 'win32' ? os.tmpdir() : '/tmp'), 'kafka-platform-consumer-'));
const project = path.join(work, 'team-project');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(cmd, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** The example, as a team would write it: imports from the package instead of the repository. */
function fromPackage(file: string): string {
  return fs.readFileSync(path.join(REPO, file), 'utf8').replace(/from '\.\.\/\.\.\/lib(\/(core|guardrails|review))?'/g, (_m, sub) => `from 'kafka-platform${sub ?? ''}'`);
}

let tarball: string;
let files: string[];

beforeAll(() => {
  // `npm pack` runs `prepare`: a clean build, so a tarball packed from a fresh clone has dist/.
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], REPO)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0].filename);
  files = packed[0].files.map((f) => f.path);

  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'checkout-kafka', private: true, version: '1.0.0' }, null, 2));
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  run('npm', [
    'install', '--no-audit', '--no-fund', tarball,
    'constructs@^10', 'cdktf@~0.21.0', '@cdktf/provider-kubernetes@^12.1.1', '@cdktf/provider-helm@^12.1.2', 'typescript@~5.9.3', '@types/node@^20',
  ], project);

  fs.writeFileSync(path.join(project, 'src', 'stack.ts'), fromPackage('examples/product-team/stack.ts'));
  fs.writeFileSync(path.join(project, 'src', 'main.ts'), fromPackage('examples/product-team/main.ts'));
  // The bad production topic, added to the example's prod stack.
  fs.writeFileSync(
    path.join(project, 'src', 'bad.ts'),
    [
      "import { App } from 'cdktf';",
      "import { KafkaTopic, runApp } from 'kafka-platform';",
      "import { CheckoutKafkaStack } from './stack';",
      'runApp(() => {',
      "  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });",
      "  const stack = new CheckoutKafkaStack(app, 'checkout-kafka-prod', { kubeContext: 'kafka-prod', clusterName: 'kafka-prod', brokerCount: 6, production: true });",
      "  new KafkaTopic(stack.release, 'audit', { cluster: stack.cluster, production: true, name: 'checkout.audit.v1', partitions: 3, replicas: 2, minInsyncReplicas: 1, config: { 'unclean.leader.election.enable': true } });",
      '  return app;',
      '});',
      '',
    ].join('\n'),
  );
  // The documented subpaths resolve, with types, under the template's CommonJS resolution.
  fs.writeFileSync(
    path.join(project, 'src', 'subpaths.ts'),
    [
      "import { buildTopic } from 'kafka-platform/core';",
      "import { objectsOfKind } from 'kafka-platform/guardrails';",
      "import { reviewSynthOutputs } from 'kafka-platform/review';",
      "const topic = buildTopic({ name: 'a', partitions: 1 }, { clusterName: 'c', namespace: 'kafka', defaultReplicationFactor: 1, minInsyncReplicas: 1, production: false });",
      "process.stdout.write(JSON.stringify([topic.kind, objectsOfKind({ stack: 's', objects: [], resources: [] }, 'Kafka').length, typeof reviewSynthOutputs]));",
      '',
    ].join('\n'),
  );
}, 600_000);

describe('installed into a fresh cdktf project', () => {
  test('the tarball holds the compiled library, its chart and job scripts, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/core/index.js', 'dist/lib/review/index.js', 'dist/lib/guardrails/index.js', 'dist/lib/delivery/chart/Chart.yaml', 'dist/lib/workloads/scripts/metadata-backup.sh']));
    expect(files.filter((f) => !f.startsWith('dist/lib/') && !['package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
    expect(files.filter((f) => /__tests__|\.test\.|tsbuildinfo|promql-check|^dist\/(stacks|examples|scripts|main)/.test(f))).toEqual([]);
  });

  test('the peer dependencies are the project’s own: one constructs, one cdktf, no nested copies', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'kafka-platform', 'package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies ?? {}).filter((d) => PEERS.includes(d))).toEqual([]);
    expect(Object.keys(installed.peerDependencies).sort()).toEqual([...PEERS].sort());
    expect(PEERS.filter((p) => fs.existsSync(path.join(project, 'node_modules', 'kafka-platform', 'node_modules', p)))).toEqual([]);
    const constructs = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'constructs', 'package.json'), 'utf8')).version as string;
    expect(constructs).toMatch(/^10\./);
  });

  test('the team project compiles with tsc --strict', () => {
    const tsc = spawnSync(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--strict'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    expect(JSON.parse(run(process.execPath, ['dist/subpaths.js'], project))).toEqual(['KafkaTopic', 0, 'function']);
  }, 300_000);

  test("the example synthesizes: the team's topic and user land in the team's Helm release, with the chart; its consumer group in its own", () => {
    const out = path.join(project, 'cdktf.out');
    run(process.execPath, ['dist/main.js'], project, { CDKTF_OUTDIR: out });
    const stackDir = path.join(out, 'stacks', 'checkout-kafka-prod');
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    const releases = Object.values(json.resource.helm_release as Record<string, { name: string; chart: string; values: string[] }>);
    expect(releases.map((r) => r.name)).toEqual(['checkout-kafka', 'checkout-consumer-groups']);
    const objectsOf = (r: { values: string[] }) => r.values.flatMap((v) => (parse(v) as { resources?: { kind: string; metadata: { name: string } }[] }).resources ?? []).map((o) => `${o.kind}/${o.metadata.name}`);
    expect(objectsOf(releases[0])).toEqual(['KafkaTopic/checkout.cart-events.v1', 'KafkaUser/checkout-service']);
    // Its consumer group, declared to the platform's monitoring.
    expect(objectsOf(releases[1])).toEqual(['PrometheusRule/kafka-prod-consumer-groups-checkout']);
    // The bundled chart was copied next to the stack from the installed package.
    expect(fs.existsSync(path.join(stackDir, releases[0].chart, 'Chart.yaml'))).toBe(true);
  });

  test('a bad production topic is refused by the team guardrails with a readable message and exit code 1', () => {
    const bad = spawnSync(process.execPath, ['dist/bad.js'], { cwd: project, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: path.join(project, 'cdktf.out.bad') } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^kafka-platform: synth refused, 3 production guardrail findings in checkout-kafka-prod\n/);
    expect(bad.stderr).toContain('[KP-PROD-REPLICATION] checkout-kafka-prod/checkout/audit: topic "checkout.audit.v1" replicas = 2');
    expect(bad.stderr).toContain("fix: set the topic's `replicas` to 3 or more");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});
