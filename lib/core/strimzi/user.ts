import { KubernetesObject } from '../kubernetes';
import { isDnsSubdomain } from '../names';
import { isLabelKey, isLabelValue, LABEL_KEY_RULE, LABEL_VALUE_RULE } from '../names';
import { refuseBadShape, S } from '../shape';
import { fieldKey, Validator } from '../validation';
import { AclRule, mergeAcls, toStrimziAcl, validateAcls } from './acl';
import { STRIMZI_API_VERSION } from './versions';
import { STRIMZI_CLUSTER_LABEL } from '../well-known';

/** A Secret key holding a password the user brings. */
export interface PasswordSecretRef {
  readonly secretName: string;
  /** @default 'password' */
  readonly key?: string;
}

const SCRAM_OPTIONS_SHAPE = S.object({ password: S.optional(S.object({ secretName: S.string(), key: S.optional(S.string()) })) });
const TLS_OPTIONS_SHAPE = S.object({ validityDays: S.optional(S.numeric()), renewalDays: S.optional(S.numeric()) });

/** How a KafkaUser authenticates. Create with the static factories. */
export class UserAuthentication {
  /**
   * SASL SCRAM-SHA-512. The User Operator generates a password into the Secret named after the user
   * (`password`, `sasl.jaas.config`), unless `password` names a Secret key the user supplies.
   */
  static scramSha512(options: { readonly password?: PasswordSecretRef } = {}): UserAuthentication {
    refuseBadShape('UserAuthentication.scramSha512', 'options', options, SCRAM_OPTIONS_SHAPE);
    return new UserAuthentication('scram-sha-512', options.password);
  }

  /**
   * Mutual TLS with a certificate the User Operator issues from the clients CA (Secret with
   * `user.crt`, `user.key`, `user.p12`). Certificate validity and renewal default to the clients CA's.
   */
  static tls(options: { readonly validityDays?: number; readonly renewalDays?: number } = {}): UserAuthentication {
    refuseBadShape('UserAuthentication.tls', 'options', options, TLS_OPTIONS_SHAPE);
    return new UserAuthentication('tls', undefined, options.validityDays, options.renewalDays);
  }

  /** Mutual TLS with a certificate issued outside Strimzi (principal `CN=<user name>`). */
  static tlsExternal(): UserAuthentication {
    return new UserAuthentication('tls-external');
  }

  private constructor(
    public readonly type: 'scram-sha-512' | 'tls' | 'tls-external',
    public readonly password?: PasswordSecretRef,
    public readonly validityDays?: number,
    public readonly renewalDays?: number,
  ) {}

  validate(v: Validator, field: string): void {
    const at = (f: string) => `${field}.${f}`;
    if (this.password) {
      v.check(isDnsSubdomain(this.password.secretName), at(`password.secretName`), this.password.secretName, 'a Kubernetes Secret name');
      v.check((this.password.key ?? 'password').length > 0, at(`password.key`), this.password.key, 'a non-empty key');
    }
    if (this.validityDays !== undefined || this.renewalDays !== undefined) {
      v.check(this.validityDays !== undefined && this.renewalDays !== undefined, at(`renewalDays`), this.renewalDays, 'validityDays and renewalDays set together');
      v.integer(at(`validityDays`), this.validityDays, 1);
      v.integer(at(`renewalDays`), this.renewalDays, 1);
      if (this.validityDays !== undefined && this.renewalDays !== undefined) {
        v.check(this.renewalDays < this.validityDays, at(`renewalDays`), this.renewalDays, `fewer days than validityDays (${this.validityDays})`);
      }
    }
  }

  toStrimzi(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type };
    if (this.password) {
      out.password = { valueFrom: { secretKeyRef: { name: this.password.secretName, key: this.password.key ?? 'password' } } };
    }
    if (this.validityDays !== undefined) out.validityDays = this.validityDays;
    if (this.renewalDays !== undefined) out.renewalDays = this.renewalDays;
    return out;
  }
}

/** Broker-enforced quotas of one user. */
export interface UserQuotas {
  /** Bytes per second the user may produce, per broker. */
  readonly producerByteRate?: number;
  /** Bytes per second the user may fetch, per broker. */
  readonly consumerByteRate?: number;
  /** Share of broker request-handler and network thread time, in percent of one thread. */
  readonly requestPercentage?: number;
  /** Partition creations and deletions per second (topic create/delete/alter requests). */
  readonly controllerMutationRate?: number;
}

