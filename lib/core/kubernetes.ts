/** Plain Kubernetes object shapes shared by every builder of the core. */

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** A Kubernetes object as it will be rendered to YAML. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** CPU and memory requests and limits of a container. */
export interface ResourceRequirements {
  readonly requests?: { readonly cpu?: string; readonly memory?: string };
  readonly limits?: { readonly cpu?: string; readonly memory?: string };
}

/** The label every object the library creates carries (`kubectl get -l app.kubernetes.io/managed-by=kafka-platform`). */
export function managedByLabels(): Record<string, string> {
  return { 'app.kubernetes.io/managed-by': 'kafka-platform' };
}

/** Labels the library puts on everything it creates, so `kubectl get -l` finds them. */
export function platformLabels(component: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...managedByLabels(), 'app.kubernetes.io/component': component, ...extra };
}
