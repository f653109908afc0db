import { AlertGroup, buildAlertGroups } from './alert-rules';
import { capacityRuleGroups } from './capacity/capacity-rules';
import { ResolvedMonitoringSpec } from './monitoring-spec';
import { sliRuleGroup } from './slo/sli-rules';
import { sloRuleGroups } from './slo/slo-rules';

/**
 * Every rule group of one cluster's PrometheusRule: the threshold alerts, the recorded SLIs, each SLO's error
 * budget and burn-rate alerts, and the capacity projections. Composed here rather than in `alert-rules.ts`,
 * whose selectors the SLO and capacity rules build on (so neither imports the other in a circle).
 */
export function buildRuleGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  return [...buildAlertGroups(s), sliRuleGroup(s), ...sloRuleGroups(s), ...capacityRuleGroups(s)];
}
