import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { SCRIPTS_PATH } from '../core/operations/workload-model';
import { KAFKA_CLI_RESOURCES } from '../core/operations/images';
import { kafkaClientWiring } from '../core/operations/kafka-client';
import { AclResources, allow } from '../core/strimzi/acl';
import { kafkaImage } from '../core/strimzi/versions';
import { Validator } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { operationsAccess } from '../workloads/kafka-access';
import { addOperationsUser } from '../workloads/operations-user';
import { scripts } from '../workloads/scripts';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';

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
    const v = new Validator(this.node.path);
    const name = `${cluster.clusterName}-acl-audit`;
    const retentionDays = props.retentionDays ?? 90;
    v.integer('retentionDays', retentionDays, 1, 3650);
    const access = operationsAccess(v, cluster, name, props.listenerName);
    if (access) addOperationsUser(this, props.release, cluster, name, access.userAuthentication, [allow(AclResources.cluster(), ['Describe'])], '');
    v.throwIfAny();
    this.cronJobName = name;
    const pvc = new PersistentVolumeClaimV1(this, 'volume', {
      metadata: { name, namespace: cluster.namespace, labels: { 'app.kubernetes.io/managed-by': 'kafka-platform', 'app.kubernetes.io/component': 'acl-audit' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      waitUntilBound: false,
    });
    const client = kafkaClientWiring(access!.connection);
    this.workload = new BatchWorkload(this, 'workload', {
      name,
      namespace: cluster.namespace,
      component: 'acl-audit',
      schedule: props.schedule ?? '30 5 * * *',
      steps: [
        {
          name: 'audit',
          image: kafkaImage(),
          command: ['/bin/bash', `${SCRIPTS_PATH}/acl-audit.sh`],
          env: [...client.env, { name: 'AUDIT_DIR', value: '/audit' }, { name: 'RETENTION_DAYS', value: String(retentionDays) }],
          mounts: [{ volume: 'audit', path: '/audit', readOnly: false }, ...client.mounts],
          resources: KAFKA_CLI_RESOURCES,
        },
      ],
      volumes: [{ name: 'audit', source: { type: 'persistentVolumeClaim', claimName: name } }, ...client.volumes],
      scripts: scripts('kafka-client.sh', 'acl-audit.sh', 'prune-backups.sh'),
      dependsOn: [...(props.dependsOn ?? []), props.release.release, pvc],
    });
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
