import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';

/** KP-PROD-CLUSTER-QUOTAS (warning): a production cluster has cluster-wide client quotas. */
export const clusterQuotasRule: GuardrailRule = {
  id: 'KP-PROD-CLUSTER-QUOTAS',
  severity: 'warning',
  requirement: 'cluster-wide client quotas (spec.kafka.quotas)',
  why: 'without a quota floor one runaway producer or consumer can take a broker\'s whole network and starve every other client and replication',
  fix: 'set quotas on the cluster, e.g. { plugin: "kafka", producerByteRate: 52428800, consumerByteRate: 104857600 }',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      if (field(object, 'spec', 'kafka', 'quotas') === undefined) findings.push({ owner, subject: `${describeObject(object)} spec.kafka.quotas`, value: undefined });
    }
    return findings;
  },
};
