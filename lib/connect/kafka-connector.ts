import { Construct } from 'constructs';
import { CustomResourceRelease, RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { isKafkaName, KAFKA_NAME_RULE } from '../core/names';
import { refuseBadShapeAt, S } from '../core/shape';
import { buildKafkaConnector, ConnectorState, KafkaConnectorSpec, sinkConsumerGroup, validateKafkaConnector } from '../core/strimzi/connector';
import { uniqueChildId, Validator } from '../core/validation';

/** What a connector needs to know about the Connect cluster that runs it. */
export interface IKafkaConnect {
  /** Name of the KafkaConnect (the `strimzi.io/cluster` label of its connectors). */
  readonly connectName: string;
  readonly namespace: string;
  /** Connector classes its image provides. */
  readonly connectorClasses: readonly string[];
  /** Topics the workers' user may read (for sinks) and write (for sources). */
  readonly topicAccess: { readonly read: readonly string[]; readonly write: readonly string[] };
  /** Release the connectors are delivered through. */
  readonly release: CustomResourceRelease;
}

/** One connector of a Connect cluster, with the topics its access is derived from. */
export interface ConnectorDeclaration {
  /** Connector name (resource name; a sink's group is `connect-<name>`). */
  readonly name: string;
  /** `sink` reads `topics` from Kafka; `source` writes `topics`. */
  readonly type: 'sink' | 'source';
  /** Fully qualified connector class; one the Connect build provides. */
  readonly className: string;
  /** Sinks: the topics it reads (written to its `topics` config). Sources: the topics it writes. */
  readonly topics: readonly string[];
  /** @default 1 */
  readonly tasksMax?: number;
  /** Connector configuration; no credentials (use `${strimzienv:...}` with Secret variables of the Connect). @default {} */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  /** @default 'running' */
  readonly state?: ConnectorState;
  /** @default true */
  readonly autoRestart?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

const CONNECTOR_DECLARATION_FIELDS = {
  name: S.string(),
  type: S.oneOf(['sink', 'source']),
  className: S.string(),
  topics: S.array(S.string(), { minLength: 1 }),
  tasksMax: S.optional(S.numeric()),
  config: S.optional(S.configMap()),
  state: S.optional(S.string()),
  autoRestart: S.optional(S.boolean()),
  labels: S.optional(S.stringMap()),
};
export const CONNECTOR_DECLARATION_SHAPE = S.object(CONNECTOR_DECLARATION_FIELDS);

export interface KafkaConnectorProps extends ConnectorDeclaration {
  /** The Connect cluster (`KafkaConnect`); its workers' ACLs must cover `topics`. */
  readonly connect: IKafkaConnect;
}

/**
 * A connector as a Strimzi `KafkaConnector`, delivered through the Connect cluster's release (in place). The class
 * must be one the Connect image provides and the topics must be covered by the workers' ACLs, both at synth; a
 * sink's `topics` config is written from `topics`, so access and configuration cannot drift apart.
 */
export class KafkaConnector extends Construct {
  public readonly connectorName: string;
  public readonly manifest: KubernetesObject;
  /** A sink's consumer group (`connect-<name>`); undefined for a source. */
  public readonly consumerGroup?: string;

  constructor(scope: Construct, id: string, props: KafkaConnectorProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaConnector'));
    refuseBadShapeAt(this.node.path, props, KAFKA_CONNECTOR_PROPS_SHAPE);
    const { connect } = props;
    const v = new Validator(this.node.path);
    const classes = connect.connectorClasses;
    v.check(classes.includes(props.className), 'className', props.className, `a connector class the image of KafkaConnect "${connect.connectName}" provides: ${classes.join(', ')}`);
    const granted = props.type === 'sink' ? connect.topicAccess.read : connect.topicAccess.write;
    props.topics.forEach((t, i) => {
      if (v.check(isKafkaName(t), `topics[${i}]`, t, KAFKA_NAME_RULE)) {
        v.check(granted.includes(t), `topics[${i}]`, t, `a topic the workers of "${connect.connectName}" may ${props.type === 'sink' ? 'read' : 'write'} (declare the connector in the KafkaConnect's connectors, which grants it): ${granted.join(', ') || '(none)'}`);
      }
    });
    for (const key of ['topics', 'topics.regex']) {
      if (props.type === 'sink' && props.config?.[key] !== undefined) v.fail(`config['${key}']`, props.config[key], 'not here: a sink reads exactly its `topics`, which also decide its ACLs');
    }
    const spec: KafkaConnectorSpec = {
      name: props.name,
      namespace: connect.namespace,
      connectName: connect.connectName,
      className: props.className,
      tasksMax: props.tasksMax,
      config: props.type === 'sink' ? { ...(props.config ?? {}), topics: props.topics.join(',') } : props.config,
      state: props.state,
      autoRestart: props.autoRestart,
      labels: props.labels,
    };
    validateKafkaConnector(v, spec);
    v.throwIfAny();
    this.connectorName = props.name;
    this.consumerGroup = props.type === 'sink' ? sinkConsumerGroup(props.name) : undefined;
    this.manifest = buildKafkaConnector(spec);
    connect.release.add(this.manifest, this);
  }
}

const KAFKA_CONNECTOR_PROPS_SHAPE = S.object({
  connect: S.where(
    'a Kafka Connect cluster (a KafkaConnect)',
    (x) => typeof x === 'object' && x !== null && typeof (x as IKafkaConnect).connectName === 'string' && Array.isArray((x as IKafkaConnect).connectorClasses) && RELEASE_SHAPE.check(new Validator(''), '', (x as IKafkaConnect).release),
  ),
  ...CONNECTOR_DECLARATION_FIELDS,
});
