import { buildDashboards } from '../../../../lib/core/monitoring/dashboards';
import { dashboardConfigMap } from '../../../../lib/core/monitoring/dashboard-config-maps';
import { dashboardExpressions } from '../../../../lib/core/monitoring/dashboards';
import { METRICS } from '../../../../lib/core/monitoring/catalogue';

type Panel = { id?: number; type: string; title: string; targets?: { refId?: string; expr?: string; legendFormat?: string }[]; fieldConfig?: { defaults?: { unit?: string } }; options?: { legend?: { showLegend?: boolean } } };

describe('dashboards', () => {
  const dashboards = buildDashboards({ mirrorMaker2: true, cruiseControl: true });

  test('the guide\'s operations dashboard plus topics, consumer groups, KRaft, brokers, operators, and MirrorMaker 2 only with replication', () => {
    expect(dashboards.map((d) => d.uid)).toEqual(['kafka-operations', 'kafka-topics', 'kafka-consumer-groups', 'kafka-kraft', 'kafka-brokers', 'kafka-operators', 'kafka-mirror-maker-2']);
    expect(buildDashboards({ mirrorMaker2: false }).map((d) => d.uid)).not.toContain('kafka-mirror-maker-2');
    const titles = (dashboards[0].panels as Panel[]).map((p) => p.title);
    for (const row of ['Cluster overview', 'Message rate', 'Partition health', 'Consumer lag', 'Request latency', 'Disk usage']) expect(titles).toContain(row);
  });

  test.each(buildDashboards({ mirrorMaker2: true, cruiseControl: true }).map((d) => [d.uid, d] as const))('%s: unique panel ids, refIds, units, legends; namespace and cluster variables', (_uid, d) => {
    const panels = d.panels as Panel[];
    const ids = panels.map((p) => p.id);
    expect(ids.every((id) => Number.isInteger(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels.filter((x) => x.type !== 'row')) {
      expect([p.title, p.targets!.map((t) => t.refId)]).toEqual([p.title, p.targets!.map((_t, i) => String.fromCharCode(65 + i))]);
      expect([p.title, p.fieldConfig?.defaults?.unit]).toEqual([p.title, expect.any(String)]);
      expect(p.targets!.every((t) => t.legendFormat && t.expr)).toBe(true);
      if (p.type === 'timeseries') expect(p.options?.legend?.showLegend).toBe(true);
    }
    const variables = (d.templating?.list ?? []).map((v) => v.name);
    expect(variables.slice(0, 3)).toEqual(['datasource', 'namespace', 'cluster']);
  });

  test('brokers: CPU, memory and JVM per pod, leaders and at-min-ISR per broker, failed authentications', () => {
    const d = dashboards.find((x) => x.uid === 'kafka-brokers')!;
    const exprs = dashboardExpressions(d).map((e) => e.expr).join('\n');
    for (const metric of ['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes', 'jvm_memory_used_bytes', 'jvm_gc_collection_seconds_sum', 'kafka_server_replicamanager_leadercount', 'kafka_server_replicamanager_atminisrpartitioncount', 'kafka_server_socket_server_metrics_failed_authentication_total']) {
      expect([metric, exprs.includes(metric)]).toEqual([metric, true]);
    }
    // Only the kafka container of the cluster's node pods (not Kafka Exporter or Cruise Control pods).
    expect(exprs).toContain('pod=~"$cluster-.+-[0-9]+", container="kafka"');
  });

  test('operators: Strimzi operators always; Cruise Control panels only where it runs', () => {
    const titles = (cruiseControl: boolean) => buildDashboards({ mirrorMaker2: false, cruiseControl }).find((x) => x.uid === 'kafka-operators')!.panels!.map((p) => p.title);
    for (const title of ['Cluster Operator targets up', 'Failed reconciliations per hour by kind', 'Resources not ready']) expect(titles(false)).toContain(title);
    expect(titles(false)).not.toContain('Balancedness score');
    expect(titles(true)).toEqual(expect.arrayContaining(['Cruise Control', 'Balancedness score', 'Partitions monitored', 'Rebalance executing']));
  });

  test('delivered as sidecar ConfigMaps with the grafana_dashboard label and folder annotation', () => {
    const cm = dashboardConfigMap('kafka-prod', 'kafka', 'Kafka', dashboards[0]);
    expect(cm.metadata).toMatchObject({ name: 'kafka-prod-dashboard-kafka-operations', labels: { grafana_dashboard: '1' }, annotations: { grafana_folder: 'Kafka' } });
    expect(JSON.parse(cm.data['kafka-operations.json']).uid).toBe('kafka-operations');
  });
});

describe('per-partition opt-in', () => {
  test('the topic-size panel (per-partition kafka_log_log_size) appears only with perPartitionMetrics; panels never overflow the 24-column grid', () => {
    const titles = (perPartitionMetrics: boolean) => buildDashboards({ mirrorMaker2: false, perPartitionMetrics }).find((d) => d.uid === 'kafka-topics')!.panels!.map((p) => p.title);
    expect(titles(false)).not.toContain('Size on disk by topic (all replicas)');
    expect(titles(true)).toContain('Size on disk by topic (all replicas)');
    for (const perPartitionMetrics of [false, true]) {
      for (const d of buildDashboards({ mirrorMaker2: true, perPartitionMetrics })) {
        for (const p of d.panels ?? []) expect((p.gridPos?.x ?? 0) + (p.gridPos?.w ?? 0)).toBeLessThanOrEqual(24);
      }
    }
  });

  test('without the opt-in no dashboard queries an opt-in metric', () => {
    const optIn = METRICS.filter((m) => m.optIn === 'per-partition').map((m) => m.name);
    const exprs = buildDashboards({ mirrorMaker2: true }).flatMap((d) => dashboardExpressions(d).map((e) => e.expr));
    expect(exprs.filter((e) => optIn.some((name) => e.includes(name)))).toEqual([]);
  });
});
