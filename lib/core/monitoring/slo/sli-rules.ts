import { AlertGroup, clusterSelectors, RecordingRule } from '../alert-rules';
import { ResolvedMonitoringSpec } from '../monitoring-spec';
import { RECORDS } from '../recorded-series';

/**
 * The cluster's service level indicators, recorded at every evaluation (the group runs at the scrape
 * interval, so the indicators have the resolution of the metrics they read). Definitions and what each
 * cannot see: docs/slos-and-capacity.md.
 */

/** Labels every recorded series of the cluster carries. */
export function recordLabels(s: ResolvedMonitoringSpec, extra: Record<string, string> = {}): Record<string, string> {
  return { namespace: s.cluster.namespace, strimzi_io_cluster: s.cluster.name, ...extra };
}

/** Matchers selecting the cluster's recorded series. */
export function recordSelector(s: ResolvedMonitoringSpec, extra: Record<string, string> = {}): string {
  return Object.entries(recordLabels(s, extra))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
}

/**
 * Share of partitions that do not accept `acks=all` writes at this instant: offline (no leader; the
 * controllers all publish the count, hence `max`) or led below `min.insync.replicas` (each leader counts
 * its own). Partitions = those with a leader (the brokers' leader counts) plus the offline ones. With no
 * broker answering its scrape there is nothing to count, and the whole cluster counts as unavailable.
 */
export function partitionsUnwritableExpr(s: ResolvedMonitoringSpec): string {
  const sel = clusterSelectors(s);
  const offline = `(max(kafka_controller_kafkacontroller_offlinepartitionscount{${sel.controllers}}) or vector(0))`;
  const underMinIsr = `(sum(kafka_server_replicamanager_underminisrpartitioncount{${sel.brokers}}) or vector(0))`;
  const led = `(sum(kafka_server_replicamanager_leadercount{${sel.brokers}}) or vector(0))`;
  // `>= 0` drops the NaN of 0/0 (nothing reported), so the fallback below decides.
  return (
    `(clamp_max((${offline} + ${underMinIsr}) / (${led} + ${offline}), 1) >= 0)` +
    ` or on () (vector(1) unless on () (count(up{${sel.brokers}} == 1) > 0))`
  );
}

/** Produce requests per second of each broker over 5 minutes (the request timer's count). */
export function produceRequestRate(s: ResolvedMonitoringSpec): string {
  return `rate(kafka_network_requestmetrics_totaltimems_count{${clusterSelectors(s).brokers}, request="Produce"}[5m])`;
}

/** Each broker's Produce p99 request time (ms): an emulated summary of a decaying reservoir, per broker only. */
export function produceP99(s: ResolvedMonitoringSpec): string {
  return `kafka_network_requestmetrics_totaltimems{${clusterSelectors(s).brokers}, request="Produce", quantile="0.99"}`;
}

export function sliRecords(s: ResolvedMonitoringSpec): RecordingRule[] {
  const sel = clusterSelectors(s);
  const labels = recordLabels(s);
  const failed = `sum(rate(kafka_server_brokertopicmetrics_failedproducerequests_total{${sel.brokers}, topic=""}[5m]))`;
  const total = `sum(rate(kafka_server_brokertopicmetrics_totalproducerequests_total{${sel.brokers}, topic=""}[5m]))`;
  const p99 = (request: string) => `max(kafka_network_requestmetrics_totaltimems{${sel.brokers}, request="${request}", quantile="0.99"})`;
  const records: RecordingRule[] = [
    { record: RECORDS.partitionsUnwritable, expr: partitionsUnwritableExpr(s), labels },
    // The brokers count per partition append; "failed" are unexpected errors (NotEnoughReplicas included,
    // leader moves and oversized records not): see the docs for what this ratio misses.
    { record: RECORDS.produceRequestsFailed, expr: `(${failed} / ${total}) >= 0`, labels },
    { record: RECORDS.produceP99, expr: p99('Produce'), labels },
    { record: RECORDS.fetchConsumerP99, expr: p99('FetchConsumer'), labels },
    {
      record: RECORDS.dataVolumeAvailable,
      expr: `min(kubelet_volume_stats_available_bytes{${sel.dataVolumes}} / kubelet_volume_stats_capacity_bytes{${sel.dataVolumes}})`,
      labels,
    },
  ];
  if (s.cluster.kafkaExporter) {
    records.push({
      record: RECORDS.consumerLagWithMembers,
      expr:
        `sum by (consumergroup) (kafka_consumergroup_lag{${sel.kafkaExporter}})` +
        ` and on (consumergroup) (max by (consumergroup) (kafka_consumergroup_members{${sel.kafkaExporter}}) > 0)`,
      labels,
    });
  }
  return records;
}

/** The group recording the cluster's SLIs. */
export function sliRuleGroup(s: ResolvedMonitoringSpec): AlertGroup {
  return { name: `${s.cluster.name}.sli`, interval: s.scrapeInterval, records: sliRecords(s), rules: [] };
}
