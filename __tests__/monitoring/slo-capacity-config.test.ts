import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { dev, prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { KafkaMonitoring, KafkaMonitoringProps } from '../../lib/monitoring/kafka-monitoring';
import { ValidationError } from '../../lib/core/validation';
import { runbookSlug } from '../../lib/core/monitoring/alert-rules';
import { PRIORITIES } from '../../lib/core/monitoring/alert-routing';
import { CAPACITY_PROJECTION_ALERTS } from '../../lib/core/monitoring/capacity/capacity-rules';
import { SLO_ALERTS } from '../../lib/core/monitoring/slo/slo-rules';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

/** SLOs and capacity planning as configuration: what the environments declare, and bad input refused at synth. */
const monitoring = (extra: Partial<KafkaMonitoringProps>) => {
  const stack = testStack();
  const cluster = new KafkaCluster(stack, 'cluster', { ...prod.cluster, namespace: 'kafka', metrics: true });
  return new KafkaMonitoring(stack, 'monitoring', { cluster, team: 'platform', runbookBaseUrl: 'https://x/runbooks', ...extra });
};
const refused = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.message.split('\n').slice(1).map((l) => l.trim());
    throw e;
  }
  throw new Error('accepted');
};

describe('SLOs and capacity planning in the environments', () => {
  test('prod: the guide\'s SLOs and projections are in the monitoring release\'s PrometheusRule, as recording and alerting rules', () => {
    const rule = releaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), prod))).get('kafka-prod-monitoring')!.find((o) => o.kind === 'PrometheusRule')!;
    const groups = (rule.spec as { groups: { name: string; rules: { record?: string; alert?: string }[] }[] }).groups;
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['kafka-prod.sli', 'kafka-prod.slo-availability', 'kafka-prod.slo-produce-latency-budget', 'kafka-prod.capacity-planning']));
    const alerts = new Set(groups.flatMap((g) => g.rules.map((r) => r.alert)).filter(Boolean));
    for (const a of ['KafkaAvailabilityErrorBudgetBurn', 'KafkaProduceLatencyErrorBudgetLow', 'KafkaDiskUsageProjection', 'KafkaDiskFullForecast']) expect(alerts).toContain(a);
  });

  test('dev records its SLIs but has no SLOs or projections; with them its 3-day Prometheus would be refused', () => {
    const devRule = releaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), dev))).get('kafka-dev-monitoring')!.find((o) => o.kind === 'PrometheusRule')!;
    const names = (devRule.spec as { groups: { name: string }[] }).groups.map((g) => g.name);
    expect(names).toContain('kafka-dev.sli');
    expect(names.filter((n) => /slo-|capacity-planning/.test(n))).toEqual([]);
    const withSlos = { ...dev, monitoring: { ...dev.monitoring!, slos: prod.monitoring!.slos, capacityPlanning: {} } };
    expect(refused(() => new KafkaPlatformStack(Testing.app(), withSlos))).toEqual([
      'kafka-dev/monitoring: slos[0].window = "30d": at most the Prometheus retention (prometheusRetention "3d"): the budget is computed over what Prometheus keeps',
      'kafka-dev/monitoring: slos[1].window = "30d": at most the Prometheus retention (prometheusRetention "3d"): the budget is computed over what Prometheus keeps',
      'kafka-dev/monitoring: capacityPlanning.history = "30d": at most the Prometheus retention (prometheusRetention "3d"): the trend can only be fitted on data Prometheus keeps',
    ].map((l) => `- ${l}`));
  });
});

