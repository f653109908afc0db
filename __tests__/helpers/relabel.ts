import { KubernetesObject } from '../../lib/core/kubernetes';

/** A pod as Kubernetes service discovery sees it. */
export interface DiscoveredPod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly container: string;
  readonly node?: string;
  readonly hostIp?: string;
  readonly podIp?: string;
}

type Relabel = { action?: string; sourceLabels?: string[]; targetLabel?: string; regex?: string; replacement?: string; separator?: string };

const sanitize = (name: string) => name.replace(/[^a-zA-Z0-9_]/g, '_');

/**
 * The labels Prometheus gives a pod scraped through a PodMonitor: the prometheus-operator's own
 * relabelling (namespace, pod, container, endpoint, job, instance), then the PodMonitor's
 * `relabelings` applied as Prometheus does (replace and labelmap, anchored regexes). Meta labels are
 * dropped at the end. This lets the alert tests feed series with exactly the labels the relabelling yields.
 */
export function targetLabels(podMonitor: KubernetesObject, pod: DiscoveredPod): Record<string, string> {
  const spec = podMonitor.spec as { podMetricsEndpoints: { port: string; relabelings?: Relabel[] }[] };
  const endpoint = spec.podMetricsEndpoints[0];
  let labels: Record<string, string> = {
    __meta_kubernetes_namespace: pod.namespace,
    __meta_kubernetes_pod_name: pod.name,
    __meta_kubernetes_pod_node_name: pod.node ?? 'node-a',
    __meta_kubernetes_pod_host_ip: pod.hostIp ?? '10.0.0.1',
    ...Object.fromEntries(Object.entries(pod.labels).map(([k, v]) => [`__meta_kubernetes_pod_label_${sanitize(k)}`, v])),
    namespace: pod.namespace,
    pod: pod.name,
    container: pod.container,
    endpoint: endpoint.port,
    job: `${podMonitor.metadata.namespace}/${podMonitor.metadata.name}`,
    instance: `${pod.podIp ?? '10.1.0.1'}:9404`,
  };
  for (const r of endpoint.relabelings ?? []) {
    const regex = new RegExp(`^(?:${r.regex ?? '(.*)'})$`);
    if (r.action === 'labelmap') {
      const next = { ...labels };
      for (const [k, v] of Object.entries(labels)) {
        const m = regex.exec(k);
        if (m) next[k.replace(regex, r.replacement ?? '$1')] = v;
      }
      labels = next;
    } else if ((r.action ?? 'replace') === 'replace') {
      const value = (r.sourceLabels ?? []).map((l) => labels[l] ?? '').join(r.separator ?? ';');
      const m = regex.exec(value);
      if (m && r.targetLabel) labels[r.targetLabel] = value.replace(regex, r.replacement ?? '$1');
    } else {
      throw new Error(`relabel action ${r.action} is not simulated`);
    }
  }
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !k.startsWith('__')));
}

/** The labels Strimzi gives a Kafka node pool's pods (brokers and controllers). */
export function kafkaPodLabels(cluster: string, pool: string, roles: readonly string[]): Record<string, string> {
  return {
    'strimzi.io/cluster': cluster,
    'strimzi.io/kind': 'Kafka',
    'strimzi.io/name': `${cluster}-kafka`,
    'strimzi.io/pool-name': pool,
    'strimzi.io/broker-role': String(roles.includes('broker')),
    'strimzi.io/controller-role': String(roles.includes('controller')),
  };
}
