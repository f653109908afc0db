import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { DataKubernetesSecretV1 } from '@cdktf/provider-kubernetes/lib/data-kubernetes-secret-v1';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { platformLabels } from '../core/kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { SCRIPTS_PATH } from '../core/operations/workload-model';
import { validateCronSchedule } from '../core/operations/cron';
import { KAFKA_CLI_RESOURCES } from '../core/operations/images';
import { MirrorAuthentication } from '../core/operations/mirror-maker2-resource';
import { WorkloadNames } from '../core/operations/workload-names';
import { clusterCaCertSecret } from '../core/strimzi/operator-names';
import { AclResources, AclRule, allow } from '../core/strimzi/acl';
import { Listener } from '../core/strimzi/listener';
import { UserAuthentication } from '../core/strimzi/user';
import { kafkaImage } from '../core/strimzi/versions';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { Validator } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { addOperationsUser } from '../workloads/operations-user';
import { scripts } from '../workloads/scripts';
import { ReplicationTarget } from './mirror-maker2';
import { KubernetesSecret } from '../delivery/kubernetes-resources';

/**
 * What MirrorMaker 2 needs on the DR (target) cluster, and nothing more. It writes mirrored topics
 * (creating them, growing partitions, syncing their configs), its Connect topics, the checkpoints and
 * offset-syncs topics, and commits translated offsets of the replicated groups:
 * - topics: Create, Write, Read, Describe, DescribeConfigs, AlterConfigs, Alter (partition growth);
 * - groups: Read, Describe (its Connect group and the synced consumer groups);
 * - cluster: Describe.
 * No Delete anywhere: MirrorMaker 2 never deletes topics on the target.
 */
export function replicationTargetAcls(): AclRule[] {
  return [
    allow(AclResources.topic('*'), ['Create', 'Write', 'Read', 'Describe', 'DescribeConfigs', 'AlterConfigs', 'Alter']),
    allow(AclResources.group('*'), ['Read', 'Describe']),
    allow(AclResources.cluster(), ['Describe']),
  ];
}

export interface DisasterRecoveryTargetProps {
  /** The DR cluster (declared in this stack). */
  readonly cluster: IKafkaCluster;
  /** Release carrying the MirrorMaker 2 KafkaUser. */
  readonly release: CustomResourceRelease;
  /** The listener the source reaches: external, TLS, SCRAM-SHA-512, with a `bootstrapHost`. */
  readonly listenerName: string;
  /** KafkaUser of the source's MirrorMaker 2; its Secret (same name) holds the password the source copies. */
  readonly mirrorUserName: string;
}

/**
 * The DR side of replication, as code: the MirrorMaker 2 KafkaUser with exactly `replicationTargetAcls`,
 * and the endpoint the source reads at deploy time (`DisasterRecoveryLink`): bootstrap address, CA Secret
 * and credentials Secret. The listener must be reachable from the source, encrypted and authenticated.
 */
export class DisasterRecoveryTarget extends Construct {
  public readonly endpoint: DisasterRecoveryEndpoint;

  constructor(scope: Construct, id: string, props: DisasterRecoveryTargetProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, TARGET_SHAPE);
    const v = new Validator(this.node.path);
    const { cluster } = props;
    const listener = cluster.listeners?.find((l) => l.name === props.listenerName);
    v.check(
      listener !== undefined && listener.type !== 'internal' && listener.isSecure && listener.authentication?.type === 'scram-sha-512' && listener.bootstrapHost !== undefined,
      'listenerName',
      props.listenerName,
      `an external (loadbalancer or route) listener of ${cluster.clusterName} with TLS, SCRAM-SHA-512 and a bootstrapHost, reachable from the source (listeners: ${(cluster.listeners ?? []).map((l) => `${l.name} (${l.type})`).join(', ') || 'unknown'})`,
    );
    v.check(isDnsLabel(props.mirrorUserName), 'mirrorUserName', props.mirrorUserName, DNS_LABEL_RULE);
    v.throwIfAny();
    addOperationsUser(this, props.release, cluster, props.mirrorUserName, UserAuthentication.scramSha512(), replicationTargetAcls(), 'MirrorMaker 2 mirrors every topic and the offsets of every group of the source');
    this.endpoint = disasterRecoveryEndpoint({ clusterName: cluster.clusterName, namespace: cluster.namespace, listener: listener!, mirrorUserName: props.mirrorUserName });
  }
}

