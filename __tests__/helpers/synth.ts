import { TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { KubernetesObject } from '../../lib/core/kubernetes';
import { KubernetesBackend } from '../../stacks/kubernetes-backend';

export type SynthesizedStack = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
};

/** The stack's Terraform JSON, parsed (validations run, like `cdktf synth`). */
export function synthJson(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, true));
}

/** All resources of one Terraform type, by logical name. */
export function resourcesOfType(json: SynthesizedStack, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The Kubernetes objects inside the stack's releases of the library chart, by release name. */
export function releaseObjects(json: SynthesizedStack): Map<string, KubernetesObject[]> {
  const out = new Map<string, KubernetesObject[]>();
  for (const release of Object.values(resourcesOfType(json, 'helm_release'))) {
    if (!String(release.chart).includes('kafka-platform-resources-chart')) continue;
    const values = parse((release.values as string[])[0]) as { resources: KubernetesObject[] };
    out.set(String(release.name), values.resources);
  }
  return out;
}

/** Every object delivered through the library chart, over all releases. */
export function allReleaseObjects(json: SynthesizedStack): KubernetesObject[] {
  return [...releaseObjects(json).values()].flat();
}

/** Terraform addresses (`type.name`) of every resource in the stack. */
export function resourceAddresses(json: SynthesizedStack): string[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, rs]) => Object.keys(rs).map((name) => `${type}.${name}`)).sort();
}

/** An empty stack with the kubernetes and helm providers, in a fresh test app. */
export function testStack(name = 'test'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), name);
  // Remote state, as every shared platform stack has (production refuses local state: KP-PROD-REMOTE-STATE).
  new KubernetesBackend(stack, { secretSuffix: name, namespace: 'kube-system', configPath: '~/.kube/config', configContext: name });
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new HelmProvider(stack, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
  return stack;
}
