import { parse } from 'yaml';
import { CRUISE_CONTROL_JMX_RULES, JmxExporterRule, KAFKA_CONNECT_JMX_RULES, KAFKA_JMX_RULES, kafkaJmxRules, MIRROR_MAKER_2_JMX_RULES, renderJmxExporterConfig } from '../../../lib/core/monitoring/exporter-rules';
import { METRICS } from '../../../lib/core/monitoring/catalogue';

/**
 * A model of how the JMX exporter applies rules: the MBean attribute is rendered as
 * `domain<key=value, ...><>attribute: value`, the first rule whose anchored pattern matches wins,
 * `$n` refers to groups, names are lower-cased (lowercaseOutputName) and characters outside
 * [a-zA-Z0-9_:] become `_`. Samples are real Kafka 4.x MBean names.
 */
function apply(rules: readonly JmxExporterRule[], bean: string): { name: string; labels: Record<string, string> } | undefined {
  for (const rule of rules) {
    const re = new RegExp(`^(?:${rule.pattern})$`);
    const withValue = `${bean}: 1`;
    // Patterns that name the value (string attributes) match with it; others match without.
    const target = re.test(bean) ? bean : re.test(withValue) ? withValue : undefined;
    if (!target) continue;
    const sub = (s: string) => target.replace(re, s);
    const name = sub(rule.name).toLowerCase().replace(/[^a-zA-Z0-9_:]/g, '_').replace(/__+/g, '_');
    const labels = Object.fromEntries(Object.entries(rule.labels ?? {}).map(([k, v]) => [sub(k), sub(v)]));
    return { name, labels };
  }
  return undefined;
}

