import { Validator } from '../validation';
import { DEFAULT_METADATA_VERSIONS, isMetadataVersionFor, KAFKA_VERSIONS, METADATA_VERSIONS, metadataVersionsFor } from './versions';

/**
 * Kafka upgrades on Strimzi are two changes, each deployed and verified on its own:
 *
 * 1. raise `version` (Strimzi rolls the brokers onto the new software; the metadata version stays, so the
 *    change can still be rolled back by lowering `version` again);
 * 2. in a later change, raise `metadataVersion` (new features switch on; this cannot be undone: a KRaft
 *    metadata version is never downgraded).
 *
 * These helpers check one state at synth; the plan review's `metadata-version` rule checks the step between
 * two states (both raised at once, or a downgrade).
 */

/** A KRaft metadata version such as `4.3-IV0`. */
export interface ParsedMetadataVersion {
  readonly major: number;
  readonly minor: number;
  readonly iv: number;
}

const METADATA_VERSION = /^(\d+)\.(\d+)(?:-IV(\d+))?$/;

/**
 * A metadata version's parts. The short form (`4.2`) stands for the newest of that release, as in Kafka's
 * tools and `isMetadataVersionFor`: `4.2` is `4.2-IV1`, so writing one for the other is no change.
 */
export function parseMetadataVersion(text: unknown): ParsedMetadataVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const m = METADATA_VERSION.exec(text);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (m[3] !== undefined) return { major, minor, iv: Number(m[3]) };
  const newest = METADATA_VERSIONS.filter((v) => v.startsWith(`${major}.${minor}-IV`)).pop();
  return { major, minor, iv: newest === undefined ? 0 : Number(newest.split('-IV')[1]) };
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer; undefined when either does not parse. */
export function compareMetadataVersions(a: unknown, b: unknown): number | undefined {
  const x = parseMetadataVersion(a);
  const y = parseMetadataVersion(b);
  if (!x || !y) return undefined;
  return x.major - y.major || x.minor - y.minor || x.iv - y.iv;
}

/** The metadata version a `Kafka` runs with when none is given. */
export function effectiveMetadataVersion(version: string, metadataVersion: string | undefined): string | undefined {
  return metadataVersion ?? DEFAULT_METADATA_VERSIONS[version];
}

/**
 * Checks that `version` is one Strimzi 1.2.0 runs and that `metadataVersion` is a KRaft metadata version that
 * Kafka release runs: a known one no newer than the release's (a newer one means both steps at once).
 */
export function validateVersions(v: Validator, version: string, metadataVersion: string | undefined): void {
  if (!v.check(KAFKA_VERSIONS.includes(version), 'version', version, `one of ${KAFKA_VERSIONS.join(', ')} (supported by Strimzi 1.2.0)`)) return;
  if (metadataVersion === undefined) {
    v.check(version in DEFAULT_METADATA_VERSIONS, 'metadataVersion', undefined, `set explicitly for Kafka ${version}`);
    return;
  }
  if (isMetadataVersionFor(version, metadataVersion)) return;
  const known = metadataVersionsFor(version);
  const newest = known[known.length - 1];
  v.fail(
    'metadataVersion',
    metadataVersion,
    METADATA_VERSIONS.includes(metadataVersion)
      ? `at most ${newest} for Kafka ${version} (a broker cannot run a newer metadata version): upgrade in two steps, first version (deploy, verify), then metadataVersion in a later change`
      : `a metadata version of Kafka ${version}: ${known[0]} to ${newest}, e.g. "${newest}"`,
  );
}
