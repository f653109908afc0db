import { CRD_DIR_VARIABLE, locateCrds, skippedLine } from './helpers/strimzi-schemas';

/** Says once per run, in one line, when the Strimzi CRD suites are skipped; in CI (CI=true) that fails the run. */
export default function globalSetup(): void {
  const { reason } = locateCrds();
  if (!reason) return;
  if (process.env.CI === 'true') throw new Error(`Strimzi CRD conformance cannot run in CI: ${reason} (${CRD_DIR_VARIABLE})`);
  process.stderr.write(`\n${skippedLine(reason)}\n`);
}
