import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

type StrimziListener = { name?: string; authentication?: { type?: string } };

/**
 * KP-AUTHENTICATED-LISTENERS: on a cluster with authorization, every listener authenticates its clients.
 * Enforced in every environment, not only production: such a listener is not merely unsafe, it is unusable.
 */
export const authenticatedListenersRule: GuardrailRule = {
  id: RULE_IDS.AUTHENTICATED_LISTENERS,
  requirement: 'authentication on every listener of a cluster with authorization',
  why: 'a client of a listener without authentication is User:ANONYMOUS, which has no ACLs: authorization denies it everything, so the listener only produces authorization errors',
  fix: 'give the listener authentication, e.g. Listener.plainInternal({ authentication: ListenerAuthentication.scramSha512() }) with SCRAM users from the catalogue',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const authorization = field(object, 'spec', 'kafka', 'authorization', 'type');
      if (authorization === undefined) continue;
      const listeners = (field(object, 'spec', 'kafka', 'listeners') as StrimziListener[] | undefined) ?? [];
      for (const l of listeners) {
        if (!l.authentication?.type) {
          findings.push({ owner, subject: `${describeObject(object)} listener "${l.name}"`, value: { authentication: 'none', authorization } });
        }
      }
    }
    return findings;
  },
};
