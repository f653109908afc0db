import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DashboardComposer } from './composer';
import { CLUSTER_OPERATOR, CRUISE_CONTROL, ENTITY_OPERATOR, OPERATOR_RECONCILIATIONS } from './selectors';

/** The Strimzi operators that reconcile the cluster, and Cruise Control (only where it runs). */
export function operatorsDashboard(options: { readonly cruiseControl?: boolean } = {}): Dashboard {
  const composer = new DashboardComposer('kafka-operators', 'Kafka / Operators', ['kafka', 'strimzi'], 'Cluster, Topic and User Operators: targets, reconciliations, resources not ready, CA expiry; Cruise Control balance and rebalances.')
    .clusterVariables()
    .row('Strimzi operators')
    .stat({ title: 'Cluster Operator targets up', unit: 'short', width: 6, height: 4, thresholds: [[1, 'green']], queries: [{ expr: `count(up{${CLUSTER_OPERATOR}} == 1)`, legend: 'up' }] })
    .stat({ title: 'Entity Operator targets up', description: 'Topic and User Operator: 2 is healthy.', unit: 'short', width: 6, height: 4, queries: [{ expr: `count(up{${ENTITY_OPERATOR}} == 1)`, legend: 'up' }] })
    .stat({ title: 'Resources not ready', unit: 'short', width: 6, height: 4, thresholds: [[1, 'orange']], queries: [{ expr: `count(strimzi_resource_state{${CLUSTER_OPERATOR}, resource_namespace="$namespace", kind!="KafkaRebalance"} == 0) or vector(0)`, legend: 'not ready' }] })
    .stat({ title: 'Days until the first CA expires', unit: 'd', width: 6, height: 4, queries: [{ expr: `min((strimzi_certificate_expiration_timestamp_ms{cluster="$cluster", resource_namespace="$namespace"} - time() * 1000) / 86400000)`, legend: 'days' }] })
    .timeseries({ title: 'Reconciliations per minute by kind', unit: 'short', queries: [{ expr: `60 * sum by (kind) (rate(strimzi_reconciliations_total{${OPERATOR_RECONCILIATIONS}}[$__rate_interval]))`, legend: '{{kind}}' }] })
    .timeseries({ title: 'Failed reconciliations per hour by kind', unit: 'short', thresholds: [[1, 'orange']], queries: [{ expr: `3600 * sum by (kind) (rate(strimzi_reconciliations_failed_total{${OPERATOR_RECONCILIATIONS}}[$__rate_interval]))`, legend: '{{kind}}' }] })
    .table({ title: 'Resources not ready', unit: 'short', width: 24, queries: [{ expr: `strimzi_resource_state{${CLUSTER_OPERATOR}, resource_namespace="$namespace"} == 0`, legend: '{{kind}} {{name}} {{reason}}' }] })
    .timeseries({ title: 'Cluster Operator heap', unit: 'bytes', queries: [{ expr: `sum by (pod) (jvm_memory_used_bytes{${CLUSTER_OPERATOR}, area="heap"})`, legend: '{{pod}}' }] });
  if (!options.cruiseControl) return composer.build();
  return composer
    .row('Cruise Control')
    .stat({ title: 'Balancedness score', description: '100 is perfectly balanced by the configured goals.', unit: 'short', width: 6, height: 4, queries: [{ expr: `max(kafka_cruisecontrol_anomalydetector_balancedness_score_value{${CRUISE_CONTROL}})`, legend: 'score' }] })
    .stat({ title: 'Partitions monitored', description: 'Below 95 % Cruise Control computes no proposals (rebalances wait).', unit: 'percentunit', width: 6, height: 4, queries: [{ expr: `max(kafka_cruisecontrol_loadmonitor_monitored_partitions_percentage_value{${CRUISE_CONTROL}})`, legend: 'monitored' }] })
    .stat({ title: 'Valid load windows', unit: 'short', width: 6, height: 4, queries: [{ expr: `max(kafka_cruisecontrol_loadmonitor_valid_windows_value{${CRUISE_CONTROL}})`, legend: 'windows' }] })
    .stat({ title: 'Rebalance executing', description: '1 while Cruise Control moves replicas.', unit: 'short', width: 6, height: 4, queries: [{ expr: `max(kafka_cruisecontrol_executor_ongoing_execution_non_kafka_assigner_value{${CRUISE_CONTROL}})`, legend: 'executing' }] })
    .timeseries({ title: 'Balancedness over time', unit: 'short', width: 24, queries: [{ expr: `max(kafka_cruisecontrol_anomalydetector_balancedness_score_value{${CRUISE_CONTROL}})`, legend: 'score' }] })
    .build();
}
