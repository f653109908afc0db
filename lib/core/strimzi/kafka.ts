import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { cruiseControlMetricsConfigMapRef, kafkaMetricsConfigMapRef } from '../monitoring/exporter-rules';
import { DNS_LABEL_RULE, isDnsLabel, isLabelKey, isLabelValue, LABEL_KEY_RULE, LABEL_VALUE_RULE, MAX_CLUSTER_NAME } from '../names';
import { RESOURCES_SHAPE, validateResources } from '../resources';
import { refuseBadShape, S, validPart } from '../shape';
import { fieldKey, Validator } from '../validation';
import { validateConfigKeys } from './config-keys';
import { Listener } from './listener';
import { BrokerCapacityOptions, buildBrokerCapacity, rebalanceTemplateSpec, validateBrokerCapacity, validateReplicationThrottle } from './cruise-control';
import { buildNodePool, NODE_POOL_SHAPE, NodePool, NodePoolOptions, validateNodePool, ZONE_TOPOLOGY_KEY } from './node-pool';
import { quartzProblems, QUARTZ_RULE } from './quartz';
import { defaultMinInsyncReplicas, defaultReplicationFactor } from './replication-defaults';
import { buildClusterQuotas, ClusterQuotas, validateClusterQuotas } from './quotas';
import { effectiveMetadataVersion, validateVersions } from './upgrade';
import { DEFAULT_KAFKA_VERSION, KafkaVersion, MetadataVersion, STRIMZI_API_VERSION } from './versions';
import { STRIMZI_CLUSTER_LABEL } from '../well-known';

const DEDICATED_SHAPE = S.object({ controllers: NODE_POOL_SHAPE, brokers: S.array(NODE_POOL_SHAPE, { minLength: 1, describe: 'a non-empty array of broker pools' }) });

/** Which nodes run the KRaft controller quorum. Create with the static factories. */
export class NodeTopology {
  /** A dedicated controller pool plus one or more broker pools: the production layout. */
  static dedicated(controllers: NodePoolOptions, brokers: readonly NodePoolOptions[]): NodeTopology {
    refuseBadShape('NodeTopology.dedicated', '', { controllers, brokers }, DEDICATED_SHAPE);
    return new NodeTopology([
      { ...controllers, roles: ['controller'] },
      ...brokers.map((b) => ({ ...b, roles: ['broker'] as const })),
    ]);
  }

  /** One pool whose nodes are controllers and brokers at once: small development clusters. */
  static combined(pool: NodePoolOptions): NodeTopology {
    refuseBadShape('NodeTopology.combined', 'pool', pool, NODE_POOL_SHAPE);
    return new NodeTopology([{ ...pool, roles: ['controller', 'broker'] }]);
  }

  private constructor(public readonly pools: readonly NodePool[]) {}

  get controllerCount(): number {
    return this.pools.filter((p) => p.roles.includes('controller')).reduce((n, p) => n + p.replicas, 0);
  }

  get brokerCount(): number {
    return this.pools.filter((p) => p.roles.includes('broker')).reduce((n, p) => n + p.replicas, 0);
  }

  get hasDedicatedControllers(): boolean {
    return this.pools.some((p) => p.roles.length === 1 && p.roles[0] === 'controller');
  }
}

/** Certificate authority settings (cluster CA or clients CA). */
export interface CertificateAuthorityOptions {
  /** Validity of generated certificates in days. @default 365 */
  readonly validityDays?: number;
  /** Days before expiry that renewal starts (within maintenance windows). @default 30 */
  readonly renewalDays?: number;
  /** Let Strimzi generate the CA; false when you bring your own. @default true */
  readonly generateCertificateAuthority?: boolean;
}

