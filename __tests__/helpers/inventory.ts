import { KubernetesObject } from '../../lib/core/kubernetes';
import { buildKafkaCluster, KafkaClusterSpec } from '../../lib/core/strimzi/kafka';
import { InventoryResource, StackInventory } from '../../lib/guardrails/inventory';
import { prod } from '../../stacks/environments';

/** The production cluster's spec (the compliant baseline), with changes. */
export function prodSpec(changes: Partial<KafkaClusterSpec> = {}): KafkaClusterSpec {
  return { ...prod.cluster, namespace: prod.namespace, ...changes };
}

/** The Kafka and KafkaNodePool objects of a cluster spec, owned by `kafka-prod/cluster`. */
export function clusterObjects(spec: KafkaClusterSpec = prodSpec()): KubernetesObject[] {
  const m = buildKafkaCluster(spec);
  return [m.kafka, ...m.nodePools];
}

/** An inventory of objects (all owned by `owner`) and typed resources. */
export function inventoryOf(objects: KubernetesObject[], resources: InventoryResource[] = [], owner = 'kafka-prod/cluster'): StackInventory {
  return { stack: 'kafka-prod', objects: objects.map((object) => ({ object, owner, release: 'r' })), resources };
}

/** A KafkaTopic as the topics module would render it. */
export function topic(name: string, spec: Record<string, unknown>): KubernetesObject {
  return { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-prod' } }, spec };
}
