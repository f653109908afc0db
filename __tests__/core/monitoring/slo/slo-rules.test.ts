import { AlertGroup } from '../../../../lib/core/monitoring/alert-rules';
import { PRIORITIES } from '../../../../lib/core/monitoring/alert-routing';
import { parseDuration } from '../../../../lib/core/monitoring/durations';
import { SLO_ALERTS, sloRuleGroups } from '../../../../lib/core/monitoring/slo/slo-rules';
import { GUIDE_SLOS } from '../../../../lib/core/monitoring/slo/slo-spec';
import { spec } from '../fixtures';

const guide = () => sloRuleGroups(spec({ slos: GUIDE_SLOS }));
const alertsOf = (groups: AlertGroup[]) => groups.flatMap((g) => g.rules.map((r) => ({ ...r, group: g.name, interval: g.interval! })));

describe('SLO rules', () => {
  test('no SLOs, no SLO groups', () => {
    expect(sloRuleGroups(spec())).toEqual([]);
  });

  test('per SLO: windows under a day at the scrape interval with the page, the day-long windows and the budget every 5 minutes with the ticket and budget alerts', () => {
    const groups = guide();
    expect(groups.map((g) => [g.name, g.interval])).toEqual([
      ['kafka-prod.slo-availability', '30s'],
      ['kafka-prod.slo-availability-budget', '5m'],
      ['kafka-prod.slo-produce-latency', '30s'],
      ['kafka-prod.slo-produce-latency-budget', '5m'],
    ]);
    expect(groups[0].records!.map((r) => r.record)).toEqual([
      'kafka_slo:sli_bad:value', 'kafka_slo:sli_total:value',
      'kafka_slo:sli_error:ratio_rate5m', 'kafka_slo:sli_error:ratio_rate30m', 'kafka_slo:sli_error:ratio_rate1h', 'kafka_slo:sli_error:ratio_rate2h', 'kafka_slo:sli_error:ratio_rate6h',
    ]);
    expect(groups[1].records!.map((r) => r.record)).toEqual([
      'kafka_slo:sli_error:ratio_rate1d', 'kafka_slo:sli_error:ratio_rate3d', 'kafka_slo:sli_error:ratio_rate30d', 'kafka_slo:objective:ratio', 'kafka_slo:error_budget:ratio', 'kafka_slo:error_budget_remaining:ratio',
    ]);
    expect(groups.map((g) => g.rules.map((r) => `${r.alert} ${r.severity}`))).toEqual([
      ['KafkaAvailabilityErrorBudgetBurn critical'],
      ['KafkaAvailabilityErrorBudgetBurn warning', 'KafkaAvailabilityErrorBudgetLow warning'],
      ['KafkaProduceLatencyErrorBudgetBurn critical'],
      ['KafkaProduceLatencyErrorBudgetBurn warning', 'KafkaProduceLatencyErrorBudgetLow info'],
    ]);
    expect(groups[0].records!.every((r) => r.labels?.slo === 'availability' && r.labels.strimzi_io_cluster === 'kafka-prod' && r.labels.namespace === 'kafka')).toBe(true);
  });

  test('the workbook\'s thresholds at each objective: 14.4x and 6x page, 3x and 1x ticket, the budget alert below 10 %', () => {
    const [page, ticket, low] = alertsOf(guide()).filter((r) => r.alert.startsWith('KafkaAvailability'));
    expect(page.expr).toContain('kafka_slo:sli_error:ratio_rate1h{namespace="kafka", strimzi_io_cluster="kafka-prod", slo="availability"} / 0.0001 > 14.4 and kafka_slo:sli_error:ratio_rate5m{');
    expect(page.expr).toContain('ratio_rate6h{namespace="kafka", strimzi_io_cluster="kafka-prod", slo="availability"} / 0.0001 > 6 and kafka_slo:sli_error:ratio_rate30m{');
    expect(ticket.expr).toMatch(/ratio_rate1d\{[^}]+\} \/ 0\.0001 > 3 and .*ratio_rate2h.* or .*ratio_rate3d\{[^}]+\} \/ 0\.0001 > 1 and .*ratio_rate6h/);
    expect(low.expr).toBe('kafka_slo:error_budget_remaining:ratio{namespace="kafka", strimzi_io_cluster="kafka-prod", slo="availability"} < 0.1');
    const latency = alertsOf(guide()).find((r) => r.alert === 'KafkaProduceLatencyErrorBudgetBurn')!;
    expect(latency.expr).toContain('/ 0.001 > 14.4');
    const month28 = alertsOf(sloRuleGroups(spec({ slos: [{ sli: { kind: 'partition-availability' }, objective: 99.5, window: '28d' }] })))[0];
    expect(month28.expr).toContain('/ 0.005 > 13.44');
  });

  test('availability is the guide\'s P1 class (page), slow burns P3 tickets; latency pages P2; a spent latency budget is P4', () => {
    expect(alertsOf(guide()).map((r) => `${r.alert} ${r.severity} ${r.priority}`)).toEqual([
      'KafkaAvailabilityErrorBudgetBurn critical P1', 'KafkaAvailabilityErrorBudgetBurn warning P3', 'KafkaAvailabilityErrorBudgetLow warning P3',
      'KafkaProduceLatencyErrorBudgetBurn critical P2', 'KafkaProduceLatencyErrorBudgetBurn warning P3', 'KafkaProduceLatencyErrorBudgetLow info P4',
    ]);
    expect([...SLO_ALERTS].sort()).toEqual(['KafkaAvailabilityErrorBudgetBurn', 'KafkaAvailabilityErrorBudgetLow', 'KafkaProduceLatencyErrorBudgetBurn', 'KafkaProduceLatencyErrorBudgetLow']);
  });

  test('each alert pages within its priority\'s longest time once its condition holds: for plus its group\'s interval (its inputs are records, no ranges)', () => {
    const budget = (p: keyof typeof PRIORITIES) => ({ P1: 5, P2: 10, P3: 60, P4: 24 * 60 })[p] * 60;
    for (const r of alertsOf(guide())) {
      const seconds = parseDuration(r.for)! + parseDuration(r.interval)!;
      expect([r.alert, r.severity, seconds <= budget(r.priority!)]).toEqual([r.alert, r.severity, true]);
      // Nothing but recorded series: the windows are in the records, so the expression adds no range of its own.
      expect(r.expr).not.toMatch(/\[[0-9]+[smhdw]\]/);
    }
  });

  test('equal windows share one record; a page whose long window is a day moves to the budget group; alert classes can be switched off', () => {
    const groups = sloRuleGroups(spec({ slos: [{ sli: { kind: 'partition-availability' }, objective: 99.9, alerting: { page: [{ long: '60m', short: '5m', budgetPercent: 2 }, { long: '1d', short: '1h', budgetPercent: 20 }], ticket: false, budgetRemainingPercent: false } }] }));
    expect(groups[0].records!.filter((r) => r.record === 'kafka_slo:sli_error:ratio_rate1h')).toHaveLength(1);
    expect(groups.map((g) => g.rules.map((r) => `${r.alert} ${r.severity}`))).toEqual([[], ['KafkaAvailabilityErrorBudgetBurn critical']]);
  });

  test('latency counts every produce request of a broker whose p99 misses the objective as slow, weighted by its request rate', () => {
    const [fast] = sloRuleGroups(spec({ slos: [{ sli: { kind: 'produce-latency', thresholdMs: 250 }, objective: 99 }] }));
    const [bad, total] = fast.records!;
    expect(total.expr).toBe('sum(rate(kafka_network_requestmetrics_totaltimems_count{namespace="kafka", job="kafka/kafka-prod-kafka", strimzi_io_broker_role="true", request="Produce"}[5m]))');
    expect(bad.expr).toContain('and on (namespace, pod) (kafka_network_requestmetrics_totaltimems{namespace="kafka", job="kafka/kafka-prod-kafka", strimzi_io_broker_role="true", request="Produce", quantile="0.99"} >= 250)');
    expect(bad.expr).toMatch(/ or \(sum\(rate\(.*\) \* 0\)$/);
  });
});
