import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * promtool (Debian package `prometheus`) checks and unit-tests the generated rules. In CI (`CI=true`) a
 * missing promtool fails the run; locally the tests say loudly that they did not run.
 */
export function promtoolAvailable(): boolean {
  const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  if (process.env.CI === 'true') throw new Error('promtool is required in CI (apt-get install prometheus) but was not found');
  // eslint-disable-next-line no-console
  console.warn('\n*** PROMTOOL TESTS DID NOT RUN: promtool is not installed (apt-get install prometheus). ***\n');
  return false;
}

export interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * A fresh working folder for promtool, outside jest's TMPDIR (which a finishing jest run removes while
 * others may still be running); `.tmp/` is git-ignored. Remove it when done.
 */
export function promtoolWorkdir(name: string): string {
  const base = path.join(__dirname, '..', '..', '.tmp', 'promtool');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${name}-`));
}

export function promtool(args: readonly string[], cwd: string): PromtoolResult {
  // promtool's test storage goes into TMPDIR: keep it inside the working folder too.
  const run = spawnSync('promtool', [...args], { cwd, encoding: 'utf8', env: { ...process.env, TMPDIR: cwd } });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
