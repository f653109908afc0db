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

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kubernetes label value: empty, or at most 63 of `[A-Za-z0-9_.-]` starting and ending alphanumeric. */
export function isLabelValue(value: string): boolean {
  return typeof value === 'string' && (value === '' || (value.length <= 63 && LABEL_NAME.test(value)));
}

export const LABEL_VALUE_RULE = 'a label value: at most 63 of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/** Kubernetes label key: `[prefix/]name`, the prefix a DNS subdomain, the name like a label value (not empty). */
export function isLabelKey(key: string): boolean {
  if (typeof key !== 'string') return false;
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name) && (prefix === undefined || isDnsSubdomain(prefix));
}

export const LABEL_KEY_RULE = 'a label key: [DNS-subdomain prefix/]name, the name at most 63 letters, digits, "-", "_" or "."';

// registry[:port]/path[:tag][@digest], as the distribution reference grammar accepts (lower-case repository).
const IMAGE_REFERENCE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** A container image reference a registry accepts, e.g. `quay.io/strimzi/kafka:1.2.0-kafka-4.3.1`. */
export function isImageReference(image: string): boolean {
  return typeof image === 'string' && image.length <= 255 && IMAGE_REFERENCE.test(image);
}

export const IMAGE_REFERENCE_RULE =
  'an image reference [registry/]repository[:tag][@sha256:digest]: lower-case repository, tag of letters, digits, "_", "." and "-" (not empty)';

/** Prefixes and suffixes S3 reserves (general purpose bucket naming rules). */
const S3_RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const S3_RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * An S3 bucket name S3 accepts: 3-63 of lower-case letters, digits, "." and "-", starting and ending with a letter or
 * digit, no "..", not an IP address, none of the reserved prefixes and suffixes. `typeof` first, so undefined is not "undefined".
 */
export function isS3BucketName(bucket: unknown): boolean {
  return (
    typeof bucket === 'string' &&
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) &&
    !bucket.includes('..') &&
    !/^\d{1,3}(\.\d{1,3}){3}$/.test(bucket) &&
    !S3_RESERVED_PREFIXES.some((p) => bucket.startsWith(p)) &&
    !S3_RESERVED_SUFFIXES.some((x) => bucket.endsWith(x))
  );
}

export const S3_BUCKET_RULE = `an S3 bucket name: 3 to 63 lower-case letters, digits, "." and "-", starting and ending with a letter or digit, no "..", not an IP address, not starting with ${S3_RESERVED_PREFIXES.join(', ')} or ending with ${S3_RESERVED_SUFFIXES.join(', ')}`;
