import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/** Backends that keep state on the machine that runs Terraform. */
const LOCAL_BACKENDS = new Set(['local']);

/** KP-PROD-REMOTE-STATE: production state is shared, locked and outlives any one machine. */
export const remoteStateRule: GuardrailRule = {
  id: RULE_IDS.PROD_REMOTE_STATE,
  requirement: 'a remote state backend (kubernetes or s3), not local state',
  why: 'local state lives on one machine: a second operator or CI plans against nothing and would recreate the cluster, nothing locks concurrent applies, and a lost laptop or a deleted folder loses the record of what Terraform manages',
  fix: "set backend: { type: 'kubernetes', secretSuffix: '<stack>' } (state in a Secret of the cluster, no extra infrastructure) or an s3 backend",
  check(inventory) {
    const backend = inventory.backend;
    if (backend && !LOCAL_BACKENDS.has(backend.type)) return [];
    const finding: GuardrailFinding = {
      // Acknowledge on the backend construct (path `backend`) or the stack.
      owner: backend?.owner ?? inventory.stack,
      subject: `stack ${inventory.stack} state backend`,
      value: backend?.type ?? 'none (local)',
    };
    return [finding];
  },
};
