import * as fs from 'fs';
import * as os from 'os';
import { prod, staging } from '../../stacks/environments';
import { SLO_ALERTS } from '../../lib/core/monitoring/slo/slo-rules';
import { promtoolAvailable, promtoolWorkdir } from '../helpers/promtool';
import { Sample, STALE, timeline } from '../helpers/series-timeline';
import { InputSeries, seriesOf } from './alert-scenarios';
import { ProductionFleet } from './production-fleet';
import { AlertCheck, DAY, ExpectedFiring, HOUR, ProofLedger, RuleTestHarness } from './rule-test-harness';
import { ClusterSeries } from './slo-capacity-series';

/**
 * The SLO rules of prod (and staging) replayed with promtool on realistic series: burn-rate alerts fire on
 * the burns they are meant for, in the time their priority allows, and stay quiet through blips, slow
 * healthy days and rolling restarts; budgets are what the objective says they are.
 *
 * Expectations come from the objectives, not from the expressions: prod's availability objective 99.99 %
 * leaves a budget of 0.01 % of the time, so 2.4 % of the partitions unwritable burns it 240x; the workbook's
 * page needs 2 % of a 30-day budget spent within an hour (14.4x) and still burning over 5 minutes.
 */
const available = promtoolAvailable();
const describeIfPromtool = available ? describe : describe.skip;

const ledger = new ProofLedger();
const note = (checks: readonly AlertCheck[]) => ledger.note(checks);

/** The series each SLI reads (the rest of a cluster's series only cost promtool time). */
const AVAILABILITY_INPUTS = ['up', 'kafka_server_replicamanager_leadercount', 'kafka_server_replicamanager_underminisrpartitioncount', 'kafka_controller_kafkacontroller_offlinepartitionscount'];
const LATENCY_INPUTS = ['kafka_network_requestmetrics_totaltimems', 'kafka_network_requestmetrics_totaltimems_count'];

const AVAILABILITY = 'KafkaAvailabilityErrorBudgetBurn';
const AVAILABILITY_LOW = 'KafkaAvailabilityErrorBudgetLow';
const LATENCY = 'KafkaProduceLatencyErrorBudgetBurn';
const LATENCY_LOW = 'KafkaProduceLatencyErrorBudgetLow';
// The guide's classes: availability lost is "cluster down" (P1 page); slow produce traffic pages on-call as P2;
// slow burns are tickets for engineering (P3); a spent availability budget is P3 work, a spent latency budget P4.
const page = (slo: string, priority: 'P1' | 'P2'): ExpectedFiring => ({ severity: 'critical', priority, labels: { slo, strimzi_io_cluster: 'kafka-prod' } });
const ticket = (slo: string, cluster = 'kafka-prod'): ExpectedFiring => ({ severity: 'warning', priority: 'P3', labels: { slo, strimzi_io_cluster: cluster } });
const budgetLow = (slo: string, cluster: string): ExpectedFiring => ({ severity: 'warning', priority: 'P3', labels: { slo, strimzi_io_cluster: cluster } });

