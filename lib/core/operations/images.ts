/**
 * Images of the operations workloads besides the Strimzi Kafka image (which has the Kafka CLI tools
 * but no kubectl and no S3 client). Pinned by tag; mirror them into your registry and pin by digest
 * where policy requires it. Both run as UID 1001 under the restricted security context.
 */

/** kubectl with a POSIX shell, for exporting custom resources and creating VolumeSnapshots. */
export const DEFAULT_KUBECTL_IMAGE = 'docker.io/alpine/k8s:1.33.4';
/** The AWS CLI, for S3 and S3-compatible object stores (MinIO, Ceph RGW, GCS interoperability). */
export const DEFAULT_AWS_CLI_IMAGE = 'docker.io/amazon/aws-cli:2.27.49';

/** Requests and limits of a step that runs a Kafka CLI tool (a JVM). */
export const KAFKA_CLI_RESOURCES = { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '1', memory: '768Mi' } } as const;
/** Requests and limits of a kubectl or aws step. */
export const TOOL_RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } } as const;
