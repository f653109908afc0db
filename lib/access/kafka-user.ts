import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease, RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { checkWildcardGrants, Grant, validateGrants, WILDCARD_RULE_ID } from '../core/access/grant';
import { KubernetesObject } from '../core/kubernetes';
import { AclRule, mergeAcls } from '../core/strimzi/acl';
import { buildUser, USER_SPEC_SHAPE, UserSpec, validateUser } from '../core/strimzi/user';
import { CLUSTER_REF_SHAPE, isPlainObject, S } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { Acknowledgements } from '../acknowledgements/acknowledgement';
import { reportAtSynth } from '../delivery/report-at-synth';
import { targetRelease } from '../delivery/target-release';

export interface KafkaUserProps extends UserSpec {
  /** The cluster the user belongs to (owned in this stack or referenced by attributes). */
  readonly cluster: IKafkaCluster;
  /** Application-level grants; each expands to its minimal ACLs. @default [] */
  readonly grants?: readonly Grant[];
  /** Release that delivers the KafkaUser. @default - the nearest enclosing CustomResourceRelease */
  readonly release?: CustomResourceRelease;
  /**
   * Production: wildcard (`*`) ACLs only through `Grant.admin()`, otherwise an error unless
   * acknowledged with rule `KP-ACCESS-WILDCARD`.
   * @default false
   */
  readonly production?: boolean;
  /**
   * Why a non-admin wildcard grant is acceptable here; recorded as acknowledgement
   * `KP-ACCESS-WILDCARD` on this user (and shown in the review report).
   * @default - none: a production wildcard is an error
   */
  readonly wildcardAcknowledgement?: string;
}

/** What the construct adds to `UserSpec` (whose shape `validateUser` checks). */
const USER_PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: S.optional(RELEASE_SHAPE),
  grants: S.optional(S.array(S.instance(Grant, 'a Grant (Grant.produce(...), Grant.consume(...), ...)'))),
  production: S.optional(S.boolean()),
  wildcardAcknowledgement: S.optional(S.string()),
});

/**
 * A Kafka user as a Strimzi `KafkaUser` (SCRAM-SHA-512 or mutual TLS) with `simple` ACLs from
 * grants and raw rules, merged into one sorted set, and optional quotas. The User Operator writes
 * the credentials into a Secret named after the user.
 */
export class KafkaUser extends Construct {
  public readonly userName: string;
  /** Every ACL of the user, merged and sorted: what the authorizer will hold. */
  public readonly acls: readonly AclRule[];
  public readonly grants: readonly Grant[];
  public readonly manifest: KubernetesObject;
  public readonly release: CustomResourceRelease;
  /** Secret the User Operator writes the credentials to (SCRAM `password`, TLS `user.crt`/`user.key`). */
  public readonly secretName: string;

  constructor(scope: Construct, id: string, props: KafkaUserProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaUser'));
    const v = new Validator(this.node.path);
    if (!USER_PROPS_SHAPE.check(v, '', props)) {
      // Report the user's own shape problems in the same error.
      if (isPlainObject(props)) USER_SPEC_SHAPE.check(v, '', props);
      v.throwIfAny();
    }
    if (props.wildcardAcknowledgement !== undefined) Acknowledgements.add(this, WILDCARD_RULE_ID, props.wildcardAcknowledgement);
    const grants = props.grants ?? [];
    const readable = validateUser(v, { ...props, acls: props.acls ?? [] });
    validateGrants(v, 'grants', grants);
    // Raw rules count as a custom grant for the wildcard policy.
    const all = props.acls?.length ? [...grants, Grant.custom('acls', props.acls)] : grants;
    checkWildcardGrants(v, 'grants', all, props.production ?? false, Acknowledgements.find(this, WILDCARD_RULE_ID) !== undefined);
    const release = targetRelease(this, props.release, v);
    if (!readable || release === undefined) v.throwIfAny();
    // Reported at synth with every other topic's and user's problems; nothing is synthesized while any remains.
    reportAtSynth(this, v.issues);

    this.userName = props.name;
    this.secretName = props.name;
    this.grants = grants;
    this.acls = mergeAcls([...grants.flatMap((g) => g.acls), ...(props.acls ?? [])]);
    this.manifest = buildUser({ ...props, acls: this.acls }, props.cluster);
    this.release = release!;
    this.release.add(this.manifest, this);
  }

  /** True when the user holds `Grant.admin()`. */
  get isAdmin(): boolean {
    return this.grants.some((g) => g.isAdmin);
  }
}
