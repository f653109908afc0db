import { Listener } from '../lib';
import { ALERT_ROUTING_SHAPE, DNS_LABEL_RULE, isDnsLabel, isLabelValue, isS3BucketName, LABEL_VALUE_RULE, RESOURCES_SHAPE, S, S3_BUCKET_RULE, uniqueChildId, ValidationError, Validator } from '../lib/core';
import { EnvironmentConfig } from './environment-config';

/**
 * Checks an environment before its stack reads it: the shape of every section the stack itself reads
 * (the constructs check their own props in depth, with their own paths), the name (it becomes the stack
 * name and a label value) and the state backend (an unknown `type` must not silently mean local state).
 */
const BACKEND_SHAPE = S.either(
  [
    { when: (x) => isType(x, 'local'), shape: S.object({ type: S.oneOf(['local']), path: S.optional(S.string()) }) },
    {
      when: (x) => isType(x, 's3'),
      shape: S.object({ type: S.oneOf(['s3']), bucket: S.string({ allowEmpty: true }), key: S.string(), region: S.string(), dynamodbTable: S.optional(S.string()) }),
    },
    { when: (x) => isType(x, 'kubernetes'), shape: S.object({ type: S.oneOf(['kubernetes']), secretSuffix: S.string(), namespace: S.optional(S.string()) }) },
  ],
  // Any other type (e.g. "gcs") would configure no backend at all: state silently local.
  'an object with type "local", "s3" or "kubernetes"',
);

function isRole(x: unknown, role: string): boolean {
  return typeof x === 'object' && x !== null && (x as { role?: unknown }).role === role;
}

function isType(x: unknown, type: string): boolean {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === type;
}

const ENVIRONMENT_SHAPE = S.object({
  name: S.string(),
  production: S.boolean(),
  kubernetes: S.object({ configPath: S.string(), context: S.string() }),
  backend: BACKEND_SHAPE,
  namespace: S.string(),
  operator: S.object({ install: S.boolean(), namespace: S.optional(S.string()), resources: S.optional(RESOURCES_SHAPE), featureGates: S.optional(S.string()) }),
  cluster: S.object({ name: S.string(), labels: S.optional(S.stringMap()) }, 'an object with name and topology (the Kafka cluster)'),
  topology: S.optional(S.object({ groups: S.array(S.where('an object', (x) => typeof x === 'object' && x !== null)) })),
  monitoring: S.optional(
    S.object({
      team: S.string(),
      runbookBaseUrl: S.string(),
      kubePrometheusStack: S.optional(S.object({ namespace: S.string() })),
      alertRouting: S.optional(ALERT_ROUTING_SHAPE),
    }),
  ),
  disasterRecovery: S.optional(
    S.either(
      [
        { when: (x) => isRole(x, 'target'), shape: S.object({ role: S.oneOf(['target']), listenerName: S.string(), mirrorUserName: S.string() }) },
        {
          when: (x) => isRole(x, 'source'),
          shape: S.object({
            role: S.oneOf(['source']),
            // The DR environment itself: what the source derives the endpoint and the DR cluster's access from.
            target: S.object(
              {
                name: S.string(),
                namespace: S.string(),
                kubernetes: S.object({ configPath: S.string(), context: S.string() }),
                cluster: S.object({ name: S.string(), listeners: S.optional(S.array(S.instance(Listener, 'a Listener'))) }),
                disasterRecovery: S.object({ role: S.oneOf(['target']), listenerName: S.string(), mirrorUserName: S.string() }, "the DR environment's disasterRecovery, role 'target'"),
              },
              "the DR environment (an EnvironmentConfig with disasterRecovery.role 'target')",
            ),
            caWarningDays: S.optional(S.numeric()),
          }),
        },
      ],
      "an object with role 'target' (listenerName, mirrorUserName) or 'source' (target: the DR environment)",
    ),
  ),
  operations: S.optional(S.object({})),
  guardrails: S.optional(
    S.object({
      acknowledgements: S.optional(S.array(S.object({ ruleId: S.string(), path: S.string(), reason: S.string() }))),
      admins: S.optional(S.array(S.string())),
    }),
  ),
});

/** Longest environment name: `kafka-<name>` stays a DNS label and the name a label value. */
export const MAX_ENVIRONMENT_NAME = 57;

/**
 * The stack name of `env`, once the environment is valid; throws every problem of the environment
 * otherwise, located at `environments[<name>]`. Duplicate environment names are reported too.
 */
export function validatedStackName(scope: { readonly node: { readonly path: string; tryFindChild(id: string): unknown } }, env: EnvironmentConfig): string {
  const where = typeof env?.name === 'string' ? `environments[${env.name}]` : 'environments[?]';
  const v = new Validator(where);
  if (ENVIRONMENT_SHAPE.check(v, '', env)) {
    v.check(isDnsLabel(env.name, MAX_ENVIRONMENT_NAME) && isLabelValue(env.name), 'name', env.name, `${DNS_LABEL_RULE}, at most ${MAX_ENVIRONMENT_NAME} characters (${LABEL_VALUE_RULE})`);
    v.check(isDnsLabel(env.namespace), 'namespace', env.namespace, DNS_LABEL_RULE);
    if (env.backend.type === 's3') v.check(isS3BucketName(env.backend.bucket), 'backend.bucket', env.backend.bucket, S3_BUCKET_RULE);
    const dr = env.disasterRecovery;
    // Replication's target is derived by the DR link in a DR source; elsewhere it is stated.
    const replication = env.operations?.replication;
    if (replication && typeof replication === 'object') {
      if (dr?.role === 'source') {
        v.check(replication.target === undefined, 'operations.replication.target', replication.target, "left out: a DR source (disasterRecovery.role 'source') replicates to its DR link's target");
      } else {
        v.check(replication.target !== undefined, 'operations.replication.target', replication.target, "a ReplicationTarget, or disasterRecovery.role 'source' (the DR link provides it)");
      }
    }
    const drTarget = dr?.role === 'source' ? dr.target : dr?.role === 'target' ? env : undefined;
    if (drTarget?.disasterRecovery?.role === 'target') {
      const { listenerName } = drTarget.disasterRecovery;
      const names = (drTarget.cluster.listeners ?? []).map((l) => l.name);
      const field = dr?.role === 'source' ? 'disasterRecovery.target.disasterRecovery.listenerName' : 'disasterRecovery.listenerName';
      v.check(names.includes(listenerName), field, listenerName, `one of the DR cluster's listeners (${names.join(', ') || 'none'}), the external TLS listener the source reaches`);
    }
  }
  if (v.issues.length > 0) throw new ValidationError(v.issues);
  return uniqueChildId(scope, `kafka-${env.name}`, 'environment stack');
}
