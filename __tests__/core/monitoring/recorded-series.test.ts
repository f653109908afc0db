import { renderRuleGroups } from '../../../lib/core/monitoring/alert-rules';
import { buildDashboards, dashboardExpressions } from '../../../lib/core/monitoring/dashboards';
import { checkPromql, metricNames, substituteGrafanaVariables } from '../../../lib/core/monitoring/promql-check';
import { isRecorded, RECORDED_SERIES } from '../../../lib/core/monitoring/recorded-series';
import { buildRuleGroups } from '../../../lib/core/monitoring/rule-groups';
import { consumerGroupOwnerRules } from '../../../lib/core/monitoring/consumer-groups';
import { GUIDE_SLOS } from '../../../lib/core/monitoring/slo/slo-spec';
import { spec } from './fixtures';

const full = spec({ slos: [...GUIDE_SLOS, { name: 'availability-week', sli: { kind: 'partition-availability' }, objective: 99.9, window: '7d' }], capacityPlanning: {}, topicBackups: [{ connector: 'kafka-backup-sink', consumerGroup: 'connect-kafka-backup-sink', flushIntervalMinutes: 30, recoveryPointHours: 24 }] });
// The cluster's rules, and the ownership series of declared consumer groups (their own PrometheusRule).
const ownership = consumerGroupOwnerRules({ cluster: full.cluster.name, namespace: full.cluster.namespace, groups: [{ group: 'orders-projector', team: 'orders' }] });
const rules = [...renderRuleGroups(full, buildRuleGroups(full)).flatMap((g) => g.rules), ...ownership] as { record?: string; alert?: string; expr: string }[];
const written = [...new Set(rules.flatMap((r) => (r.record ? [r.record] : [])))];

describe('recorded series: one owner of the names', () => {
  test('every series a rule records is registered, and every registered name is written by some rule', () => {
    expect(written.filter((n) => !isRecorded(n))).toEqual([]);
    for (const entry of RECORDED_SERIES) {
      const writes = written.filter((n) => (typeof entry.name === 'string' ? n === entry.name : entry.name.test(n)));
      expect([String(entry.name), writes.length > 0]).toEqual([String(entry.name), true]);
    }
    expect(isRecorded('kafka_slo:sli_error:ratio_rate7d')).toBe(true);
    expect(isRecorded('kafka_slo:sli_error:ratio_rate_1h')).toBe(false);
  });

  test('every record, alert and panel expression parses and reads only catalogued metrics or recorded series; alerts read only series someone records', () => {
    const problems = rules.map((r) => ({ rule: r.record ?? r.alert, ...checkPromql(r.expr) })).filter((p) => p.syntaxErrors.length || p.unknownMetrics.length);
    expect(problems).toEqual([]);
    const dashboards = buildDashboards({ mirrorMaker2: false, slos: full.slos, capacityPlanning: full.capacityPlanning, brokers: 6, scrapeInterval: '30s' }).filter((d) => ['kafka-slos', 'kafka-capacity'].includes(d.uid!));
    expect(dashboards).toHaveLength(2);
    const exprs = dashboards.flatMap(dashboardExpressions);
    expect(exprs.filter((e) => checkPromql(substituteGrafanaVariables(e.expr)).unknownMetrics.length || checkPromql(substituteGrafanaVariables(e.expr)).syntaxErrors.length)).toEqual([]);
    // A panel reading a recorded name that no rule writes would be empty: none does.
    const read = exprs.flatMap((e) => metricNames(substituteGrafanaVariables(e.expr))).filter(isRecorded);
    expect(read.filter((n) => !written.includes(n))).toEqual([]);
  });

  test('the check fails for a recorded-looking name nobody registers (the check can fail)', () => {
    expect(checkPromql('kafka_slo:sli_errors:ratio_rate1h > 0').unknownMetrics).toEqual(['kafka_slo:sli_errors:ratio_rate1h']);
  });
});
