import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { everyEnvironmentRules, productionRules } from '../../lib/guardrails/rules';
import { teamRules } from '../../lib/guardrails/rules/team';
import { RISK_RULES } from '../../lib/review/rules';
import { WILDCARD_RULE_ID } from '../../lib/core/access/grant';
import { CONSTRUCT_RULE_IDS, RULE_ID_PATTERN, RULE_IDS } from '../../lib/core/well-known';

const registry: string[] = Object.values(RULE_IDS);

describe('RULE_IDS: the one registry of rule ids', () => {
  test('ids are unique and follow the KP- scheme', () => {
    expect(new Set(registry).size).toBe(registry.length);
    expect(registry.filter((id) => !RULE_ID_PATTERN.test(id))).toEqual([]);
  });

  test('every guardrail, team and review rule takes its id from the registry, with the prefix of its kind', () => {
    const guardrailIds = [...productionRules(), ...everyEnvironmentRules(), ...teamRules()].map((r) => r.id);
    const reviewIds = RISK_RULES.map((r) => r.id);
    expect([...guardrailIds, ...reviewIds].filter((id) => !registry.includes(id))).toEqual([]);
    expect(guardrailIds.filter((id) => id.startsWith('KP-REVIEW-'))).toEqual([]);
    expect(reviewIds.filter((id) => !id.startsWith('KP-REVIEW-'))).toEqual([]);
    // A review risk accepted by an acknowledgement names a rule that can be acknowledged (not another review id).
    const acknowledgedBy = RISK_RULES.flatMap((r) => (r.acknowledgedBy ? [r.acknowledgedBy] : []));
    expect(acknowledgedBy.filter((id) => !registry.includes(id) || id.startsWith('KP-REVIEW-'))).toEqual([]);
  });

  test('the ids the constructs enforce seed the acknowledgeable ids, the access wildcard among them', () => {
    expect(CONSTRUCT_RULE_IDS).toContain(WILDCARD_RULE_ID);
    expect(Acknowledgements.registeredRuleIds()).toEqual(expect.arrayContaining([...CONSTRUCT_RULE_IDS]));
  });
});
