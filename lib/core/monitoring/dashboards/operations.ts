import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { BROKERS, DATA_VOLUMES, EXPORTER, KAFKA } from './selectors';

/** The operations guide's dashboard, on the metrics the platform really exports. */
export function operationsDashboard(): Dashboard {
  return new DashboardComposer('kafka-operations', 'Kafka / Operations', ['kafka', 'strimzi'], 'Cluster health, traffic, partitions, consumer lag, latency and disk of one Kafka cluster.')
    .clusterVariables()
    .row('Cluster overview')
    .stat({ title: 'Brokers up', unit: 'short', width: 6, height: 4, queries: [{ expr: `count(up{${BROKERS}} == 1)`, legend: 'brokers' }] })
    .stat({ title: 'Active controllers', description: 'Exactly 1 is healthy.', unit: 'short', width: 6, height: 4, thresholds: [[2, 'red']], queries: [{ expr: `sum(kafka_controller_kafkacontroller_activecontrollercount{${KAFKA}})`, legend: 'active' }] })
    .stat({ title: 'Offline partitions', unit: 'short', width: 6, height: 4, thresholds: [[1, 'red']], queries: [{ expr: `sum(kafka_controller_kafkacontroller_offlinepartitionscount{${KAFKA}})`, legend: 'offline' }] })
    .stat({ title: 'Under-replicated partitions', unit: 'short', width: 6, height: 4, thresholds: [[1, 'orange']], queries: [{ expr: `sum(kafka_server_replicamanager_underreplicatedpartitions{${BROKERS}})`, legend: 'under-replicated' }] })
    .timeseries({ title: 'Broker state', description: '3 = running; other values are starting, recovering or shutting down.', unit: 'short', width: 24, queries: [{ expr: `kafka_server_kafkaserver_brokerstate{${BROKERS}}`, legend: '{{pod}}' }] })
    .row('Message rate')
    .timeseries({
      title: 'Messages in and consumed',
      description: 'Brokers count messages in; messages out are measured as committed consumer offsets per second (Kafka has no messages-out meter).',
      unit: 'short',
      queries: [
        { expr: `sum(rate(kafka_server_brokertopicmetrics_messagesin_total{${BROKERS}, topic=""}[$__rate_interval]))`, legend: 'messages in/s' },
        { expr: `sum(rate(kafka_consumergroup_current_offset_sum{${EXPORTER}}[$__rate_interval]))`, legend: 'messages consumed/s' },
      ],
    })
    .timeseries({
      title: 'Bytes in and out',
      unit: 'Bps',
      queries: [
        { expr: `sum(rate(kafka_server_brokertopicmetrics_bytesin_total{${BROKERS}, topic=""}[$__rate_interval]))`, legend: 'in' },
        { expr: `sum(rate(kafka_server_brokertopicmetrics_bytesout_total{${BROKERS}, topic=""}[$__rate_interval]))`, legend: 'out' },
      ],
    })
    .row('Partition health')
    .timeseries({
      title: 'Partition health',
      unit: 'short',
      width: 24,
      queries: [
        { expr: `sum by (pod) (kafka_server_replicamanager_underreplicatedpartitions{${BROKERS}})`, legend: 'under-replicated {{pod}}' },
        { expr: `sum by (pod) (kafka_server_replicamanager_underminisrpartitioncount{${BROKERS}})`, legend: 'under min ISR {{pod}}' },
        { expr: `sum(kafka_controller_kafkacontroller_offlinepartitionscount{${KAFKA}})`, legend: 'offline' },
      ],
    })
    .row('Consumer lag')
    .timeseries({ title: 'Consumer lag by group', unit: 'short', width: 24, queries: [{ expr: `sum by (consumergroup) (kafka_consumergroup_lag{${EXPORTER}})`, legend: '{{consumergroup}}' }] })
    .row('Request latency')
    .timeseries({
      title: 'Produce latency p95 / p99',
      unit: 'ms',
      thresholds: [[200, 'orange'], [500, 'red']],
      queries: [
        { expr: `max(kafka_network_requestmetrics_totaltimems{${BROKERS}, request="Produce", quantile="0.95"})`, legend: 'p95' },
        { expr: `max(kafka_network_requestmetrics_totaltimems{${BROKERS}, request="Produce", quantile="0.99"})`, legend: 'p99' },
      ],
    })
    .timeseries({
      title: 'Consumer fetch time p95 / p99',
      description: 'Includes waiting up to fetch.max.wait.ms for data: high values on idle topics are normal.',
      unit: 'ms',
      queries: [
        { expr: `max(kafka_network_requestmetrics_totaltimems{${BROKERS}, request="FetchConsumer", quantile="0.95"})`, legend: 'p95' },
        { expr: `max(kafka_network_requestmetrics_totaltimems{${BROKERS}, request="FetchConsumer", quantile="0.99"})`, legend: 'p99' },
      ],
    })
    .row('Disk usage')
    .timeseries({
      title: 'Data volume usage',
      unit: 'percent',
      width: 24,
      thresholds: [[85, 'orange'], [90, 'red']],
      queries: [{ expr: `100 * kubelet_volume_stats_used_bytes{${DATA_VOLUMES}} / kubelet_volume_stats_capacity_bytes{${DATA_VOLUMES}}`, legend: '{{persistentvolumeclaim}}' }],
    })
    .build();
}
