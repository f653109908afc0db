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
  /** Regular expression of topics to replicate. @default '.*' (MirrorMaker 2 still skips internal topics) */
  readonly topicsPattern?: string;
  readonly topicsExcludePattern?: string;
  /** Regular expression of consumer groups whose offsets are checkpointed. @default '.*' */
  readonly groupsPattern?: string;
  readonly groupsExcludePattern?: string;
  /**
   * Keep topic names on the target (`IdentityReplicationPolicy`) instead of prefixing them with the
   * source alias. Simpler fail-over, but two-way replication would loop.
   * @default false
   */
  readonly identityReplication?: boolean;
  /**
   * Translate committed offsets of groups onto the target (`sync.group.offsets.enabled`), so consumers
   * resume there after fail-over.
   * @default true
   */
  readonly syncGroupOffsets?: boolean;
  /**
   * Copy `retention.ms`/`retention.bytes` of source topics to the target. Off by default: the backup
   * side then keeps data for its own broker default (7 days on clusters of this platform).
   * @default false
   */
  readonly syncRetention?: boolean;
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

/** Builds the resource. Call `validateMirrorMaker2` first. */
export function buildMirrorMaker2(spec: MirrorMaker2Spec): KubernetesObject {
  const rf = spec.targetReplicationFactor ?? 3;
  const policy = spec.identityReplication ? { 'replication.policy.class': IDENTITY_REPLICATION_POLICY } : {};
  const syncOffsets = spec.syncGroupOffsets ?? true;
  const excludes = [...DEFAULT_CONFIG_EXCLUDES, ...(spec.syncRetention ? [] : RETENTION_EXCLUDES)];
  const name = spec.name;
  const mirror: Record<string, unknown> = {
    source: connection(spec.source),
    sourceConnector: {
      tasksMax: spec.tasksMax ?? 4,
      autoRestart: { enabled: true },
      config: {
        ...policy,
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
        ...policy,
        'checkpoints.topic.replication.factor': rf,
        'emit.checkpoints.interval.seconds': 60,
        'sync.group.offsets.enabled': String(syncOffsets),
        'sync.group.offsets.interval.seconds': 60,
        'refresh.groups.interval.seconds': 600,
      },
    },
    topicsPattern: spec.topicsPattern ?? '.*',
    groupsPattern: spec.groupsPattern ?? '.*',
  };
  if (spec.topicsExcludePattern) mirror.topicsExcludePattern = spec.topicsExcludePattern;
  if (spec.groupsExcludePattern) mirror.groupsExcludePattern = spec.groupsExcludePattern;

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
