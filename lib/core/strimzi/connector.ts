import { KubernetesObject } from '../kubernetes';
import { isDnsSubdomain, isKafkaName, KAFKA_NAME_RULE } from '../names';
import { fieldKey, Validator } from '../validation';
import { STRIMZI_API_VERSION } from './versions';
import { checkResourceLabels } from './resource-labels';
import { STRIMZI_CLUSTER_LABEL } from '../well-known';

/**
 * `KafkaConnector` (Strimzi 1.2.0): one connector of a KafkaConnect that has
 * `strimzi.io/use-connector-resources: "true"`, labelled `strimzi.io/cluster: <KafkaConnect name>`.
 * The resource name is the connector's name; a sink consumes in group `connect-<name>`.
 */

export const CONNECTOR_STATES = ['running', 'paused', 'stopped'] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];

/** Keys of `spec.config` Strimzi takes from elsewhere in the resource (the CRD refuses them). */
export const RESERVED_CONNECTOR_CONFIG_KEYS: readonly string[] = ['name', 'connector.class', 'tasks.max', 'connector.plugin.version'];

/** Label naming the role of a connector the platform runs itself (e.g. `topic-backup`), read by the plan review. */
export const CONNECTOR_ROLE_LABEL = 'kafka-platform/connector-role';

/** Config keys that carry credentials. */
const CREDENTIAL_KEY = /(^|[._])(password|passwd|secret|secret[._]key|secret[._]access[._]key|access[._]key|access[._]key[._]id|jaas[._]config|token|credentials?)$/i;

export interface KafkaConnectorSpec {
  /** Connector name: the resource name (a Kubernetes name) and a Kafka name (its sink group is `connect-<name>`). */
  readonly name: string;
  readonly namespace: string;
  /** The KafkaConnect that runs it. */
  readonly connectName: string;
  /** Connector class. */
  readonly className: string;
  /** @default 1 */
  readonly tasksMax?: number;
  /** Connector configuration (the reserved keys are set from the fields above). @default {} */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  /** @default 'running' */
  readonly state?: ConnectorState;
  /** Strimzi restarts a failed connector or task, with back-off. `false` leaves a failure for a person. @default true */
  readonly autoRestart?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The sink connector's consumer group (Connect's default `connect-<connector name>`). */
export function sinkConsumerGroup(connectorName: string): string {
  return `connect-${connectorName}`;
}

export function validateKafkaConnector(v: Validator, spec: KafkaConnectorSpec, field = ''): void {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  v.check(isDnsSubdomain(spec.name, 200) && isKafkaName(`connect-${spec.name}`), at('name'), spec.name, `a Kubernetes name that is also a Kafka name (its group is connect-<name>): ${KAFKA_NAME_RULE}`);
  v.integer(at('tasksMax'), spec.tasksMax, 1, 1000);
  if (spec.state !== undefined) v.check((CONNECTOR_STATES as readonly string[]).includes(spec.state), at('state'), spec.state, `one of ${CONNECTOR_STATES.map((s) => `"${s}"`).join(', ')}`);
  for (const [key, value] of Object.entries(spec.config ?? {})) {
    v.check(!RESERVED_CONNECTOR_CONFIG_KEYS.includes(key), fieldKey(at('config'), key), value, `not here: Strimzi sets ${key} from the resource (name, class, tasksMax)`);
    // Connector configs are readable through the Connect REST API and its config topic: no credentials in them.
    if (CREDENTIAL_KEY.test(key)) {
      v.check(typeof value === 'string' && /^\$\{[^}]+\}$/.test(value), fieldKey(at('config'), key), value, 'a config-provider reference such as "${strimzienv:AWS_SECRET_ACCESS_KEY}" (credentials come from a Secret, never from code)');
    }
  }
  checkResourceLabels(v, at('labels'), spec.labels);
}

/** Builds the KafkaConnector. Call `validateKafkaConnector` first. */
export function buildKafkaConnector(spec: KafkaConnectorSpec): KubernetesObject {
  const out: Record<string, unknown> = {
    class: spec.className,
    tasksMax: spec.tasksMax ?? 1,
    autoRestart: { enabled: spec.autoRestart ?? true },
    config: { ...(spec.config ?? {}) },
  };
  if (spec.state !== undefined) out.state = spec.state;
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaConnector',
    metadata: { name: spec.name, namespace: spec.namespace, labels: { ...(spec.labels ?? {}), [STRIMZI_CLUSTER_LABEL]: spec.connectName } },
    spec: out,
  };
}