/** The endpoint a `DisasterRecoveryTarget` publishes, from the DR cluster's declaration alone. */
export function disasterRecoveryEndpoint(dr: { clusterName: string; namespace: string; listener: Listener; mirrorUserName: string }): DisasterRecoveryEndpoint {
  return {
    bootstrapServers: `${dr.listener.bootstrapHost}:${dr.listener.type === 'route' ? 443 : dr.listener.port}`,
    namespace: dr.namespace,
    caCertSecret: clusterCaCertSecret(dr.clusterName),
    credentialsSecret: dr.mirrorUserName,
    username: dr.mirrorUserName,
  };
}

/** MirrorMaker 2's target as a `DisasterRecoveryLink` of `sourceCluster` provides it (the copied Secrets). */
export function linkedReplicationTarget(sourceCluster: string, endpoint: DisasterRecoveryEndpoint, alias = 'dr'): ReplicationTarget {
  return {
    alias,
    bootstrapServers: endpoint.bootstrapServers,
    caCertSecret: WorkloadNames.drCaCertCopy(sourceCluster),
    authentication: MirrorAuthentication.scramSha512(endpoint.username, WorkloadNames.drMirrorCredentials(sourceCluster)),
  };
}

/** Where and how the source reaches the DR cluster; every value is known at synth (code, not copied by hand). */
export interface DisasterRecoveryEndpoint {
  /** `host:port` of the DR bootstrap (its `bootstrapHost`). */
  readonly bootstrapServers: string;
  /** Namespace of the DR cluster, on the DR Kubernetes cluster. */
  readonly namespace: string;
  /** Strimzi's CA certificate Secret of the DR cluster (`ca.crt`). */
  readonly caCertSecret: string;
  /** The MirrorMaker 2 user's Secret on the DR cluster (`password`). */
  readonly credentialsSecret: string;
  readonly username: string;
}

export interface DisasterRecoveryLinkProps {
  /** The source cluster (MirrorMaker 2 runs in its namespace). */
  readonly cluster: IKafkaCluster;
  readonly endpoint: DisasterRecoveryEndpoint;
  /** How Terraform reaches the DR Kubernetes cluster (kube config and context; credentials stay there). */
  readonly drKubernetes: { readonly configPath: string; readonly context: string };
  /** Alias of the DR cluster in MirrorMaker 2. @default 'dr' */
  readonly alias?: string;
  /** Schedule of the CA check. @default '17 * * * *' (hourly) */
  readonly caCheckSchedule?: string;
  /** The CA check fails (and alerts) when the copied CA expires within this many days. @default 30 */
  readonly caWarningDays?: number;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The source side of replication to a DR cluster declared with `DisasterRecoveryTarget` in another stack.
 * At every plan it reads, through a Kubernetes provider for the DR cluster, the DR cluster's CA
 * certificate and the MirrorMaker 2 user's password (data sources, so they are current on every
 * deploy), and writes them into the source namespace as `<cluster>-dr-cluster-ca-cert` and
 * `<cluster>-dr-mirror-credentials`; a plan fails while the DR stack has not created them yet. An hourly
 * `ca-check.sh` CronJob fails when the copy expires within `caWarningDays` or no longer verifies the DR
 * bootstrap, which the `KafkaDrCaCopyStale` alert reports. `target` is MirrorMaker 2's target.
 */
export class DisasterRecoveryLink extends Construct {
  public readonly target: ReplicationTarget;
  public readonly caCheckCronJobName: string;
  public readonly provider: TerraformProvider;

  constructor(scope: Construct, id: string, props: DisasterRecoveryLinkProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, LINK_SHAPE);
    const { cluster, endpoint } = props;
    const v = new Validator(this.node.path);
    const schedule = props.caCheckSchedule ?? '17 * * * *';
    const warningDays = props.caWarningDays ?? 30;
    validateCronSchedule(v, 'caCheckSchedule', schedule);
    v.integer('caWarningDays', warningDays, 1, 365);
    v.check(props.drKubernetes.context.length > 0, 'drKubernetes.context', props.drKubernetes.context, 'the kube config context of the DR Kubernetes cluster');
    v.throwIfAny();

