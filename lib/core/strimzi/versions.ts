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

/** Image with the Kafka CLI tools (`bin/kafka-*.sh`) for Jobs and CronJobs. */
export function kafkaImage(kafkaVersion = DEFAULT_KAFKA_VERSION): string {
  return `quay.io/strimzi/kafka:${STRIMZI_VERSION}-kafka-${kafkaVersion}`;
}
