import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { CONTROLLERS, KAFKA } from './selectors';

/** KRaft controller quorum health (there is no ZooKeeper to watch). */
export function kraftDashboard(): Dashboard {
  return new DashboardComposer('kafka-kraft', 'Kafka / KRaft controllers', ['kafka', 'strimzi', 'kraft'], 'Quorum leader, epochs, metadata log progress and controller JVMs.')
    .clusterVariables()
    .stat({ title: 'Active controllers', description: 'Exactly 1 is healthy.', unit: 'short', width: 8, height: 4, thresholds: [[2, 'red']], queries: [{ expr: `sum(kafka_controller_kafkacontroller_activecontrollercount{${KAFKA}})`, legend: 'active' }] })
    .stat({ title: 'Quorum leader (node id)', unit: 'none', width: 8, height: 4, queries: [{ expr: `max(kafka_server_raftmetrics_current_leader{${CONTROLLERS}})`, legend: 'leader' }] })
    .stat({ title: 'Controllers up', unit: 'short', width: 8, height: 4, queries: [{ expr: `count(up{${CONTROLLERS}} == 1)`, legend: 'up' }] })
    .table({ title: 'Raft state per node', unit: 'short', width: 24, queries: [{ expr: `kafka_server_raftmetrics_current_state{${KAFKA}} == 1`, legend: '{{pod}} {{current_state}}' }] })
    .timeseries({ title: 'Epoch', description: 'A rising epoch means leader elections.', unit: 'short', queries: [{ expr: `max(kafka_server_raftmetrics_current_epoch{${CONTROLLERS}})`, legend: 'epoch' }] })
    .timeseries({ title: 'Metadata log lag behind the leader', unit: 'short', queries: [{ expr: `max(kafka_server_raftmetrics_high_watermark{${KAFKA}}) - on () group_right () kafka_server_raftmetrics_high_watermark{${KAFKA}}`, legend: '{{pod}}' }] })
    .timeseries({ title: 'Commit latency', unit: 'ms', queries: [{ expr: `kafka_server_raftmetrics_commit_latency_avg{${CONTROLLERS}}`, legend: '{{pod}}' }] })
    .timeseries({
      title: 'Controller JVM',
      unit: 'bytes',
      queries: [{ expr: `jvm_memory_used_bytes{${CONTROLLERS}, area="heap"}`, legend: 'heap {{pod}}' }],
    })
    .timeseries({ title: 'GC time per second', unit: 's', queries: [{ expr: `sum by (pod) (rate(jvm_gc_collection_seconds_sum{${KAFKA}}[$__rate_interval]))`, legend: '{{pod}}' }] })
    .build();
}
