import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { stringify } from 'yaml';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { allAlertRules } from '../../lib/core/monitoring/alert-rules';
import { promtool, promtoolAvailable, promtoolWorkdir } from '../helpers/promtool';
import { renderedRuleGroups } from '../helpers/rule-files';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { AlertCase, alertCases, expectedPriority } from './alert-scenarios';
import { SLO_ALERTS } from '../../lib/core/monitoring/slo/slo-rules';
import { CAPACITY_PROJECTION_ALERTS } from '../../lib/core/monitoring/capacity/capacity-rules';

/** Burn-rate and projection alerts need hours to weeks of series: proven both ways in slo-promtool and capacity-promtool tests. */
const PROVEN_ELSEWHERE = new Set<string>([...SLO_ALERTS, ...CAPACITY_PROJECTION_ALERTS]);

/**
 * The rules every environment really generates, proven with the real promtool: `check rules`, then
 * unit tests in which every alert fires after its `for` with the expected labels, is still pending
 * just before, and stays quiet at (or, for float results, just short of) its threshold.
 */
const available = promtoolAvailable();
const describeIfPromtool = available ? describe : describe.skip;

describeIfPromtool.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('promtool: %s alert rules', (_name, env) => {
  let monitoring: KafkaMonitoring;
  let dir: string;
  let cases: AlertCase[];
  beforeAll(() => {
    fs.mkdirSync(os.tmpdir(), { recursive: true });
    monitoring = new KafkaPlatformStack(Testing.app(), env).monitoring!;
    dir = promtoolWorkdir(env.name);
    const groups = renderedRuleGroups(monitoring);
    fs.writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups }));
    // promtool compares annotations exactly; the unit tests prove expressions, durations and labels, so they
    // run on the same rules without annotations (annotations are checked in alert-rules.test.ts).
    // Groups with only records and alerts proven elsewhere (SLIs, SLOs, capacity planning) are left out of the unit
    // tests: promtool's cost is steps times rules, and no case here reads them (check rules above covers them).
    // The consumer-group ownership series stay in: KafkaConsumerGroupStalled reads them.
    const testedHere = groups.filter((g) => g.name.endsWith('.ownership') || g.rules.some((r) => typeof r.alert === 'string' && !PROVEN_ELSEWHERE.has(r.alert)));
    const bare = testedHere.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _annotations, ...rule }) => rule) }));
    fs.writeFileSync(path.join(dir, 'rules-without-annotations.yaml'), stringify({ groups: bare }));
    cases = alertCases(monitoring.spec, monitoring.podMonitors);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('promtool check rules passes', () => {
    const result = promtool(['check', 'rules', 'rules.yaml'], dir);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.ok).toBe(true);
  });

  test('every alert and severity has firing and quiet cases', () => {
    const rules = allAlertRules(monitoring.alertGroups).filter((r) => !PROVEN_ELSEWHERE.has(r.alert));
    for (const rule of rules) {
      const own = cases.filter((k) => k.alert === rule.alert);
      expect([rule.alert, own.some((k) => k.expected.some((e) => e.severity === rule.severity))]).toEqual([rule.alert, true]);
      expect([rule.alert, own.some((k) => k.expected.length === 0)]).toEqual([rule.alert, true]);
    }
    expect(new Set(cases.map((k) => k.alert))).toEqual(new Set(rules.map((r) => r.alert)));
  });

  test('promtool test rules: every alert fires after its for with its labels, and stays quiet below its threshold', () => {
    const tests = cases.map((k) => ({
      name: `${k.alert}: ${k.description}`,
      interval: '1m',
      input_series: k.series.map((s) => ({ series: s.series, values: s.values })),
      alert_rule_test: [
        {
          eval_time: `${k.evalMinutes}m`,
          alertname: k.alert,
          // Every alert carries its priority and the cluster's namespace (the AlertmanagerConfig receives only those).
          exp_alerts: k.expected.map((e) => ({
            // An alert of another team (a declared consumer group's owner) says so in its labels.
            exp_labels: { ...e.labels, severity: e.severity, priority: expectedPriority(k.alert, e.severity), team: e.labels.team ?? monitoring.spec.team, namespace: monitoring.spec.cluster.namespace },
          })),
        },
      ],
    }));
    fs.writeFileSync(path.join(dir, 'tests.yaml'), stringify({ rule_files: ['rules-without-annotations.yaml'], evaluation_interval: '1m', tests }, { lineWidth: 0 }));
    const result = promtool(['test', 'rules', 'tests.yaml'], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  test('a wrong expectation makes promtool fail (the harness can fail)', () => {
    const k = cases.find((c) => c.alert === 'KafkaOfflinePartitions' && c.expected.length > 0)!;
    const wrong = { rule_files: ['rules-without-annotations.yaml'], tests: [{ interval: '1m', input_series: k.series.map((s) => ({ series: s.series, values: s.values })), alert_rule_test: [{ eval_time: `${k.evalMinutes}m`, alertname: k.alert, exp_alerts: [] }] }] };
    fs.writeFileSync(path.join(dir, 'wrong.yaml'), stringify(wrong));
    expect(promtool(['test', 'rules', 'wrong.yaml'], dir).ok).toBe(false);
  });
});
