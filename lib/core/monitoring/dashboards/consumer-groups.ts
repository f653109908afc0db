import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { EXPORTER } from './selectors';
import { RECORDS } from '../recorded-series';

/** Per-consumer-group drill-down: lag, consumption rate and members (Kafka Exporter). */
export function consumerGroupsDashboard(): Dashboard {
  const group = 'consumergroup=~"$consumergroup"';
  return new DashboardComposer('kafka-consumer-groups', 'Kafka / Consumer groups', ['kafka', 'strimzi'], 'Lag, consumption rate and members per consumer group.')
    .clusterVariables()
    .variable('consumergroup', 'Consumer group', `label_values(kafka_consumergroup_members{${EXPORTER}}, consumergroup)`)
    .timeseries({ title: 'Lag by group and topic', unit: 'short', width: 24, thresholds: [[10000, 'orange'], [100000, 'red']], queries: [{ expr: `sum by (consumergroup, topic) (kafka_consumergroup_lag{${EXPORTER}, ${group}})`, legend: '{{consumergroup}} / {{topic}}' }] })
    .timeseries({ title: 'Messages consumed (committed) per second', unit: 'short', queries: [{ expr: `sum by (consumergroup, topic) (rate(kafka_consumergroup_current_offset_sum{${EXPORTER}, ${group}}[$__rate_interval]))`, legend: '{{consumergroup}} / {{topic}}' }] })
    .timeseries({ title: 'Members', unit: 'short', queries: [{ expr: `sum by (consumergroup) (kafka_consumergroup_members{${EXPORTER}, ${group}})`, legend: '{{consumergroup}}' }] })
    .table({ title: 'Lag by partition', unit: 'short', width: 24, queries: [{ expr: `kafka_consumergroup_lag{${EXPORTER}, ${group}} > 0`, legend: '{{consumergroup}} {{topic}}-{{partition}}' }] })
    .table({
      title: 'Declared groups without members',
      description: 'Groups the catalogue declares (with their owning team) that have no members now: KafkaConsumerGroupStalled alerts the owner when their lag grows.',
      unit: 'short',
      width: 24,
      queries: [{ expr: `${RECORDS.consumerGroupOwner}{namespace="$namespace"} * on (namespace, consumergroup) group_left () (max by (namespace, consumergroup) (kafka_consumergroup_members{${EXPORTER}}) == 0)`, legend: '{{consumergroup}} ({{owner_team}})' }],
    })
    .build();
}
