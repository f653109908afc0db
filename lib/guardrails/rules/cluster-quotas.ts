import { clusterOf, describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/**
 * KP-PROD-CLUSTER-QUOTAS (warning): a production cluster has cluster-wide client quotas, and no user carries
 * quotas the cluster's plugin ignores (the Strimzi quotas plugin disregards every `KafkaUser.spec.quotas`).
 */
export const clusterQuotasRule: GuardrailRule = {
  id: RULE_IDS.PROD_CLUSTER_QUOTAS,
  severity: 'warning',
  requirement: 'cluster-wide client quotas (spec.kafka.quotas), and user quotas only where the quota plugin applies them',
  why: 'without a quota floor one runaway producer or consumer can take a broker\'s whole network and starve every other client and replication; under the strimzi plugin a user\'s own quotas silently do nothing',
  fix: 'set quotas on the cluster, e.g. { plugin: "kafka", producerByteRate: 52428800, consumerByteRate: 104857600 } (per-user defaults that KafkaUser quotas override); with plugin "strimzi", drop user quotas or exclude the principal',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    const strimziPlugin = new Set<string>();
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const quotas = field(object, 'spec', 'kafka', 'quotas');
      if (quotas === undefined) findings.push({ owner, subject: `${describeObject(object)} spec.kafka.quotas`, value: undefined });
      else if (field(quotas, 'type') === 'strimzi') strimziPlugin.add(`${object.metadata.namespace}/${object.metadata.name}`);
    }
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaUser')) {
      const quotas = field(object, 'spec', 'quotas');
      if (quotas !== undefined && strimziPlugin.has(`${object.metadata.namespace}/${clusterOf(object)}`)) {
        findings.push({ owner, subject: `${describeObject(object)} spec.quotas (ignored by the strimzi quotas plugin)`, value: quotas });
      }
    }
    return findings;
  },
};
