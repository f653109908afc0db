import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformBackend, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Acknowledgement, Acknowledgements } from '../acknowledgements/acknowledgement';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { recordedValues } from '../delivery/values-documents';
import { containsTokens, PreparedValue } from '../delivery/light-resource';
import { ImportedKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KafkaCluster } from '../cluster/kafka-cluster';
import { InventoryBackend, InventoryCluster, InventoryObject, InventoryResource, StackInventory } from './inventory';
import { WORKLOAD_TYPES } from './rules/resource-requests';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** What one walk over a stack's construct tree gathers; the guardrails need nothing else from the tree. */
export interface StackScan {
  /** Every construct of the stack, the stack first, in the construct tree's order. */
  readonly constructs: readonly IConstruct[];
  readonly inventory: StackInventory;
  /** Every acknowledgement recorded in the stack, in tree order. */
  readonly acknowledgements: readonly Acknowledgement[];
}

/**
 * Walks the stack once: the objects of the library's releases, the typed resources the rules inspect
 * (resolved to plain JSON), the backend and the acknowledgements. `objectsOnly` skips resolving resources.
 */
export function scanStack(stack: TerraformStack, options: { readonly objectsOnly?: boolean } = {}): StackScan {
  const constructs = stack.node.findAll();
  const objects: InventoryObject[] = [];
  const resources: InventoryResource[] = [];
  const acknowledgements: Acknowledgement[] = [];
  const clusters: InventoryCluster[] = [];
  let backend: InventoryBackend | undefined;
  let backendSeen = false;
  for (const c of constructs) {
    acknowledgements.push(...Acknowledgements.on(c));
    if (c instanceof KafkaCluster || c instanceof ImportedKafkaCluster) {
      const { clusterName: name, namespace, brokerCount, defaultReplicationFactor, minInsyncReplicas } = c;
      clusters.push({ name, namespace, ...(brokerCount !== undefined ? { brokerCount } : {}), defaultReplicationFactor, minInsyncReplicas });
    } else if (c instanceof CustomResourceRelease) {
      for (const { object, owner } of c.ownedResources) objects.push({ object, owner, release: c.releaseName });
    } else if (!options.objectsOnly && TerraformResource.isTerraformResource(c) && isInspected(c)) {
      const json = resolveJson(c.toTerraform(), stack) as { resource: Record<string, Record<string, Record<string, unknown>>> };
      const config = Object.values(json.resource[c.terraformResourceType])[0];
      const values = c.terraformResourceType === 'helm_release' ? recordedValues(c, config.values) : undefined;
      resources.push({ type: c.terraformResourceType, owner: c.node.path, config, ...(values ? { values } : {}) });
    } else if (!backendSeen && c instanceof TerraformBackend) {
      backendSeen = true;
      const type = Object.keys((c.toTerraform() as { terraform?: { backend?: object } }).terraform?.backend ?? {})[0];
      if (type) backend = { type, owner: c.node.path };
    }
  }
  return { constructs, inventory: { stack: stack.node.id, objects, resources, clusters, ...(backend ? { backend } : {}) }, acknowledgements };
}

/** Gathers what the rules inspect from a stack's construct tree (cdktf side of the pure rules); `objectsOnly` skips resolving typed resources. */
export function collectInventory(stack: TerraformStack, options: { readonly objectsOnly?: boolean } = {}): StackInventory {
  return scanStack(stack, options).inventory;
}

/**
 * Terraform JSON with its tokens resolved, as `Tokenization.resolve` gives it, in one pass: cdktf's resolver
 * for each part that holds a token, the plain values (most of it, and far cheaper) as they are, unset ones
 * left out as cdktf leaves them out.
 */
export function resolveJson(value: unknown, stack: TerraformStack): unknown {
  const cdktf = () => Tokenization.resolve(value, { scope: stack, resolver: RESOLVER });
  // Token-free and pruned by construction (the light resource checked it once): nothing to walk.
  if (value instanceof PreparedValue) return value.value;
  if (typeof value === 'string' || typeof value === 'number') return containsTokens(value) ? cdktf() : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // A list with list tokens among its elements is resolved whole, as cdktf does.
    if (value.some((v) => (typeof v === 'string' || typeof v === 'number') && containsTokens(v))) return cdktf();
    return value.map((v) => resolveJson(v, stack)).filter((v) => v !== undefined);
  }
  // Resolvables, class instances and maps with token keys go to cdktf.
  if (value.constructor !== Object || Tokenization.isResolvable(value) || Object.keys(value).some(containsTokens)) return cdktf();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const resolved = resolveJson(v, stack);
    if (resolved !== undefined) out[k] = resolved;
  }
  return out;
}

function isInspected(resource: TerraformResource): boolean {
  if (WORKLOAD_TYPES.includes(resource.terraformResourceType)) return true;
  // Library releases are inspected object by object above; other Helm releases (the operator) by their values.
  return resource.terraformResourceType === 'helm_release' && !(resource.node.scope instanceof CustomResourceRelease);
}

/** The construct at `path`, or its nearest existing ancestor (owners may be recorded as plain paths). */
export function constructAt(index: Map<string, IConstruct>, path: string): IConstruct | undefined {
  for (let p = path; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
    const c = index.get(p);
    if (c) return c;
  }
  return undefined;
}

/**
 * The construct at `path` below `stack` (or the stack's own path), or its nearest existing ancestor; found by
 * walking down the path's ids, so no index of the whole tree is needed. Undefined for a path outside the stack.
 */
export function constructAtPath(stack: TerraformStack, path: string): IConstruct | undefined {
  const root = stack.node.path;
  if (path !== root && !path.startsWith(`${root}/`)) return undefined;
  let at: IConstruct = stack;
  for (const id of path.slice(root.length + 1).split('/').filter(Boolean)) {
    const child = at.node.tryFindChild(id);
    if (!child) break;
    at = child;
  }
  return at;
}
