import { EnvVar } from '../core/operations/workload-model';

/** Where metadata backups go. */
export interface BackupVolumeOptions {
  /** @default '10Gi' */
  readonly size?: string;
  /** @default - the cluster's default StorageClass */
  readonly storageClass?: string;
}

/** An S3 or S3-compatible bucket, written by the AWS CLI image after each backup. */
export interface S3BackupTarget {
  readonly bucket: string;
  /** Key prefix; the cluster name is appended. @default 'kafka-backups' */
  readonly prefix?: string;
  /** Endpoint of an S3-compatible store (MinIO, Ceph). @default - AWS S3 */
  readonly endpoint?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /**
   * Secret with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`. Omit to use the pod's workload
   * identity (IRSA, EKS Pod Identity) through the backup ServiceAccount.
   */
  readonly credentialsSecret?: string;
}

/**
 * The AWS CLI's environment for a bucket: bucket, key prefix of one cluster (`<prefix>/<cluster>`, when `cluster`
 * is given), region, endpoint, and the credentials Secret's keys when one is named.
 */
export function s3Env(s3: S3BackupTarget, cluster?: string): EnvVar[] {
  return [
    { name: 'S3_BUCKET', value: s3.bucket },
    ...(cluster !== undefined ? [{ name: 'S3_PREFIX', value: `${s3.prefix ?? 'kafka-backups'}/${cluster}` }] : []),
    { name: 'AWS_DEFAULT_REGION', value: s3.region ?? 'us-east-1' },
    ...(s3.endpoint ? [{ name: 'S3_ENDPOINT', value: s3.endpoint }] : []),
    ...(s3.credentialsSecret ? ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((key) => ({ name: key, secretKeyRef: { name: s3.credentialsSecret!, key } })) : []),
  ];
}
