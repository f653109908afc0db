import { KubernetesObject } from '../core/kubernetes';

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

/** The Strimzi cluster an object belongs to (its `strimzi.io/cluster` label; a Kafka is its own). */
export function clusterOf(object: KubernetesObject): string | undefined {
  return object.kind === 'Kafka' ? object.metadata.name : object.metadata.labels?.['strimzi.io/cluster'];
}

/** A field of a plain object by path segments; undefined when any step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Kafka's spec.kafka.config of a `Kafka` object. */
export function brokerConfig(kafka: KubernetesObject): Record<string, unknown> {
  return (field(kafka, 'spec', 'kafka', 'config') as Record<string, unknown> | undefined) ?? {};
}
