import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KubernetesObject } from '../../lib/core/kubernetes';
import { renderMarkdown } from '../../lib/review/report';
import { reviewSynthOutputs } from '../../lib/review/review';
import { readSynthOutput } from '../../lib/review/synth-output';
import { prod } from '../../stacks/environments';
import { GitRepo } from '../helpers/git-repo';
import { editReleaseObjects, editStack, synthOutput } from '../helpers/review-fixtures';

/**
 * The live plan's merge (scripts/plan-merge.sh) on real temporary git repositories whose commits carry real synth
 * outputs of prod: what a plan of the merged tree against the deployed main would show.
 */
const SCRIPT = path.resolve(__dirname, '../../scripts/plan-merge.sh');
const BASE = synthOutput([prod]);
const edit = (dir: string, release: string, change: (objects: KubernetesObject[]) => void) => editStack(dir, 'kafka-prod', (json) => editReleaseObjects(json, release, change));
const partitions = (dir: string, n: number) =>
  edit(dir, 'kafka-prod-topics-orders', (o) => ((o.find((t) => t.metadata.name === 'orders.order-placed.v1')!.spec as { partitions: number }).partitions = n));
const window = (dir: string) => edit(dir, 'kafka-prod-cluster', (o) => ((o.find((k) => k.kind === 'Kafka')!.spec as { maintenanceTimeWindows: string[] }).maintenanceTimeWindows = ['* * 3-5 ? * SAT']));

class Repo extends GitRepo {
  /** Commits a synth output as `out/` (pretty-printed JSON: separate releases are separate lines, as in a real diff). */
  commit(message: string, out: string): string {
    fs.rmSync(path.join(this.dir, 'out'), { recursive: true, force: true });
    fs.cpSync(out, path.join(this.dir, 'out'), { recursive: true });
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
  merge(target: string, head: string) {
    const r = spawnSync('bash', [SCRIPT, '--repo', this.dir, '--target', target, '--head', head], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
  }
}

/** main at 24 partitions; a branch changes only the maintenance window; main then raises the partitions to 48. */
function movedOn() {
  const repo = new Repo();
  const at24 = partitions(BASE, 24);
  repo.commit('orders at 24 partitions', at24);
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.commit('maintenance window only', window(at24));
  repo.git('checkout', '-q', 'main');
  const main48 = partitions(BASE, 48);
  const tip = repo.commit('main raises orders to 48 partitions', main48);
  return { repo, head, tip, main48 };
}

describe('plan-merge.sh (the live plan of what will merge)', () => {
  test('main moved on: the merged tree has main\'s 48 partitions and the branch\'s window, so the plan shows only the branch\'s change', () => {
    const { repo, head, tip, main48 } = movedOn();
    const r = repo.merge('main', head);
    expect(r).toEqual({ status: 0, stdout: `\`${head.slice(0, 12)}\` merged into \`main\` at \`${tip.slice(0, 12)}\``, stderr: '' });
    // The deployed state is main; the plan of the merged tree against it.
    const planned = renderMarkdown(reviewSynthOutputs(readSynthOutput(main48), readSynthOutput(path.join(repo.dir, 'out'))));
    expect(planned).toContain('spec.maintenanceTimeWindows');
    expect(planned).not.toMatch(/spec\.partitions|PARTITION-DECREASE/);
    // What the old job planned, the head alone, shows main's change reverted.
    repo.git('checkout', '-q', head);
    const stale = renderMarkdown(reviewSynthOutputs(readSynthOutput(main48), readSynthOutput(path.join(repo.dir, 'out'))));
    expect(stale).toContain('`spec.partitions`: `48` → `24`');
  });

  test('a head that does not merge cleanly is refused with the conflicting files; the checkout is left clean', () => {
    const { repo, tip } = movedOn();
    repo.git('checkout', '-q', 'feature');
    const conflicting = repo.commit('the branch sets 36 partitions', partitions(window(partitions(BASE, 24)), 36));
    const r = repo.merge('main', conflicting);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`plan-merge: \`${conflicting.slice(0, 12)}\` does not merge cleanly into \`main\` at \`${tip.slice(0, 12)}\` (conflicts: out/stacks/kafka-prod/cdk.tf.json): update the pull request`);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  test('a head that already contains the target plans the head itself; bad usage and unknown refs exit 2', () => {
    const { repo, tip } = movedOn();
    repo.git('checkout', '-q', '-b', 'rebased');
    const head = repo.commit('window on top of main', window(partitions(BASE, 48)));
    expect(repo.merge('main', head).status).toBe(0);
    expect(repo.git('diff', head, 'HEAD', '--stat')).toBe('');
    expect(repo.git('rev-parse', 'HEAD^1')).toBe(tip);
    expect(repo.merge('main', 'no-such-branch')).toMatchObject({ status: 2, stderr: 'plan-merge: unknown head no-such-branch' });
    expect(spawnSync('bash', [SCRIPT, '--repo', repo.dir], { encoding: 'utf8' }).status).toBe(2);
  });
});
