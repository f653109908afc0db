import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, IMAGE_REFERENCE_RULE, isDnsLabel, isDnsSubdomain, isImageReference, isKafkaName, KAFKA_NAME_RULE } from '../names';
import { validateResources } from '../resources';
import { refuseBadShape, S } from '../shape';
import { fieldKey, Validator } from '../validation';
import { DEFAULT_KAFKA_VERSION, KAFKA_VERSIONS, STRIMZI_API_VERSION } from './versions';
import { checkResourceLabels } from './resource-labels';

/**
 * `KafkaConnect` (Strimzi 1.2.0, `kafka.strimzi.io/v1`): a distributed Kafka Connect cluster whose image
 * Strimzi builds from pinned plugin artifacts (`spec.build`), with connectors managed as `KafkaConnector`
 * resources (annotation `strimzi.io/use-connector-resources: "true"`), never through the REST API.
 */

/** Annotation that makes Strimzi manage connectors from `KafkaConnector` resources (and nothing else). */
export const USE_CONNECTOR_RESOURCES_ANNOTATION = 'strimzi.io/use-connector-resources';

/** Artifact types Strimzi downloads by URL; `maven` is not offered: Strimzi verifies no checksum for it. */
export const PLUGIN_ARTIFACT_TYPES = ['zip', 'tgz', 'jar', 'other'] as const;
export type PluginArtifactType = (typeof PLUGIN_ARTIFACT_TYPES)[number];

/** One file of a plugin, downloaded by URL at build time and checked against its SHA-512. */
export interface PluginArtifact {
  readonly type: PluginArtifactType;
  /** `https://...` of the artifact (the CRD's URL pattern). */
  readonly url: string;
  /** SHA-512 of the file (128 hex digits): Strimzi refuses to build when the download differs. Required. */
  readonly sha512sum: string;
  /** Name the file is stored under (type `other` only). @default - from the URL */
  readonly fileName?: string;
}

/** A connector plugin: its artifacts and the connector classes they provide. */
export interface ConnectorPluginSpec {
  /** Folder of the plugin in the image: `^[a-z0-9][-_a-z0-9]*[a-z0-9]$`, unique in the KafkaConnect. */
  readonly name: string;
  /** Version, as published (shown in reviews; part of the image tag's hash). */
  readonly version: string;
  readonly artifacts: readonly PluginArtifact[];
  /** Connector classes the plugin provides: a KafkaConnector of any other class is refused at synth. */
  readonly connectorClasses: readonly string[];
  /** Licence of the plugin (SPDX id), recorded in docs and reviews. */
  readonly license?: string;
}

const ARTIFACT_SHAPE = S.object({ type: S.string(), url: S.string(), sha512sum: S.optional(S.string()), fileName: S.optional(S.string()) });
const PLUGIN_SPEC_SHAPE = S.object({
  name: S.string(),
  version: S.string(),
  artifacts: S.array(ARTIFACT_SHAPE, { minLength: 1 }),
  connectorClasses: S.array(S.string(), { minLength: 1 }),
  license: S.optional(S.string()),
});

/** The CRD's pattern for artifact URLs. */
const ARTIFACT_URL = /^(https?|ftp):\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$/;
const PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
const SHA512 = /^[0-9a-f]{128}$/;
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;

/** Lenses stream-reactor's AWS S3 connectors (Apache-2.0): the sink writes topics to S3, the source reads them back. */
export const STREAM_REACTOR_S3_SINK = 'io.lenses.streamreactor.connect.aws.s3.sink.S3SinkConnector';
export const STREAM_REACTOR_S3_SOURCE = 'io.lenses.streamreactor.connect.aws.s3.source.S3SourceConnector';

/**
 * Connector classes every Strimzi Connect image has without plugins: MirrorMaker 2's (`connect-mirror` is part of
 * Kafka's libraries). FileStream connectors are not on Kafka's plugin path since 3.2.
 */
export const BUILT_IN_CONNECTOR_CLASSES: readonly string[] = [
  'org.apache.kafka.connect.mirror.MirrorSourceConnector',
  'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
  'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
];

/** A plugin to build into a Connect image. Create with the static factories. */
export class ConnectorPlugin {
  /** Any plugin, from its artifacts; every artifact needs its `sha512sum`. */
  static fromArtifacts(spec: ConnectorPluginSpec): ConnectorPlugin {
    refuseBadShape('ConnectorPlugin.fromArtifacts', 'spec', spec, PLUGIN_SPEC_SHAPE);
    return new ConnectorPlugin(spec);
  }

