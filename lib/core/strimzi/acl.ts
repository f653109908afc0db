import { isKafkaName } from '../names';
import { isWildcardAcl } from '../objects';
import { Validator } from '../validation';
import { refuseBadShape, S } from '../shape';

/** Kafka ACL operations, as Strimzi's KafkaUser spells them. */
export const ACL_OPERATIONS = [
  'Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All',
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

export type AclResourceType = 'topic' | 'group' | 'cluster' | 'transactionalId';
export type AclPatternType = 'literal' | 'prefix';

/** The operations Kafka defines on each resource type (an ACL with any other never matches a request). */
export const OPERATIONS_BY_RESOURCE: Readonly<Record<AclResourceType, readonly AclOperation[]>> = {
  topic: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'AlterConfigs', 'DescribeConfigs', 'All'],
  group: ['Read', 'Delete', 'Describe', 'All'],
  cluster: ['Create', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'],
  transactionalId: ['Write', 'Describe', 'All'],
};

/** What an ACL applies to. `name` is absent only for the cluster. */
export interface AclResource {
  readonly type: AclResourceType;
  readonly name?: string;
  /** @default 'literal' */
  readonly patternType?: AclPatternType;
}

/** One ACL of a KafkaUser, in Strimzi's v1 shape. */
export interface AclRule {
  readonly resource: AclResource;
  readonly operations: readonly AclOperation[];
  /** Client host the rule applies to. @default '*' (any) */
  readonly host?: string;
  /** @default 'allow' */
  readonly type?: 'allow' | 'deny';
}

/** The name that matches every resource of a type. */
export const WILDCARD = '*';

/**
 * Resource references. A name ending in `*` means a prefix (`orders.*` = every name starting with
 * `orders.`); `*` alone is the wildcard. Kafka names cannot contain `*`, so the notation is unambiguous.
 */
export const AclResources = {
  topic: (name: string): AclResource => named('topic', name),
  group: (name: string): AclResource => named('group', name),
  transactionalId: (name: string): AclResource => named('transactionalId', name),
  cluster: (): AclResource => ({ type: 'cluster' }),
};

function named(type: AclResourceType, name: string): AclResource {
  refuseBadShape(`AclResources.${type}`, 'name', name, S.string({ allowEmpty: true, describe: 'a name (a string)' }));
  if (name !== WILDCARD && name.endsWith('*')) return { type, name: name.slice(0, -1), patternType: 'prefix' };
  return { type, name, patternType: 'literal' };
}

const ALLOW_SHAPE = S.object({
  resource: S.object({ type: S.string() }, 'an AclResource (AclResources.topic(name), .group(name), .transactionalId(name), .cluster())'),
  operations: S.array(S.string(), { describe: 'an array of operations, e.g. ["Read", "Describe"]' }),
});

/** An `allow` rule. */
export function allow(resource: AclResource, operations: readonly AclOperation[]): AclRule {
  refuseBadShape('allow', '', { resource, operations }, ALLOW_SHAPE);
  return { resource, operations: [...operations] };
}

/** True when the rule allows every topic, group or transactional id (`*`); the reader `isWildcardAcl` decides. */
export function isWildcard(rule: AclRule): boolean {
  return isWildcardAcl(rule);
}

/** Readable form of a rule for messages and reports, e.g. `allow topic:orders.* [Read,Describe]`. */
export function describeAcl(rule: AclRule): string {
  const r = rule.resource;
  const name = r.type === 'cluster' ? 'kafka-cluster' : `${r.name}${r.patternType === 'prefix' ? '*' : ''}`;
  return `${rule.type ?? 'allow'} ${r.type}:${name} [${rule.operations.join(',')}]${rule.host && rule.host !== '*' ? ` from ${rule.host}` : ''}`;
}

/** Checks ACL rules: known types and operations, operations that exist on the resource, valid names. */
export function validateAcls(v: Validator, field: string, rules: readonly AclRule[]): void {
  rules.forEach((rule, i) => {
    const f = `${field}[${i}]`;
    const r = rule.resource ?? ({} as AclResource);
    const typeOk = v.check(r.type in OPERATIONS_BY_RESOURCE, `${f}.resource.type`, r.type, `one of ${Object.keys(OPERATIONS_BY_RESOURCE).join(', ')}`);
    if (r.type === 'cluster') {
      v.check(r.name === undefined || r.name === 'kafka-cluster', `${f}.resource.name`, r.name, 'no name (the cluster resource is always "kafka-cluster")');
    } else if (typeOk) {
      const pattern = r.patternType ?? 'literal';
      v.check(pattern === 'literal' || pattern === 'prefix', `${f}.resource.patternType`, r.patternType, 'literal or prefix');
      const name = r.name ?? '';
      const nameOk = name === WILDCARD && pattern === 'literal' ? true : r.type === 'transactionalId' ? name.length > 0 && !name.includes('*') : isKafkaName(name);
      v.check(
        nameOk,
        `${f}.resource.name`,
        r.name,
        name === ''
          ? 'a non-empty name or prefix (Kafka rejects empty resource names; "*" alone means every resource)'
          : `"*" or a ${r.type} name or prefix with characters [a-zA-Z0-9._-]${r.type === 'transactionalId' ? ' (any non-empty string without "*")' : ''}`,
      );
    }
    const ops = rule.operations ?? [];
    v.check(ops.length > 0, `${f}.operations`, rule.operations, 'at least one operation');
    for (const op of ops) {
      if (!v.check((ACL_OPERATIONS as readonly string[]).includes(op), `${f}.operations`, op, `one of ${ACL_OPERATIONS.join(', ')}`)) continue;
      if (typeOk) {
        v.check(OPERATIONS_BY_RESOURCE[r.type].includes(op), `${f}.operations`, op, `an operation defined on ${r.type}: ${OPERATIONS_BY_RESOURCE[r.type].join(', ')}`);
      }
    }
    if (rule.type !== undefined) v.check(rule.type === 'allow' || rule.type === 'deny', `${f}.type`, rule.type, 'allow or deny');
    if (rule.host !== undefined) v.check(rule.host.length > 0, `${f}.host`, rule.host, 'a host name or IP, or "*" for any');
  });
}

const OPERATION_ORDER = new Map<string, number>(ACL_OPERATIONS.map((op, i) => [op, i]));

function resourceKey(rule: AclRule): string {
  const r = rule.resource;
  return [rule.type ?? 'allow', r.type, r.patternType ?? 'literal', r.name ?? '', rule.host ?? '*'].join('\u0000');
}

/**
 * One rule per resource, pattern, host and allow/deny, with the union of operations in a fixed
 * order (`All` absorbs the rest), sorted. Grants that overlap (two consumers of one topic) collapse,
 * and the output is the same whatever the order of declaration.
 */
export function mergeAcls(rules: readonly AclRule[]): AclRule[] {
  const byKey = new Map<string, { rule: AclRule; ops: Set<AclOperation> }>();
  for (const rule of rules) {
    const key = resourceKey(rule);
    const entry = byKey.get(key) ?? { rule, ops: new Set<AclOperation>() };
    rule.operations.forEach((op) => entry.ops.add(op));
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { rule, ops }]) => {
      const operations: AclOperation[] = ops.has('All') ? ['All'] : [...ops].sort((a, b) => OPERATION_ORDER.get(a)! - OPERATION_ORDER.get(b)!);
      return { ...rule, operations };
    });
}

/** The Strimzi `acls[]` entry of a rule. */
export function toStrimziAcl(rule: AclRule): Record<string, unknown> {
  const r = rule.resource;
  const resource: Record<string, unknown> = { type: r.type };
  if (r.type !== 'cluster') {
    resource.name = r.name;
    resource.patternType = r.patternType ?? 'literal';
  }
  const out: Record<string, unknown> = { resource, operations: [...rule.operations] };
  if (rule.host !== undefined && rule.host !== '*') out.host = rule.host;
  if (rule.type === 'deny') out.type = 'deny';
  return out;
}
