import { KubernetesObject, platformLabels } from '../kubernetes';
import { Priority } from './alert-routing';
import { ResolvedMonitoringSpec } from './monitoring-spec';
import { MONITORING_API_VERSION } from './pod-monitors';

/** Alertmanager severities the platform uses. */
export type Severity = 'critical' | 'warning' | 'info';

/** One alerting rule, before rendering. */
export interface AlertRule {
  readonly alert: string;
  readonly severity: Severity;
  readonly expr: string;
  /** Prometheus duration the condition must hold, e.g. `5m`. */
  readonly for: string;
  readonly summary: string;
  readonly description: string;
  /** The guide's incident class. @default by severity: critical P2, warning P3, info P4 */
  readonly priority?: Priority;
  /**
   * The `team` label, for an alert that belongs to another team than the platform's; a template may read it
   * from the series (`{{ $labels.owner_team }}`). @default the spec's `team`
   */
  readonly team?: string;
}

const PRIORITY_OF_SEVERITY: Record<Severity, Priority> = { critical: 'P2', warning: 'P3', info: 'P4' };

/** The priority an alert is routed with. */
export function alertPriority(rule: Pick<AlertRule, 'severity' | 'priority'>): Priority {
  return rule.priority ?? PRIORITY_OF_SEVERITY[rule.severity];
}

/** One recording rule: `expr` evaluated and stored as the series `record` (names owned by `recorded-series.ts`). */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A named group of rules (one `groups[]` entry of the PrometheusRule). */
export interface AlertGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
  /** Recording rules, evaluated in order before the group's alerts. @default none */
  readonly records?: readonly RecordingRule[];
  /** Evaluation interval of the group. @default Prometheus' global evaluation interval */
  readonly interval?: string;
}

/** Page name of an alert's runbook: `KafkaBrokerDown` -> `kafka-broker-down`. */
export function runbookSlug(alert: string): string {
  return alert.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

export function runbookUrl(base: string, alert: string): string {
  return `${base}/${runbookSlug(alert)}.md`;
}

/*
 * The rules themselves live in `rules/`, one file per concern, with the registry of alert names
 * (`rules/alert-names.ts`); this module keeps what a rule is and how it renders. `rules/` imports only
 * types from here, so there is no cycle at run time.
 */
export { buildAlertGroups, clusterSelectors, ALERT_NAMES, type AlertName, isAlertName } from './rules';

/** Every rule, flattened. */
export function allAlertRules(groups: readonly AlertGroup[]): AlertRule[] {
  return groups.flatMap((g) => g.rules);
}

/** The rule groups as Prometheus renders them (labels and annotations added). */
export function renderRuleGroups(s: ResolvedMonitoringSpec, groups: readonly AlertGroup[]) {
  return groups.map((g) => ({
    name: g.name,
    ...(g.interval ? { interval: g.interval } : {}),
    rules: [
      ...(g.records ?? []).map((r) => ({ record: r.record, expr: r.expr, ...(r.labels ? { labels: { ...r.labels } } : {}) })),
      ...g.rules.map((r) => ({
        alert: r.alert,
        expr: r.expr,
        for: r.for,
        // `namespace` is the cluster's on every alert, also cluster-wide aggregates (which keep no labels) and
        // operator metrics (scraped in the operator's namespace): the AlertmanagerConfig only receives alerts
        // of its own namespace.
        labels: { severity: r.severity, priority: alertPriority(r), team: r.team ?? s.team, namespace: s.cluster.namespace },
        annotations: { summary: r.summary, description: r.description, runbook_url: runbookUrl(s.runbookBaseUrl, r.alert) },
      })),
    ],
  }));
}

/** The PrometheusRule carrying every alert of the cluster. */
export function buildPrometheusRule(s: ResolvedMonitoringSpec, groups: readonly AlertGroup[]): KubernetesObject {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'PrometheusRule',
    metadata: {
      name: `${s.cluster.name}-alerts`,
      namespace: s.cluster.namespace,
      labels: platformLabels('monitoring', { ...s.prometheusSelectorLabels }),
    },
    spec: { groups: renderRuleGroups(s, groups) },
  };
}