const BROKER_BEANS: [string, string, Record<string, string>][] = [
  ['kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value', 'kafka_server_replicamanager_underreplicatedpartitions', {}],
  ['kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value', 'kafka_server_replicamanager_underminisrpartitioncount', {}],
  ['kafka.server<type=ReplicaManager, name=AtMinIsrPartitionCount><>Value', 'kafka_server_replicamanager_atminisrpartitioncount', {}],
  ['kafka.server<type=ReplicaManager, name=PartitionCount><>Value', 'kafka_server_replicamanager_partitioncount', {}],
  ['kafka.server<type=ReplicaManager, name=LeaderCount><>Value', 'kafka_server_replicamanager_leadercount', {}],
  ['kafka.server<type=ReplicaManager, name=IsrShrinksPerSec><>Count', 'kafka_server_replicamanager_isrshrinks_total', {}],
  ['kafka.server<type=ReplicaManager, name=IsrExpandsPerSec><>Count', 'kafka_server_replicamanager_isrexpands_total', {}],
  ['kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value', 'kafka_controller_kafkacontroller_offlinepartitionscount', {}],
  ['kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value', 'kafka_controller_kafkacontroller_activecontrollercount', {}],
  ['kafka.controller<type=KafkaController, name=FencedBrokerCount><>Value', 'kafka_controller_kafkacontroller_fencedbrokercount', {}],
  ['kafka.controller<type=KafkaController, name=ActiveBrokerCount><>Value', 'kafka_controller_kafkacontroller_activebrokercount', {}],
  ['kafka.controller<type=KafkaController, name=MetadataErrorCount><>Value', 'kafka_controller_kafkacontroller_metadataerrorcount', {}],
  ['kafka.controller<type=ControllerStats, name=UncleanLeaderElectionsPerSec><>Count', 'kafka_controller_controllerstats_uncleanleaderelections_total', {}],
  ['kafka.cluster<type=Partition, name=UnderMinIsr, topic=orders, partition=3><>Value', 'kafka_cluster_partition_underminisr', { topic: 'orders', partition: '3' }],
  ['kafka.cluster<type=Partition, name=AtMinIsr, topic=orders, partition=3><>Value', 'kafka_cluster_partition_atminisr', { topic: 'orders', partition: '3' }],
  ['kafka.server<type=BrokerTopicMetrics, name=MessagesInPerSec><>Count', 'kafka_server_brokertopicmetrics_messagesin_total', {}],
  ['kafka.server<type=BrokerTopicMetrics, name=MessagesInPerSec, topic=orders.v1><>Count', 'kafka_server_brokertopicmetrics_messagesin_total', { topic: 'orders.v1' }],
  ['kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=orders><>Count', 'kafka_server_brokertopicmetrics_bytesin_total', { topic: 'orders' }],
  ['kafka.server<type=BrokerTopicMetrics, name=BytesOutPerSec><>Count', 'kafka_server_brokertopicmetrics_bytesout_total', {}],
  ['kafka.server<type=BrokerTopicMetrics, name=TotalProduceRequestsPerSec, topic=orders><>Count', 'kafka_server_brokertopicmetrics_totalproducerequests_total', { topic: 'orders' }],
  ['kafka.server<type=BrokerTopicMetrics, name=FailedProduceRequestsPerSec, topic=orders><>Count', 'kafka_server_brokertopicmetrics_failedproducerequests_total', { topic: 'orders' }],
  ['kafka.server<type=BrokerTopicMetrics, name=TotalFetchRequestsPerSec, topic=orders><>Count', 'kafka_server_brokertopicmetrics_totalfetchrequests_total', { topic: 'orders' }],
  ['kafka.server<type=BrokerTopicMetrics, name=FailedFetchRequestsPerSec, topic=orders><>Count', 'kafka_server_brokertopicmetrics_failedfetchrequests_total', { topic: 'orders' }],
  ['kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>OneMinuteRate', 'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', {}],
  ['kafka.network<type=SocketServer, name=NetworkProcessorAvgIdlePercent><>Value', 'kafka_network_socketserver_networkprocessoravgidle_percent', {}],
  ['kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>99thPercentile', 'kafka_network_requestmetrics_totaltimems', { request: 'Produce', quantile: '0.99' }],
  ['kafka.network<type=RequestMetrics, name=TotalTimeMs, request=FetchConsumer><>999thPercentile', 'kafka_network_requestmetrics_totaltimems', { request: 'FetchConsumer', quantile: '0.999' }],
  ['kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>50thPercentile', 'kafka_network_requestmetrics_totaltimems', { request: 'Produce', quantile: '0.50' }],
  ['kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>Count', 'kafka_network_requestmetrics_totaltimems_count', { request: 'Produce' }],
  ['kafka.log<type=Log, name=Size, topic=orders, partition=0><>Value', 'kafka_log_log_size', { topic: 'orders', partition: '0' }],
  ['kafka.log<type=LogManager, name=OfflineLogDirectoryCount><>Value', 'kafka_log_logmanager_offlinelogdirectorycount', {}],
  ['kafka.server<type=KafkaServer, name=BrokerState><>Value', 'kafka_server_kafkaserver_brokerstate', {}],
  ['kafka.server<type=socket-server-metrics, listener=TLS-9093, networkProcessor=2><>connection-count', 'kafka_server_socket_server_metrics_connection_count', { listener: 'TLS-9093', networkProcessor: '2' }],
  ['kafka.server<type=socket-server-metrics, listener=TLS-9093, networkProcessor=2><>failed-authentication-total', 'kafka_server_socket_server_metrics_failed_authentication_total', { listener: 'TLS-9093', networkProcessor: '2' }],
  ['kafka.server<type=socket-server-metrics, listener=MTLS-9094, networkProcessor=0><>successful-authentication-total', 'kafka_server_socket_server_metrics_successful_authentication_total', { listener: 'MTLS-9094', networkProcessor: '0' }],
  ['kafka.server<type=raft-metrics><>current-leader', 'kafka_server_raftmetrics_current_leader', {}],
  ['kafka.server<type=raft-metrics><>current-epoch', 'kafka_server_raftmetrics_current_epoch', {}],
  ['kafka.server<type=raft-metrics><>high-watermark', 'kafka_server_raftmetrics_high_watermark', {}],
  ['kafka.server<type=raft-metrics><>commit-latency-avg', 'kafka_server_raftmetrics_commit_latency_avg', {}],
  ['kafka.server<type=raft-metrics><>current-state: leader', 'kafka_server_raftmetrics_current_state', { current_state: 'leader' }],
];

