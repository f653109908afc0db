import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { MIRROR_MAKER_2_REPLICATION_CLIENT } from '../exporter-rules';
import { MIRROR_MAKER_2 } from './selectors';

/** MirrorMaker 2 replication: latency, lag, checkpoints and connector health. */
export function mirrorMaker2Dashboard(): Dashboard {
  return new DashboardComposer('kafka-mirror-maker-2', 'Kafka / MirrorMaker 2 replication', ['kafka', 'strimzi', 'mirrormaker2'], 'Replication latency and lag, checkpoints and connector status.')
    .clusterVariables()
    .timeseries({ title: 'Replication latency by topic (max)', unit: 'ms', queries: [{ expr: `max by (topic) (kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms{${MIRROR_MAKER_2}})`, legend: '{{topic}}' }] })
    // Topic labels of consumer metrics have "." replaced by "_"; max per partition first so a partition that moved between workers counts once.
    .timeseries({ title: 'Replication consumer lag by topic', unit: 'short', queries: [{ expr: `sum by (topic) (max by (topic, partition) (kafka_consumer_fetch_manager_records_lag{${MIRROR_MAKER_2}, ${MIRROR_MAKER_2_REPLICATION_CLIENT}}))`, legend: '{{topic}}' }] })
    .timeseries({ title: 'Checkpoint latency by group (max)', unit: 'ms', queries: [{ expr: `max by (group) (kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms{${MIRROR_MAKER_2}})`, legend: '{{group}}' }] })
    .table({
      title: 'Connectors',
      unit: 'short',
      queries: [
        { expr: `kafka_connect_connector_status{${MIRROR_MAKER_2}} == 1`, legend: '{{connector}} {{status}}' },
        { expr: `kafka_connect_worker_connector_failed_task_count{${MIRROR_MAKER_2}}`, legend: 'failed tasks {{connector}}' },
      ],
    })
    .build();
}
