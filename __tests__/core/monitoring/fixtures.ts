import { KafkaMonitoringSpec, resolveMonitoringSpec, ResolvedMonitoringSpec } from '../../../lib/core/monitoring/monitoring-spec';

/** A production-shaped cluster (dedicated controllers, Cruise Control, Kafka Exporter). */
export function spec(overrides: Partial<KafkaMonitoringSpec> = {}): ResolvedMonitoringSpec {
  return resolveMonitoringSpec({
    cluster: {
      name: 'kafka-prod',
      namespace: 'kafka',
      nodePools: [{ name: 'controllers', roles: ['controller'] }, { name: 'brokers', roles: ['broker'] }],
      brokerCount: 6,
      cruiseControl: true,
      kafkaExporter: true,
    },
    team: 'kafka-platform',
    runbookBaseUrl: 'https://runbooks.example.com/kafka/',
    ...overrides,
  });
}
