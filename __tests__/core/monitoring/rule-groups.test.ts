import { buildAlertGroups, renderRuleGroups } from '../../../lib/core/monitoring/alert-rules';
import { buildRuleGroups } from '../../../lib/core/monitoring/rule-groups';
import { GUIDE_SLOS } from '../../../lib/core/monitoring/slo/slo-spec';
import { spec } from './fixtures';

describe('rule groups of a cluster', () => {
  test('the threshold alerts unchanged, then the SLIs, each SLO\'s groups and capacity planning', () => {
    const s = spec({ slos: GUIDE_SLOS, capacityPlanning: {} });
    const names = buildRuleGroups(s).map((g) => g.name);
    expect(names.slice(0, buildAlertGroups(s).length)).toEqual(buildAlertGroups(s).map((g) => g.name));
    expect(names.slice(buildAlertGroups(s).length)).toEqual([
      'kafka-prod.sli', 'kafka-prod.slo-availability', 'kafka-prod.slo-availability-budget', 'kafka-prod.slo-produce-latency', 'kafka-prod.slo-produce-latency-budget', 'kafka-prod.capacity-planning',
    ]);
    expect(buildRuleGroups(spec()).map((g) => g.name).slice(-1)).toEqual(['kafka-prod.sli']);
  });

  test('recording rules render as record, expr and their labels, before the group\'s alerts; intervals only where set', () => {
    const s = spec({ slos: GUIDE_SLOS });
    const groups = renderRuleGroups(s, buildRuleGroups(s)) as { name: string; interval?: string; rules: Record<string, unknown>[] }[];
    const availability = groups.find((g) => g.name === 'kafka-prod.slo-availability')!;
    expect(availability.interval).toBe('30s');
    expect(availability.rules[0]).toEqual({ record: 'kafka_slo:sli_bad:value', expr: expect.any(String), labels: { namespace: 'kafka', strimzi_io_cluster: 'kafka-prod', slo: 'availability' } });
    expect(availability.rules.map((r) => (r.record ? 'record' : 'alert'))).toEqual([...Array(7).fill('record'), 'alert']);
    expect(Object.keys(availability.rules[7]).sort()).toEqual(['alert', 'annotations', 'expr', 'for', 'labels']);
    expect(groups.filter((g) => g.name.endsWith('.availability')).map((g) => Object.keys(g).sort())).toEqual([['name', 'rules']]);
  });
});
