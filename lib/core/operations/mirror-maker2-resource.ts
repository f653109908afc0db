import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../names';
import { validateResources } from '../resources';
import { STRIMZI_API_VERSION } from '../strimzi/versions';
import { refuseBadShape, S } from '../shape';
import { Validator } from '../validation';

/**
 * `KafkaMirrorMaker2` in the Strimzi v1 layout: `spec.target` (the cluster MirrorMaker 2's Connect
 * workers use and write to) and `spec.mirrors[].source`. Replaces the guide's MirrorMaker 1
 * (`kafka-mirror-maker --whitelist`), which no longer exists.
 */

/** How MirrorMaker 2 authenticates to one cluster. */
export class MirrorAuthentication {
  /** SCRAM-SHA-512 with a password from a Secret (a KafkaUser's Secret has it under `password`). */
  static scramSha512(username: string, passwordSecret: string, passwordKey = 'password'): MirrorAuthentication {
    refuseBadShape('MirrorAuthentication.scramSha512', '', { username, passwordSecret, passwordKey }, S.object({ username: S.string(), passwordSecret: S.string(), passwordKey: S.string() }));
    return new MirrorAuthentication({ type: 'scram-sha-512', username, passwordSecret: { secretName: passwordSecret, password: passwordKey } });
  }

  /** Mutual TLS with the certificate and key of a Secret (a KafkaUser's Secret has `user.crt`, `user.key`). */
  static mutualTls(secretName: string, certificate = 'user.crt', key = 'user.key'): MirrorAuthentication {
    refuseBadShape('MirrorAuthentication.mutualTls', '', { secretName, certificate, key }, S.object({ secretName: S.string(), certificate: S.string(), key: S.string() }));
    return new MirrorAuthentication({ type: 'tls', certificateAndKey: { secretName, certificate, key } });
  }

  private constructor(private readonly spec: Record<string, unknown>) {}

  get type(): string {
    return String(this.spec.type);
  }

  toStrimzi(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.spec));
  }
}

/** One side of the replication. */
export interface MirrorClusterConnection {
  /** Short name; remote topics are prefixed with the source alias unless identity replication is on. */
  readonly alias: string;
  /** `host:port` list of the cluster. */
  readonly bootstrapServers: string;
  /** Secret in the MirrorMaker 2 namespace with the CA that signed the brokers' certificates (`ca.crt`). */
  readonly caCertSecret: string;
  readonly authentication: MirrorAuthentication;
}

export interface MirrorMaker2Spec {
  /** Name of the KafkaMirrorMaker2 (also prefixes its Deployment and Connect topics). */
  readonly name: string;
  readonly namespace: string;
  /** The cluster replicated from (normally the platform's own). */
  readonly source: MirrorClusterConnection;
  /** The disaster-recovery or backup cluster replicated to. */
  readonly target: MirrorClusterConnection;
  /** Regular expression of topics to replicate. @default '.*' (internal topics are always excluded, see `topicsExcludePattern`) */
  readonly topicsPattern?: string;
  /**
   * More topics not to replicate. Setting Strimzi's `topicsExcludePattern` replaces MirrorMaker 2's
   * default excludes, so the library always writes them back (`DEFAULT_TOPIC_EXCLUDES`: Kafka and MM2
   * internal topics, Cruise Control's `strimzi.cruisecontrol.*`, Kafka Connect storage topics) and adds this.
   * @default - only the default excludes
   */
  readonly topicsExcludePattern?: string;
  /** Regular expression of consumer groups whose offsets are checkpointed. @default '.*' */
  readonly groupsPattern?: string;
  readonly groupsExcludePattern?: string;
  /**
   * Topic names on the target. `identity` (`IdentityReplicationPolicy`): the same names, so clients fail
   * over by changing only their bootstrap address and consumer groups resume on the same topics. `prefix`
   * (MirrorMaker 2's default): remote topics are renamed `<source alias>.<topic>`; fail-over then needs
   * every client changed to the prefixed names (consumers may subscribe to both), in exchange for
   * supporting two-way (active/active) replication, which loops with identity names.
   * @default 'identity'
   */
  readonly replicationPolicy?: 'identity' | 'prefix';
  /** @deprecated use `replicationPolicy`. `false` means `replicationPolicy: 'prefix'`. */
  readonly identityReplication?: boolean;
  /**
   * Translate committed offsets of groups onto the target (`sync.group.offsets.enabled`, every
   * `GROUP_OFFSET_SYNC_INTERVAL_SECONDS`), so consumers resume there after fail-over. The interval plus the
   * checkpoint interval is the recovery point of consumer positions.
   * @default true
   */
  readonly syncGroupOffsets?: boolean;
  /**
   * Copy `retention.ms`/`retention.bytes` (with every other topic config MirrorMaker 2 syncs) of source
   * topics to the target, so the DR copy keeps data as long as production does. With `false`, the DR
   * topics keep the target's broker default, which must be stated in `targetRetentionMs` and is checked
   * to be at least every replicated topic's retention.
   * @default true
   */
  readonly syncRetention?: boolean;
  /** Retention of the target's topics when `syncRetention` is false (its broker default), -1 for unlimited. */
  readonly targetRetentionMs?: number;
  /** Replication factor of mirrored and internal topics on the target. @default 3 */
  readonly targetReplicationFactor?: number;
  /** Connect worker pods. @default 2 */
  readonly replicas?: number;
  /** Tasks of the source connector. @default 4 */
  readonly tasksMax?: number;
  readonly resources?: ResourceRequirements;
  /** JMX exporter rules ConfigMap (see the monitoring module). @default - no metrics */
  readonly metricsConfigMap?: { readonly name: string; readonly key: string };
  readonly labels?: Readonly<Record<string, string>>;
}

