import { brokerConfig, describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

const MIN_REPLICATION = 3;
const CLUSTER_KEYS = ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'];

/** KP-PROD-REPLICATION: every partition, including the internal topics, has at least 3 replicas. */
export const replicationFactorRule: GuardrailRule = {
  id: RULE_IDS.PROD_REPLICATION,
  requirement: `replication factor at least ${MIN_REPLICATION}`,
  why: 'with fewer than 3 replicas, one broker restart or lost volume leaves partitions without a spare copy or loses data',
  fix: `set brokerDefaults.defaultReplicationFactor (and topic replicas) to ${MIN_REPLICATION} or more, with at least ${MIN_REPLICATION} brokers`,
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const config = brokerConfig(object);
      for (const key of CLUSTER_KEYS) {
        if (key in config && !(Number(config[key]) >= MIN_REPLICATION)) {
          findings.push({ owner, subject: `${describeObject(object)} spec.kafka.config.${key}`, value: config[key] });
        }
      }
    }
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaTopic')) {
      const replicas = field(object, 'spec', 'replicas');
      if (replicas !== undefined && !(Number(replicas) >= MIN_REPLICATION)) {
        findings.push({ owner, subject: `${describeObject(object)} spec.replicas`, value: replicas });
      }
    }
    return findings;
  },
};
