import { ApplicationSpec, KafkaTopologyProps, TopicSpec, TopologyGroupSpec, ValidationError } from '../../lib';

export type EnvironmentName = 'dev' | 'staging' | 'prod';
export const ENVIRONMENT_NAMES: readonly EnvironmentName[] = ['dev', 'staging', 'prod'];

/**
 * A value that is the same everywhere, or spelled out for every environment
 * (`{ dev: 3, staging: 6, prod: 24 }`): a difference is always visible next to the setting,
 * and a new environment cannot silently inherit another's value.
 */
export type PerEnvironment<T> = T | { readonly [E in EnvironmentName]: T };

/**
 * Topic settings that may differ between environments. Adding one here is the whole change: the catalogue
 * type accepts `PerEnvironment<…>` for it and `resolveTopology` picks the environment's value.
 */
const VARYING_TOPIC_FIELDS = ['partitions', 'replicas', 'retentionMs', 'retentionBytes', 'minInsyncReplicas'] as const;
type VaryingTopicField = (typeof VARYING_TOPIC_FIELDS)[number];

/** A topic of the catalogue. */
export type TopicEntry = Omit<TopicSpec, VaryingTopicField> & {
  readonly [K in VaryingTopicField]?: PerEnvironment<TopicSpec[K]>;
} & {
  readonly partitions: PerEnvironment<number>;
  /** Environments that have this topic. @default all */
  readonly only?: readonly EnvironmentName[];
  /** Back this topic's data up to object storage (where the environment runs a topic backup). @default the group's `backup` */
  readonly backup?: boolean;
};

/** An application of the catalogue. */
export type ApplicationEntry = ApplicationSpec & {
  /** Environments that have this application. @default all */
  readonly only?: readonly EnvironmentName[];
};

/** What one owner declares. */
export interface GroupEntry {
  readonly name: string;
  /** Back up the data of every topic of the group (a topic's own `backup` wins). @default false */
  readonly backup?: boolean;
  readonly topics?: readonly TopicEntry[];
  readonly applications?: readonly ApplicationEntry[];
}

/** The topology of one environment, ready for `EnvironmentConfig.topology`. */
export type TopologyConfig = Omit<KafkaTopologyProps, 'cluster' | 'production'>;

function isPerEnvironment<T>(value: PerEnvironment<T>): value is { readonly [E in EnvironmentName]: T } {
  return typeof value === 'object' && value !== null && 'prod' in value && 'dev' in value && 'staging' in value;
}

/** The value of `value` in environment `env`. */
export function valueIn<T>(value: PerEnvironment<T>, env: EnvironmentName): T {
  return isPerEnvironment(value) ? value[env] : value;
}

function inEnvironment(entry: { readonly only?: readonly EnvironmentName[] }, env: EnvironmentName): boolean {
  return entry.only === undefined || entry.only.includes(env);
}

/** Resolves a catalogue for one environment: per-environment values picked, `only` filters applied. */
export function resolveTopology(catalogue: readonly GroupEntry[], env: EnvironmentName, externalTopics: readonly string[] = []): TopologyConfig {
  // An unknown name would resolve every per-environment value to undefined (and report them one by one).
  if (!ENVIRONMENT_NAMES.includes(env)) {
    throw new ValidationError([{ path: 'resolveTopology', field: 'env', value: env, allowed: `one of ${ENVIRONMENT_NAMES.join(', ')} (the keys of per-environment values)` }]);
  }
  const groups: TopologyGroupSpec[] = catalogue.map((group) => ({
    name: group.name,
    topics: (group.topics ?? []).filter((t) => inEnvironment(t, env)).map((t) => resolveTopic(t, env)),
    applications: (group.applications ?? []).filter((a) => inEnvironment(a, env)).map(({ only: _only, ...app }) => app),
  }));
  return { groups, externalTopics };
}

/** A catalogue topic in one environment: varying fields picked, unset ones left out (equal to a hand-written spec). */
function resolveTopic(entry: TopicEntry, env: EnvironmentName): TopicSpec {
  const { only: _only, backup: _backup, ...topic } = entry;
  const resolved: Record<string, unknown> = { ...topic };
  for (const field of VARYING_TOPIC_FIELDS) {
    const value = entry[field];
    if (value === undefined) delete resolved[field];
    else resolved[field] = valueIn(value as PerEnvironment<unknown>, env);
  }
  return resolved as unknown as TopicSpec;
}

/** The topics of an environment the catalogue selects for the topic backup: per group, or per topic. */
export function backedUpTopics(catalogue: readonly GroupEntry[], env: EnvironmentName): string[] {
  return catalogue.flatMap((group) => (group.topics ?? []).filter((t) => inEnvironment(t, env) && (t.backup ?? group.backup ?? false)).map((t) => t.name));
}
