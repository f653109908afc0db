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
  /**
   * A `helm_release`'s values documents as data, where the construct that wrote `config.values` recorded
   * them (the library's own releases); rules then read these instead of parsing the YAML.
   * @default - not recorded: parse `config.values`
   */
  readonly values?: readonly unknown[];
}

/** `Kind namespace/name`, how findings and reports name an object. */
export function describeObject(object: KubernetesObject): string {
  return `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}

/** Positions in `objects` by kind, built once per inventory (inventories are immutable data). */
const KIND_INDEX = new WeakMap<StackInventory, { readonly objects: readonly InventoryObject[]; readonly length: number; readonly positions: Map<string, number[]> }>();

function kindIndex(inventory: StackInventory): Map<string, number[]> {
  const cached = KIND_INDEX.get(inventory);
  if (cached && cached.objects === inventory.objects && cached.length === inventory.objects.length) return cached.positions;
  const positions = new Map<string, number[]>();
  inventory.objects.forEach((o, i) => {
    const list = positions.get(o.object.kind);
    if (list) list.push(i);
    else positions.set(o.object.kind, [i]);
  });
  KIND_INDEX.set(inventory, { objects: inventory.objects, length: inventory.objects.length, positions });
  return positions;
}

/** Objects of one kind, in inventory order; every rule shares one index of the inventory by kind. */
export function objectsOfKind(inventory: StackInventory, kind: string): InventoryObject[] {
  return (kindIndex(inventory).get(kind) ?? []).map((i) => inventory.objects[i]);
}

/** Objects of any of the kinds, in inventory order. */
export function objectsOfKinds(inventory: StackInventory, kinds: readonly string[]): InventoryObject[] {
  const index = kindIndex(inventory);
  return kinds
    .flatMap((k) => index.get(k) ?? [])
    .sort((a, b) => a - b)
    .map((i) => inventory.objects[i]);
}
