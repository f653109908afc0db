import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KubernetesObject } from '../../lib/core/kubernetes';
import { main } from '../../scripts/review';
import { prod } from '../../stacks/environments';
import { GitRepo } from '../helpers/git-repo';
import { editReleaseObjects, editStack, scratchDir, synthOutput } from '../helpers/review-fixtures';

/**
 * The workflow's script on real temporary git repositories. Each commit carries a prepared synth output
 * (`out/`, copied by `synth.sh`, or a synth that fails) and a review CLI in `dist/scripts/review.js`: the
 * repository's real one (scripts/review.ts) unless a commit replaces it.
 */
const SCRIPT = path.resolve(__dirname, '../../scripts/plan-review.sh');
const REAL_REVIEWER = `require(${JSON.stringify(path.resolve(__dirname, '../helpers/swc-register.js'))});
process.exitCode = require(${JSON.stringify(path.resolve(__dirname, '../../scripts/review.ts'))}).main(process.argv.slice(2));\n`;
const PASSING_REVIEWER = `const out = process.argv[process.argv.indexOf('--out') + 1];
require('fs').writeFileSync(out, '# Kafka platform plan review\\n\\n✅ No risky changes.\\n');\n`;
const SYNTH_COPY = 'cp -r out cdktf.out\n';
const SYNTH_FAILS = (error: string) => `echo "building..."\necho ${JSON.stringify(error)} >&2\nexit 1\n`;

const BASE = synthOutput([prod]);
const withTopic = (dir: string, name: string, edit: (spec: Record<string, unknown>) => void) =>
  editStack(dir, 'kafka-prod', (json) => editReleaseObjects(json, 'kafka-prod-topics-orders', (o) => edit(o.find((t) => t.metadata.name === name)!.spec!)));
const withKafka = (dir: string, edit: (kafka: KubernetesObject) => void) =>
  editStack(dir, 'kafka-prod', (json) => editReleaseObjects(json, 'kafka-prod-cluster', (o) => edit(o.find((x) => x.kind === 'Kafka')!)));
const partitions = (dir: string, n: number) => withTopic(dir, 'orders.order-placed.v1', (s) => (s.partitions = n));

