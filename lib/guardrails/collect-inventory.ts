import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformBackend, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { ImportedKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KafkaCluster } from '../cluster/kafka-cluster';
import { InventoryCluster, InventoryObject, InventoryResource, StackInventory } from './inventory';
import { WORKLOAD_TYPES } from './rules/resource-requests';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Gathers what the rules inspect from a stack's construct tree (cdktf side of the pure rules); `objectsOnly` skips resolving typed resources. */
export function collectInventory(stack: TerraformStack, options: { readonly objectsOnly?: boolean } = {}): StackInventory {
  const objects: InventoryObject[] = [];
  const resources: InventoryResource[] = [];
  const clusters: InventoryCluster[] = [];
  for (const c of stack.node.findAll()) {
    if (c instanceof KafkaCluster || c instanceof ImportedKafkaCluster) {
      const { clusterName: name, namespace, brokerCount, defaultReplicationFactor, minInsyncReplicas } = c;
      clusters.push({ name, namespace, ...(brokerCount !== undefined ? { brokerCount } : {}), defaultReplicationFactor, minInsyncReplicas });
    } else if (c instanceof CustomResourceRelease) {
      for (const { object, owner } of c.ownedResources) objects.push({ object, owner, release: c.releaseName });
    } else if (!options.objectsOnly && TerraformResource.isTerraformResource(c) && isInspected(c)) {
      const json = Tokenization.resolve(c.toTerraform(), { scope: stack, resolver: RESOLVER }) as { resource: Record<string, Record<string, Record<string, unknown>>> };
      const config = Object.values(json.resource[c.terraformResourceType])[0];
      resources.push({ type: c.terraformResourceType, owner: c.node.path, config });
    }
  }
  const backend = stack.node.findAll().find((c): c is TerraformBackend => c instanceof TerraformBackend);
  const backendType = backend ? Object.keys((backend.toTerraform() as { terraform?: { backend?: object } }).terraform?.backend ?? {})[0] : undefined;
  return { stack: stack.node.id, objects, resources, clusters, ...(backend && backendType ? { backend: { type: backendType, owner: backend.node.path } } : {}) };
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
