import { brokerConfig, describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

const KEY = 'unclean.leader.election.enable';
const enabled = (value: unknown) => value === true || String(value).toLowerCase() === 'true';

/** KP-PROD-UNCLEAN-ELECTION: an out-of-sync replica never becomes leader. */
export const uncleanLeaderElectionRule: GuardrailRule = {
  id: RULE_IDS.PROD_UNCLEAN_ELECTION,
  requirement: 'unclean leader election disabled',
  why: 'an unclean election makes an out-of-sync replica the leader and silently drops every acknowledged message it lacked',
  fix: `remove ${KEY}=true from the cluster config and topic configs (the library's default is false)`,
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const value = brokerConfig(object)[KEY];
      if (enabled(value)) findings.push({ owner, subject: `${describeObject(object)} spec.kafka.config.${KEY}`, value });
    }
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaTopic')) {
      const value = field(object, 'spec', 'config', KEY);
      if (enabled(value)) findings.push({ owner, subject: `${describeObject(object)} spec.config.${KEY}`, value });
    }
    return findings;
  },
};
