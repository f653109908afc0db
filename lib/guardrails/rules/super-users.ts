import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailRule } from '../rule';
import { principalName } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';


/** KP-PROD-SUPER-USERS: only the platform's admin principals bypass ACLs. */
export function superUsersRule(admins: readonly string[]): GuardrailRule {
  const allowed = new Set(admins.map(principalName));
  return {
    id: RULE_IDS.PROD_SUPER_USERS,
    requirement: `super users limited to ${admins.join(', ') || '(none)'}`,
    why: 'a super user bypasses every ACL; an application or person with it can read, write and delete any topic',
    fix: 'remove the principal from superUsers and grant it ACLs for what it needs; or add it to the guardrails admins if it is a platform administrator',
    check(inventory) {
      return objectsOfKind(inventory, 'Kafka').flatMap(({ object, owner }) =>
        ((field(object, 'spec', 'kafka', 'authorization', 'superUsers') as string[] | undefined) ?? [])
          .filter((p) => !allowed.has(principalName(p)))
          .map((p) => ({ owner, subject: `${describeObject(object)} spec.kafka.authorization.superUsers`, value: p })),
      );
    },
  };
}
