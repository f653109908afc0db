/** Name rules of Kubernetes and Kafka. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KAFKA_NAME = /^[a-zA-Z0-9._-]+$/;

/** RFC 1123 label: namespaces, Services, pool names (at most 63 characters). */
export function isDnsLabel(name: string, maxLength = 63): boolean {
  return typeof name === 'string' && name.length <= maxLength && DNS_LABEL.test(name);
}

export const DNS_LABEL_RULE = 'lower-case letters, digits and "-", starting and ending with a letter or digit';

/** RFC 1123 subdomain: names of most Kubernetes objects (at most 253 characters). */
export function isDnsSubdomain(name: string, maxLength = 253): boolean {
  return typeof name === 'string' && name.length <= maxLength && DNS_SUBDOMAIN.test(name);
}

/** Kafka topic, user and group names: `[a-zA-Z0-9._-]`, at most 249 characters, not `.` or `..`. */
export function isKafkaName(name: string, maxLength = 249): boolean {
  return typeof name === 'string' && name.length <= maxLength && KAFKA_NAME.test(name) && name !== '.' && name !== '..';
}

export const KAFKA_NAME_RULE = 'characters [a-zA-Z0-9._-], at most 249, not "." or ".."';

/**
 * Longest cluster name that keeps every object Strimzi derives from it a valid name
 * (pods `<cluster>-<pool>-<id>` and Services `<cluster>-kafka-bootstrap` must stay within 63).
 */
export const MAX_CLUSTER_NAME = 40;
