import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { scratchDir } from '../helpers/review-fixtures';

const SCRIPT = path.resolve(__dirname, '../../scripts/plan-summary.sh');

/** A fake terraform that answers `init` and `plan` like the real one, recording its arguments. */
function fakeTerraform(plan: { status: number; output: string }, init = { status: 0, output: 'Terraform has been successfully initialized!' }): { bin: string; calls: string } {
  const dir = scratchDir();
  const calls = path.join(dir, 'calls');
  const bin = path.join(dir, 'terraform');
  fs.writeFileSync(path.join(dir, 'plan.out'), plan.output);
  fs.writeFileSync(path.join(dir, 'init.out'), init.output);
  fs.writeFileSync(
    bin,
    `#!/usr/bin/env bash\necho "$*" >> ${calls}\ncase "$2" in\n  init) cat ${dir}/init.out; exit ${init.status} ;;\n  plan) cat ${dir}/plan.out; exit ${plan.status} ;;\nesac\n`,
  );
  fs.chmodSync(bin, 0o755);
  return { bin, calls };
}

function summary(tf: { bin: string }, planned?: string) {
  const stack = scratchDir();
  const r = spawnSync('bash', [SCRIPT, stack, 'kafka-prod', ...(planned ? [planned] : [])], { encoding: 'utf8', env: { ...process.env, TERRAFORM: tf.bin } });
  return { status: r.status, row: r.stdout.trim(), stderr: r.stderr };
}

const CHANGES = `kubernetes_namespace_v1.namespace: Refreshing state... [id=kafka]

Terraform will perform the following actions:

  # helm_release.cluster_release will be updated in-place
  ~ resource "helm_release" "cluster_release" {
    }

  # kubernetes_cron_job_v1.backup must be replaced
-/+ resource "kubernetes_cron_job_v1" "backup" {
    }

  # helm_release.topics_release will be created
  + resource "helm_release" "topics_release" {
    }

Plan: 2 to add, 1 to change, 1 to destroy.
`;

describe('plan-summary.sh', () => {
  test('a plan with changes: totals and the changed resources, read-only (no lock)', () => {
    const tf = fakeTerraform({ status: 2, output: CHANGES });
    expect(summary(tf)).toEqual({ status: 0, row: '| kafka-prod | Plan: 2 to add, 1 to change, 1 to destroy: ~ helm_release.cluster_release, ± kubernetes_cron_job_v1.backup, + helm_release.topics_release |', stderr: '' });
    expect(fs.readFileSync(tf.calls, 'utf8')).toMatch(/ plan -input=false -no-color -lock=false -detailed-exitcode\n$/);
  });

  test('no changes', () => {
    expect(summary(fakeTerraform({ status: 0, output: 'No changes. Your infrastructure matches the configuration.\n' })).row).toBe('| kafka-prod | no changes |');
  });

  test('a failed plan or init is a row with the error, not a failed job', () => {
    const denied = 'Error: Get "https://k8s/api/v1/namespaces/kube-system/secrets/tfstate-default-kafka-prod": secrets is forbidden: User "plan" cannot get resource "secrets" | x\n';
    expect(summary(fakeTerraform({ status: 1, output: `Planning...\n${denied}` }))).toMatchObject({ status: 0, row: expect.stringMatching(/^\| kafka-prod \| ⛔ plan failed: Error: Get .*secrets is forbidden.* \\\| x \|$/) });
    expect(summary(fakeTerraform({ status: 0, output: '' }, { status: 1, output: 'Error: Backend initialization required\n' })).row).toBe('| kafka-prod | ⛔ terraform init failed: Error: Backend initialization required |');
  });

  test('with what was planned (the merged commits), the row gets a cell for it', () => {
    expect(summary(fakeTerraform({ status: 0, output: 'No changes.\n' }), '`abc` merged into `main` at `def`').row).toBe('| kafka-prod | `abc` merged into `main` at `def` | no changes |');
  });

  test('bad usage exits 2', () => {
    expect(spawnSync('bash', [SCRIPT, '/nonexistent', 'x'], { encoding: 'utf8' }).status).toBe(2);
  });
});
