import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { BROKERS, EXPORTER, KAFKA } from './selectors';

/**
 * Per-topic drill-down: traffic, partitions and errors, and the size on disk when the per-partition series
 * are exported (`perPartition`; they are off by default for their cardinality).
 */
export function topicsDashboard(options: { readonly perPartition?: boolean } = {}): Dashboard {
  const topic = 'topic=~"$topic"';
  const composer = new DashboardComposer('kafka-topics', 'Kafka / Topics', ['kafka', 'strimzi'], 'Traffic, replication and errors per topic; size on disk where per-partition metrics are exported.')
    .clusterVariables()
    .variable('topic', 'Topic', `label_values(kafka_topic_partitions{${EXPORTER}}, topic)`)
    .timeseries({ title: 'Messages in by topic', unit: 'short', queries: [{ expr: `sum by (topic) (rate(kafka_server_brokertopicmetrics_messagesin_total{${BROKERS}, ${topic}}[$__rate_interval]))`, legend: '{{topic}}' }] })
    .timeseries({
      title: 'Bytes in and out by topic',
      unit: 'Bps',
      queries: [
        { expr: `sum by (topic) (rate(kafka_server_brokertopicmetrics_bytesin_total{${BROKERS}, ${topic}}[$__rate_interval]))`, legend: 'in {{topic}}' },
        { expr: `sum by (topic) (rate(kafka_server_brokertopicmetrics_bytesout_total{${BROKERS}, ${topic}}[$__rate_interval]))`, legend: 'out {{topic}}' },
      ],
    });
  if (options.perPartition) {
    composer.timeseries({ title: 'Size on disk by topic (all replicas)', unit: 'bytes', queries: [{ expr: `sum by (topic) (kafka_log_log_size{${KAFKA}, ${topic}})`, legend: '{{topic}}' }] });
  }
  return composer
    .timeseries({
      title: 'Failed requests by topic',
      unit: 'reqps',
      // Full width when it is the third half-width panel, so the table below starts a row of its own.
      width: options.perPartition ? 12 : 24,
      queries: [
        { expr: `sum by (topic) (rate(kafka_server_brokertopicmetrics_failedproducerequests_total{${BROKERS}, ${topic}}[$__rate_interval]))`, legend: 'produce {{topic}}' },
        { expr: `sum by (topic) (rate(kafka_server_brokertopicmetrics_failedfetchrequests_total{${BROKERS}, ${topic}}[$__rate_interval]))`, legend: 'fetch {{topic}}' },
      ],
    })
    .table({
      title: 'Partitions and replication',
      unit: 'short',
      width: 24,
      queries: [
        { expr: `kafka_topic_partitions{${EXPORTER}, ${topic}}`, legend: 'partitions {{topic}}' },
        { expr: `sum by (topic) (kafka_topic_partition_under_replicated_partition{${EXPORTER}, ${topic}})`, legend: 'under-replicated {{topic}}' },
        { expr: `count by (topic) (kafka_topic_partition_leader_is_preferred{${EXPORTER}, ${topic}} == 0)`, legend: 'non-preferred leaders {{topic}}' },
      ],
    })
    .build();
}