/** Inputs of one KafkaUser. */
export interface UserSpec {
  /** User name: the SCRAM user name or TLS common name, and the name of the Secret Strimzi writes. */
  readonly name: string;
  /** @default UserAuthentication.scramSha512() */
  readonly authentication?: UserAuthentication;
  /** ACLs (merged and sorted). `[]` grants nothing. @default [] */
  readonly acls?: readonly AclRule[];
  readonly quotas?: UserQuotas;
  /** Extra labels on the KafkaUser. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Shape of `UserSpec` (ACL rules are checked by `validateAcls`). */
export const USER_SPEC_SHAPE = S.object({
  name: S.string(),
  authentication: S.optional(S.instance(UserAuthentication, 'a UserAuthentication (UserAuthentication.scramSha512(), .tls() or .tlsExternal())')),
  acls: S.optional(S.array(S.where('an ACL rule (allow(AclResources.topic(name), [operations]))', (x) => typeof x === 'object' && x !== null && !Array.isArray(x)))),
  quotas: S.optional(
    S.object({
      producerByteRate: S.optional(S.numeric()),
      consumerByteRate: S.optional(S.numeric()),
      requestPercentage: S.optional(S.numeric()),
      controllerMutationRate: S.optional(S.numeric()),
    }),
  ),
  labels: S.optional(S.stringMap()),
});

/** Longest user name usable as a TLS certificate common name. */
export const MAX_TLS_USER_NAME = 64;

/** Checks a user; issues go to `v`. Returns false when its shape is wrong (nothing can be built). */
export function validateUser(v: Validator, spec: UserSpec, field = ''): boolean {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  if (!USER_SPEC_SHAPE.check(v, field, spec)) return false;
  const auth = spec.authentication ?? UserAuthentication.scramSha512();
  const tls = auth.type !== 'scram-sha-512';
  // The name becomes a Secret name (and, for TLS, a certificate CN): a Kubernetes name, not just a Kafka one.
  v.check(
    isDnsSubdomain(spec.name, tls ? MAX_TLS_USER_NAME : 253),
    at(`name`),
    spec.name,
    `a Kubernetes name: lower-case letters, digits, "-" and ".", at most ${tls ? `${MAX_TLS_USER_NAME} (a TLS common name)` : 253} characters`,
  );
  auth.validate(v, at(`authentication`));
  validateAcls(v, at(`acls`), spec.acls ?? []);
  const q = spec.quotas ?? {};
  v.integer(at(`quotas.producerByteRate`), q.producerByteRate, 0);
  v.integer(at(`quotas.consumerByteRate`), q.consumerByteRate, 0);
  v.integer(at(`quotas.requestPercentage`), q.requestPercentage, 0);
  if (q.controllerMutationRate !== undefined) {
    v.check(Number.isFinite(q.controllerMutationRate) && q.controllerMutationRate >= 0, at(`quotas.controllerMutationRate`), q.controllerMutationRate, 'a number >= 0');
  }
  for (const [key, value] of Object.entries(spec.labels ?? {})) {
    const f = fieldKey(at('labels'), key);
    v.check(!key.startsWith('strimzi.io/'), f, value, 'no strimzi.io/ labels (Strimzi sets them)');
    if (v.check(isLabelKey(key), f, key, LABEL_KEY_RULE)) v.check(isLabelValue(value), f, value, LABEL_VALUE_RULE);
  }
  return true;
}

/** Builds the KafkaUser for a cluster. Call `validateUser` first. */
export function buildUser(spec: UserSpec, cluster: { readonly clusterName: string; readonly namespace: string }): KubernetesObject {
  const auth = spec.authentication ?? UserAuthentication.scramSha512();
  const userSpec: Record<string, unknown> = {
    authentication: auth.toStrimzi(),
    authorization: { type: 'simple', acls: mergeAcls(spec.acls ?? []).map(toStrimziAcl) },
  };
  const quotas = Object.fromEntries(Object.entries(spec.quotas ?? {}).filter(([, value]) => value !== undefined));
  if (Object.keys(quotas).length > 0) userSpec.quotas = quotas;
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaUser',
    metadata: {
      name: spec.name,
      namespace: cluster.namespace,
      labels: { ...(spec.labels ?? {}), [STRIMZI_CLUSTER_LABEL]: cluster.clusterName },
    },
    spec: userSpec,
  };
}
