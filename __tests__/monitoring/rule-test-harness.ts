import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { stringify } from 'yaml';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { formatDuration } from '../../lib/core/monitoring/durations';
import { promtool, PromtoolResult } from '../helpers/promtool';
import { InputSeries } from './alert-scenarios';

/**
 * promtool runs of an environment's real rules for scenarios that span hours to weeks: the rule file is the
 * environment's PrometheusRule (optionally only some of its groups, so that weeks of 1-hour steps stay fast),
 * the expectations name each alert's severity, priority and identifying labels.
 */
type RenderedGroup = { name: string; interval?: string; rules: Record<string, unknown>[] };

export interface ExpectedFiring {
  readonly severity: 'critical' | 'warning' | 'info';
  readonly priority: 'P1' | 'P2' | 'P3' | 'P4';
  readonly labels: Record<string, string>;
  /** Only where the annotations themselves are under test (promtool compares them verbatim). */
  readonly annotations?: Record<string, string>;
}

export interface AlertCheck {
  /** Minutes from the start. */
  readonly minute: number;
  readonly alert: string;
  readonly firing: readonly ExpectedFiring[];
}

export interface ExprCheck {
  readonly minute: number;
  readonly expr: string;
  readonly samples: readonly { readonly labels: string; readonly value: number }[];
}

export class RuleTestHarness {
  readonly monitoring: KafkaMonitoring;
  private files = 0;
  private readonly groupNames = new Map<string, string[]>();

  constructor(
    env: EnvironmentConfig,
    private readonly dir: string,
  ) {
    this.monitoring = new KafkaPlatformStack(Testing.app(), env).monitoring!;
  }

  get groups(): RenderedGroup[] {
    return (this.monitoring.prometheusRule.spec as { groups: RenderedGroup[] }).groups;
  }

  /** A rule with its annotations, as rendered. */
  rule(alert: string, severity: string): { annotations: Record<string, string> } {
    return this.groups.flatMap((g) => g.rules).find((r) => r.alert === alert && (r.labels as Record<string, string>).severity === severity) as { annotations: Record<string, string> };
  }

  /** Writes the rules (groups passing `only`, annotations only when `withAnnotations`) and returns the file name. */
  rules(only: (group: string) => boolean = () => true, withAnnotations = false): string {
    const groups = this.groups
      .filter((g) => only(g.name))
      .map((g) => ({ ...g, rules: g.rules.map(({ annotations, ...rule }) => (withAnnotations && annotations ? { ...rule, annotations } : rule)) }));
    const file = `rules-${++this.files}.yaml`;
    fs.writeFileSync(path.join(this.dir, file), stringify({ groups }, { lineWidth: 0 }));
    this.groupNames.set(file, groups.map((g) => g.name));
    return file;
  }

  run(o: {
    readonly name: string;
    readonly rules: string;
    /** Evaluation interval. */
    readonly stepMinutes: number;
    /** Interval of the input samples. @default stepMinutes */
    readonly inputMinutes?: number;
    readonly series: readonly InputSeries[]; readonly alerts?: readonly AlertCheck[]; readonly exprs?: readonly ExprCheck[] }): PromtoolResult {
    const s = this.monitoring.spec;
    const at = (minute: number) => formatDuration(minute * 60);
    const tests = [
      {
        name: o.name,
        interval: at(o.inputMinutes ?? o.stepMinutes),
        input_series: o.series.map((x) => ({ series: x.series, values: x.values })),
        alert_rule_test: (o.alerts ?? []).map((check) => ({
          eval_time: at(check.minute),
          alertname: check.alert,
          exp_alerts: check.firing.map((e) => ({
            exp_labels: { ...e.labels, severity: e.severity, priority: e.priority, team: s.team, namespace: s.cluster.namespace },
            ...(e.annotations ? { exp_annotations: e.annotations } : {}),
          })),
        })),
        promql_expr_test: (o.exprs ?? []).map((e) => ({ expr: e.expr, eval_time: at(e.minute), exp_samples: e.samples.map((x) => ({ labels: x.labels, value: x.value })) })),
      },
    ];
    const file = `${o.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.yaml`;
    // promtool evaluates every group at every step in an order of its own (a map) unless told: in the file's
    // order, a group reading another's records sees this step's, as Prometheus' 30-second groups do within
    // the lookback (with steps above 5 minutes, a previous step's record would be out of the lookback).
    const order = this.groupNames.get(o.rules) ?? [];
    fs.writeFileSync(path.join(this.dir, file), stringify({ rule_files: [o.rules], evaluation_interval: at(o.stepMinutes), group_eval_order: order, tests }, { lineWidth: 0 }));
    return promtool(['test', 'rules', file], this.dir);
  }
}

export const HOUR = 60;
export const DAY = 24 * HOUR;

/** Which alert severities the checks of a suite prove firing, and which alerts they prove quiet. */
export class ProofLedger {
  private readonly proven = new Map<string, { readonly severities: Set<string>; quiet: boolean }>();

  /** Records the checks and returns them. */
  note(checks: readonly AlertCheck[]): readonly AlertCheck[] {
    for (const c of checks) {
      const p = this.proven.get(c.alert) ?? { severities: new Set<string>(), quiet: false };
      c.firing.forEach((f) => p.severities.add(f.severity));
      if (c.firing.length === 0) p.quiet = true;
      this.proven.set(c.alert, p);
    }
    return checks;
  }

  /** For each rendered alerting rule: [alert, severity, proven firing, proven quiet]. */
  coverage(rules: readonly Record<string, unknown>[]): [string, string, boolean, boolean][] {
    return rules.map((r) => {
      const severity = (r.labels as Record<string, string>).severity;
      const p = this.proven.get(r.alert as string);
      return [r.alert as string, severity, p?.severities.has(severity) ?? false, p?.quiet ?? false];
    });
  }
}
