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