/** KafkaConnect MBeans as Kafka 4.x registers them (connector names are DNS names: unquoted). */
const CONNECT_BEANS: [string, string, Record<string, string>][] = [
  ['kafka.connect<type=connector-metrics, connector=kafka-prod-topic-backup><>status: running', 'kafka_connect_connector_status', { connector: 'kafka-prod-topic-backup', status: 'running' }],
  ['kafka.connect<type=connector-task-metrics, connector=kafka-prod-topic-backup, task=3><>status: failed', 'kafka_connect_connector_task_status', { connector: 'kafka-prod-topic-backup', task: '3', status: 'failed' }],
  ['kafka.connect<type=connect-worker-metrics, connector=kafka-prod-topic-backup><>connector-failed-task-count', 'kafka_connect_worker_connector_failed_task_count', { connector: 'kafka-prod-topic-backup' }],
  ['kafka.connect<type=connect-worker-metrics><>connector-count', 'kafka_connect_worker_connector_count', {}],
  ['kafka.connect<type=connect-worker-metrics><>task-count', 'kafka_connect_worker_task_count', {}],
  ['kafka.connect<type=task-error-metrics, connector=kafka-prod-topic-backup, task=0><>total-record-failures', 'kafka_connect_task_error_total_record_failures', { connector: 'kafka-prod-topic-backup', task: '0' }],
];

