import { volumesOf } from '../objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** In production a volume claim must outlive its node. */
export const deleteClaimRule: RiskRule = {
  id: RULE_IDS.REVIEW_DELETE_CLAIM,
  level: 'BLOCK',
  title: 'deleteClaim: true in production',
  assess(change, { production }) {
    if (change.kind !== 'KafkaNodePool' || change.status === 'removed' || !production) return [];
    const before = volumesOf(change.before);
    return [...volumesOf(change.after)]
      .filter(([id, v]) => v.deleteClaim === true && before.get(id)?.deleteClaim !== true)
      .map(([id]) => `volume ${id} gets deleteClaim: true: scaling down or removing the pool deletes its PersistentVolumeClaims and data`);
  },
};