describeIfPromtool('promtool: prod SLOs burn, page and stay quiet as their objectives say', () => {
  let h: RuleTestHarness;
  let cluster: ClusterSeries;
  let dir: string;
  let availabilityRules: string;
  let latencyRules: string;
  let allRules: string;
  beforeAll(() => {
    fs.mkdirSync(os.tmpdir(), { recursive: true });
    dir = promtoolWorkdir('slo');
    h = new RuleTestHarness(prod, dir);
    cluster = new ClusterSeries(h.monitoring.spec, h.monitoring.podMonitors);
    // promtool's cost is steps times rules: scenarios of days evaluate the groups of the SLO under test (its
    // rules compute the SLI themselves); the rolling restart runs prod's whole rule file.
    availabilityRules = h.rules((g) => g.startsWith('kafka-prod.slo-availability'));
    latencyRules = h.rules((g) => g.startsWith('kafka-prod.slo-produce-latency'));
    allRules = h.rules();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const passes = (r: { ok: boolean; output: string }) => {
    expect(r.output).toContain('SUCCESS');
    expect(r.ok).toBe(true);
  };

  // Six healthy hours first, so that the paging windows (up to 6 h) are full, as in a running cluster.
  const start = 6 * HOUR;
  const underMinIsr = (from: number, minutes: number, partitions = 48) => (b: number, m: number) => (b === 0 && m >= from && m < from + minutes ? partitions : 0);

  test('a fast burn pages within minutes: 2.4 % of the partitions under min ISR (one topic) pages P1 after about 5 minutes', () => {
    // 2.4 % unwritable is 240x the budget rate: 2 % of the month's budget is spent after 3.6 minutes, plus the 2-minute for.
    const checks = note([
      { minute: start - 10, alert: AVAILABILITY, firing: [] },
      { minute: start + 3, alert: AVAILABILITY, firing: [] },
      { minute: start + 7, alert: AVAILABILITY, firing: [page('availability', 'P1')] },
      { minute: start + 12, alert: AVAILABILITY, firing: [page('availability', 'P1')] },
    ]);
    passes(h.run({ name: 'fast burn', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: start + 15, underMinIsr: underMinIsr(start, 60) }), alerts: checks }));
  });

  test('a 2-minute blip of the same partitions does not page (it spends 1.1 % of the month\'s budget; the page needs 2 % within the hour)', () => {
    // A day of history here, so that the ticket windows (a day, three days) are as full as in a running cluster.
    const at = DAY;
    const checks = note([at + 2, at + 4, at + 6, at + 10, at + 30, at + 90].map((minute) => ({ minute, alert: AVAILABILITY, firing: [] })));
    passes(h.run({ name: 'blip', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: at + 95, underMinIsr: underMinIsr(at, 2) }), alerts: checks }));
  });

  test('the harness can fail: expecting the blip to page makes promtool fail', () => {
    const r = h.run({ name: 'blip wrong', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: start + 10, underMinIsr: underMinIsr(start, 2) }), alerts: [{ minute: start + 6, alert: AVAILABILITY, firing: [page('availability', 'P1')] }] });
    expect(r.ok).toBe(false);
    expect(r.output).toContain(AVAILABILITY);
  });

  test('the whole cluster down pages P1 within 3 minutes, also with no broker answering at all; a 2-minute total outage pages too (it spends 46 % of the month\'s budget)', () => {
    const down = (from: number, minutes: number) => (_b: number, m: number) => !(m >= from && m < from + minutes);
    // Controllers report every partition offline while the brokers are gone.
    const offline = (from: number, minutes: number) => (m: number) => (m >= from && m < from + minutes ? 2000 : 0);
    const checks = note([
      { minute: start + 1, alert: AVAILABILITY, firing: [] },
      { minute: start + 3, alert: AVAILABILITY, firing: [page('availability', 'P1')] },
    ]);
    passes(h.run({ name: 'cluster down', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: start + 10, brokerUp: down(start, 30), offline: offline(start, 30) }), alerts: checks }));
    // No target answers and the controllers report nothing: the SLI counts the cluster unavailable, not "no data".
    passes(h.run({ name: 'nothing answers', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: start + 10, brokerUp: down(start, 30) }), alerts: checks }));
    passes(h.run({ name: 'two minutes down', rules: availabilityRules, stepMinutes: 1, series: cluster.series({ stepMinutes: 1, samples: start + 10, brokerUp: down(start, 2), offline: offline(start, 2) }), alerts: [{ minute: start + 4, alert: AVAILABILITY, firing: [page('availability', 'P1')] }] }));
  });

  test('a slow burn over days tickets (P3) and never pages: one partition of 2,000 under min ISR (5x the budget rate) for two days', () => {
    // Three healthy days fill every ticket window; at 5x, 3x-over-a-day holds after 0.6 days (14.4 h), plus the 15-minute for.
    const from = 3 * DAY;
    const checks = note([
      { minute: from + HOUR, alert: AVAILABILITY, firing: [] },
      { minute: from + 6 * HOUR, alert: AVAILABILITY, firing: [] },
      { minute: from + 13 * HOUR, alert: AVAILABILITY, firing: [] },
      { minute: from + 16 * HOUR, alert: AVAILABILITY, firing: [ticket('availability')] },
      { minute: from + 47 * HOUR, alert: AVAILABILITY, firing: [ticket('availability')] },
    ]);
    const series = cluster.series({ stepMinutes: 10, samples: (from + 2 * DAY) / 10, underMinIsr: underMinIsr(from, 2 * DAY, 1) });
    passes(h.run({ name: 'slow burn', rules: availabilityRules, stepMinutes: 10, series, alerts: checks }));
  });

  test('a slow latency burn tickets: a broker serving 0.4 % of the produce traffic stays over 100 ms for two days (4x)', () => {
    const from = 3 * DAY;
    const slowBroker = (b: number, m: number) => (b === 5 && m >= from ? 800 : 12);
    // Five brokers at 1,000 requests/s, the sixth at 20/s: 20 / 5,020 = 0.4 % of the traffic.
    const rate = (b: number) => (b === 5 ? 20 : 1000);
    const checks = note([
      { minute: from + 6 * HOUR, alert: LATENCY, firing: [] },
      { minute: from + 20 * HOUR, alert: LATENCY, firing: [ticket('produce-latency')] },
      { minute: from + 47 * HOUR, alert: LATENCY, firing: [ticket('produce-latency')] },
    ]);
    // Request rates are rate()s over 5 minutes: raw samples every 2 minutes, evaluations every 10.
    const series = cluster.series({ stepMinutes: 2, samples: (from + 2 * DAY) / 2, produceP99: slowBroker, produceRate: rate, only: LATENCY_INPUTS });
    passes(h.run({ name: 'slow latency burn', rules: latencyRules, stepMinutes: 10, inputMinutes: 2, series, alerts: checks }));
  });

  describe('a month of history: budgets are what the objective says', () => {
    const spike = 29 * DAY;
    /** Evaluations from minute 0 up to and including `minute`, every `step` minutes: all in the 30-day window. */
    const inWindow = (minute: number, step: number) => minute / step + 1;
    /** The budget left in percent, from the bad share of the evaluations and the objective's budget. */
    const remaining = (badShare: number, minute: number, step: number, budget: number) => Math.round(100 * (1 - badShare / inWindow(minute, step) / budget));
    const lowLatency: ExpectedFiring = { severity: 'info', priority: 'P4', labels: { slo: 'produce-latency', strimzi_io_cluster: 'kafka-prod' } };
    const budgetExpr = (slo: string) => `round(100 * kafka_slo:error_budget_remaining:ratio{slo="${slo}"})`;
    const sample = (slo: string, value: number, cluster = 'kafka-prod') => ({ labels: `{namespace="kafka", slo="${slo}", strimzi_io_cluster="${cluster}"}`, value });

    test('latency at 800 ms for an hour burns the latency budget: it pages (P2), tickets, and overspends the month (P4)', () => {
      // Evaluations every 30 minutes, raw samples every 2: the slow hour is 2 of the month's 1,396 evaluations,
      // all produce traffic slow in both, against a budget of 0.1 % of the traffic.
      const step = 30;
      const p99 = (_b: number, m: number) => (m >= spike && m < spike + HOUR ? 800 : 12);
      const after = spike + 90;
      const checks = note([
        { minute: spike - step, alert: LATENCY, firing: [] },
        { minute: spike + 30, alert: LATENCY, firing: [page('produce-latency', 'P2'), ticket('produce-latency')] },
        { minute: spike - step, alert: LATENCY_LOW, firing: [] },
        { minute: after, alert: LATENCY_LOW, firing: [lowLatency] },
      ]);
      passes(h.run({
        name: 'latency hour', rules: latencyRules, stepMinutes: step, inputMinutes: 2,
        series: cluster.series({ stepMinutes: 2, samples: (30 * DAY) / 2, produceP99: p99, only: LATENCY_INPUTS }), alerts: checks,
        exprs: [{ minute: after, expr: budgetExpr('produce-latency'), samples: [sample('produce-latency', remaining(2, after, step, 0.001))] }],
      }));
      expect(remaining(2, after, step, 0.001)).toBe(-43);
    });

    test('the same hour at 90 ms (under the objective) spends nothing', () => {
      const p99 = (_b: number, m: number) => (m >= 6 * HOUR && m < 7 * HOUR ? 90 : 12);
      const checks = note([6 * HOUR + 30, 8 * HOUR].flatMap((minute) => [{ minute, alert: LATENCY, firing: [] }, { minute, alert: LATENCY_LOW, firing: [] }]));
      passes(h.run({
        name: 'latency under objective', rules: latencyRules, stepMinutes: 30, inputMinutes: 2,
        series: cluster.series({ stepMinutes: 2, samples: (9 * HOUR) / 2, produceP99: p99, only: LATENCY_INPUTS }), alerts: checks,
        exprs: [{ minute: 8 * HOUR, expr: budgetExpr('produce-latency'), samples: [sample('produce-latency', 100)] }],
      }));
    });

    test('an hour with one broker\'s leaders (a sixth of the partitions) under min ISR on day 29 overspends prod\'s 99.99 % budget: KafkaAvailabilityErrorBudgetLow (P3)', () => {
      // Hourly evaluations: the hour is one evaluation with 333 of 2,000 partitions unwritable, against 4.3 minutes a month.
      const step = HOUR;
      const after = spike + 3 * HOUR;
      const checks = note([
        { minute: spike - step, alert: AVAILABILITY_LOW, firing: [] },
        { minute: after, alert: AVAILABILITY_LOW, firing: [budgetLow('availability', 'kafka-prod')] },
      ]);
      passes(h.run({
        name: 'availability budget', rules: availabilityRules, stepMinutes: step,
        series: cluster.series({ stepMinutes: step, samples: (30 * DAY) / step, underMinIsr: underMinIsr(spike, HOUR, 333), only: AVAILABILITY_INPUTS }), alerts: checks,
        exprs: [{ minute: after, expr: budgetExpr('availability'), samples: [sample('availability', remaining(333 / 2000, after, step, 0.0001))] }],
      }));
    });
  });

  test('a rolling restart of all six brokers (leaders move, every broker in log recovery in turn) burns no budget and stays silent', () => {
    const f = new ProductionFleet(h.monitoring.spec, h.monitoring.podMonitors, 140, { rolls: [{ start: 10, pods: new ProductionFleet(h.monitoring.spec, h.monitoring.podMonitors, 1, {}).brokers, each: 15, recovery: 12 }] });
    const checks = note([20, 40, 60, 80, 100, 120, 135].flatMap((minute) => SLO_ALERTS.map((alert) => ({ minute, alert, firing: [] }))));
    const exprs = [60, 100, 135].flatMap((minute) => [
      { minute, expr: 'kafka_cluster:partitions_unwritable:ratio', samples: [{ labels: 'kafka_cluster:partitions_unwritable:ratio{namespace="kafka", strimzi_io_cluster="kafka-prod"}', value: 0 }] },
      { minute, expr: 'kafka_slo:sli_error:ratio_rate1h{slo="produce-latency"}', samples: [{ labels: 'kafka_slo:sli_error:ratio_rate1h{namespace="kafka", slo="produce-latency", strimzi_io_cluster="kafka-prod"}', value: 0 }] },
    ]);
    passes(h.run({ name: 'rolling restart', rules: allRules, stepMinutes: 1, series: [...f.series(), ...leadersAndRequests(f, 140)], alerts: checks, exprs }));
  });

  test('every SLO alert of prod and each of its severities is proven firing, and each alert quiet', () => {
    const rules = h.groups.flatMap((g) => g.rules).filter((r) => (SLO_ALERTS as readonly string[]).includes(r.alert as string));
    expect(rules.length).toBe(6);
    for (const [alert, severity, firing, quiet] of ledger.coverage(rules)) expect([alert, severity, firing, quiet]).toEqual([alert, severity, true, true]);
  });
});

