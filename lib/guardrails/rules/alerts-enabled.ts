import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/** Number of alerting rules in a PrometheusRule. */
export function alertCount(rule: unknown): number {
  const groups = (field(rule, 'spec', 'groups') as { rules?: { alert?: string }[] }[] | undefined) ?? [];
  return groups.reduce((n, g) => n + (g.rules ?? []).filter((r) => r.alert).length, 0);
}

/** KP-PROD-ALERTS: every production cluster has alerting rules delivered with it. */
export const alertsEnabledRule: GuardrailRule = {
  id: RULE_IDS.PROD_ALERTS,
  requirement: 'a PrometheusRule with alerts in the namespace of every cluster',
  why: 'without alerts, under-replicated or offline partitions, full disks and expiring certificates are found by users, not by the on-call',
  fix: "enable the environment's monitoring (KafkaMonitoring delivers the PrometheusRule with the cluster)",
  check(inventory) {
    const rules = objectsOfKind(inventory, 'PrometheusRule').filter(({ object }) => alertCount(object) > 0);
    return objectsOfKind(inventory, 'Kafka')
      .filter(({ object }) => !rules.some((r) => r.object.metadata.namespace === object.metadata.namespace))
      .map(({ object, owner }) => ({ owner, subject: `${describeObject(object)} alerting rules`, value: 0 }));
  },
};
