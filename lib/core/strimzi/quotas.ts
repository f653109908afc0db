import { Validator } from '../validation';

/**
 * Cluster-wide client quotas (`spec.kafka.quotas`). Two plugins, and they do not combine:
 *
 * - `kafka` (Kafka's built-in quotas): the rates are defaults every user gets per broker, and a `KafkaUser`
 *   with its own `quotas` overrides them. This is what keeps per-application overrides on users working.
 * - `strimzi` (the Strimzi quotas plugin): the rates cap all clients together per broker, and
 *   `minAvailableRatioPerVolume` throttles producers before a volume fills. The plugin ignores every
 *   user-level quota (`KafkaUser.spec.quotas` has no effect); principals can only be excluded.
 */
export interface ClusterQuotas {
  /** Quota plugin. @default 'kafka' */
  readonly plugin?: 'kafka' | 'strimzi';
  /** Produce bytes per second per broker (per user with `kafka`, all clients together with `strimzi`). */
  readonly producerByteRate?: number;
  /** Fetch bytes per second per broker, likewise. */
  readonly consumerByteRate?: number;
  /** `kafka` only: share of the brokers' network and I/O threads per user, in percent. */
  readonly requestPercentage?: number;
  /** `kafka` only: partitions created or deleted per second per user (topic creation storms). */
  readonly controllerMutationRate?: number;
  /** `strimzi` only: stop producers when a volume's free space falls to this ratio (0-1), e.g. 0.1. */
  readonly minAvailableRatioPerVolume?: number;
  /** `strimzi` only: principals the caps do not apply to, e.g. `User:kafka-prod-mirror`. @default [] */
  readonly excludedPrincipals?: readonly string[];
}

const KAFKA_ONLY = ['requestPercentage', 'controllerMutationRate'] as const;
const STRIMZI_ONLY = ['minAvailableRatioPerVolume', 'excludedPrincipals'] as const;

export function validateClusterQuotas(v: Validator, field: string, quotas: ClusterQuotas | undefined): void {
  if (!quotas) return;
  const plugin = quotas.plugin ?? 'kafka';
  v.check(plugin === 'kafka' || plugin === 'strimzi', `${field}.plugin`, quotas.plugin, '"kafka" or "strimzi"');
  for (const key of ['producerByteRate', 'consumerByteRate'] as const) {
    const value = quotas[key];
    if (value !== undefined) v.check(Number.isInteger(value) && value > 0, `${field}.${key}`, value, 'a whole number of bytes per second above 0 (omit it for no limit)');
  }
  if (quotas.requestPercentage !== undefined) v.check(Number.isInteger(quotas.requestPercentage) && quotas.requestPercentage > 0, `${field}.requestPercentage`, quotas.requestPercentage, 'a whole percentage above 0');
  if (quotas.controllerMutationRate !== undefined) v.check(Number.isFinite(quotas.controllerMutationRate) && quotas.controllerMutationRate > 0, `${field}.controllerMutationRate`, quotas.controllerMutationRate, 'partitions per second above 0');
  const ratio = quotas.minAvailableRatioPerVolume;
  if (ratio !== undefined) v.check(Number.isFinite(ratio) && ratio > 0 && ratio < 1, `${field}.minAvailableRatioPerVolume`, ratio, 'a ratio between 0 and 1 (exclusive), e.g. 0.1');
  (quotas.excludedPrincipals ?? []).forEach((p, i) => {
    v.check(/^User:\S+$/.test(p), `${field}.excludedPrincipals[${i}]`, p, 'a principal such as "User:kafka-prod-mirror" or "User:CN=admin"');
  });
  const other = plugin === 'kafka' ? STRIMZI_ONLY : KAFKA_ONLY;
  for (const key of other) {
    if (quotas[key] !== undefined) v.fail(`${field}.${key}`, quotas[key], `only with plugin "${plugin === 'kafka' ? 'strimzi' : 'kafka'}" (the ${plugin} quotas plugin has no such setting)`);
  }
  const set = ['producerByteRate', 'consumerByteRate', ...(plugin === 'kafka' ? KAFKA_ONLY : ['minAvailableRatioPerVolume'])] as const;
  v.check(set.some((k) => quotas[k as keyof ClusterQuotas] !== undefined), field, quotas, `at least one limit (${set.join(', ')}), or no quotas at all`);
}

/** The `spec.kafka.quotas` object. */
export function buildClusterQuotas(quotas: ClusterQuotas): Record<string, unknown> {
  const out: Record<string, unknown> = { type: quotas.plugin ?? 'kafka' };
  for (const key of ['producerByteRate', 'consumerByteRate', 'requestPercentage', 'controllerMutationRate', 'minAvailableRatioPerVolume'] as const) {
    if (quotas[key] !== undefined) out[key] = quotas[key];
  }
  if (quotas.excludedPrincipals?.length) out.excludedPrincipals = [...quotas.excludedPrincipals];
  return out;
}
