import * as fs from 'fs';
import * as os from 'os';
import { prod } from '../../stacks/environments';
import { CAPACITY_PROJECTION_ALERTS } from '../../lib/core/monitoring/capacity/capacity-rules';
import { promtoolAvailable, promtoolWorkdir } from '../helpers/promtool';
import { AlertCheck, DAY, ExpectedFiring, HOUR, ProofLedger, RuleTestHarness } from './rule-test-harness';
import { ClusterSeries, TIB } from './slo-capacity-series';

/**
 * prod's capacity projections replayed with promtool over two weeks of hourly samples: a growing volume, message
 * rate or partition count raises the projection alert naming the day it reaches its trigger and what to add;
 * flat series (daily traffic cycle included), young clusters and volumes already past their trigger do not.
 * Expected days and figures are worked out from the growth the scenario sets, not from the rules; the
 * recorded averages lag the raw series by half an hour (the mean of a straight line over the last hour).
 */
const available = promtoolAvailable();
const describeIfPromtool = available ? describe : describe.skip;

const ledger = new ProofLedger();
const note = (checks: readonly AlertCheck[]) => ledger.note(checks);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The day `days` after the start of the scenario (promtool starts at the Unix epoch), as the alert names it. */
function dayName(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
/** Prometheus' humanize1024 (`%.4g` and a binary prefix). */
function humanize1024(v: number): string {
  const prefixes = ['', 'ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let i = 0;
  while (Math.abs(v) >= 1024 && i < prefixes.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${prefixes[i]}`;
}
/** The rule's description with its template expressions replaced, in order, by the values they must render. */
function rendered(template: string, values: readonly string[]): string {
  const parts = template.match(/\{\{ with (?:(?!\{\{ end \}\}).)*\{\{ end \}\}|\{\{[^}]*\}\}/g) ?? [];
  expect(parts.length).toBe(values.length);
  let out = template;
  parts.forEach((p, i) => (out = out.replace(p, values[i])));
  return out;
}

describeIfPromtool('promtool: prod capacity projections name the day and what to add', () => {
  let h: RuleTestHarness;
  let cluster: ClusterSeries;
  let dir: string;
  let rules: string;
  let rulesWithAnnotations: string;
  const LAG = 0.5 / 24; // days the 1-hour averages trail the raw series
  const capacityOnly = (g: string) => g === 'kafka-prod.capacity-planning';
  beforeAll(() => {
    fs.mkdirSync(os.tmpdir(), { recursive: true });
    dir = promtoolWorkdir('capacity');
    h = new RuleTestHarness(prod, dir);
    cluster = new ClusterSeries(h.monitoring.spec, h.monitoring.podMonitors);
    rules = h.rules(capacityOnly);
    rulesWithAnnotations = h.rules(capacityOnly, true);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const passes = (r: { ok: boolean; output: string }) => {
    expect(r.output).toContain('SUCCESS');
    expect(r.ok).toBe(true);
  };
  const samples = 15 * 24 + 1; // two weeks and a day of hourly samples
  const volume = (broker: number, severity: 'info' | 'warning', annotations?: Record<string, string>): ExpectedFiring => ({
    severity,
    priority: severity === 'info' ? 'P4' : 'P3',
    labels: { persistentvolumeclaim: cluster.brokers[broker].pvc, strimzi_io_cluster: 'kafka-prod' },
    ...(annotations ? { annotations } : {}),
  });
  const clusterWide = (severity: 'info' | 'warning', annotations?: Record<string, string>): ExpectedFiring => ({ severity, priority: severity === 'info' ? 'P4' : 'P3', labels: { strimzi_io_cluster: 'kafka-prod' }, ...(annotations ? { annotations } : {}) });

  test('linear disk growth over two weeks raises the projection naming the day it reaches 75 %, and the size that lasts the horizon', () => {
    // Broker 0's volume grows 1 % of 1 TiB a day from 40.5 %: 75 % on day 34.5, within the 30-day horizon from day 12 on.
    // Broker 1's grows 2.5 % a day from 40 %: 75 % on day 14, within the 7-day urgent horizon from day 7 on.
    const used = (b: number, m: number) => (b === 0 ? 0.405 + 0.01 * (m / DAY) : b === 1 ? 0.4 + 0.025 * (m / DAY) : 0.4);
    const at = 12 * DAY;
    const info = h.rule('KafkaDiskUsageProjection', 'info').annotations;
    const growth = humanize1024(0.01 * TIB);
    const sizeNeeded = humanize1024(((0.405 + 0.01 * (12 + 30 - LAG)) * TIB) / 0.75);
    const description = rendered(info.description, [growth, cluster.brokers[0].pvc, dayName((0.75 - 0.405) / 0.01), sizeNeeded]);
    const checks = note([
      // Six days of history are less than the 7-day minimum: no projection alert yet, however fast the growth.
      { minute: 6 * DAY, alert: 'KafkaDiskUsageProjection', firing: [] },
      { minute: at, alert: 'KafkaDiskUsageProjection', firing: [volume(0, 'info'), volume(1, 'warning'), volume(1, 'info')] },
    ]);
    passes(h.run({ name: 'disk growth', rules, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples, diskUsed: used }), alerts: checks }));
    // The text, with broker 0 growing alone (promtool compares every annotation of every alert of a check).
    passes(h.run({
      name: 'disk growth text', rules: rulesWithAnnotations, stepMinutes: HOUR,
      series: cluster.series({ stepMinutes: HOUR, samples: at / HOUR + 1, diskUsed: (b, m) => (b === 0 ? used(0, m) : 0.4) }),
      alerts: [{ minute: at, alert: 'KafkaDiskUsageProjection', firing: [volume(0, 'info', { ...info, description })] }],
    }));
    expect(description).toContain('on Wednesday 4 February 1970');
    expect(description).toContain(`at least ${sizeNeeded}B`);
  });

  test('a volume already past its trigger leaves the projection to the static capacity alert; flat volumes stay quiet', () => {
    const used = (b: number, m: number) => (b === 1 ? 0.4 + 0.025 * (m / DAY) : 0.6);
    // Broker 1's volume passes 75 % on day 14; all others stay at 60 % for two weeks.
    const checks = note([{ minute: 14 * DAY + 12 * HOUR, alert: 'KafkaDiskUsageProjection', firing: [] }]);
    passes(h.run({
      name: 'disk past trigger', rules, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples, diskUsed: used }), alerts: checks,
      // The projections exist (the check is not vacuous): a flat 60 % volume is projected at 60 % (614 GiB) in 30 days.
      exprs: [{ minute: 14 * DAY, expr: `round(kafka_pvc:data_volume_used_bytes:projected30d{persistentvolumeclaim="${cluster.brokers[2].pvc}"} / 2^30)`, samples: [{ labels: `{namespace="kafka", persistentvolumeclaim="${cluster.brokers[2].pvc}", strimzi_io_cluster="kafka-prod"}`, value: 614 }] }],
    }));
  });

  test('a message rate growing 1,000/s a day raises the projection with the day it reaches 80,000/s and the brokers it needs', () => {
    // 50,000/s on day 0, +1,000/s a day: 80,000/s on day 30, 16 days after day 14; 30 days further (the horizon) the
    // rate is about 94,000/s, which at the trigger's 13,333/s per broker (80,000/s over 6) takes 8 brokers.
    const rate = (m: number) => 50_000 + 1000 * (m / DAY);
    const at = 14 * DAY;
    const info = h.rule('KafkaMessageRateProjection', 'info').annotations;
    const now = 50_000 + 1000 * (14 - LAG);
    const description = rendered(info.description, [
      Math.round(now).toString(), Math.round(now / 6).toString(), '1000', dayName(30), String(Math.ceil((50_000 + 1000 * (14 + 30 - LAG)) / (80_000 / 6))),
    ]);
    const checks = note([
      { minute: 5 * DAY, alert: 'KafkaMessageRateProjection', firing: [] },
      { minute: at, alert: 'KafkaMessageRateProjection', firing: [clusterWide('info', { ...info, description })] },
    ]);
    passes(h.run({ name: 'message growth', rules: rulesWithAnnotations, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples, messagesPerSecond: rate }), alerts: checks }));
    // From 70,000/s the same growth reaches the trigger on day 10: two days ahead on day 8, inside the urgent week.
    const urgent = note([{ minute: 8 * DAY, alert: 'KafkaMessageRateProjection', firing: [clusterWide('warning'), clusterWide('info')] }]);
    passes(h.run({ name: 'message growth urgent', rules, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples: 8 * 24 + 1, messagesPerSecond: (m) => 20_000 + rate(m) }), alerts: urgent }));
    expect(description).toContain('takes 8 brokers in all');
    expect(description).toContain('on Saturday 31 January 1970');
  });

  test('partitions growing 300 a day (900 replicas) reach 4,000 per broker within a week: warning (P3) and info (P4), with the brokers to add', () => {
    // 6,000 replicas on day 0, +900 a day: 24,000 (4,000 on each of 6 brokers) on day 20, 6 days after day 14.
    const replicas = (m: number) => 6000 + 900 * (m / DAY);
    const at = 14 * DAY;
    const warning = h.rule('KafkaPartitionCountProjection', 'warning').annotations;
    const info = h.rule('KafkaPartitionCountProjection', 'info').annotations;
    const now = 6000 + 900 * (14 - LAG);
    const values = [Math.round(now).toString(), Math.round(now / 6).toString(), '900', dayName(20), String(Math.ceil((6000 + 900 * (14 + 30 - LAG)) / 4000))];
    const checks = note([
      { minute: 5 * DAY, alert: 'KafkaPartitionCountProjection', firing: [] },
      { minute: at, alert: 'KafkaPartitionCountProjection', firing: [clusterWide('warning', { ...warning, description: rendered(warning.description, values) }), clusterWide('info', { ...info, description: rendered(info.description, values) })] },
    ]);
    passes(h.run({ name: 'partition growth', rules: rulesWithAnnotations, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples, replicas }), alerts: checks }));
    expect(values.slice(3)).toEqual(['Wednesday 21 January 1970', '12']);
  });

  test('flat series stay quiet: steady disks, a message rate with a daily cycle of +-10,000/s, a steady partition count', () => {
    const daily = (m: number) => 30_000 + 10_000 * Math.sin((2 * Math.PI * m) / DAY);
    const checks = note(
      [8 * DAY, 11 * DAY, 14 * DAY].flatMap((minute) => [
        { minute, alert: 'KafkaMessageRateProjection', firing: [] },
        { minute, alert: 'KafkaPartitionCountProjection', firing: [] },
        { minute, alert: 'KafkaDiskUsageProjection', firing: [] },
      ]),
    );
    passes(h.run({ name: 'flat', rules, stepMinutes: HOUR, series: cluster.series({ stepMinutes: HOUR, samples, messagesPerSecond: daily, diskUsed: () => 0.6 }), alerts: checks }));
  });

  test('every projection alert and each of its severities is proven firing, and each alert quiet', () => {
    const rendered = h.groups.flatMap((g) => g.rules).filter((r) => (CAPACITY_PROJECTION_ALERTS as readonly string[]).includes(r.alert as string));
    expect(rendered.length).toBe(6);
    for (const [alert, severity, firing, quiet] of ledger.coverage(rendered)) expect([alert, severity, firing, quiet]).toEqual([alert, severity, true, true]);
  });
});