const MM2_BEANS: [string, string, Record<string, string>][] = [
  ['kafka.connect.mirror<type=MirrorSourceConnector, target=dr, topic=orders, partition=1><>replication-latency-ms', 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms', { target: 'dr', topic: 'orders', partition: '1' }],
  ['kafka.connect.mirror<type=MirrorSourceConnector, target=dr, topic=orders, partition=1><>replication-latency-ms-max', 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms_max', { target: 'dr', topic: 'orders', partition: '1' }],
  ['kafka.connect.mirror<type=MirrorCheckpointConnector, source=prod, target=dr, group=billing, topic=orders, partition=0><>checkpoint-latency-ms', 'kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', { source: 'prod', target: 'dr', group: 'billing', topic: 'orders', partition: '0' }],
  ['kafka.consumer<type=consumer-fetch-manager-metrics, client-id=prod->dr|replication-consumer, topic=orders, partition=0><>records-lag', 'kafka_consumer_fetch_manager_records_lag', { clientid: 'prod->dr|replication-consumer', topic: 'orders', partition: '0' }],
  ['kafka.connect<type=connector-metrics, connector=prod->dr.MirrorSourceConnector><>status: failed', 'kafka_connect_connector_status', { connector: 'prod->dr.MirrorSourceConnector', status: 'failed' }],
  ['kafka.connect<type=connect-worker-metrics, connector=prod->dr.MirrorSourceConnector><>connector-failed-task-count', 'kafka_connect_worker_connector_failed_task_count', { connector: 'prod->dr.MirrorSourceConnector' }],
];

/** Cruise Control's Dropwizard sensors as its JMX reporter names them (`kafka.cruisecontrol:name=<Group>.<sensor>`). */
const CRUISE_CONTROL_BEANS: [string, string, Record<string, string>][] = [
  ['kafka.cruisecontrol<name=AnomalyDetector.balancedness-score><>Value', 'kafka_cruisecontrol_anomalydetector_balancedness_score_value', {}],
  ['kafka.cruisecontrol<name=LoadMonitor.monitored-partitions-percentage><>Value', 'kafka_cruisecontrol_loadmonitor_monitored_partitions_percentage_value', {}],
  ['kafka.cruisecontrol<name=LoadMonitor.valid-windows><>Value', 'kafka_cruisecontrol_loadmonitor_valid_windows_value', {}],
  ['kafka.cruisecontrol<name=Executor.ongoing-execution-non_kafka_assigner><>Value', 'kafka_cruisecontrol_executor_ongoing_execution_non_kafka_assigner_value', {}],
];

describe('JMX exporter rules', () => {
  test.each(CRUISE_CONTROL_BEANS)('Cruise Control MBean %s becomes %s', (bean, name, labels) => {
    expect(apply(CRUISE_CONTROL_JMX_RULES, bean)).toEqual({ name, labels });
  });

  test('every catalogued Cruise Control metric is produced by its rule', () => {
    const produced = new Set(CRUISE_CONTROL_BEANS.map(([, name]) => name));
    expect(METRICS.filter((m) => m.source === 'cruise-control').map((m) => m.name).filter((n) => !produced.has(n))).toEqual([]);
  });

  test.each(BROKER_BEANS)('broker MBean %s becomes %s (per-partition series opted in)', (bean, name, labels) => {
    expect(apply(kafkaJmxRules({ perPartition: true }), bean)).toEqual({ name, labels });
  });

  test('per-partition gauges are off by default; per-topic traffic and per-broker min-ISR counts stay', () => {
    const partitionBeans = BROKER_BEANS.filter(([bean]) => bean.includes('partition='));
    expect(partitionBeans.map(([, name]) => name)).toEqual(['kafka_cluster_partition_underminisr', 'kafka_cluster_partition_atminisr', 'kafka_log_log_size']);
    for (const [bean] of partitionBeans) expect(apply(kafkaJmxRules(), bean)).toBeUndefined();
    expect(kafkaJmxRules()).toBe(KAFKA_JMX_RULES);
    expect(apply(kafkaJmxRules(), 'kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=orders><>Count')?.labels).toEqual({ topic: 'orders' });
    expect(apply(kafkaJmxRules(), 'kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value')?.name).toBe('kafka_server_replicamanager_underminisrpartitioncount');
  });

  test('the catalogue marks exactly the per-partition rules\' series as opt-in', () => {
    const optIn = METRICS.filter((m) => m.optIn === 'per-partition').map((m) => m.name).sort();
    const partitionOnly = BROKER_BEANS.filter(([bean]) => apply(kafkaJmxRules(), bean) === undefined).map(([, name]) => name).sort();
    expect(optIn).toEqual(partitionOnly);
  });

  test.each(MM2_BEANS)('MirrorMaker 2 MBean %s becomes %s', (bean, name, labels) => {
    expect(apply(MIRROR_MAKER_2_JMX_RULES, bean)).toEqual({ name, labels });
  });

  test.each(CONNECT_BEANS)('KafkaConnect MBean %s becomes %s', (bean, name, labels) => {
    expect(apply(KAFKA_CONNECT_JMX_RULES, bean)).toEqual({ name, labels });
  });

  test('every catalogued broker, MirrorMaker 2 and Connect metric is produced by a rule (JVM metrics come from the agent)', () => {
    const produced = new Set([...BROKER_BEANS, ...MM2_BEANS].map(([, name]) => name));
    const needed = METRICS.filter((m) => (m.source === 'kafka-jmx' || m.source === 'mirror-maker-2') && !/^(jvm_|process_)/.test(m.name)).map((m) => m.name);
    expect(needed.filter((n) => !produced.has(n))).toEqual([]);
    // The Connect rules produce the Connect metrics and the two Connect series MirrorMaker 2 shares.
    const fromConnect = new Set(CONNECT_BEANS.map(([, name]) => name));
    const connectNeeded = METRICS.filter((m) => m.source === 'kafka-connect' || m.name.startsWith('kafka_connect_connector_status') || m.name === 'kafka_connect_worker_connector_failed_task_count').map((m) => m.name);
    expect(connectNeeded.filter((n) => !fromConnect.has(n))).toEqual([]);
  });

  test('Connect MBeans nobody alerts on are not exported (sink offsets per partition, the REST server)', () => {
    expect(apply(KAFKA_CONNECT_JMX_RULES, 'kafka.connect<type=sink-task-metrics, connector=s3, task=0><>sink-record-read-rate')).toBeUndefined();
    expect(apply(KAFKA_CONNECT_JMX_RULES, 'kafka.connect<type=connect-worker-rebalance-metrics><>rebalancing')).toBeUndefined();
  });

  test('unneeded MBeans are not exported (bounded series count)', () => {
    expect(apply(KAFKA_JMX_RULES, 'kafka.server<type=FetcherLagMetrics, name=ConsumerLag, clientId=x, topic=orders, partition=0><>Value')).toBeUndefined();
    expect(apply(KAFKA_JMX_RULES, 'kafka.network<type=RequestChannel, name=RequestQueueSize><>Value')).toBeUndefined();
  });

  test('renders an exporter configuration with lower-cased names and every rule', () => {
    const config = parse(renderJmxExporterConfig(KAFKA_JMX_RULES));
    expect(config.lowercaseOutputName).toBe(true);
    expect(config.lowercaseOutputLabelNames).toBeUndefined();
    expect(config.rules).toHaveLength(KAFKA_JMX_RULES.length);
    expect(config.rules.every((r: { pattern: string; name: string; type: string }) => r.pattern && r.name && ['GAUGE', 'COUNTER', 'UNTYPED'].includes(r.type))).toBe(true);
  });
});
