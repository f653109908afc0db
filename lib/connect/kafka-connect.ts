import { createHash } from 'crypto';
import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease, RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { KafkaTopic } from '../topics/kafka-topic';
import { KafkaUser } from '../access/kafka-user';
import { Grant } from '../core/access/grant';
import { KubernetesObject, managedByLabels, ResourceRequirements } from '../core/kubernetes';
import { kafkaConnectMetricsConfigMapRef } from '../core/monitoring/exporter-rules';
import { RESOURCES_SHAPE } from '../core/resources';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { buildKafkaConnect, ConnectorPlugin, ConnectSecretEnv, KafkaConnectSpec, providedConnectorClasses, validateKafkaConnect } from '../core/strimzi/connect';
import { sinkConsumerGroup } from '../core/strimzi/connector';
import { DEFAULT_KAFKA_VERSION } from '../core/strimzi/versions';
import { uniqueChildId, Validator } from '../core/validation';
import { operationsAccess } from '../workloads/kafka-access';
import { ConnectorDeclaration, CONNECTOR_DECLARATION_SHAPE, IKafkaConnect, KafkaConnector } from './kafka-connector';

/** Registry the Connect build pushes to when an environment names none: anonymous, images expire after 24 hours. */
export const EPHEMERAL_CONNECT_REGISTRY = 'ttl.sh';

/** Where Strimzi pushes the images it builds. */
export interface ConnectImageRegistry {
  /** `registry[/path]` the image goes to, e.g. `registry.example.org/kafka-platform`; the image is `<registry>/<name>-connect:<hash>`. */
  readonly registry: string;
  /** Secret (`kubernetes.io/dockerconfigjson`) with push credentials, in the cluster's namespace. */
  readonly pushSecret?: string;
}

export interface KafkaConnectProps {
  /** The Kafka cluster the workers use (owned here or referenced by attributes). */
  readonly cluster: IKafkaCluster;
  /** Release of the KafkaConnect, its connectors, its KafkaUser and (unless declared elsewhere) its storage topics. */
  readonly release: CustomResourceRelease;
  /** KafkaConnect name (pods `<name>-connect-<n>`). */
  readonly name: string;
  /** Plugins built into the image (pinned by version and SHA-512). */
  readonly plugins: readonly ConnectorPlugin[];
  /**
   * Registry of the built image.
   * @default - `ttl.sh` (anonymous, 24-hour images): development only; production refuses it (KP-PROD-CONNECT-REGISTRY)
   */
  readonly image?: ConnectImageRegistry;
  /** Connectors, each with the topics it reads (sinks) or writes (sources): they decide the workers' ACLs. @default [] */
  readonly connectors?: readonly ConnectorDeclaration[];
  /**
   * Topics written by source connectors that jobs create at run time (a restore's connector): granted Write
   * like a declared source's. @default []
   */
  readonly runtimeSourceTopics?: readonly string[];
  /** @default 2 */
  readonly replicas?: number;
  /** @default DEFAULT_KAFKA_VERSION */
  readonly version?: string;
  readonly resources?: ResourceRequirements;
  /** JVM heap, e.g. `1g`. @default - Strimzi's default */
  readonly heap?: string;
  /** Worker configuration (not the keys Strimzi sets). @default {} */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  /** Container variables from Secrets, e.g. object-store credentials the connectors read. @default [] */
  readonly env?: readonly ConnectSecretEnv[];
  /** `group.id`. @default `<name>-connect` */
  readonly groupId?: string;
  /**
   * The three storage topics. Declared here as compacted KafkaTopics (so the workers need no Create ACL) unless
   * `declare: false` (the catalogue declares them).
   * @default `<group>.configs`, `<group>.offsets`, `<group>.status`, declared here
   */
  readonly storageTopics?: { readonly config?: string; readonly offset?: string; readonly status?: string; readonly declare?: boolean };
  /** Listener the workers use. @default - the first internal TLS listener with authentication */
  readonly listenerName?: string;
  /** Export metrics through the library's Connect exporter rules (the ConfigMap `KafkaMonitoring` writes). @default false */
  readonly metrics?: boolean;
  /** Production: storage topics are deletion-protected. @default false */
  readonly production?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A Kafka Connect cluster as a Strimzi `KafkaConnect` whose image Strimzi builds from pinned plugins, with its
 * connectors as `KafkaConnector` resources, delivered in place through a Helm release. The workers run as their
 * own KafkaUser (`<name>-connect`) with exactly the ACLs of Connect and of the declared connectors: the group,
 * the storage topics, the topics sinks read (and their groups `connect-<connector>`) and sources write.
 */
export class KafkaConnect extends Construct implements IKafkaConnect {
  public readonly connectName: string;
  public readonly namespace: string;
  public readonly connectorClasses: readonly string[];
  public readonly topicAccess: { readonly read: readonly string[]; readonly write: readonly string[] };
  public readonly manifest: KubernetesObject;
  public readonly user: KafkaUser;
  public readonly release: CustomResourceRelease;
  /** The image Strimzi builds and pushes. */
  public readonly image: string;
  public readonly groupId: string;
  public readonly storageTopicNames: { readonly config: string; readonly offset: string; readonly status: string };
  public readonly connectors: readonly KafkaConnector[];
  /** The build pushes to the anonymous, expiring default registry. */
  public readonly usesEphemeralRegistry: boolean;

