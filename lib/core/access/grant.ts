import { RULE_IDS } from '../well-known';
import { AclOperation, AclResources, AclRule, allow, isWildcard, validateAcls } from '../strimzi/acl';
import { refuseBadShape, S } from '../shape';
import { Validator } from '../validation';

/**
 * Access in the vocabulary of applications (in the spirit of JulieOps and kafkakewl): a producer of
 * a topic, a consumer in a group, a Kafka Streams application, a Connect worker, an administrator.
 * Each grant expands to the smallest set of ACLs Kafka's authorizer needs for that client; the set
 * is public (`acls`) so it can be reviewed and tested.
 *
 * Topic, group and transactional-id names ending in `*` are prefixes (`orders.*`); `*` alone is the
 * wildcard, allowed in production only for admins unless acknowledged (rule KP-ACCESS-WILDCARD).
 *
 * Describe is listed explicitly next to Read and Write although Kafka implies it, so the ACLs read
 * the same as `kafka-acls --list` of a hand-made setup and the review need not know the implication.
 */
export type GrantKind = 'producer' | 'consumer' | 'streams' | 'connect' | 'admin' | 'custom';

/** A name, or a list of names; `orders.*` is a prefix. */
export type Names = string | readonly string[];

export interface ProduceOptions {
  /**
   * Transactional id (or `prefix*`) of a transactional producer: adds Write and Describe on it.
   * Idempotence needs no extra ACL: since Kafka 3.0 (KIP-679) Write on a topic allows InitProducerId,
   * so the cluster-level IdempotentWrite ACL of older guides is not granted.
   * @default - not transactional
   */
  readonly transactionalId?: string;
}

export interface ConsumeOptions {
  /** Consumer group (or `prefix*`) the consumer joins and commits offsets in. */
  readonly group: string;
}

export interface StreamsOptions {
  /** `application.id`: the consumer group, and the prefix of internal topics and transactional ids. */
  readonly applicationId: string;
  /** Topics the application reads. @default [] */
  readonly inputTopics?: Names;
  /** Topics the application writes. @default [] */
  readonly outputTopics?: Names;
  /** `processing.guarantee=exactly_once_v2`: adds the transactional ids `<application.id>-*`. @default false */
  readonly exactlyOnce?: boolean;
}

export interface ConnectOptions {
  /** The worker's `group.id`. */
  readonly groupId: string;
  /** `config.storage.topic`. */
  readonly configTopic: string;
  /** `offset.storage.topic`. */
  readonly offsetTopic: string;
  /** `status.storage.topic`. */
  readonly statusTopic: string;
  /** Topics source connectors write. @default [] */
  readonly sourceTopics?: Names;
  /** Topics sink connectors read. @default [] */
  readonly sinkTopics?: Names;
  /**
   * Consumer groups of the sink connectors (`connect-<connector>` by default): names, or a prefix such as `connect-*`.
   * @default 'connect-*'
   */
  readonly connectorGroups?: Names;
}

function list(names: Names | undefined): readonly string[] {
  return names === undefined ? [] : typeof names === 'string' ? [names] : names;
}

/** A topic name or a non-empty list of them: a grant on zero topics grants nothing and is a mistake. */
const NAMES = S.either(
  [
    { when: (x) => typeof x === 'string', shape: S.string() },
    { when: (x) => Array.isArray(x), shape: S.array(S.string(), { minLength: 1, describe: 'a non-empty array of names' }) },
  ],
  'a name or a non-empty array of names',
);
const OPTIONAL_NAMES = S.optional(
  S.either(
    [
      { when: (x) => typeof x === 'string', shape: S.string() },
      { when: (x) => Array.isArray(x), shape: S.array(S.string()) },
    ],
    'a name or an array of names',
  ),
);

const PRODUCE_SHAPE = S.object({ topics: NAMES, options: S.object({ transactionalId: S.optional(S.string()) }) });
const CONSUME_SHAPE = S.object({ topics: NAMES, options: S.object({ group: S.string() }, 'an object with group (the consumer group)') });
const STREAMS_SHAPE = S.object({ applicationId: S.string(), inputTopics: OPTIONAL_NAMES, outputTopics: OPTIONAL_NAMES, exactlyOnce: S.optional(S.boolean()) });
const CONNECT_SHAPE = S.object({
  groupId: S.string(),
  configTopic: S.string(),
  offsetTopic: S.string(),
  statusTopic: S.string(),
  sourceTopics: OPTIONAL_NAMES,
  sinkTopics: OPTIONAL_NAMES,
  connectorGroups: OPTIONAL_NAMES,
});
const CUSTOM_SHAPE = S.object({ description: S.string(), acls: S.array(S.where('an ACL rule', (x) => typeof x === 'object' && x !== null && !Array.isArray(x))) });

const READ: readonly AclOperation[] = ['Describe', 'Read'];
const WRITE: readonly AclOperation[] = ['Describe', 'Write'];

/** One application-level permission and the ACLs it expands to. Create with the static factories. */
export class Grant {
  /** Write to topics (plus a transactional id for transactional producers). */
  static produce(topics: Names, options: ProduceOptions = {}): Grant {
    refuseBadShape('Grant.produce', '', { topics, options }, PRODUCE_SHAPE);
    const acls = list(topics).map((t) => allow(AclResources.topic(t), WRITE));
    if (options.transactionalId !== undefined) acls.push(allow(AclResources.transactionalId(options.transactionalId), WRITE));
    return new Grant('producer', `produce ${list(topics).join(', ')}${options.transactionalId ? ` (transactional ${options.transactionalId})` : ''}`, acls);
  }

