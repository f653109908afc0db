/** The Strimzi and Kafka versions the library is built and tested against. */

export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';
export const STRIMZI_VERSION = '1.2.0';
export const STRIMZI_OPERATOR_CHART = 'strimzi-kafka-operator';
export const STRIMZI_CHART_REPOSITORY = 'oci://quay.io/strimzi-helm';

/** Kafka versions Strimzi 1.2.0 supports. */
export const KAFKA_VERSIONS: readonly string[] = ['4.2.0', '4.2.1', '4.3.0', '4.3.1'];
/** A Kafka version Strimzi 1.2.0 supports. */
export type KafkaVersion = '4.2.0' | '4.2.1' | '4.3.0' | '4.3.1';
/** A KRaft metadata version such as `4.3-IV0`. */
export type MetadataVersion = `${number}.${number}-IV${number}` | `${number}.${number}`;

/**
 * Metadata versions the library can default to. For other supported versions the
 * metadata version must be given explicitly (we only default to values we verified).
 */
export const DEFAULT_METADATA_VERSIONS: Readonly<Record<string, string>> = {
  '4.3.0': '4.3-IV0',
  '4.3.1': '4.3-IV0',
};
export const DEFAULT_KAFKA_VERSION: KafkaVersion = '4.3.1';

/**
 * KRaft metadata versions Kafka 4.x knows, oldest first (Kafka's `MetadataVersion`; 3.3-IV3 is the
 * oldest a 4.x broker starts with).
 */
export const METADATA_VERSIONS: readonly string[] = [
  '3.3-IV3', '3.4-IV0', '3.5-IV0', '3.5-IV1', '3.5-IV2', '3.6-IV0', '3.6-IV1', '3.6-IV2',
  '3.7-IV0', '3.7-IV1', '3.7-IV2', '3.7-IV3', '3.7-IV4', '3.8-IV0', '3.9-IV0',
  '4.0-IV0', '4.0-IV1', '4.0-IV2', '4.0-IV3', '4.1-IV0', '4.1-IV1', '4.2-IV0', '4.2-IV1', '4.3-IV0',
];

/** The newest metadata version each supported Kafka version runs (a newer one is refused by the brokers). */
export const MAX_METADATA_VERSIONS: Readonly<Record<string, string>> = {
  '4.2.0': '4.2-IV1',
  '4.2.1': '4.2-IV1',
  '4.3.0': '4.3-IV0',
  '4.3.1': '4.3-IV0',
};

/**
 * Metadata versions valid for a Kafka version: from 3.3-IV3 to the version's newest. The short form
 * `4.2` stands for the newest of that release, as in Kafka's tools.
 */
export function metadataVersionsFor(kafkaVersion: string): readonly string[] {
  const max = MAX_METADATA_VERSIONS[kafkaVersion];
  return max === undefined ? [] : METADATA_VERSIONS.slice(0, METADATA_VERSIONS.indexOf(max) + 1);
}

/** True when Kafka `kafkaVersion` runs `metadataVersion` (`4.3-IV0` or the short `4.3`). */
export function isMetadataVersionFor(kafkaVersion: string, metadataVersion: string): boolean {
  const known = metadataVersionsFor(kafkaVersion);
  return known.includes(metadataVersion) || known.some((m) => m.split('-')[0] === metadataVersion);
}

/** Image with the Kafka CLI tools (`bin/kafka-*.sh`) for Jobs and CronJobs. */
export function kafkaImage(kafkaVersion = DEFAULT_KAFKA_VERSION): string {
  return `quay.io/strimzi/kafka:${STRIMZI_VERSION}-kafka-${kafkaVersion}`;
}