describe('runbooks of the SLO and projection alerts', () => {
  test('each alert prod raises links its page, which states each priority with its first response and has meaning, impact, diagnosis and mitigation', () => {
    const rule = new KafkaPlatformStack(Testing.app(), prod).monitoring!.prometheusRule;
    type Rendered = { alert?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    const rendered = (rule.spec as { groups: { rules: Rendered[] }[] }).groups.flatMap((g) => g.rules).filter((r) => ([...SLO_ALERTS, ...CAPACITY_PROJECTION_ALERTS] as readonly string[]).includes(r.alert ?? ''));
    expect(new Set(rendered.map((r) => r.alert)).size).toBe(SLO_ALERTS.length + CAPACITY_PROJECTION_ALERTS.length);
    const minutes = { '15m': '15 minutes', '30m': '30 minutes', '2h': '2 hours', '24h': '24 hours' } as Record<string, string>;
    for (const r of rendered) {
      const file = path.join(__dirname, '..', '..', 'docs', 'runbooks', `${runbookSlug(r.alert!)}.md`);
      expect(r.annotations!.runbook_url.endsWith(`/docs/runbooks/${runbookSlug(r.alert!)}.md`)).toBe(true);
      const page = fs.readFileSync(file, 'utf8');
      const priority = r.labels!.priority as keyof typeof PRIORITIES;
      const line = page.split('\n').find((l) => l.startsWith('Priority: ')) ?? '';
      expect([r.alert, line.includes(`${priority}: first response within ${minutes[PRIORITIES[priority].responseTime]}`)]).toEqual([r.alert, true]);
      expect([r.alert, ['## Meaning', '## Impact', '## Diagnosis', '## Mitigation'].filter((h) => !page.includes(h))]).toEqual([r.alert, []]);
      expect(page).toContain(`# ${r.alert}`);
    }
  });
});

describe('bad SLO and capacity input: every problem at once, with the construct path, the field, the value as written and what is allowed', () => {
  test('the issue\'s bad inputs together', () => {
    const lines = refused(() =>
      monitoring({
        slos: [
          { sli: { kind: 'partition-availability' }, objective: 100 },
          { name: 'latency', sli: { kind: 'produce-latency', thresholdMs: 100 }, objective: 0, window: '30days' },
          { name: 'slow', sli: { kind: 'partition-availability' }, objective: 99.9, alerting: { page: [{ long: '5m', short: '1h', budgetPercent: 2 }] } },
        ],
        capacityPlanning: { history: '14d', horizon: '30d', triggers: { messageRate: '80000' } },
        prometheusRetention: 'two weeks',
      }),
    );
    expect(lines).toEqual([
      '- test/monitoring: prometheusRetention = "two weeks": a Prometheus duration such as "15d" or "6w"',
      '- test/monitoring: slos[0].objective = 100: a percentage above 0 and below 100, e.g. 99.9 (100 % leaves no error budget)',
      '- test/monitoring: slos[1].objective = 0: a percentage above 0 and below 100, e.g. 99.9 (100 % leaves no error budget)',
      '- test/monitoring: slos[1].window = "30days": a rolling window of whole days or weeks up to 90 days, e.g. "28d", "30d" or "4w"',
      '- test/monitoring: slos[2].alerting.page[0].short = "1h": shorter than long ("5m"): the long window measures the budget spent, the short one ends the alert soon after the burn stops (e.g. long "1h", short "5m")',
      '- test/monitoring: capacityPlanning.horizon = "30d": at most the history it is projected from ("14d"): further ahead the linear trend is a guess',
      '- test/monitoring: capacityPlanning.triggers.messageRate = "80000": cluster messages in with the unit, e.g. "80000/s", "80k/s" or "4.8M/min"',
    ]);
  });

  test('wrong shapes are refused before anything reads them (no TypeError)', () => {
    expect(refused(() => monitoring({ slos: [{ objective: '99.9', sli: { kind: 'probe' } }] as never, capacityPlanning: { triggers: { diskUsage: ['75%'] } } as never }))).toEqual([
      '- test/monitoring: slos[0].objective = "99.9": a percentage, e.g. 99.9',
      '- test/monitoring: slos[0].sli = {"kind":"probe"}: an SLI: { kind: "partition-availability" } or { kind: "produce-latency", thresholdMs }',
      '- test/monitoring: capacityPlanning.triggers.diskUsage = ["75%"]: a trigger with its unit, e.g. "75%"',
    ]);
    expect(refused(() => monitoring({ slos: { objective: 99 } as never }))[0]).toMatch(/^- test\/monitoring: slos = \{"objective":99\}: an array/);
    expect(refused(() => monitoring({ slos: [{ sli: { kind: 'produce-latency' }, objective: 99, alerting: { page: 'fast' } }] as never }))).toEqual([
      '- test/monitoring: slos[0].sli.thresholdMs = undefined: a number',
      '- test/monitoring: slos[0].alerting.page = "fast": an array of { long, short, budgetPercent }, or false',
    ]);
  });
});