/** Cruise Control, for rebalancing partitions when brokers are added or removed. */
export interface CruiseControlOptions {
  readonly resources?: ResourceRequirements;
  /**
   * Rebalance automatically when a broker pool grows or shrinks, using the library's
   * `KafkaRebalance` templates.
   * @default true
   */
  readonly autoRebalance?: boolean;
  /** JMX exporter rules for Cruise Control's metrics endpoint. @default - no metrics */
  readonly metricsConfigMap?: { readonly name: string; readonly key: string };
  /**
   * Bytes per second for moving replicas in the auto-rebalance (add-brokers / remove-brokers) templates, so
   * scaling the broker pool cannot saturate the network that clients and replication share.
   * @default 52428800 (50 MiB/s)
   */
  readonly replicationThrottle?: number;
  /** Concurrent partition movements per broker in the auto-rebalance templates. @default 5 */
  readonly concurrentPartitionMovementsPerBroker?: number;
  /** Broker capacities Cruise Control plans with (network, CPU; disk comes from the pools' storage). */
  readonly brokerCapacity?: BrokerCapacityOptions;
}

export interface KafkaExporterOptions {
  /** Topics to export lag and offsets for. @default '.*' */
  readonly topicRegex?: string;
  /** Consumer groups to export lag for. @default '.*' */
  readonly groupRegex?: string;
  readonly resources?: ResourceRequirements;
}

/** Broker defaults every topic inherits unless it sets its own. */
export interface BrokerDefaults {
  /** `default.replication.factor`, also used for internal topics. @default min(3, brokers) */
  readonly defaultReplicationFactor?: number;
  /** `min.insync.replicas`. @default min(2, replication factor) */
  readonly minInsyncReplicas?: number;
  /** `num.partitions` for topics created without a count. @default 3 */
  readonly defaultPartitions?: number;
  /**
   * Retention of topics without their own, in hours. Rendered as `log.retention.ms`, which Kafka updates
   * cluster-wide without a restart (`log.retention.hours` is read-only: changing it would roll every broker).
   * @default 168 (7 days)
   */
  readonly retentionHours?: number;
}

/** Inputs of a Strimzi Kafka cluster. */
export interface KafkaClusterSpec {
  /** Cluster name; prefixes every object Strimzi creates. At most 40 characters. */
  readonly name: string;
  /** Namespace of the cluster and its custom resources. */
  readonly namespace: string;
  /**
   * Kafka version, one Strimzi 1.2.0 supports. Upgrade in two changes: raise `version` first; raise
   * `metadataVersion` in a later change once the cluster runs well (it cannot be lowered again).
   * @default '4.3.1'
   */
  readonly version?: KafkaVersion;
  /**
   * KRaft metadata version, never ahead of `version`. Pin it in environments so that a version bump does
   * not also raise it.
   * @default '4.3-IV0' for Kafka 4.3.x; required for other versions
   */
  readonly metadataVersion?: MetadataVersion;
  /** Node pools and their roles. */
  readonly topology: NodeTopology;
  /** Listeners. @default [Listener.internalTls()] */
  readonly listeners?: readonly Listener[];
  /**
   * Principals with every permission, e.g. `User:CN=platform-admin` or `platform-admin`.
   * Authorization is always `simple`.
   * @default []
   */
  readonly superUsers?: readonly string[];
  readonly brokerDefaults?: BrokerDefaults;
  /**
   * Further broker configuration. Keys Strimzi manages itself (listeners, ssl., sasl., ...) are rejected.
   * Values here win over `brokerDefaults`.
   * @default {}
   */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  /** Rack awareness on `topology.kubernetes.io/zone` (replicas spread over zones, consumers fetch nearby). @default true */
  readonly rackAware?: boolean;
  /**
   * Cluster-wide client quotas (see `ClusterQuotas` for the two plugins). The production guardrails warn
   * when a production cluster has none.
   * @default - no quotas: any client may use a broker's whole bandwidth
   */
  readonly quotas?: ClusterQuotas;
  /**
   * Node drains go through Strimzi Drain Cleaner (install it with `DrainCleaner`): the Kafka pods'
   * PodDisruptionBudget allows no eviction (`maxUnavailable: 0`), Drain Cleaner marks an evicted pod for the
   * operator, and the operator rolls it only when that keeps every partition in sync. Without Drain Cleaner
   * in the Kubernetes cluster this blocks node drains, so turn it on together with the installation.
   * @default false - Strimzi's default budget (maxUnavailable 1) lets a drain evict a broker at any time
   */
  readonly drainCleaner?: boolean;
  /** PriorityClass of every pool's pods (pools may name their own). @default - the Kubernetes default priority */
  readonly priorityClassName?: string;
  /** Resources of the topic and user operators. */
  readonly entityOperatorResources?: ResourceRequirements;
  /** Kafka Exporter for consumer lag metrics. @default {} (enabled) */
  readonly kafkaExporter?: KafkaExporterOptions | false;
  /** Cruise Control. @default - not deployed */
  readonly cruiseControl?: CruiseControlOptions;
  readonly clusterCa?: CertificateAuthorityOptions;
  readonly clientsCa?: CertificateAuthorityOptions;
  /**
   * Quartz cron expressions (UTC) of windows in which Strimzi may roll pods for certificate renewal.
   * @default [] (any time)
   */
  readonly maintenanceTimeWindows?: readonly string[];
  /**
   * Export metrics through the library's JMX exporter rules (`kafkaMetricsConfigMapRef`, and
   * `cruiseControlMetricsConfigMapRef` for Cruise Control): the metrics `KafkaMonitoring` alerts and draws on.
   * `KafkaMonitoring` writes the rules ConfigMap. Leave `metricsConfigMap` unset when this is on.
   * @default false
   */
  readonly metrics?: boolean;
  /** Your own JMX exporter rules ConfigMap, instead of `metrics`. @default - no metrics (or the library's with `metrics`) */
  readonly metricsConfigMap?: { readonly name: string; readonly key: string };
  /** Extra labels for every custom resource. Strimzi forbids `strimzi.io/` labels other than the cluster label. */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Keys of `config` the library does not know (plugins, settings newer than Kafka 4.3), passed to
   * Strimzi unchecked. Every other key must be a documented Kafka 4.3 broker config of the right type.
   * @default []
   */
  readonly uncheckedConfigKeys?: readonly string[];
}