  constructor(scope: Construct, id: string, props: KafkaConnectProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaConnect'));
    refuseBadShapeAt(this.node.path, props, KAFKA_CONNECT_PROPS_SHAPE);
    const { cluster } = props;
    const v = new Validator(this.node.path);
    const groupId = props.groupId ?? `${props.name}-connect`;
    const topics = {
      config: props.storageTopics?.config ?? `${groupId}.configs`,
      offset: props.storageTopics?.offset ?? `${groupId}.offsets`,
      status: props.storageTopics?.status ?? `${groupId}.status`,
    };
    const connectors = props.connectors ?? [];
    const read = unique(connectors.filter((c) => c.type === 'sink').flatMap((c) => c.topics));
    const write = unique([...connectors.filter((c) => c.type === 'source').flatMap((c) => c.topics), ...(props.runtimeSourceTopics ?? [])]);
    const userName = `${props.name}-connect`;
    const access = operationsAccess(v, cluster, userName, props.listenerName);
    const image = connectImage(props);
    this.usesEphemeralRegistry = props.image === undefined;
    const spec: KafkaConnectSpec | undefined = access && {
      name: props.name,
      namespace: cluster.namespace,
      version: props.version,
      replicas: props.replicas,
      bootstrapServers: access.connection.bootstrapServers,
      clusterCaSecret: cluster.clusterCaCertSecret,
      authentication: access.connection.credentials.type === 'tls' ? { type: 'tls', certificateSecret: userName } : { type: 'scram-sha-512', username: userName, passwordSecret: userName },
      groupId,
      configStorageTopic: topics.config,
      offsetStorageTopic: topics.offset,
      statusStorageTopic: topics.status,
      build: { output: { image, pushSecret: props.image?.pushSecret }, plugins: props.plugins },
      config: props.config,
      resources: props.resources,
      heap: props.heap,
      env: props.env,
      metricsConfigMap: props.metrics ? kafkaConnectMetricsConfigMapRef(cluster.clusterName) : undefined,
      labels: props.labels,
    };
    if (spec) validateKafkaConnect(v, spec);
    if (props.image) {
      v.check(/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*$/.test(props.image.registry), 'image.registry', props.image.registry, 'a registry host with an optional path, e.g. "registry.example.org/kafka-platform" (the library adds name and tag)');
    }
    v.unique('connectors[].name', connectors.map((c) => c.name));
    v.throwIfAny();

    this.connectName = props.name;
    this.namespace = cluster.namespace;
    this.connectorClasses = providedConnectorClasses(props.plugins);
    this.topicAccess = { read, write };
    this.release = props.release;
    this.image = image;
    this.groupId = groupId;
    this.storageTopicNames = topics;

    if (props.storageTopics?.declare ?? true) {
      // Kafka Connect's own partition counts for its topics; the config topic must have exactly one partition.
      const storage: [string, string, number][] = [['config-topic', topics.config, 1], ['offset-topic', topics.offset, 25], ['status-topic', topics.status, 5]];
      for (const [topicId, name, partitions] of storage) {
        new KafkaTopic(this, topicId, { cluster, release: props.release, production: props.production, name, partitions, cleanupPolicy: 'compact', labels: managedByLabels() });
      }
    }
    this.user = new KafkaUser(this, 'user', {
      cluster,
      release: props.release,
      name: userName,
      authentication: access!.userAuthentication,
      labels: managedByLabels(),
      grants: [
        Grant.connect({
          groupId,
          configTopic: topics.config,
          offsetTopic: topics.offset,
          statusTopic: topics.status,
          sourceTopics: write,
          sinkTopics: read,
          connectorGroups: connectors.filter((c) => c.type === 'sink').map((c) => sinkConsumerGroup(c.name)),
        }),
      ],
    });
    this.manifest = buildKafkaConnect(spec!);
    props.release.add(this.manifest, this);
    this.connectors = connectors.map((c) => new KafkaConnector(this, `connector-${c.name}`, { ...c, connect: this }));
  }
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}

/**
 * `<registry>/<name>-connect:<hash>`: the tag is a digest of the plugins and the Kafka version, so every change of
 * the build pushes a new tag and earlier images stay for a roll-back. The default registry `ttl.sh` takes the
 * lifetime as its tag.
 */
export function connectImage(props: Pick<KafkaConnectProps, 'image' | 'name' | 'plugins' | 'version'> & { readonly cluster: { readonly namespace: string } }): string {
  const digest = createHash('sha256')
    .update(JSON.stringify({ version: props.version ?? DEFAULT_KAFKA_VERSION, plugins: props.plugins.map((p) => p.spec) }))
    .digest('hex')
    .slice(0, 12);
  if (!props.image) return `${EPHEMERAL_CONNECT_REGISTRY}/${props.cluster.namespace}-${props.name}-connect-${digest}:24h`;
  return `${props.image.registry}/${props.name}-connect:${digest}`;
}

const KAFKA_CONNECT_PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  name: S.string(),
  plugins: S.array(S.instance(ConnectorPlugin, 'a ConnectorPlugin (ConnectorPlugin.streamReactorAwsS3(...), ConnectorPlugin.fromArtifacts(...))'), { minLength: 1 }),
  image: S.optional(S.object({ registry: S.string(), pushSecret: S.optional(S.string()) })),
  connectors: S.optional(S.array(CONNECTOR_DECLARATION_SHAPE)),
  runtimeSourceTopics: S.optional(S.array(S.string())),
  replicas: S.optional(S.numeric()),
  version: S.optional(S.string()),
  resources: S.optional(RESOURCES_SHAPE),
  heap: S.optional(S.string()),
  config: S.optional(S.configMap()),
  env: S.optional(S.array(S.object({ name: S.string(), secretName: S.string(), key: S.string() }))),
  groupId: S.optional(S.string()),
  storageTopics: S.optional(S.object({ config: S.optional(S.string()), offset: S.optional(S.string()), status: S.optional(S.string()), declare: S.optional(S.boolean()) })),
  listenerName: S.optional(S.string()),
  metrics: S.optional(S.boolean()),
  production: S.optional(S.boolean()),
  labels: S.optional(S.stringMap()),
});

