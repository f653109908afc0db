import { CRD_DIR_VARIABLE, locateCrds, skippedLine } from './helpers/strimzi-schemas';
import { helmSkippedLine, locateHelm } from './helpers/helm';

/**
 * Says once per run, in one line each, when the Strimzi CRD suites or the Helm render suite are skipped;
 * in CI (CI=true) either fails the run.
 */
export default function globalSetup(): void {
  const crds = locateCrds().reason;
  const helm = locateHelm().reason;
  if (process.env.CI === 'true') {
    const missing = [crds && `Strimzi CRD conformance cannot run in CI: ${crds} (${CRD_DIR_VARIABLE})`, helm && `the Helm render suite cannot run in CI: ${helm} (run npm run helm)`];
    if (missing.some(Boolean)) throw new Error(missing.filter(Boolean).join('; '));
    return;
  }
  if (crds) process.stderr.write(`\n${skippedLine(crds)}\n`);
  if (helm) process.stderr.write(`${crds ? '' : '\n'}${helmSkippedLine(helm)}\n`);
}
