import { brokerConfig, describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

const MIN_ISR = 2;

/** KP-PROD-MIN-ISR: an acknowledged write (acks=all) is on at least 2 replicas. */
export const minInsyncReplicasRule: GuardrailRule = {
  id: RULE_IDS.PROD_MIN_ISR,
  requirement: `min.insync.replicas at least ${MIN_ISR}`,
  why: 'with min.insync.replicas 1 an acks=all write can be acknowledged by a single broker and is lost with it',
  fix: `set brokerDefaults.minInsyncReplicas (and any topic's min.insync.replicas) to ${MIN_ISR} or more, below the replication factor`,
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const config = brokerConfig(object);
      for (const key of ['min.insync.replicas', 'transaction.state.log.min.isr']) {
        if (key in config && !(Number(config[key]) >= MIN_ISR)) {
          findings.push({ owner, subject: `${describeObject(object)} spec.kafka.config.${key}`, value: config[key] });
        }
      }
    }
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaTopic')) {
      const minIsr = field(object, 'spec', 'config', 'min.insync.replicas');
      if (minIsr !== undefined && !(Number(minIsr) >= MIN_ISR)) {
        findings.push({ owner, subject: `${describeObject(object)} spec.config.min.insync.replicas`, value: minIsr });
      }
    }
    return findings;
  },
};