class Repo extends GitRepo {
  /** Commits a project state: a synth output (or a failing synth) and a reviewer. */
  commit(message: string, state: { out?: string; synth?: string; reviewer?: string; project?: boolean }): string {
    for (const f of fs.readdirSync(this.dir)) if (f !== '.git') fs.rmSync(path.join(this.dir, f), { recursive: true, force: true });
    if (state.project !== false) fs.writeFileSync(path.join(this.dir, 'cdktf.json'), '{"app":"bash synth.sh"}\n');
    fs.writeFileSync(path.join(this.dir, 'synth.sh'), state.synth ?? SYNTH_COPY);
    if (state.out) {
      fs.mkdirSync(path.join(this.dir, 'out'));
      fs.copyFileSync(path.join(state.out, 'manifest.json'), path.join(this.dir, 'out', 'manifest.json'));
      fs.cpSync(path.join(state.out, 'stacks'), path.join(this.dir, 'out', 'stacks'), { recursive: true });
    }
    fs.mkdirSync(path.join(this.dir, 'dist', 'scripts'), { recursive: true });
    fs.writeFileSync(path.join(this.dir, 'dist', 'scripts', 'review.js'), state.reviewer ?? REAL_REVIEWER);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
  /** Runs the workflow's script for a PR from `head` into `base`. */
  review(base: string, head: string) {
    const work = scratchDir();
    const r = spawnSync('bash', [SCRIPT, '--repo', this.dir, '--base-ref', base, '--head-ref', head, '--work', work], {
      encoding: 'utf8',
      env: { ...process.env, PLAN_REVIEW_SYNTH: 'bash synth.sh' },
    });
    const read = (f: string) => (fs.existsSync(path.join(work, f)) ? fs.readFileSync(path.join(work, f), 'utf8') : '');
    return { status: r.status, stderr: r.stderr, result: read('result').trim(), comment: read('comment.md') };
  }
}

describe('plan-review.sh (the workflow script)', () => {
  test('main moved on after the branch forked: the PR is compared with its merge base, not with the newer main', () => {
    const repo = new Repo();
    const at24 = partitions(BASE, 24);
    const fork = repo.commit('orders at 24 partitions', { out: at24 });
    repo.git('checkout', '-q', '-b', 'feature');
    const branch = repo.commit('maintenance window only', { out: withKafka(at24, (k) => ((k.spec as { maintenanceTimeWindows: string[] }).maintenanceTimeWindows = ['* * 3-5 ? * SAT'])) });
    repo.git('checkout', '-q', 'main');
    const main48 = repo.commit('main raises orders to 48 partitions', { out: partitions(BASE, 48) });
    expect(repo.git('merge-base', main48, branch)).toBe(fork);

    const r = repo.review('main', 'feature');
    expect([r.status, r.result]).toEqual([0, 'passed']);
    expect(r.comment).toContain(`with its merge base \`${fork.slice(0, 12)}\` (target branch at \`${main48.slice(0, 12)}\`)`);
    expect(r.comment).toContain('spec.maintenanceTimeWindows');
    expect(r.comment).not.toMatch(/partition-decrease|spec\.partitions/);
  });

  test('the merge base does not synthesize: the review fails closed with a comment, never compares with nothing', () => {
    const repo = new Repo();
    repo.commit('broken main', { synth: SYNTH_FAILS('npm ERR! network ECONNRESET') });
    repo.git('checkout', '-q', '-b', 'feature');
    // Cuts partitions 12 → 6 and drops a prod topic: a review against nothing would pass it.
    const cut = editStack(partitions(BASE, 6), 'kafka-prod', (json) => editReleaseObjects(json, 'kafka-prod-topics-payments', (o) => o.splice(0)));
    repo.commit('risky change', { out: cut });

    const r = repo.review('main', 'feature');
    expect([r.status, r.result]).toEqual([1, 'base-broken']);
    expect(r.comment).toContain('⛔ **Review failed closed**: the merge base');
    expect(r.comment).toContain('npm ERR! network ECONNRESET');
    expect(r.comment).not.toContain('No risky changes');
  });

  test('the head does not synthesize: the comment carries the synth error', () => {
    const repo = new Repo();
    repo.commit('main', { out: BASE });
    repo.git('checkout', '-q', '-b', 'feature');
    const error = 'Error: kafka-prod: production guardrails failed: KP-PROD-MIN-ISR KafkaTopic kafka/orders spec.config[min.insync.replicas] = 1';
    repo.commit('breaks a guardrail', { synth: SYNTH_FAILS(error) });

    const r = repo.review('main', 'feature');
    expect([r.status, r.result]).toEqual([1, 'head-broken']);
    expect(r.comment).toContain('⛔ **The pull request does not synthesize**');
    expect(r.comment).toContain(error);
  });

  test("the PR's own review engine does not judge it: the merge base's does", () => {
    const repo = new Repo();
    repo.commit('main', { out: BASE });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('cut partitions and switch the review off', { out: partitions(BASE, 1), reviewer: PASSING_REVIEWER });

    const r = repo.review('main', 'feature');
    expect([r.status, r.result]).toEqual([1, 'blocked']);
    expect(r.comment).toMatch(/⛔ BLOCK \| KP-REVIEW-PARTITION-DECREASE \| KafkaTopic kafka\/orders.order-placed.v1/);
  });

  test('a merge base without the platform is the one declared-empty base: every stack is new', () => {
    const repo = new Repo();
    repo.commit('before the platform', { project: false });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('adds the platform', { out: BASE });

    const r = repo.review('main', 'feature');
    expect([r.status, r.result]).toEqual([0, 'passed']);
    expect(r.comment).toContain('The merge base has no platform');
    expect(r.comment).toMatch(/## kafka-prod: added/);
  });

  test("the README's local example runs as written, in a clone with an origin", () => {
    const block = /<!-- plan-review: local -->\n```sh\n([\s\S]*?)```/.exec(fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8'))![1];
    const origin = new Repo();
    const at24 = partitions(BASE, 24);
    origin.commit('orders at 24 partitions', { out: at24 });
    const clone = scratchDir();
    execFileSync('git', ['clone', '-q', origin.dir, clone]);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: clone, encoding: 'utf8' });
    git('checkout', '-q', '-b', 'feature');
    fs.rmSync(path.join(clone, 'out'), { recursive: true });
    fs.cpSync(partitions(BASE, 12), path.join(clone, 'out'), { recursive: true });
    git('commit', '-qam', 'fewer partitions');
    // Executable in git, as a clone gets it (the README runs it by path).
    expect(execFileSync('git', ['ls-files', '-s', 'scripts/plan-review.sh'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' })).toMatch(/^100755 /);
    // The script as the clone has it; the synth is the fixtures' copy (PLAN_REVIEW_SYNTH), everything else as written.
    fs.mkdirSync(path.join(clone, 'scripts'));
    fs.copyFileSync(SCRIPT, path.join(clone, 'scripts', 'plan-review.sh'));
    const r = spawnSync('bash', ['-c', block], { cwd: clone, encoding: 'utf8', env: { ...process.env, PLAN_REVIEW_SYNTH: 'bash synth.sh' } });
    expect(r.stderr).toContain('plan-review: blocked');
    expect(r.stdout).toContain('# Kafka platform plan review');
    expect(r.stdout).toContain('KP-REVIEW-PARTITION-DECREASE');
  });

  test('bad usage exits 2', () => {
    const r = spawnSync('bash', [SCRIPT, '--repo', scratchDir()], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: plan-review.sh/);
  });

  test('the scenario is real: the newer main against the branch would have blocked', () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(main(['--base', partitions(BASE, 48), '--head', partitions(BASE, 24)])).toBe(1);
    jest.restoreAllMocks();
  });
});