export const IDENTITY_REPLICATION_POLICY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
/** Seconds between checkpoints and between group offset syncs onto the target. */
export const CHECKPOINT_INTERVAL_SECONDS = 60;
export const GROUP_OFFSET_SYNC_INTERVAL_SECONDS = 60;
/**
 * Kafka Connect storage topics as the platform names them: `<group>.configs|offsets|status` or
 * `<group>-configs|offsets|status` where the group is `connect`, `connect-cluster` or ends in `-connect` /
 * `.connect` (the catalogue's `connect-cluster.configs`, Strimzi's default `connect-cluster-offsets`,
 * MirrorMaker 2's `<name>-connect-status`, `KafkaConnect`'s `<name>-connect.configs`). MirrorMaker 2 tests
 * the whole name (`Pattern.matches`), so `connect` must start the name or follow `-`/`.`: a topic such as
 * `devices.reconnect-status` is not excluded.
 */
export const CONNECT_STORAGE_TOPIC_PATTERN = '(?:.+[-.])?connect(?:-cluster)?[-.](?:configs|offsets|status)';

/**
 * Topics never replicated: MirrorMaker 2's own defaults (restated, because setting an exclude pattern
 * replaces them), Cruise Control's metric and sample topics, Kafka Connect storage topics
 * (`CONNECT_STORAGE_TOPIC_PATTERN`) and MirrorMaker 2's heartbeats. Written in the subset of regular
 * expressions where Java (MirrorMaker 2) and JavaScript agree: groups, classes, `.`, `*`, `+`, `?`, `|`.
 */
export const DEFAULT_TOPIC_EXCLUDES: readonly string[] = [
  '.*[\\-\\.]internal',
  '.*\\.replica',
  '__.*',
  'strimzi\\.cruisecontrol\\..*',
  CONNECT_STORAGE_TOPIC_PATTERN,
  'heartbeats',
];
/** Source topic configs never copied (Kafka's defaults) plus, unless asked for, retention. */
const DEFAULT_CONFIG_EXCLUDES = [
  'follower\\.replication\\.throttled\\.replicas',
  'leader\\.replication\\.throttled\\.replicas',
  'message\\.timestamp\\.difference\\.max\\.ms',
  'message\\.timestamp\\.type',
  'unclean\\.leader\\.election\\.enable',
  'min\\.insync\\.replicas',
];
const RETENTION_EXCLUDES = ['retention\\.ms', 'retention\\.bytes'];

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export function validateMirrorMaker2(v: Validator, spec: MirrorMaker2Spec): void {
  v.check(isDnsLabel(spec.name, 40), 'name', spec.name, `${DNS_LABEL_RULE}, at most 40 characters`);
  v.check(isDnsLabel(spec.namespace), 'namespace', spec.namespace, DNS_LABEL_RULE);
  for (const side of ['source', 'target'] as const) {
    const c = spec[side];
    v.check(/^[a-zA-Z0-9_-]{1,50}$/.test(c.alias), `${side}.alias`, c.alias, 'letters, digits, "_" and "-" (it becomes part of topic names)');
    v.check(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/.test(c.bootstrapServers), `${side}.bootstrapServers`, c.bootstrapServers, 'a comma-separated list of host:port');
    v.check(isDnsLabel(c.caCertSecret, 253), `${side}.caCertSecret`, c.caCertSecret, 'the name of a Secret holding ca.crt (TLS to both sides is required)');
  }
  v.check(spec.source.alias !== spec.target.alias, 'target.alias', spec.target.alias, `different from the source alias "${spec.source.alias}"`);
  for (const field of ['topicsPattern', 'topicsExcludePattern', 'groupsPattern', 'groupsExcludePattern'] as const) {
    const p = spec[field];
    if (p !== undefined) v.check(p.length > 0 && isRegex(p), field, p, 'a non-empty regular expression');
  }
  if (spec.replicationPolicy !== undefined) v.check(['identity', 'prefix'].includes(spec.replicationPolicy), 'replicationPolicy', spec.replicationPolicy, '"identity" (same topic names on the target) or "prefix" (renamed <source alias>.<topic>)');
  if (spec.syncRetention === false) {
    const r = spec.targetRetentionMs;
    v.check(r !== undefined && Number.isInteger(r) && (r === -1 || r > 0), 'targetRetentionMs', r, 'the retention of the target\'s topics in ms (-1 for unlimited), required when syncRetention is false');
  }
  v.integer('targetReplicationFactor', spec.targetReplicationFactor, 1, 32767);
  v.integer('replicas', spec.replicas, 1);
  v.integer('tasksMax', spec.tasksMax, 1);
  validateResources(v, 'resources', spec.resources);
  for (const key of Object.keys(spec.labels ?? {})) {
    v.check(!key.startsWith('strimzi.io/'), `labels.${key}`, spec.labels![key], 'no strimzi.io/ labels (Strimzi sets them)');
  }
}