    this.provider = new KubernetesProvider(this, 'dr-kubernetes', { alias: 'dr', configPath: props.drKubernetes.configPath, configContext: props.drKubernetes.context });
    const read = (name: string, secretName: string) =>
      new DataKubernetesSecretV1(this, name, { provider: this.provider, metadata: { name: secretName, namespace: endpoint.namespace } });
    const drCa = read('dr-ca', endpoint.caCertSecret);
    const drUser = read('dr-user', endpoint.credentialsSecret);
    this.target = linkedReplicationTarget(cluster.clusterName, endpoint, props.alias);
    const caSecret = this.target.caCertSecret;
    const credentialsSecret = WorkloadNames.drMirrorCredentials(cluster.clusterName);
    const labels = platformLabels('replication', { 'kafka-platform/copied-from': `${props.drKubernetes.context}.${endpoint.namespace}` });
    const copy = (name: string, secretName: string, key: string, source: DataKubernetesSecretV1, what: string) =>
      new KubernetesSecret(this, name, {
        metadata: { name: secretName, namespace: cluster.namespace, labels },
        data: { [key]: source.data.lookup(key) },
        dependsOn: props.dependsOn,
        lifecycle: {
          // An empty copy would make MirrorMaker 2 fail later and obscurely: refuse the plan instead.
          precondition: [
            {
              condition: `\${length(lookup(${source.fqn}.data, "${key}", "")) > 0}`,
              errorMessage: `${this.node.path}: ${what} "${endpoint.namespace}/${source.metadata.name}" (key ${key}) is missing on the DR Kubernetes cluster (context ${props.drKubernetes.context}): deploy the DR stack first`,
            },
          ],
        },
      });
    copy('ca-copy', caSecret, 'ca.crt', drCa, 'the DR cluster CA Secret');
    copy('credentials-copy', credentialsSecret, 'password', drUser, 'the MirrorMaker 2 user Secret');

    this.caCheckCronJobName = WorkloadNames.drCaCheck(cluster.clusterName);
    new BatchWorkload(this, 'ca-check', {
      name: this.caCheckCronJobName,
      namespace: cluster.namespace,
      component: 'dr-ca-check',
      schedule,
      steps: [
        {
          name: 'ca-check',
          image: kafkaImage(),
          command: ['/bin/bash', `${SCRIPTS_PATH}/ca-check.sh`],
          env: [
            { name: 'CA_FILE', value: '/etc/dr-ca/ca.crt' },
            { name: 'WARN_DAYS', value: String(warningDays) },
            { name: 'BOOTSTRAP', value: endpoint.bootstrapServers },
          ],
          mounts: [{ volume: 'dr-ca', path: '/etc/dr-ca' }],
          resources: KAFKA_CLI_RESOURCES,
        },
      ],
      volumes: [{ name: 'dr-ca', source: { type: 'secret', secretName: caSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] } }],
      scripts: scripts('ca-check.sh'),
      // One run per schedule is the signal; a retry would only delay the alert.
      backoffLimit: 0,
      activeDeadlineSeconds: 300,
      dependsOn: props.dependsOn,
    });
  }
}

const TARGET_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: S.instance(CustomResourceRelease, 'a CustomResourceRelease'),
  listenerName: S.string(),
  mirrorUserName: S.string(),
});

const LINK_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  endpoint: S.object({
    bootstrapServers: S.string(),
    namespace: S.string(),
    caCertSecret: S.string(),
    credentialsSecret: S.string(),
    username: S.string(),
  }, 'a DisasterRecoveryEndpoint (disasterRecoveryEndpoint(...))'),
  drKubernetes: S.object({ configPath: S.string(), context: S.string() }),
  alias: S.optional(S.string()),
  caCheckSchedule: S.optional(S.string()),
  caWarningDays: S.optional(S.numeric()),
  dependsOn: S.optional(S.array(S.where('a Terraform resource', (x) => typeof x === 'object' && x !== null))),
});
