import { Priority } from '../../lib/core/monitoring/alert-routing';
import { timeToPage } from '../../lib/core/monitoring/page-timing';
import { lookbackSeconds } from '../../lib/core/monitoring/promql-check';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';

/** Each alert's worst-case time to page, derived from the rendered PrometheusRule (not from the rule builders). */
export interface RenderedRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Record<string, string>;
}

/** The alerting rules of the rendered PrometheusRule. */
export function renderedRules(monitoring: KafkaMonitoring): RenderedRule[] {
  return (monitoring.prometheusRule.spec as { groups: { rules: RenderedRule[] }[] }).groups.flatMap((g) => g.rules).filter((r) => r.alert !== undefined);
}

export interface DerivedTiming {
  readonly alert: string;
  readonly severity: string;
  readonly priority: Priority;
  readonly seconds: number;
  readonly budgetSeconds: number;
}

export function derivedTimings(rules: readonly RenderedRule[], scrapeInterval: string): DerivedTiming[] {
  return rules.map((r) => {
    const priority = r.labels.priority as Priority;
    const t = timeToPage({ for: r.for, longestRangeSeconds: lookbackSeconds(r.expr), priority, scrapeInterval });
    return { alert: r.alert, severity: r.labels.severity, priority, ...t };
  });
}