/**
 * Problems of a stack whose monitoring alerts on the KafkaConnects `names` in `namespace`: Strimzi opens the metrics
 * port only with `metricsConfig`, so each must be declared in the stack with the library's Connect rules (`expected`).
 */
export function connectMetricsProblems(monitoring: IConstruct, namespace: string, names: readonly string[], expected: { readonly name: string; readonly key: string }): string[] {
  const connects = TerraformStack.of(monitoring)
    .node.findAll()
    .filter((c): c is KafkaConnect => c instanceof KafkaConnect && c.namespace === namespace);
  return names.flatMap((name, i) => {
    const connect = connects.find((c) => c.connectName === name);
    if (!connect) {
      return [`${monitoring.node.path}: kafkaConnect[${i}] = ${JSON.stringify(name)}: a KafkaConnect in namespace "${namespace}" declared in this stack (declared: ${connects.map((c) => c.connectName).join(', ') || 'none'})`];
    }
    const ref = (connect.manifest.spec as { metricsConfig?: { valueFrom?: { configMapKeyRef?: { name?: string; key?: string } } } }).metricsConfig?.valueFrom?.configMapKeyRef;
    return ref?.name === expected.name && ref?.key === expected.key
      ? []
      : [`${connect.node.path}: metrics = ${ref ? JSON.stringify(ref) : 'undefined'}: true (the library's Connect exporter rules ${JSON.stringify(expected)}), because the monitoring alerts on KafkaConnect "${name}" and Strimzi opens no metrics port without metricsConfig`];
  });
}
