import { DEFAULT_CA_RENEWAL_DAYS, DEFAULT_CA_VALIDITY_DAYS, DEFAULT_PROMETHEUS_SELECTOR_LABELS, DEFAULT_RETENTION_HOURS, DEFAULT_THRESHOLDS } from '../../lib/core';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { ENVIRONMENTS } from '../../stacks/environments';

/**
 * An environment states what differs from the library's defaults, and nothing else: a restated default is a
 * second definition that silently stops following the first. Deliberately pinned, and not listed here: the Kafka
 * `version` and `metadataVersion` (a library upgrade must never upgrade a cluster; see README "Upgrades").
 */
function restatedDefaults(env: EnvironmentConfig): string[] {
  const found: string[] = [];
  const same = (field: string, value: unknown, fallback: unknown) => {
    if (value !== undefined && JSON.stringify(value) === JSON.stringify(fallback)) found.push(`${field} = ${JSON.stringify(value)}`);
  };
  const c = env.cluster;
  const d = c.brokerDefaults ?? {};
  const rf = d.defaultReplicationFactor ?? Math.min(3, c.topology.brokerCount);
  same('cluster.brokerDefaults.defaultReplicationFactor', d.defaultReplicationFactor, Math.min(3, c.topology.brokerCount));
  same('cluster.brokerDefaults.minInsyncReplicas', d.minInsyncReplicas, Math.min(2, rf));
  same('cluster.brokerDefaults.defaultPartitions', d.defaultPartitions, 3);
  same('cluster.brokerDefaults.retentionHours', d.retentionHours, DEFAULT_RETENTION_HOURS);
  for (const ca of ['clusterCa', 'clientsCa'] as const) {
    same(`cluster.${ca}.validityDays`, c[ca]?.validityDays, DEFAULT_CA_VALIDITY_DAYS);
    same(`cluster.${ca}.renewalDays`, c[ca]?.renewalDays, DEFAULT_CA_RENEWAL_DAYS);
  }
  same('cluster.rackAware', c.rackAware, true);
  same('operator.namespace', env.operator.namespace, 'strimzi-system');
  const m = env.monitoring;
  if (m) {
    same('monitoring.prometheusSelectorLabels', m.prometheusSelectorLabels, DEFAULT_PROMETHEUS_SELECTOR_LABELS);
    same('monitoring.mirrorMaker2', m.mirrorMaker2, env.operations?.replication !== undefined);
    same('monitoring.scrapeInterval', m.scrapeInterval, '30s');
    same('monitoring.dashboardFolder', m.dashboardFolder, 'Kafka');
    for (const [key, value] of Object.entries(m.thresholds ?? {})) {
      if (key === 'capacity') {
        for (const [k, v] of Object.entries(value as object)) same(`monitoring.thresholds.capacity.${k}`, v, (DEFAULT_THRESHOLDS.capacity as Record<string, unknown>)[k]);
      } else {
        same(`monitoring.thresholds.${key}`, value, (DEFAULT_THRESHOLDS as unknown as Record<string, unknown>)[key]);
      }
    }
  }
  return found;
}

test.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('%s restates no library default', (_name, env) => {
  expect(restatedDefaults(env)).toEqual([]);
});

test('the check finds a restated default (it can fail)', () => {
  const prod = ENVIRONMENTS.find((e) => e.name === 'prod')!;
  const restating: EnvironmentConfig = {
    ...prod,
    cluster: { ...prod.cluster, brokerDefaults: { defaultReplicationFactor: 3, defaultPartitions: 12 } },
    monitoring: { ...prod.monitoring!, prometheusSelectorLabels: { release: 'kube-prometheus-stack' }, thresholds: { diskUsagePercent: { warning: 85, critical: 90 } } },
  };
  expect(restatedDefaults(restating)).toEqual([
    'cluster.brokerDefaults.defaultReplicationFactor = 3',
    'monitoring.prometheusSelectorLabels = {"release":"kube-prometheus-stack"}',
    'monitoring.thresholds.diskUsagePercent = {"warning":85,"critical":90}',
  ]);
});
