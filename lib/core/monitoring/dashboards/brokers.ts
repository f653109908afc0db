import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { BROKERS, KAFKA_CONTAINERS } from './selectors';

/** Per-broker resources, JVM, partitions and leadership, and clients: where a broker runs hot or out of balance. */
export function brokersDashboard(): Dashboard {
  const cpu = `sum by (pod) (rate(container_cpu_usage_seconds_total{${KAFKA_CONTAINERS}}[$__rate_interval]))`;
  const memory = `sum by (pod) (container_memory_working_set_bytes{${KAFKA_CONTAINERS}})`;
  return new DashboardComposer('kafka-brokers', 'Kafka / Brokers', ['kafka', 'strimzi'], 'CPU, memory and JVM of every Kafka pod; partitions, leaders and min-ISR per broker; client connections and failed authentications.')
    .clusterVariables()
    .row('Resources')
    .timeseries({
      title: 'CPU used (cores) and its request and limit',
      description: 'Kafka pods without a CPU limit (staging and prod brokers) are judged against their request (the capacity trigger is 80 %).',
      unit: 'short',
      queries: [
        { expr: cpu, legend: '{{pod}}' },
        { expr: `sum by (pod) (kube_pod_container_resource_requests{${KAFKA_CONTAINERS}, resource="cpu"})`, legend: 'request {{pod}}' },
        { expr: `sum by (pod) (kube_pod_container_resource_limits{${KAFKA_CONTAINERS}, resource="cpu"})`, legend: 'limit {{pod}}' },
      ],
    })
    .timeseries({
      title: 'Memory working set and its limit',
      description: 'The working set includes the page cache the kernel may not reclaim; the capacity trigger is 85 % of the limit.',
      unit: 'bytes',
      queries: [
        { expr: memory, legend: '{{pod}}' },
        { expr: `sum by (pod) (kube_pod_container_resource_limits{${KAFKA_CONTAINERS}, resource="memory"})`, legend: 'limit {{pod}}' },
      ],
    })
    .timeseries({
      title: 'CPU in percent of request (or limit)',
      unit: 'percent',
      thresholds: [[80, 'orange']],
      queries: [{ expr: `100 * ${cpu} / (sum by (pod) (kube_pod_container_resource_limits{${KAFKA_CONTAINERS}, resource="cpu"}) or sum by (pod) (kube_pod_container_resource_requests{${KAFKA_CONTAINERS}, resource="cpu"}))`, legend: '{{pod}}' }],
    })
    .timeseries({
      title: 'Memory in percent of limit',
      unit: 'percent',
      thresholds: [[85, 'orange']],
      queries: [{ expr: `100 * ${memory} / sum by (pod) (kube_pod_container_resource_limits{${KAFKA_CONTAINERS}, resource="memory"})`, legend: '{{pod}}' }],
    })
    .row('JVM')
    .timeseries({ title: 'Heap used', unit: 'bytes', queries: [{ expr: `sum by (pod) (jvm_memory_used_bytes{${BROKERS}, area="heap"})`, legend: '{{pod}}' }] })
    .timeseries({ title: 'GC time per second', description: 'Above 0.1 s/s collections stall requests and ISRs shrink.', unit: 's', thresholds: [[0.1, 'orange']], queries: [{ expr: `sum by (pod) (rate(jvm_gc_collection_seconds_sum{${BROKERS}}[$__rate_interval]))`, legend: '{{pod}}' }] })
    .timeseries({ title: 'JVM threads', unit: 'short', queries: [{ expr: `jvm_threads_current{${BROKERS}}`, legend: '{{pod}}' }] })
    .timeseries({ title: 'Open file descriptors', description: 'Every log segment and connection holds one.', unit: 'short', queries: [{ expr: `process_open_fds{${BROKERS}}`, legend: '{{pod}}' }] })
    .row('Partitions and leadership')
    .timeseries({ title: 'Leaders per broker', description: 'An even spread is a balanced cluster; after a restart, preferred leader election moves leaders back.', unit: 'short', queries: [{ expr: `kafka_server_replicamanager_leadercount{${BROKERS}}`, legend: '{{pod}}' }] })
    .timeseries({ title: 'Partitions per broker', unit: 'short', queries: [{ expr: `kafka_server_replicamanager_partitioncount{${BROKERS}}`, legend: '{{pod}}' }] })
    .timeseries({
      title: 'Partitions at and under min ISR',
      description: 'At min ISR: one more replica lost and acks=all producers fail. Under min ISR: they fail now.',
      unit: 'short',
      thresholds: [[1, 'orange']],
      queries: [
        { expr: `kafka_server_replicamanager_atminisrpartitioncount{${BROKERS}}`, legend: 'at min ISR {{pod}}' },
        { expr: `kafka_server_replicamanager_underminisrpartitioncount{${BROKERS}}`, legend: 'under min ISR {{pod}}' },
      ],
    })
    .timeseries({ title: 'ISR shrinks and expands per second', unit: 'short', queries: [
      { expr: `sum by (pod) (rate(kafka_server_replicamanager_isrshrinks_total{${BROKERS}}[$__rate_interval]))`, legend: 'shrinks {{pod}}' },
      { expr: `sum by (pod) (rate(kafka_server_replicamanager_isrexpands_total{${BROKERS}}[$__rate_interval]))`, legend: 'expands {{pod}}' },
    ] })
    .row('Clients')
    .timeseries({ title: 'Connections per listener', unit: 'short', queries: [{ expr: `sum by (pod, listener) (kafka_server_socket_server_metrics_connection_count{${BROKERS}})`, legend: '{{pod}} {{listener}}' }] })
    .timeseries({
      title: 'Failed authentications per second',
      description: 'A client with stale credentials or an untrusted certificate retries about once a second.',
      unit: 'short',
      queries: [{ expr: `sum by (listener) (rate(kafka_server_socket_server_metrics_failed_authentication_total{${BROKERS}}[$__rate_interval]))`, legend: '{{listener}}' }],
    })
    .build();
}