  /** Read topics as a member of a consumer group (join, fetch, commit offsets). */
  static consume(topics: Names, options: ConsumeOptions): Grant {
    refuseBadShape('Grant.consume', '', { topics, options }, CONSUME_SHAPE);
    const acls = [...list(topics).map((t) => allow(AclResources.topic(t), READ)), allow(AclResources.group(options.group), ['Read'])];
    return new Grant('consumer', `consume ${list(topics).join(', ')} in group ${options.group}`, acls);
  }

  /**
   * A Kafka Streams application: reads its inputs, writes its outputs, and owns the topics, group and
   * (with exactly-once) transactional ids named after its `application.id`. Internal topics
   * (`<id>-...-repartition`, `<id>-...-changelog`) are created, validated (DescribeConfigs) and purged
   * (DeleteRecords needs Delete) by the application itself.
   */
  static streams(options: StreamsOptions): Grant {
    refuseBadShape('Grant.streams', 'options', options, STREAMS_SHAPE);
    const id = options.applicationId;
    const acls = [
      ...list(options.inputTopics).map((t) => allow(AclResources.topic(t), READ)),
      ...list(options.outputTopics).map((t) => allow(AclResources.topic(t), WRITE)),
      allow(AclResources.topic(`${id}-*`), ['Create', 'Delete', 'Describe', 'DescribeConfigs', 'Read', 'Write']),
      allow(AclResources.group(id), ['Read']),
    ];
    if (options.exactlyOnce) acls.push(allow(AclResources.transactionalId(`${id}-*`), WRITE));
    return new Grant('streams', `Kafka Streams application ${id}`, acls);
  }

  /**
   * A distributed Kafka Connect worker: its group and its three storage topics (declared as topics,
   * so the worker needs no Create), plus the topics its connectors read and write.
   */
  static connect(options: ConnectOptions): Grant {
    refuseBadShape('Grant.connect', 'options', options, CONNECT_SHAPE);
    const sinks = list(options.sinkTopics);
    const acls = [
      allow(AclResources.group(options.groupId), ['Read']),
      ...[options.configTopic, options.offsetTopic, options.statusTopic].map((t) => allow(AclResources.topic(t), ['Describe', 'Read', 'Write'])),
      ...list(options.sourceTopics).map((t) => allow(AclResources.topic(t), WRITE)),
      ...sinks.map((t) => allow(AclResources.topic(t), READ)),
    ];
    if (sinks.length > 0) acls.push(...list(options.connectorGroups ?? 'connect-*').map((g) => allow(AclResources.group(g), ['Read'])));
    return new Grant('connect', `Kafka Connect worker ${options.groupId}`, acls);
  }

  /** Everything on every topic, group and transactional id and the cluster. The only grant that may use wildcards in production. */
  static admin(): Grant {
    return new Grant('admin', 'administrator', [
      allow(AclResources.cluster(), ['All']),
      allow(AclResources.topic('*'), ['All']),
      allow(AclResources.group('*'), ['All']),
      allow(AclResources.transactionalId('*'), ['All']),
    ]);
  }

  /** Raw ACLs, for what the other grants do not cover. */
  static custom(description: string, acls: readonly AclRule[]): Grant {
    refuseBadShape('Grant.custom', '', { description, acls }, CUSTOM_SHAPE);
    return new Grant('custom', description, [...acls]);
  }

  private constructor(
    public readonly kind: GrantKind,
    /** Readable summary used in errors and reports. */
    public readonly description: string,
    /** The ACLs this grant needs. */
    public readonly acls: readonly AclRule[],
  ) {}

  get isAdmin(): boolean {
    return this.kind === 'admin';
  }

  /**
   * The consumer groups this grant consumes in, by literal name: a consumer's group, a Kafka Streams
   * application's id. Monitoring declares them as their owner's groups. A prefix (`orders-*`) names no one
   * group, and a Connect worker's group holds no consumer offsets (its sink connectors' groups are a prefix).
   */
  get consumerGroups(): string[] {
    if (this.kind !== 'consumer' && this.kind !== 'streams') return [];
    return this.acls.filter((a) => a.resource.type === 'group' && a.resource.patternType !== 'prefix' && a.resource.name !== '*').map((a) => a.resource.name!);
  }

  /** ACLs of this grant that match every resource of a type (`*`). */
  get wildcardAcls(): AclRule[] {
    return this.acls.filter(isWildcard);
  }
}

/** Checks the ACLs of each grant; a field names the grant, e.g. `grants[1] (consume orders in group billing)`. */
export function validateGrants(v: Validator, field: string, grants: readonly Grant[]): void {
  grants.forEach((g, i) => validateAcls(v, `${field}[${i}] (${g.description}).acls`, g.acls));
}

/** Rule id under which a non-admin wildcard grant in production can be acknowledged. */
export const WILDCARD_RULE_ID = RULE_IDS.ACCESS_WILDCARD;

/**
 * In production only admin grants may cover every topic, group or transactional id (`*`); any other
 * wildcard is an issue unless `acknowledged` (a reviewed exception, see `Acknowledgements`).
 */
export function checkWildcardGrants(v: Validator, field: string, grants: readonly Grant[], production: boolean, acknowledged: boolean): void {
  if (!production || acknowledged) return;
  grants.forEach((g, i) => {
    if (g.isAdmin) return;
    for (const rule of g.wildcardAcls) {
      v.fail(
        `${field}[${i}] (${g.description})`,
        `${rule.resource.type}:*`,
        `no wildcard in production except for admin users (Grant.admin()); name the resources, use a prefix, or acknowledge with Acknowledgements.add(construct, '${WILDCARD_RULE_ID}', reason)`,
      );
    }
  });
}