  /**
   * Lenses stream-reactor `kafka-connect-aws-s3` (sink and source, Apache-2.0), from its GitHub release zip
   * `kafka-connect-aws-s3-<version>.zip`. The checksum is the SHA-512 of that zip as the platform team vetted it
   * (`curl -sL <url> | sha512sum`); the library cannot vouch for bytes it did not download.
   */
  static streamReactorAwsS3(options: { readonly version: string; readonly sha512sum: string; readonly url?: string }): ConnectorPlugin {
    refuseBadShape('ConnectorPlugin.streamReactorAwsS3', 'options', options, S.object({ version: S.string(), sha512sum: S.optional(S.string()), url: S.optional(S.string()) }));
    return new ConnectorPlugin({
      name: 'stream-reactor-aws-s3',
      version: options.version,
      license: 'Apache-2.0',
      artifacts: [
        {
          type: 'zip',
          url: options.url ?? `https://github.com/lensesio/stream-reactor/releases/download/${options.version}/kafka-connect-aws-s3-${options.version}.zip`,
          sha512sum: options.sha512sum,
        },
      ],
      connectorClasses: [STREAM_REACTOR_S3_SINK, STREAM_REACTOR_S3_SOURCE],
    });
  }

  private constructor(public readonly spec: ConnectorPluginSpec) {}

  get name(): string {
    return this.spec.name;
  }

  /** Records every problem of the plugin at `field`. */
  validate(v: Validator, field: string): void {
    const s = this.spec;
    v.check(PLUGIN_NAME.test(s.name) && s.name.length <= 63, `${field}.name`, s.name, 'lower-case letters, digits, "-" and "_", starting and ending with a letter or digit (Strimzi\'s plugin name pattern)');
    v.check(/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(s.version), `${field}.version`, s.version, 'a version such as "11.7.2"');
    s.artifacts.forEach((a, i) => {
      const f = `${field}.artifacts[${i}]`;
      v.check((PLUGIN_ARTIFACT_TYPES as readonly string[]).includes(a.type), `${f}.type`, a.type, `one of ${PLUGIN_ARTIFACT_TYPES.map((t) => `"${t}"`).join(', ')} (maven artifacts cannot be checksummed, so they are not offered)`);
      v.check(ARTIFACT_URL.test(a.url) && a.url.startsWith('https://'), `${f}.url`, a.url, 'an https:// URL of the artifact');
      v.check(
        typeof a.sha512sum === 'string' && SHA512.test(a.sha512sum),
        `${f}.sha512sum`,
        a.sha512sum,
        'the SHA-512 of the artifact, 128 lower-case hex digits (`sha512sum <file>`): an unpinned plugin could change under the same URL',
      );
      if (a.fileName !== undefined) v.check(a.type === 'other' && /^[\w.-]+$/.test(a.fileName), `${f}.fileName`, a.fileName, 'a file name, for artifacts of type "other" only');
    });
    s.connectorClasses.forEach((c, i) => v.check(JAVA_CLASS.test(c), `${field}.connectorClasses[${i}]`, c, 'a fully qualified Java class name'));
  }

  toStrimzi(): Record<string, unknown> {
    return {
      name: this.spec.name,
      artifacts: this.spec.artifacts.map((a) => ({ type: a.type, url: a.url, sha512sum: a.sha512sum, ...(a.fileName ? { fileName: a.fileName } : {}) })),
    };
  }
}

/** How the Connect workers authenticate to Kafka (the Secret of their KafkaUser). */
export type ConnectAuthentication =
  | { readonly type: 'scram-sha-512'; readonly username: string; readonly passwordSecret: string }
  | { readonly type: 'tls'; readonly certificateSecret: string };

/** An environment variable of the Connect containers taken from a Secret (e.g. object-store credentials). */
export interface ConnectSecretEnv {
  readonly name: string;
  readonly secretName: string;
  readonly key: string;
}

/** Where Strimzi pushes the image it builds. */
export interface ConnectBuildOutput {
  /** Image reference the build pushes (`registry/repository:tag`). */
  readonly image: string;
  /** Secret (type `kubernetes.io/dockerconfigjson`) with push credentials. @default - none (a registry that needs none) */
  readonly pushSecret?: string;
}

