import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';

export interface RenderedRuleGroup {
  readonly name: string;
  readonly rules: Record<string, unknown>[];
}

/**
 * Every rule group an environment's monitoring renders, as Prometheus loads them: the alerts' PrometheusRule,
 * then the ownership series of the declared consumer groups (the alert that reads them needs them loaded).
 */
export function renderedRuleGroups(monitoring: KafkaMonitoring): RenderedRuleGroup[] {
  const of = (rule: { spec?: Record<string, unknown> } | undefined) => ((rule?.spec as { groups?: RenderedRuleGroup[] } | undefined)?.groups ?? []);
  return [...of(monitoring.prometheusRule), ...of(monitoring.consumerGroupOwners)];
}
