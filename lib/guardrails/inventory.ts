import { KubernetesObject } from '../core/kubernetes';
import { STRIMZI_CLUSTER_LABEL } from '../core/well-known';

// The object readers rules use; they live with the core so that the plan review reads objects the same way.
export { brokerConfig, clusterOf, field } from '../core/objects';

/**
 * What the guardrails inspect: plain data about one stack, gathered by the aspect. Rules are pure
 * functions of it, so they are tested without cdktf and could run on any synthesized estate.
 */
export interface StackInventory {
  /** Stack name, e.g. `kafka-prod`. */
  readonly stack: string;
  /** Kubernetes objects delivered through the library's Helm releases, with the construct that added each. */
  readonly objects: readonly InventoryObject[];
  /** Typed Terraform resources that run pods (workloads, third-party Helm charts), resolved to plain JSON. */
  readonly resources: readonly InventoryResource[];  /** The stack's Terraform state backend. @default - none configured (Terraform then keeps local state) */
  readonly backend?: InventoryBackend;
  /**
   * The Kafka clusters of the stack, owned or referenced by attributes, with what bounds their topics' replication
   * (fix texts name what fits them). @default - none known
   */
  readonly clusters?: readonly InventoryCluster[];
}

export interface InventoryCluster {
  /** Name of the `Kafka` resource (the `strimzi.io/cluster` label of its topics). */
  readonly name: string;
  readonly namespace: string;
  /** @default - unknown */
  readonly brokerCount?: number;
  readonly defaultReplicationFactor: number;
  readonly minInsyncReplicas: number;
}

/** The cluster a topic or user belongs to (by its `strimzi.io/cluster` label and namespace), when known. */
export function clusterOfObject(inventory: StackInventory, object: KubernetesObject): InventoryCluster | undefined {
  const name = object.metadata.labels?.[STRIMZI_CLUSTER_LABEL];
  return inventory.clusters?.find((c) => c.name === name && c.namespace === object.metadata.namespace);
}

export interface InventoryBackend {
  /** Terraform backend type, e.g. `local`, `kubernetes`, `s3`. */
  readonly type: string;
  /** Path of the backend construct. */
  readonly owner: string;
}

export interface InventoryObject {
  readonly object: KubernetesObject;
  /** Path of the construct that added the object. */
  readonly owner: string;
  /** Helm release carrying the object. */
  readonly release: string;
}

export interface InventoryResource {
  /** Terraform type, e.g. `kubernetes_cron_job_v1`. */
  readonly type: string;
  /** Path of the construct (the resource itself). */
  readonly owner: string;
  /** The resource's Terraform JSON (snake_case keys, tokens resolved). */
  readonly config: Readonly<Record<string, unknown>>;
}

/** `Kind namespace/name`, how findings and reports name an object. */
export function describeObject(object: KubernetesObject): string {
  return `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}

/** Objects of one kind. */
export function objectsOfKind(inventory: StackInventory, kind: string): InventoryObject[] {
  return inventory.objects.filter((o) => o.object.kind === kind);
}