describeIfPromtool('promtool: staging rehearses the SLO rules at looser objectives', () => {
  test('staging\'s 99.9 % leaves 43 minutes a month: an hour with a third of the partitions unwritable leaves half of it, two hours overspend it (P3)', () => {
    fs.mkdirSync(os.tmpdir(), { recursive: true });
    const dir = promtoolWorkdir('slo-staging');
    try {
      const h = new RuleTestHarness(staging, dir);
      const cluster = new ClusterSeries(h.monitoring.spec, h.monitoring.podMonitors);
      const rules = h.rules((g) => g.startsWith('kafka-staging.slo-availability'));
      const spike = 29 * DAY;
      const after = spike + 3 * HOUR;
      // One of three brokers leads 667 of the 2,000 partitions: a third of them below min ISR.
      const run = (hours: number, expected: ExpectedFiring[]) =>
        h.run({
          name: `staging ${hours} hours`, rules, stepMinutes: HOUR,
          series: cluster.series({ stepMinutes: HOUR, samples: 30 * 24, underMinIsr: (b, m) => (b === 0 && m >= spike && m < spike + hours * HOUR ? 667 : 0), only: AVAILABILITY_INPUTS }),
          alerts: [{ minute: after, alert: AVAILABILITY_LOW, firing: expected }],
          exprs: [{ minute: after, expr: 'round(100 * kafka_slo:error_budget_remaining:ratio{slo="availability"})', samples: [{ labels: '{namespace="kafka", slo="availability", strimzi_io_cluster="kafka-staging"}', value: Math.round(100 * (1 - (hours * 667) / 2000 / (after / HOUR + 1) / 0.001)) }] }],
        });
      const half = run(1, []);
      expect(half.output).toContain('SUCCESS');
      const spent = run(2, [budgetLow('availability', 'kafka-staging')]);
      expect(spent.output).toContain('SUCCESS');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * What the production fleet does not model and the availability and latency SLIs read: each broker's leader
 * count (its leaders move to the others while it restarts and recovers) and its produce request count (the
 * request timer's `_count`, 500 requests/s while it runs), per incarnation of the pod.
 */
function leadersAndRequests(f: ProductionFleet, length: number): InputSeries[] {
  const out: InputSeries[] = [];
  for (const pod of f.brokers) {
    const incarnations = new Map<string, { target: Record<string, string>; minutes: number[] }>();
    for (let m = 0; m < length; m++) {
      const target = f.targetAt(pod, m);
      const entry = incarnations.get(target.instance) ?? { target, minutes: [] };
      entry.minutes.push(m);
      incarnations.set(target.instance, entry);
    }
    for (const { target, minutes } of incarnations.values()) {
      const first = minutes[0];
      const last = minutes[minutes.length - 1];
      const alive = (m: number) => m >= first && m <= last;
      const at = (value: (m: number) => number) => timeline(length, (m): Sample => (alive(m) ? value(m) : m === last + 1 ? STALE : undefined));
      const ready = (m: number) => f.brokers.filter((b) => f.isReady(b, m)).length;
      out.push(seriesOf('kafka_server_replicamanager_leadercount', target, {}, at((m) => (f.isReady(pod, m) ? 2000 / ready(m) : 0))));
      out.push(seriesOf('kafka_network_requestmetrics_totaltimems_count', target, { request: 'Produce' }, at((m) => (m - first) * 60 * 500)));
    }
  }
  return out;
}