function connection(c: MirrorClusterConnection): Record<string, unknown> {
  return {
    alias: c.alias,
    bootstrapServers: c.bootstrapServers,
    tls: { trustedCertificates: [{ secretName: c.caCertSecret, certificate: 'ca.crt' }] },
    authentication: c.authentication.toStrimzi(),
  };
}

/** The topic exclude pattern written to the resource: the defaults, then the spec's own. */
export function topicsExclude(spec: Pick<MirrorMaker2Spec, 'topicsExcludePattern'>): string {
  return [...DEFAULT_TOPIC_EXCLUDES, ...(spec.topicsExcludePattern ? [spec.topicsExcludePattern] : [])].join('|');
}

/** Whether the spec keeps topic names on the target. */
export function usesIdentityReplication(spec: Pick<MirrorMaker2Spec, 'replicationPolicy' | 'identityReplication'>): boolean {
  return (spec.replicationPolicy ?? (spec.identityReplication === false ? 'prefix' : 'identity')) === 'identity';
}

/** Builds the resource. Call `validateMirrorMaker2` first. */
export function buildMirrorMaker2(spec: MirrorMaker2Spec): KubernetesObject {
  const rf = spec.targetReplicationFactor ?? 3;
  // Both connectors must agree on the policy: the checkpoint connector maps topic names with it.
  // Offset syncs live on the target, so MirrorMaker 2 needs no write access to the source cluster.
  const shared = {
    ...(usesIdentityReplication(spec) ? { 'replication.policy.class': IDENTITY_REPLICATION_POLICY } : {}),
    'offset-syncs.topic.location': 'target',
  };
  const syncOffsets = spec.syncGroupOffsets ?? true;
  const excludes = [...DEFAULT_CONFIG_EXCLUDES, ...(spec.syncRetention ?? true ? [] : RETENTION_EXCLUDES)];
  const name = spec.name;
  const mirror: Record<string, unknown> = {
    source: connection(spec.source),
    sourceConnector: {
      tasksMax: spec.tasksMax ?? 4,
      autoRestart: { enabled: true },
      config: {
        ...shared,
        // Applications use transactions: never replicate records of aborted or open transactions.
        'consumer.isolation.level': 'read_committed',
        'replication.factor': rf,
        'offset-syncs.topic.replication.factor': rf,
        'sync.topic.acls.enabled': 'false',
        'sync.topic.configs.enabled': 'true',
        'config.properties.exclude': excludes.join(','),
        'refresh.topics.interval.seconds': 60,
      },
    },
    checkpointConnector: {
      tasksMax: 1,
      autoRestart: { enabled: true },
      config: {
        ...shared,
        'checkpoints.topic.replication.factor': rf,
        'emit.checkpoints.interval.seconds': CHECKPOINT_INTERVAL_SECONDS,
        'sync.group.offsets.enabled': String(syncOffsets),
        'sync.group.offsets.interval.seconds': GROUP_OFFSET_SYNC_INTERVAL_SECONDS,
        'refresh.groups.interval.seconds': 600,
      },
    },
    topicsPattern: spec.topicsPattern ?? '.*',
    topicsExcludePattern: topicsExclude(spec),
    groupsPattern: spec.groupsPattern ?? '.*',
  };
  // As for topics, an exclude pattern replaces MirrorMaker 2's default group excludes: restate them.
  if (spec.groupsExcludePattern) mirror.groupsExcludePattern = ['console-consumer-.*', 'connect-.*', '__.*', spec.groupsExcludePattern].join('|');

  const out: Record<string, unknown> = {
    replicas: spec.replicas ?? 2,
    target: {
      ...connection(spec.target),
      groupId: `${name}-connect`,
      configStorageTopic: `${name}-connect-configs`,
      offsetStorageTopic: `${name}-connect-offsets`,
      statusStorageTopic: `${name}-connect-status`,
      config: {
        // Connect's own topics on the target survive a broker loss like any other data.
        'config.storage.replication.factor': rf,
        'offset.storage.replication.factor': rf,
        'status.storage.replication.factor': rf,
      },
    },
    mirrors: [mirror],
  };
  if (spec.resources) out.resources = spec.resources;
  if (spec.metricsConfigMap) out.metricsConfig = { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { ...spec.metricsConfigMap } } };
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaMirrorMaker2',
    metadata: { name, namespace: spec.namespace, labels: { ...(spec.labels ?? {}) } },
    spec: out,
  };
}
