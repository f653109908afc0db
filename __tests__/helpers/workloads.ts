import { TerraformStack } from 'cdktf';
import { IKafkaCluster } from '../../lib/cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Listener, ListenerAuthentication } from '../../lib/core/strimzi/listener';
import { listenerBootstrap } from '../../lib/core/strimzi/operator-names';
import { resourcesOfType, synthJson, testStack } from './synth';

type Any = Record<string, any>;

/** A cluster `events` in namespace `kafka` with the given listeners (undefined: referenced by attributes). */
export function testCluster(listeners: readonly Listener[] | undefined = [Listener.internalTls()]): IKafkaCluster {
  return {
    clusterName: 'events',
    namespace: 'kafka',
    defaultReplicationFactor: 3,
    minInsyncReplicas: 2,
    clusterCaCertSecret: 'events-cluster-ca-cert',
    clientsCaCertSecret: 'events-clients-ca-cert',
    bootstrapServers: (name?: string) => {
      const l = listeners?.find((x) => name === undefined || x.name === name) ?? { name: name ?? 'tls', port: 9093 };
      return listenerBootstrap('events', 'kafka', l);
    },
    listeners,
    dependables: [],
  };
}

export const MTLS_LISTENER = Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls() });

/** A stack with the cluster and the operations release the workloads put their users in. */
export function workloadSetup(listeners?: readonly Listener[]): { stack: TerraformStack; cluster: IKafkaCluster; release: CustomResourceRelease } {
  const stack = testStack();
  const cluster = testCluster(listeners);
  const release = new CustomResourceRelease(stack, 'ops', { releaseName: 'events-operations', namespace: 'kafka' });
  return { stack, cluster, release };
}

/** Resources of `type` in the synthesized stack, by `metadata.name`. */
export function byName(stack: TerraformStack, type: string): Record<string, Any> {
  return Object.fromEntries(Object.values(resourcesOfType(synthJson(stack), type)).map((r: Any) => [r.metadata.name, r]));
}

/** The pod spec of a CronJob or Job resource. */
export const podOf = (r: Any): Any => (r.spec.job_template ? r.spec.job_template.spec.template.spec : r.spec.template.spec);