const CA_SHAPE = S.object({
  validityDays: S.optional(S.numeric()),
  renewalDays: S.optional(S.numeric()),
  generateCertificateAuthority: S.optional(S.boolean()),
});
const CONFIG_MAP_REF_SHAPE = S.object({ name: S.string(), key: S.string() });

/** Shape of `KafkaClusterSpec`: what must be present, of which type, before anything reads it. */
export const KAFKA_CLUSTER_SHAPE = S.object({
  name: S.string(),
  namespace: S.string(),
  version: S.optional(S.string()),
  metadataVersion: S.optional(S.string()),
  topology: S.instance(NodeTopology, 'a NodeTopology (NodeTopology.dedicated(controllers, [brokers]) or NodeTopology.combined(pool))'),
  listeners: S.optional(S.array(S.instance(Listener, 'a Listener (Listener.internalTls(), Listener.external({ type }), ...)'), { describe: 'an array of Listeners' })),
  superUsers: S.optional(S.array(S.string(), { describe: 'an array of principals, e.g. ["platform-admin"] (a single string is not a list)' })),
  brokerDefaults: S.optional(
    S.object({
      defaultReplicationFactor: S.optional(S.numeric()),
      minInsyncReplicas: S.optional(S.numeric()),
      defaultPartitions: S.optional(S.numeric()),
      retentionHours: S.optional(S.numeric()),
    }),
  ),
  config: S.optional(S.configMap()),
  uncheckedConfigKeys: S.optional(S.array(S.string())),
  rackAware: S.optional(S.boolean()),
  entityOperatorResources: S.optional(RESOURCES_SHAPE),
  kafkaExporter: S.optional(
    S.either([
      { when: (x) => x === false, shape: S.oneOf([false]) },
      { when: () => true, shape: S.object({ topicRegex: S.optional(S.string()), groupRegex: S.optional(S.string()), resources: S.optional(RESOURCES_SHAPE) }, 'false or an object') },
    ]),
  ),
  cruiseControl: S.optional(
    S.object({
      resources: S.optional(RESOURCES_SHAPE),
      autoRebalance: S.optional(S.boolean()),
      metricsConfigMap: S.optional(CONFIG_MAP_REF_SHAPE),
      replicationThrottle: S.optional(S.numeric()),
      concurrentPartitionMovementsPerBroker: S.optional(S.numeric()),
      brokerCapacity: S.optional(S.object({ inboundNetwork: S.optional(S.string()), outboundNetwork: S.optional(S.string()), cpu: S.optional(S.string()) })),
    }),
  ),
  quotas: S.optional(
    S.object({
      plugin: S.optional(S.oneOf(['kafka', 'strimzi'])),
      producerByteRate: S.optional(S.numeric()),
      consumerByteRate: S.optional(S.numeric()),
      requestPercentage: S.optional(S.numeric()),
      controllerMutationRate: S.optional(S.numeric()),
      minAvailableRatioPerVolume: S.optional(S.numeric()),
      excludedPrincipals: S.optional(S.array(S.string())),
    }),
  ),
  drainCleaner: S.optional(S.boolean()),
  priorityClassName: S.optional(S.string()),
  clusterCa: S.optional(CA_SHAPE),
  clientsCa: S.optional(CA_SHAPE),
  metrics: S.optional(S.boolean()),
  maintenanceTimeWindows: S.optional(S.array(S.string(), { describe: 'an array of Quartz cron expressions (a single string is not a list)' })),
  metricsConfigMap: S.optional(CONFIG_MAP_REF_SHAPE),
  labels: S.optional(S.stringMap()),
});

