import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { WorkloadNames } from '../core/operations/workload-names';
import { AclResources, allow } from '../core/strimzi/acl';
import { BatchWorkload } from '../workloads/batch-workload';
import { kafkaCliJob, kafkaCliStep } from '../workloads/kafka-cli-job';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { KubernetesPersistentVolumeClaim } from '../delivery/kubernetes-resources';
import { platformLabels } from '../core/kubernetes';

export interface AclAuditProps {
  readonly cluster: IKafkaCluster;
  readonly release: CustomResourceRelease;
  /** @default '30 5 * * *' (daily) */
  readonly schedule?: string;
  /** Days audit records are kept. @default 90 */
  readonly retentionDays?: number;
  readonly listenerName?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Daily record of the ACLs the brokers enforce (`kafka-acls.sh --list`), kept as timestamped,
 * checksummed files on a small volume and printed to the job log for the log pipeline. The ACLs
 * themselves come from KafkaUsers in code; the record shows what was in force on a given day.
 */
export class AclAudit extends Construct {
  public readonly cronJobName: string;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: AclAuditProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, ACL_AUDIT_SHAPE);
    const { cluster } = props;
    const name = WorkloadNames.aclAudit(cluster.clusterName);
    const retentionDays = props.retentionDays ?? 90;
    const job = kafkaCliJob(this, {
      ...props,
      name,
      schedule: props.schedule ?? '30 5 * * *',
      acls: [allow(AclResources.cluster(), ['Describe'])],
      why: '',
      check: (v) => v.integer('retentionDays', retentionDays, 1, 3650),
      prepare: () => [
        new KubernetesPersistentVolumeClaim(this, 'volume', {
          metadata: { name, namespace: cluster.namespace, labels: platformLabels('acl-audit') },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          waitUntilBound: false,
        }),
      ],
      workloads: (client) => ({
        workload: {
          component: 'acl-audit',
          steps: [
            kafkaCliStep('audit', 'acl-audit.sh', client, {
              env: [{ name: 'AUDIT_DIR', value: '/audit' }, { name: 'RETENTION_DAYS', value: String(retentionDays) }],
              mounts: [{ volume: 'audit', path: '/audit', readOnly: false }],
            }),
          ],
          volumes: [{ name: 'audit', source: { type: 'persistentVolumeClaim', claimName: name } }, ...client.volumes],
          scripts: ['acl-audit.sh', 'prune-backups.sh'],
        },
      }),
    });
    this.cronJobName = job.name;
    this.workload = job.workloads.workload;
  }
}

/** What the construct reads before validating values. */
const ACL_AUDIT_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  schedule: S.optional(S.string()),
  retentionDays: S.optional(S.numeric()),
  listenerName: S.optional(S.string()),
});
