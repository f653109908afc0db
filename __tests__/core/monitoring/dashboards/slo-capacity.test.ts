import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards } from '../../../../lib/core/monitoring/dashboards';
import { capacityDashboard } from '../../../../lib/core/monitoring/dashboards/capacity';
import { sloDashboard } from '../../../../lib/core/monitoring/dashboards/slo';
import { resolveCapacityPlanning } from '../../../../lib/core/monitoring/capacity/capacity-spec';
import { GUIDE_SLOS, resolveSlos } from '../../../../lib/core/monitoring/slo/slo-spec';

type Panel = { id?: number; type: string; title: string; description?: string; gridPos?: { x: number; w: number }; targets?: { refId?: string; expr?: string; legendFormat?: string }[]; fieldConfig?: { defaults?: { unit?: string } } };
const panels = (d: Dashboard) => d.panels as Panel[];

describe('SLO and capacity dashboards', () => {
  const slos = sloDashboard(resolveSlos(GUIDE_SLOS), { scrapeInterval: '30s' });
  const capacity = capacityDashboard(resolveCapacityPlanning({}, { diskUsagePercent: 75, messagesInPerSecond: 80_000 })!, { brokers: 6 });

  test('only where SLOs and capacity planning are configured', () => {
    expect(buildDashboards({ mirrorMaker2: false }).map((d) => d.uid)).not.toEqual(expect.arrayContaining(['kafka-slos']));
    const uids = buildDashboards({ mirrorMaker2: false, slos: resolveSlos(GUIDE_SLOS), capacityPlanning: resolveCapacityPlanning({}, { diskUsagePercent: 75, messagesInPerSecond: 80_000 }), brokers: 6 }).map((d) => d.uid);
    expect(uids.slice(-2)).toEqual(['kafka-slos', 'kafka-capacity']);
  });

  test.each([['slos', slos], ['capacity', capacity]] as const)('%s: unique ids, refIds, units, legends, the cluster variables, nothing past the 24-column grid', (_n, d) => {
    const ids = panels(d).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels(d).filter((x) => x.type !== 'row')) {
      expect([p.title, p.targets!.map((t) => t.refId)]).toEqual([p.title, p.targets!.map((_t, i) => String.fromCharCode(65 + i))]);
      expect([p.title, typeof p.fieldConfig?.defaults?.unit]).toEqual([p.title, 'string']);
      expect(p.targets!.every((t) => t.legendFormat && t.expr)).toBe(true);
      expect((p.gridPos?.x ?? 0) + (p.gridPos?.w ?? 0)).toBeLessThanOrEqual(24);
    }
    expect((d.templating?.list ?? []).map((v) => v.name).slice(0, 3)).toEqual(['datasource', 'namespace', 'cluster']);
  });

  test('the SLO dashboard shows each SLO\'s SLI, budget spent, burn rates with the alert thresholds, coverage, and says the latency SLI is broker-side', () => {
    const titles = panels(slos).map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['SLO availability: 99.99 % over 30d', 'SLO produce-latency: 99.9 % over 30d', 'SLI over 30d', 'Error budget spent', 'Burn rate by window', 'SLI data coverage of the window', 'Produce p99 per broker (the SLI\'s input)']));
    const sli = panels(slos).filter((p) => p.title === 'SLI over 30d');
    expect(sli[1].description).toMatch(/^Broker-side approximation, not an end-to-end probe/);
    const burn = panels(slos).find((p) => p.title === 'Burn rate by window')!;
    expect(burn.targets!.map((t) => t.legendFormat)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', 'threshold 14.4x', 'threshold 6x', 'threshold 3x', 'threshold 1x']);
    expect(burn.targets![2].expr).toBe('kafka_slo:sli_error:ratio_rate1h{namespace="$namespace", strimzi_io_cluster="$cluster", slo="availability"} / 0.0001');
    const coverage = panels(slos).find((p) => p.title === 'SLI data coverage of the window')!;
    expect(coverage.targets![0].expr).toBe('count_over_time(kafka_slo:sli_total:value{namespace="$namespace", strimzi_io_cluster="$cluster", slo="availability"}[30d]) * 30 / 2592000');
  });

  test('the capacity dashboard projects each signal 30, 60 and 90 days, says which projections reach beyond the history, and when the trigger is reached', () => {
    const projected = panels(capacity).find((p) => p.title === 'Projected message rate')!;
    expect(projected.targets!.map((t) => t.legendFormat)).toEqual(['in 30 days', 'in 60 days', 'in 90 days']);
    expect(projected.description).toContain('The 60 and 90-day projections reach beyond that history');
    const day = panels(capacity).find((p) => p.title === 'Day a volume reaches 75 %')!;
    expect([day.fieldConfig!.defaults!.unit, day.targets![0].expr]).toEqual(['dateTimeAsIso', 'kafka_pvc:data_volume_used_bytes:trigger_timestamp{namespace="$namespace", strimzi_io_cluster="$cluster"} * 1000']);
    const longer = capacityDashboard(resolveCapacityPlanning({ history: '13w', horizon: '60d' }, { diskUsagePercent: 75, messagesInPerSecond: 80_000 })!, { brokers: 6 });
    expect(panels(longer).find((p) => p.title === 'Projected message rate')!.description).not.toContain('beyond');
  });
});
