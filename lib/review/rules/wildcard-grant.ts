import { elementKey } from '../field-diff';
import { field, isWildcardAcl, principalName } from '../../core/objects';
import { RULE_IDS } from '../../core/well-known';
import { kafkaOf } from '../objects';
import { RiskRule } from '../risk';

type Acl = { resource?: { type?: string; name?: string; patternType?: string }; operations?: string[]; type?: string };

/** A grant on every topic or group is almost always a mistake for a product team's user. */
export const wildcardGrantRule: RiskRule = {
  id: RULE_IDS.REVIEW_WILDCARD_GRANT,
  level: 'BLOCK',
  // The access module's rule for the same thing; its acknowledgements name who may read everything and why.
  acknowledgedBy: RULE_IDS.ACCESS_WILDCARD,
  title: 'a user is granted access to every topic or group (wildcard)',
  assess(change, { stack }) {
    if (change.kind !== 'KafkaUser' || change.status === 'removed') return [];
    // A super user bypasses ACLs anyway (the guardrails limit who that is); its grants broaden nothing.
    const superUsers = (field(kafkaOf(stack.head, change.after!), 'spec', 'kafka', 'authorization', 'superUsers') as string[] | undefined) ?? [];
    if (superUsers.some((p) => principalName(p) === change.after!.metadata.name)) return [];
    const before = new Map(((field(change.before, 'spec', 'authorization', 'acls') as Acl[] | undefined) ?? []).map((a) => [elementKey(a), a]));
    return ((field(change.after, 'spec', 'authorization', 'acls') as Acl[] | undefined) ?? [])
      .filter(isWildcardAcl)
      .filter((acl) => {
        const old = before.get(elementKey(acl));
        return !old || (acl.operations ?? []).some((op) => !(old.operations ?? []).includes(op));
      })
      .map((acl) => `allow ${acl.resource!.type}:* [${(acl.operations ?? []).join(', ')}]: access to every ${acl.resource!.type}; grant the named resources or a prefix instead`);
  },
};
