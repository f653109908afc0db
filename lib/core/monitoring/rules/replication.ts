import { MIRROR_MAKER_2_REPLICATION_CLIENT } from '../exporter-rules';
import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/**
 * MirrorMaker 2 (disaster-recovery replication): workers gone, lag, slow checkpoints, failed connectors.
 * Lag series are per partition and per worker; `max` per partition first keeps a partition that moved
 * between workers (old series still in the lookback) from counting twice.
 */
export function mirrorMaker2(x: RuleContext): PlatformAlertRule[] {
  const { s, t, sel } = x;
  return [
    {
      alert: 'KafkaMirrorMaker2Down',
      severity: 'critical',
      // Without metrics (or pods) there is no `up` series at all, so count healthy targets instead.
      expr: `(count(up{${sel.mirrorMaker2}} == 1) or vector(0)) < 1`,
      // Longer than a worker's own rolling update; P2 pages within 10 minutes.
      for: '5m',
      summary: 'No MirrorMaker 2 worker is running and scraped',
      description: `No MirrorMaker 2 pod in namespace ${s.cluster.namespace} answers its metrics scrape: replication to the DR cluster has stopped or is unobserved.`,
    },
    {
      alert: 'KafkaMirrorMaker2ReplicationLag',
      severity: 'warning',
      expr: `sum by (namespace, topic) (max by (namespace, topic, partition) (kafka_consumer_fetch_manager_records_lag{${sel.mirrorMaker2}, ${MIRROR_MAKER_2_REPLICATION_CLIENT}})) > ${t.mirrorMaker2LagMessages}`,
      for: '10m',
      summary: 'MirrorMaker 2 replication is behind',
      description: `Replication is {{ $value }} records behind on topic {{ $labels.topic }} (dots shown as "_"; threshold ${t.mirrorMaker2LagMessages}).`,
    },
    {
      alert: 'KafkaMirrorMaker2CheckpointLatency',
      severity: 'warning',
      expr: `max by (namespace, group) (kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms{${sel.mirrorMaker2}}) > ${t.mirrorMaker2CheckpointLatencySeconds * 1000}`,
      for: '10m',
      summary: 'MirrorMaker 2 checkpoints reach the DR cluster late',
      description: `Checkpoints of group {{ $labels.group }} take {{ $value | printf "%.0f" }} ms to reach the target (threshold ${t.mirrorMaker2CheckpointLatencySeconds} s): its translated offsets on the DR cluster are older than the recovery point.`,
    },
    {
      alert: 'KafkaMirrorMaker2ConnectorFailed',
      severity: 'critical',
      expr: `(kafka_connect_connector_status{${sel.mirrorMaker2}, status="failed"} == 1) or (kafka_connect_worker_connector_failed_task_count{${sel.mirrorMaker2}} > 0)`,
      for: '5m',
      summary: 'A MirrorMaker 2 connector or task failed',
      description: 'Connector {{ $labels.connector }} on {{ $labels.pod }} has failed: replication has stopped.',
    },
  ];
}
