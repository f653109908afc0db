import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

type Volume = { id?: number; deleteClaim?: boolean };

/** KP-PROD-KEEP-CLAIMS: removing a node never deletes its volumes. */
export const keepVolumeClaimsRule: GuardrailRule = {
  id: RULE_IDS.PROD_KEEP_CLAIMS,
  requirement: 'deleteClaim false on every volume',
  why: 'with deleteClaim true, scaling a pool down or deleting it deletes the PersistentVolumeClaims and the partitions on them',
  fix: 'leave deleteClaim unset (the default is false) in Storage.persistentClaim() / Storage.jbod()',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaNodePool')) {
      const storage = field(object, 'spec', 'storage') as { type?: string; volumes?: Volume[]; deleteClaim?: boolean } | undefined;
      const volumes: Volume[] = storage?.type === 'jbod' ? (storage.volumes ?? []) : storage ? [storage] : [];
      for (const v of volumes) {
        if (v.deleteClaim === true) {
          findings.push({ owner, subject: `${describeObject(object)} spec.storage${v.id === undefined ? '' : ` volume ${v.id}`} deleteClaim`, value: true });
        }
      }
    }
    return findings;
  },
};