export interface KafkaConnectSpec {
  /** Name of the KafkaConnect: Strimzi names its pods `<name>-connect-<n>` and its API Service `<name>-connect-api`. */
  readonly name: string;
  readonly namespace: string;
  /** Kafka version of the Connect image. @default DEFAULT_KAFKA_VERSION */
  readonly version?: string;
  /** Worker pods. @default 2 */
  readonly replicas?: number;
  readonly bootstrapServers: string;
  /** Secret with the Kafka cluster CA (`ca.crt`). */
  readonly clusterCaSecret: string;
  readonly authentication: ConnectAuthentication;
  /** `group.id` of the workers. */
  readonly groupId: string;
  readonly configStorageTopic: string;
  readonly offsetStorageTopic: string;
  readonly statusStorageTopic: string;
  readonly build: { readonly output: ConnectBuildOutput; readonly plugins: readonly ConnectorPlugin[] };
  /** Worker configuration; keys Strimzi owns (security, storage topics, plugin path, REST) are refused. @default {} */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  readonly resources?: ResourceRequirements;
  /** JVM heap (`-Xms` = `-Xmx`), e.g. `1g`. @default - Strimzi's default */
  readonly heap?: string;
  /** Variables of the Connect containers from Secrets. @default [] */
  readonly env?: readonly ConnectSecretEnv[];
  /** JMX exporter rules ConfigMap key. @default - no metrics (Strimzi opens no metrics port) */
  readonly metricsConfigMap?: { readonly name: string; readonly key: string };
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Prefixes of worker config Strimzi sets itself and the CRD refuses (its `config` description), except the TLS
 * options it allows.
 */
export const FORBIDDEN_CONNECT_CONFIG_PREFIXES: readonly string[] = [
  'group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'ssl.', 'sasl.', 'security.', 'listeners',
  'plugin.path', 'rest.', 'bootstrap.servers', 'consumer.interceptor.classes', 'producer.interceptor.classes', 'prometheus.metrics.reporter.',
];
const ALLOWED_SSL_KEYS = ['ssl.endpoint.identification.algorithm', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols'];

/**
 * Worker settings the library sets: storage topics are declared as KafkaTopics (so their replication here is only
 * the broker default for a topic Connect would create), and connectors may not override client settings, so no
 * connector can swap the worker's credentials or security settings for its own.
 */
export const DEFAULT_CONNECT_CONFIG: Readonly<Record<string, string | number>> = {
  'config.storage.replication.factor': -1,
  'offset.storage.replication.factor': -1,
  'status.storage.replication.factor': -1,
  'connector.client.config.override.policy': 'None',
};

function forbiddenKey(key: string): boolean {
  if (ALLOWED_SSL_KEYS.includes(key)) return false;
  return FORBIDDEN_CONNECT_CONFIG_PREFIXES.some((p) => (p.endsWith('.') ? key.startsWith(p) : key === p || key.startsWith(`${p}.`)));
}

export function validateKafkaConnect(v: Validator, spec: KafkaConnectSpec): void {
  // Strimzi appends `-connect` and `-connect-api` (and the pod suffix) to the name.
  v.check(isDnsLabel(spec.name, 40), 'name', spec.name, `${DNS_LABEL_RULE}, at most 40 characters (Strimzi derives pod and Service names from it)`);
  v.check(isDnsLabel(spec.namespace), 'namespace', spec.namespace, DNS_LABEL_RULE);
  const version = spec.version ?? DEFAULT_KAFKA_VERSION;
  v.check(KAFKA_VERSIONS.includes(version), 'version', spec.version, `a Kafka version Strimzi 1.2.0 runs: ${KAFKA_VERSIONS.join(', ')}`);
  v.integer('replicas', spec.replicas, 1, 50);
  for (const f of ['groupId', 'configStorageTopic', 'offsetStorageTopic', 'statusStorageTopic'] as const) v.check(isKafkaName(spec[f]), f, spec[f], KAFKA_NAME_RULE);
  v.unique('storage topics', [spec.configStorageTopic, spec.offsetStorageTopic, spec.statusStorageTopic]);
  v.check(isImageReference(spec.build.output.image), 'build.output.image', spec.build.output.image, IMAGE_REFERENCE_RULE);
  if (spec.build.output.pushSecret !== undefined) v.check(isDnsSubdomain(spec.build.output.pushSecret), 'build.output.pushSecret', spec.build.output.pushSecret, 'the name of a Secret with registry credentials');
  v.check(spec.build.plugins.length > 0, 'build.plugins', spec.build.plugins, 'at least one plugin (a Connect cluster without plugins runs only MirrorMaker 2\'s connectors: use KafkaMirrorMaker2)');
  spec.build.plugins.forEach((p, i) => p.validate(v, `build.plugins[${i}]`));
  v.unique('build.plugins[].name', spec.build.plugins.map((p) => p.name));
  for (const [key, value] of Object.entries(spec.config ?? {})) {
    v.check(!forbiddenKey(key), fieldKey('config', key), value, `not here: Strimzi sets ${key} itself (forbidden prefixes: ${FORBIDDEN_CONNECT_CONFIG_PREFIXES.join(', ')})`);
  }
  validateResources(v, 'resources', spec.resources);
  if (spec.heap !== undefined) v.check(/^[0-9]+[mMgG]$/.test(spec.heap), 'heap', spec.heap, 'a JVM size such as "1g" or "768m"');
  (spec.env ?? []).forEach((e, i) => {
    v.check(/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name), `env[${i}].name`, e.name, 'an environment variable name');
    v.check(isDnsSubdomain(e.secretName), `env[${i}].secretName`, e.secretName, 'the name of a Secret');
  });
  checkResourceLabels(v, 'labels', spec.labels);
}

/** Connector classes a Connect built from `plugins` provides. */
export function providedConnectorClasses(plugins: readonly ConnectorPlugin[]): string[] {
  return [...new Set([...plugins.flatMap((p) => p.spec.connectorClasses), ...BUILT_IN_CONNECTOR_CLASSES])];
}

function authentication(a: ConnectAuthentication): Record<string, unknown> {
  return a.type === 'tls'
    ? { type: 'tls', certificateAndKey: { secretName: a.certificateSecret, certificate: 'user.crt', key: 'user.key' } }
    : { type: 'scram-sha-512', username: a.username, passwordSecret: { secretName: a.passwordSecret, password: 'password' } };
}

/** Builds the KafkaConnect. Call `validateKafkaConnect` first. */
export function buildKafkaConnect(spec: KafkaConnectSpec): KubernetesObject {
  const out: Record<string, unknown> = {
    version: spec.version ?? DEFAULT_KAFKA_VERSION,
    replicas: spec.replicas ?? 2,
    bootstrapServers: spec.bootstrapServers,
    groupId: spec.groupId,
    configStorageTopic: spec.configStorageTopic,
    offsetStorageTopic: spec.offsetStorageTopic,
    statusStorageTopic: spec.statusStorageTopic,
    tls: { trustedCertificates: [{ secretName: spec.clusterCaSecret, certificate: 'ca.crt' }] },
    authentication: authentication(spec.authentication),
    config: { ...DEFAULT_CONNECT_CONFIG, ...(spec.config ?? {}) },
    build: {
      output: { type: 'docker', image: spec.build.output.image, ...(spec.build.output.pushSecret ? { pushSecret: spec.build.output.pushSecret } : {}) },
      plugins: spec.build.plugins.map((p) => p.toStrimzi()),
    },
  };
  if (spec.resources) out.resources = spec.resources;
  if (spec.heap) out.jvmOptions = { '-Xms': spec.heap, '-Xmx': spec.heap };
  if (spec.metricsConfigMap) out.metricsConfig = { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { ...spec.metricsConfigMap } } };
  if (spec.env?.length) {
    out.template = { connectContainer: { env: spec.env.map((e) => ({ name: e.name, valueFrom: { secretKeyRef: { name: e.secretName, key: e.key } } })) } };
  }
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaConnect',
    metadata: { name: spec.name, namespace: spec.namespace, labels: { ...(spec.labels ?? {}) }, annotations: { [USE_CONNECTOR_RESOURCES_ANNOTATION]: 'true' } },
    spec: out,
  };
}

/** Name of the Deployment/PodSet and pods Strimzi creates for a KafkaConnect (`<name>-connect`). */
export function connectWorkloadName(connect: string): string {
  return `${connect}-connect`;
}
