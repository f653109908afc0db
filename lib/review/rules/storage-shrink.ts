import { bytes, volumesOf } from '../objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** Kubernetes volumes cannot shrink, and dropping a JBOD volume drops the partitions on it. */
export const storageShrinkRule: RiskRule = {
  id: RULE_IDS.REVIEW_STORAGE_SHRINK,
  level: 'BLOCK',
  title: 'node pool storage shrunk or a volume removed',
  assess(change) {
    if (change.kind !== 'KafkaNodePool' || change.status !== 'changed') return [];
    const before = volumesOf(change.before);
    const after = volumesOf(change.after);
    const out: string[] = [];
    for (const [id, vb] of before) {
      const va = after.get(id);
      if (!va) {
        out.push(`volume ${id} (${String(vb.size)}) removed: the partitions on it are lost unless moved off first (Cruise Control remove-disks)`);
        continue;
      }
      const b = bytes(vb.size);
      const a = bytes(va.size);
      if (a !== undefined && b !== undefined && a < b) {
        out.push(`volume ${id} size ${String(vb.size)} → ${String(va.size)}: persistent volumes cannot shrink (Strimzi ignores it and the cluster drifts from code)`);
      }
    }
    return out;
  },
};
