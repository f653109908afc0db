import { compareMetadataVersions, effectiveMetadataVersion } from '../../core/strimzi/upgrade';
import { field } from '../../core/objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** The metadata version a `Kafka` object runs with (its own, else the default of its version). */
function metadataVersionOf(kafka: Parameters<typeof field>[0]): string | undefined {
  const version = field(kafka, 'spec', 'kafka', 'version');
  const own = field(kafka, 'spec', 'kafka', 'metadataVersion');
  return typeof version === 'string' ? effectiveMetadataVersion(version, own as string | undefined) : (own as string | undefined);
}

/**
 * A Kafka upgrade is two deployments: `version` first (reversible), `metadataVersion` in a later change
 * (irreversible). Raising both at once leaves no point to roll back to; lowering the metadata version is
 * not possible at all (Strimzi refuses it and the cluster stays on the old one in an error state).
 */
export const metadataVersionRule: RiskRule = {
  id: RULE_IDS.REVIEW_METADATA_VERSION,
  level: 'BLOCK',
  title: 'Kafka metadata version changed together with the Kafka version, or lowered',
  assess(change) {
    if (change.kind !== 'Kafka' || change.status !== 'changed') return [];
    const before = metadataVersionOf(change.before!);
    const after = metadataVersionOf(change.after!);
    if (before === after) return [];
    const out: string[] = [];
    const order = compareMetadataVersions(after, before);
    if (order !== undefined && order < 0) {
      out.push(`metadataVersion ${before} → ${after}: a KRaft metadata version cannot be downgraded`);
    }
    const versionBefore = field(change.before, 'spec', 'kafka', 'version');
    const versionAfter = field(change.after, 'spec', 'kafka', 'version');
    if (versionBefore !== versionAfter) {
      out.push(
        `version ${String(versionBefore)} → ${String(versionAfter)} and metadataVersion ${before} → ${after} in one change: ` +
          'deploy the version change alone first, then change metadataVersion in a later change (pin metadataVersion when raising version)',
      );
    }
    return out;
  },
};