/** A Kafka principal as Strimzi writes it into `super.users`: `User:<name>` or `<name>`, no spaces or `;`. */
const PRINCIPAL = /^(User:)?[^\s;]+$/;

/** The objects of one cluster, ready for delivery. */
export interface KafkaClusterManifests {
  readonly kafka: KubernetesObject;
  readonly nodePools: readonly KubernetesObject[];
  readonly rebalanceTemplates: readonly KubernetesObject[];
}

/** Names of the `KafkaRebalance` templates used by auto-rebalancing. */
export function rebalanceTemplateName(cluster: string, mode: 'add-brokers' | 'remove-brokers'): string {
  return `${cluster}-${mode}`;
}

/**
 * Broker configuration keys Strimzi sets itself and rejects in `spec.kafka.config`
 * (prefix match), with the exceptions Strimzi allows.
 */
const FORBIDDEN_CONFIG_PREFIXES = [
  'listeners', 'advertised.', 'broker.', 'listener.', 'host.name', 'port', 'inter.broker.listener.name', 'sasl.',
  'ssl.', 'security.', 'password.', 'log.dir', 'zookeeper.', 'authorizer.', 'super.user', 'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers', 'node.id', 'process.roles', 'controller.', 'metadata.log.dir',
  'client.quota.callback.static.',
];
const ALLOWED_CONFIG_EXCEPTIONS = [
  'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols', 'ssl.secure.random.implementation',
  'cruise.control.metrics.topic.num.partitions', 'cruise.control.metrics.topic.replication.factor',
  'cruise.control.metrics.topic.retention.ms', 'cruise.control.metrics.topic.min.insync.replicas',
  'controller.quorum.election.backoff.max.ms', 'controller.quorum.election.timeout.ms', 'controller.quorum.fetch.timeout.ms',
  'broker.session.timeout.ms', 'broker.heartbeat.interval.ms',
];

/**
 * Read-only broker keys (a change restarts every broker) whose cluster-wide dynamic synonym Kafka applies in
 * place. `spec.kafka.config` must use the dynamic one.
 */
export const DYNAMIC_SYNONYMS: Readonly<Record<string, string>> = {
  'log.retention.hours': 'log.retention.ms',
  'log.retention.minutes': 'log.retention.ms',
  'log.roll.hours': 'log.roll.ms',
  'log.roll.jitter.hours': 'log.roll.jitter.ms',
};

