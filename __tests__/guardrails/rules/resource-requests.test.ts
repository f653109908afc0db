import { stringify } from 'yaml';
import { NodeTopology } from '../../../lib/core/strimzi/kafka';
import { Storage } from '../../../lib/core/strimzi/storage';
import { resourceRequestsRule } from '../../../lib/guardrails/rules/resource-requests';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

const cronJob = (resources: unknown) => ({
  type: 'kubernetes_cron_job_v1',
  owner: 'kafka-prod/backup/cronjob',
  config: { spec: [{ job_template: [{ spec: [{ template: [{ spec: [{ container: [{ name: 'backup', ...(resources ? { resources: [resources] } : {}) }] }] }] }] }] }] },
});

describe('KP-PROD-RESOURCE-REQUESTS', () => {
  test('the production cluster, a sized operator and a sized CronJob comply', () => {
    const operator = { type: 'helm_release', owner: 'kafka-prod/strimzi-operator/release', config: { chart: 'strimzi-kafka-operator', values: [stringify({ resources: { requests: { cpu: '1', memory: '1Gi' } } })] } };
    expect(resourceRequestsRule.check(inventoryOf(clusterObjects(), [operator, cronJob({ requests: { cpu: '100m', memory: '128Mi' } })]))).toEqual([]);
  });

  test('pools, entity operator, exporter, cruise control, operator and job containers without requests are each reported', () => {
    const pool = { name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '1Ti' }), resources: { limits: { cpu: '2', memory: '8Gi' } } };
    const controllers = { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '50Gi' }), resources: { requests: { cpu: '1' } } };
    const spec = prodSpec({ topology: NodeTopology.dedicated(controllers, [pool]), entityOperatorResources: undefined, kafkaExporter: {}, cruiseControl: {} });
    const operator = { type: 'helm_release', owner: 'kafka-prod/strimzi-operator/release', config: { chart: 'strimzi-kafka-operator', values: [stringify({ resources: { limits: { cpu: '1' } } })] } };
    const otherChart = { type: 'helm_release', owner: 'kafka-prod/x', config: { chart: 'something-else', values: [] } };
    const findings = resourceRequestsRule.check(inventoryOf(clusterObjects(spec), [operator, otherChart, cronJob(undefined)]));
    expect(findings.map((f) => `${f.subject}: ${f.value}`)).toEqual([
      'KafkaNodePool kafka/controllers spec.resources.requests: missing memory',
      'KafkaNodePool kafka/brokers spec.resources.requests: missing cpu, memory',
      'Kafka kafka/kafka-prod spec.entityOperator.topicOperator.resources.requests: missing cpu, memory',
      'Kafka kafka/kafka-prod spec.entityOperator.userOperator.resources.requests: missing cpu, memory',
      'Kafka kafka/kafka-prod spec.kafkaExporter.resources.requests: missing cpu, memory',
      'Kafka kafka/kafka-prod spec.cruiseControl.resources.requests: missing cpu, memory',
      'helm_release kafka-prod/strimzi-operator/release values.resources.requests: missing cpu, memory',
      'kubernetes_cron_job_v1 kafka-prod/backup/cronjob spec[0].job_template[0].spec[0].template[0].spec[0].container[0] (backup) resources.requests: missing cpu, memory',
    ]);
  });
});
