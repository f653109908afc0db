import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { packedFiles } from '../../scripts/readme-figures';

/**
 * The library as another team installs it (`npm run test:consumer`, run by CI), following the README's team
 * walk-through as written: its commands (with the newest constructs 10.x and cdktf 0.21 from the registry),
 * its `tsconfig.json`, `cdktf.json`, `src/stack.ts` and `src/main.ts`, and its `npx cdktf synth`. The one
 * difference: the `gh release download` line is replaced by a copy of the tarball this test packs, under the
 * name the README installs.
 *
 * A peer dependency turned back into a dependency gives the project a second `constructs` or `cdktf`
 * (`Types have separate declarations of a private property`, `scope.node._scopes is not iterable`): the
 * compile fails, and the nested-copy check below names the package.
 */
const REPO = path.resolve(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];
/** The tarball must stay small: it is vendored into every team's repository. */
const MAX_PACKED_BYTES = 1024 * 1024;

/** The code block after `<!-- team-project: <name> -->` in the README. */
function readmeBlock(readme: string, name: string): string {
  const marker = `<!-- team-project: ${name} -->\n`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no block "${name}"`);
  const m = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(readme.slice(at + marker.length));
  if (!m || m.index !== 0) throw new Error(`README block "${name}" is not a code block right after its marker`);
  return m[1];
}

/** Outside the repository, so that nothing resolves from the repository's node_modules. */
const work = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kafka-platform-consumer-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

let project: string;
let packed: { filename: string; size: number; files: { path: string }[] };
let synthOutput: string;

beforeAll(() => {
  // `npm pack` runs `prepare`: a clean build, so a tarball packed from a fresh clone has dist/.
  packed = (JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], REPO)) as (typeof packed)[])[0];

  // The README's commands, line by line in one shell, the download replaced by the packed tarball.
  const commands = readmeBlock(README, 'commands').trimEnd().split('\n');
  const downloads = commands.filter((l) => l.startsWith('gh release download '));
  expect(downloads).toHaveLength(1);
  const vendor = /--dir (\S+)/.exec(downloads[0])![1];
  const script = commands.map((l) => (l === downloads[0] ? `mkdir -p ${vendor} && cp ${JSON.stringify(path.join(work, packed.filename))} ${vendor}/` : l));
  execFileSync('bash', ['-euo', 'pipefail', '-c', script.join('\n')], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  project = path.join(work, /^mkdir (\S+) && cd \1$/.exec(commands[0])![1]);

  for (const file of ['tsconfig.json', 'cdktf.json', 'src/stack.ts', 'src/main.ts']) fs.writeFileSync(path.join(project, file), readmeBlock(README, file));
  // Two more sources of this test, compiled by the same `tsc` of the synth (they are not run by it).
  // The bad production topic, added to the example's prod stack:
  fs.writeFileSync(
    path.join(project, 'src', 'bad.ts'),
    [
      "import { App } from 'cdktf';",
      `import { KafkaTopic, runApp } from '${PKG.name}';`,
      "import { CheckoutKafkaStack } from './stack';",
      'runApp(() => {',
      "  const app = new App({ outdir: 'cdktf.out.bad' });",
      "  const stack = new CheckoutKafkaStack(app, 'checkout-kafka-prod', { kubeContext: 'kafka-prod', clusterName: 'kafka-prod', brokerCount: 6, production: true });",
      "  new KafkaTopic(stack.release, 'audit', { cluster: stack.cluster, production: true, name: 'checkout.audit.v1', partitions: 3, replicas: 2, minInsyncReplicas: 1, config: { 'unclean.leader.election.enable': true } });",
      '  return app;',
      '});',
      '',
    ].join('\n'),
  );
  // The documented subpaths resolve, with types, under the project's CommonJS (node10) resolution:
  fs.writeFileSync(
    path.join(project, 'src', 'subpaths.ts'),
    [
      `import { buildTopic } from '${PKG.name}/core';`,
      `import { objectsOfKind } from '${PKG.name}/guardrails';`,
      `import { reviewSynthOutputs } from '${PKG.name}/review';`,
      "const topic = buildTopic({ name: 'a', partitions: 1 }, { clusterName: 'c', namespace: 'kafka', defaultReplicationFactor: 1, minInsyncReplicas: 1, production: false });",
      "process.stdout.write(JSON.stringify([topic.kind, objectsOfKind({ stack: 's', objects: [], resources: [] }, 'Kafka').length, typeof reviewSynthOutputs]));",
      '',
    ].join('\n'),
  );

  // The README's synth command, as written.
  const synth = readmeBlock(README, 'synth').trim();
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', synth], { cwd: project, env: { ...process.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  synthOutput = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`"${synth}" failed (${r.status}):\n${synthOutput}`);
}, 900_000);

describe("the README's team walk-through, replayed in a fresh folder", () => {
  test('the README installs the tarball this repository packs, under the package name and version', () => {
    const commands = readmeBlock(README, 'commands');
    expect(packed.filename).toBe(`${PKG.name.replace(/^@/, '').replace('/', '-')}-${PKG.version}.tgz`);
    expect(commands).toContain(`--pattern '${packed.filename}'`);
    expect(commands).toContain(`npm install ./vendor/${packed.filename} `);
    expect(commands).toContain(`gh release download v${PKG.version} `);
    // The stack and app the team writes import the package by its name.
    expect(readmeBlock(README, 'src/stack.ts')).toContain(`from '${PKG.name}';`);
    expect(readmeBlock(README, 'src/main.ts')).toContain(`from '${PKG.name}';`);
  });

  test('the tarball holds what the README lists (the compiled library, its chart and job scripts), within the size budget', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual(packedFiles(REPO));
    expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
  });

  test('the peer dependencies are the project’s own: one constructs, one cdktf, no nested copies; the README pins nothing else', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', ...PKG.name.split('/'), 'package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies ?? {}).filter((d) => PEERS.includes(d))).toEqual([]);
    expect(Object.keys(installed.peerDependencies).sort()).toEqual([...PEERS].sort());
    expect(PEERS.filter((p) => fs.existsSync(path.join(project, 'node_modules', ...PKG.name.split('/'), 'node_modules', p)))).toEqual([]);
    const version = (p: string) => JSON.parse(fs.readFileSync(path.join(project, 'node_modules', p, 'package.json'), 'utf8')).version as string;
    expect(version('constructs')).toMatch(/^10\./);
    expect(version('typescript')).toMatch(/^5\.9\./);
    // What the project depends on is exactly what the README's commands installed.
    const team = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(Object.keys(team.dependencies).sort()).toEqual([PKG.name, ...PEERS].sort());
    expect(Object.keys(team.devDependencies).sort()).toEqual(['@types/node', 'cdktf-cli', 'typescript']);
  });

  test('`npx cdktf synth` compiled the project (strict) and wrote both stacks', () => {
    expect(synthOutput).toMatch(/Generated Terraform code for the stacks:\s+checkout-kafka-(prod|staging),\s+checkout-kafka-(prod|staging)/);
    expect(readmeBlock(README, 'tsconfig.json')).toContain('"strict": true');
    expect(fs.readdirSync(path.join(project, 'cdktf.out', 'stacks')).sort()).toEqual(['checkout-kafka-prod', 'checkout-kafka-staging']);
    expect(JSON.parse(run(process.execPath, ['dist/subpaths.js'], project))).toEqual(['KafkaTopic', 0, 'function']);
  });

  test("the team's topic and user land in the team's Helm release, with the chart; its consumer group in its own", () => {
    const stackDir = path.join(project, 'cdktf.out', 'stacks', 'checkout-kafka-prod');
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
    const bad = spawnSync(process.execPath, ['dist/bad.js'], { cwd: project, encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^kafka-platform: synth refused, 3 production guardrail findings in checkout-kafka-prod\n/);
    expect(bad.stderr).toContain('[KP-PROD-REPLICATION] checkout-kafka-prod/checkout/audit: topic "checkout.audit.v1" replicas = 2');
    expect(bad.stderr).toContain("fix: set the topic's `replicas` to 3 or more (at most 6, the brokers of cluster \"kafka-prod\"), or leave it unset (the cluster's default, 3)");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});