export function isForbiddenBrokerConfig(key: string): boolean {
  if (ALLOWED_CONFIG_EXCEPTIONS.includes(key)) return false;
  return FORBIDDEN_CONFIG_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Retention of topics without their own: Kafka's `log.retention.hours` default, also `brokerDefaults.retentionHours`'s. */
export const DEFAULT_RETENTION_HOURS = 168;
/** Strimzi's CA defaults (`validityDays`, `renewalDays`), written out in every `Kafka`. */
export const DEFAULT_CA_VALIDITY_DAYS = 365;
export const DEFAULT_CA_RENEWAL_DAYS = 30;

/** A certificate authority's settings with the defaults applied. */
export interface ResolvedCertificateAuthority {
  readonly generateCertificateAuthority: boolean;
  readonly validityDays: number;
  readonly renewalDays: number;
}

/**
 * A cluster spec with every default resolved once: the construct, the builder, the validation and the
 * monitoring inputs all read these values instead of re-applying the defaults.
 */
export interface ResolvedKafkaCluster {
  readonly spec: KafkaClusterSpec;
  readonly version: KafkaVersion;
  /** @default [Listener.internalTls()] applied */
  readonly listeners: readonly Listener[];
  /** `spec.kafka.config` as rendered: the defaults, then `brokerDefaults`, then `config`. */
  readonly brokerConfig: Readonly<Record<string, string | number | boolean>>;
  /** `default.replication.factor` of `brokerConfig` (NaN when `config` sets a non-number). */
  readonly defaultReplicationFactor: number;
  /** `min.insync.replicas` of `brokerConfig` (NaN when `config` sets a non-number). */
  readonly minInsyncReplicas: number;
  /** `log.retention.ms` of `brokerConfig`, as a number, when set. */
  readonly defaultRetentionMs?: number;
  readonly clusterCa: ResolvedCertificateAuthority;
  readonly clientsCa: ResolvedCertificateAuthority;
  /** The smaller `renewalDays` of the two CAs (certificate expiry warnings must come later). */
  readonly certificateRenewalDays: number;
  /** The brokers' `metricsConfig` ConfigMap: the library's with `metrics`, else `metricsConfigMap`. */
  readonly metricsConfigMap?: { readonly name: string; readonly key: string };
  /** Cruise Control's `metricsConfig` ConfigMap, when Cruise Control runs. */
  readonly cruiseControlMetricsConfigMap?: { readonly name: string; readonly key: string };
}

function resolveCa(ca: CertificateAuthorityOptions | undefined): ResolvedCertificateAuthority {
  return {
    generateCertificateAuthority: ca?.generateCertificateAuthority ?? true,
    validityDays: ca?.validityDays ?? DEFAULT_CA_VALIDITY_DAYS,
    renewalDays: ca?.renewalDays ?? DEFAULT_CA_RENEWAL_DAYS,
  };
}

/** Applies every default of a cluster spec once. */
export function resolveKafkaCluster(spec: KafkaClusterSpec): ResolvedKafkaCluster {
  const brokerConfig = effectiveBrokerConfig(spec);
  const clusterCa = resolveCa(spec.clusterCa);
  const clientsCa = resolveCa(spec.clientsCa);
  return {
    spec,
    version: spec.version ?? DEFAULT_KAFKA_VERSION,
    listeners: spec.listeners ?? [Listener.internalTls()],
    brokerConfig,
    defaultReplicationFactor: asNumber(brokerConfig['default.replication.factor'])!,
    minInsyncReplicas: asNumber(brokerConfig['min.insync.replicas'])!,
    defaultRetentionMs: asNumber(brokerConfig['log.retention.ms']),
    clusterCa,
    clientsCa,
    certificateRenewalDays: Math.min(clusterCa.renewalDays, clientsCa.renewalDays),
    metricsConfigMap: spec.metrics ? kafkaMetricsConfigMapRef(spec.name) : spec.metricsConfigMap,
    cruiseControlMetricsConfigMap:
      spec.cruiseControl && spec.metrics ? cruiseControlMetricsConfigMapRef(spec.name) : spec.cruiseControl?.metricsConfigMap,
  };
}

/** The broker configuration the cluster will run with, defaults resolved. Prefer `resolveKafkaCluster(spec).brokerConfig`. */
export function effectiveBrokerConfig(spec: KafkaClusterSpec): Record<string, string | number | boolean> {
  const brokers = spec.topology.brokerCount;
  const d = spec.brokerDefaults ?? {};
  const rf = d.defaultReplicationFactor ?? defaultReplicationFactor(brokers);
  const minIsr = d.minInsyncReplicas ?? defaultMinInsyncReplicas(rf);
  const config: Record<string, string | number | boolean> = {
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    'unclean.leader.election.enable': false,
    'auto.create.topics.enable': false,
    'num.partitions': d.defaultPartitions ?? 3,
    // The dynamic key (the hours key is read-only): a retention change applies without rolling the brokers.
    'log.retention.ms': (d.retentionHours ?? DEFAULT_RETENTION_HOURS) * 3_600_000,
    // From the operations guide's broker tuning.
    'log.cleaner.threads': 2,
    'log.cleaner.io.max.bytes.per.second': 5242880,
  };
  if (spec.rackAware ?? true) {
    config['replica.selector.class'] = 'org.apache.kafka.common.replica.RackAwareReplicaSelector';
  }
  return { ...config, ...(spec.config ?? {}) };
}

function asNumber(value: string | number | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Checks a cluster spec; every problem is recorded on `v`. Returns the spec resolved (of its well-shaped
 * part), for the builder and the construct when `v` has no problems; undefined when it cannot be read.
 */
export function validateKafkaCluster(v: Validator, input: KafkaClusterSpec): ResolvedKafkaCluster | undefined {
  // Wrongly shaped optional fields are reported and left out, so the value rules still check the rest.
  const spec = validPart(v, input, KAFKA_CLUSTER_SHAPE, ['name', 'namespace', 'topology']);
  if (spec === undefined) return undefined;
  const resolved = resolveKafkaCluster(spec);
  v.check(isDnsLabel(spec.name, MAX_CLUSTER_NAME), 'name', spec.name, `${DNS_LABEL_RULE}, at most ${MAX_CLUSTER_NAME} characters`);
  v.check(isDnsLabel(spec.namespace), 'namespace', spec.namespace, DNS_LABEL_RULE);
  validateVersions(v, spec.version ?? DEFAULT_KAFKA_VERSION, spec.metadataVersion);
  (spec.superUsers ?? []).forEach((u, i) => {
    v.check(PRINCIPAL.test(u), `superUsers[${i}]`, u, 'a principal "User:<name>" or "<name>" without spaces or ";"');
  });

  const topo = spec.topology;
  topo.pools.forEach((pool, i) => {
    validateNodePool(v, `topology.pools[${i}]`, pool);
    v.check(
      spec.name.length + pool.name.length <= 55,
      `topology.pools[${i}].name`,
      pool.name,
      `cluster and pool names together at most 55 characters (pod names <cluster>-<pool>-<id> must fit 63)`,
    );
  });
  v.unique('topology.pools[].name', topo.pools.map((p) => p.name));
  const controllers = topo.controllerCount;
  v.check(
    controllers % 2 === 1,
    'topology.controllers.replicas',
    controllers,
    'an odd number of controllers (a quorum of 2n+1 survives n failures; an even count adds risk, not tolerance)',
  );
  if (topo.hasDedicatedControllers) {
    v.check(controllers >= 3, 'topology.controllers.replicas', controllers, 'at least 3 dedicated controllers (3 or 5)');
  }

  const brokers = topo.brokerCount;
  const rf = resolved.defaultReplicationFactor;
  const minIsr = resolved.minInsyncReplicas;
  // Name the field the user wrote: a `config` key wins over `brokerDefaults`.
  const written = (key: string, typed: string) => (spec.config && key in spec.config ? fieldKey('config', key) : `brokerDefaults.${typed}`);
  const rfField = written('default.replication.factor', 'defaultReplicationFactor');
  const minIsrField = written('min.insync.replicas', 'minInsyncReplicas');
  // A config value that is no number ("three") is reported as written, not as the NaN it reads as.
  const asWritten = (n: number, key: string) => (Number.isNaN(n) ? resolved.brokerConfig[key] : n) as number;
  const rfOk = v.integer(rfField, asWritten(rf, 'default.replication.factor'), 1);
  if (rfOk) v.check(rf <= brokers, rfField, rf, `at most the number of brokers (${brokers})`);
  // Compared with the replication factor only when that is a number itself.
  if (v.integer(minIsrField, asWritten(minIsr, 'min.insync.replicas'), 1) && rfOk) {
    v.check(
      minIsr <= rf && (minIsr < rf || rf === 1),
      minIsrField,
      minIsr,
      `below the replication factor (${rf}), so that one broker can restart without blocking producers`,
    );
  }
  v.integer('brokerDefaults.defaultPartitions', spec.brokerDefaults?.defaultPartitions, 1);
  v.integer('brokerDefaults.retentionHours', spec.brokerDefaults?.retentionHours, 1);
  for (const key of Object.keys(spec.config ?? {})) {
    v.check(!isForbiddenBrokerConfig(key), fieldKey('config', key), spec.config![key], 'a key Strimzi does not manage itself (listeners, TLS, SASL, authorizer and node settings come from the typed props)');
    const dynamic = DYNAMIC_SYNONYMS[key];
    if (dynamic) v.fail(fieldKey('config', key), spec.config![key], `its dynamic synonym ${dynamic} instead (${key} is read-only: every change would roll all brokers)`);
  }
  validateConfigKeys(v, 'config', spec.config, {
    kind: 'broker',
    unchecked: spec.uncheckedConfigKeys,
    // Strimzi-managed keys are refused above; the replication keys are checked against the brokers above.
    skip: (key) => isForbiddenBrokerConfig(key) || key === 'default.replication.factor' || key === 'min.insync.replicas',
    // A read-only key is refused for its dynamic synonym: a typo hint names the synonym.
    insteadOf: (key) => DYNAMIC_SYNONYMS[key] && `"${DYNAMIC_SYNONYMS[key]}" (the dynamic synonym of the read-only "${key}")`,
  });

  const listeners = resolved.listeners;
  v.check(listeners.length > 0, 'listeners', listeners, 'at least one listener');
  listeners.forEach((l, i) => l.validate(v, `listeners[${i}]`));
  v.unique('listeners[].name', listeners.map((l) => l.name));
  v.unique('listeners[].port', listeners.map((l) => String(l.port)));

  for (const [field, ca, { validityDays, renewalDays }] of [
    ['clusterCa', spec.clusterCa, resolved.clusterCa],
    ['clientsCa', spec.clientsCa, resolved.clientsCa],
  ] as const) {
    if (!ca) continue;
    v.integer(`${field}.validityDays`, ca.validityDays, 1);
    v.integer(`${field}.renewalDays`, ca.renewalDays, 1);
    v.check(renewalDays < validityDays, `${field}.renewalDays`, renewalDays, `fewer days than validityDays (${validityDays})`);
  }
  if (spec.metrics) {
    const mine = 'unset with metrics: true (the library\'s exporter rules are used)';
    v.check(spec.metricsConfigMap === undefined, 'metricsConfigMap', spec.metricsConfigMap, mine);
    v.check(spec.cruiseControl?.metricsConfigMap === undefined, 'cruiseControl.metricsConfigMap', spec.cruiseControl?.metricsConfigMap, mine);
  }
  (spec.maintenanceTimeWindows ?? []).forEach((w, i) => {
    const problems = quartzProblems(w);
    v.check(problems.length === 0, `maintenanceTimeWindows[${i}]`, w, `${QUARTZ_RULE} (${problems.join('; ')})`);
  });
  validateResources(v, 'entityOperatorResources', spec.entityOperatorResources);
  if (spec.kafkaExporter) validateResources(v, 'kafkaExporter.resources', spec.kafkaExporter.resources);
  if (spec.cruiseControl) {
    validateResources(v, 'cruiseControl.resources', spec.cruiseControl.resources);
    validateReplicationThrottle(v, 'cruiseControl.replicationThrottle', spec.cruiseControl.replicationThrottle);
    v.integer('cruiseControl.concurrentPartitionMovementsPerBroker', spec.cruiseControl.concurrentPartitionMovementsPerBroker, 1, 100);
    validateBrokerCapacity(v, 'cruiseControl.brokerCapacity', spec.cruiseControl.brokerCapacity);
  }
  validateClusterQuotas(v, 'quotas', spec.quotas);
  if (spec.priorityClassName !== undefined) v.check(isDnsLabel(spec.priorityClassName), 'priorityClassName', spec.priorityClassName, DNS_LABEL_RULE);
  for (const [key, value] of Object.entries(spec.labels ?? {})) {
    const field = fieldKey('labels', key);
    v.check(!key.startsWith('strimzi.io/'), field, value, 'no strimzi.io/ labels (Strimzi sets them)');
    if (v.check(isLabelKey(key), field, key, LABEL_KEY_RULE)) v.check(isLabelValue(value), field, value, LABEL_VALUE_RULE);
  }
  return resolved;
}

/**
 * Builds the `Kafka`, its `KafkaNodePool`s and rebalance templates. Call `validateKafkaCluster` first
 * (and pass the spec it resolved).
 */
export function buildKafkaCluster(spec: KafkaClusterSpec, resolved: ResolvedKafkaCluster = resolveKafkaCluster(spec)): KafkaClusterManifests {
  const labels = { ...(spec.labels ?? {}) };
  const { version, listeners } = resolved;

  const kafka: Record<string, unknown> = {
    version,
    metadataVersion: effectiveMetadataVersion(version, spec.metadataVersion),
    listeners: listeners.map((l) => l.toStrimzi()),
    authorization: { type: 'simple', superUsers: [...(spec.superUsers ?? [])] },
    config: { ...resolved.brokerConfig },
  };
  if (spec.quotas) kafka.quotas = buildClusterQuotas(spec.quotas);
  if (spec.rackAware ?? true) kafka.rack = { topologyKey: ZONE_TOPOLOGY_KEY };
  if (spec.drainCleaner) kafka.template = { podDisruptionBudget: { maxUnavailable: 0 } };
  if (resolved.metricsConfigMap) {
    kafka.metricsConfig = { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { ...resolved.metricsConfigMap } } };
  }

  const operatorSpec = spec.entityOperatorResources ? { resources: spec.entityOperatorResources } : {};
  const kafkaSpec: Record<string, unknown> = {
    kafka,
    entityOperator: { topicOperator: { ...operatorSpec }, userOperator: { ...operatorSpec } },
    clusterCa: { ...resolved.clusterCa },
    clientsCa: { ...resolved.clientsCa },
  };
  if (spec.kafkaExporter !== false) {
    const ke = spec.kafkaExporter ?? {};
    kafkaSpec.kafkaExporter = {
      topicRegex: ke.topicRegex ?? '.*',
      groupRegex: ke.groupRegex ?? '.*',
      ...(ke.resources ? { resources: ke.resources } : {}),
    };
  }
  const rebalanceTemplates: KubernetesObject[] = [];
  if (spec.cruiseControl) {
    const cc: Record<string, unknown> = {};
    if (spec.cruiseControl.resources) cc.resources = spec.cruiseControl.resources;
    const capacity = buildBrokerCapacity(spec.cruiseControl.brokerCapacity, spec.topology.pools);
    if (capacity) cc.brokerCapacity = capacity;
    if (resolved.cruiseControlMetricsConfigMap) {
      cc.metricsConfig = { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { ...resolved.cruiseControlMetricsConfigMap } } };
    }
    if (spec.cruiseControl.autoRebalance ?? true) {
      cc.autoRebalance = (['add-brokers', 'remove-brokers'] as const).map((mode) => ({
        mode,
        template: { name: rebalanceTemplateName(spec.name, mode) },
      }));
      for (const mode of ['add-brokers', 'remove-brokers'] as const) {
        rebalanceTemplates.push({
          apiVersion: STRIMZI_API_VERSION,
          kind: 'KafkaRebalance',
          metadata: {
            name: rebalanceTemplateName(spec.name, mode),
            namespace: spec.namespace,
            labels: { ...labels, [STRIMZI_CLUSTER_LABEL]: spec.name },
            annotations: { 'strimzi.io/rebalance-template': 'true' },
          },
          spec: rebalanceTemplateSpec(spec.cruiseControl.replicationThrottle, spec.cruiseControl.concurrentPartitionMovementsPerBroker),
        });
      }
    }
    kafkaSpec.cruiseControl = cc;
  }
  if (spec.maintenanceTimeWindows?.length) kafkaSpec.maintenanceTimeWindows = [...spec.maintenanceTimeWindows];

  return {
    kafka: {
      apiVersion: STRIMZI_API_VERSION,
      kind: 'Kafka',
      metadata: { name: spec.name, namespace: spec.namespace, labels },
      spec: kafkaSpec,
    },
    nodePools: spec.topology.pools.map((p) => buildNodePool(spec.name, spec.namespace, p, labels, { priorityClassName: spec.priorityClassName })),
    rebalanceTemplates,
  };
}
