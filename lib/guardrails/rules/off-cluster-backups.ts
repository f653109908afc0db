import { describeObject, InventoryResource, objectsOfKind } from '../inventory';
import { GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

function metadataOf(resource: InventoryResource): { name?: string; namespace?: string; labels?: Record<string, string> } {
  const m = resource.config.metadata;
  return ((Array.isArray(m) ? m[0] : m) ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };
}

/** The backup job copies each backup to object storage (its upload step is configured with a bucket). */
function copiesOffCluster(resource: InventoryResource): boolean {
  return /"name":"S3_BUCKET","value":"[^"]+"/.test(JSON.stringify(resource.config));
}

/**
 * KP-PROD-OFFCLUSTER-BACKUPS: a production cluster's metadata backups leave the Kubernetes cluster they
 * protect. A backup volume in the same cluster (and namespace) is lost with it: a deleted namespace,
 * a lost cluster or a ransomware-encrypted storage class takes the data and its backup together.
 */
export const offClusterBackupsRule: GuardrailRule = {
  id: RULE_IDS.PROD_OFFCLUSTER_BACKUPS,
  requirement: 'metadata backups copied to object storage outside the cluster (MetadataBackup s3)',
  why: 'a backup that lives only on the cluster it protects is lost with the namespace or the cluster it is meant to restore',
  fix: "set operations.metadataBackup.s3 (a bucket in another account or region, with versioning/object lock), or acknowledge with the off-cluster copy that exists instead",
  check(inventory) {
    const backups = inventory.resources.filter((r) => r.type.startsWith('kubernetes_cron_job') && metadataOf(r).labels?.['app.kubernetes.io/component'] === 'metadata-backup');
    return objectsOfKind(inventory, 'Kafka').flatMap(({ object, owner }) => {
      const own = backups.filter((b) => metadataOf(b).namespace === object.metadata.namespace);
      if (own.length === 0) return [{ owner, subject: `${describeObject(object)} off-cluster metadata backup`, value: 'none' }];
      return own
        .filter((b) => !copiesOffCluster(b))
        .map((b) => ({ owner: b.owner, subject: `CronJob ${metadataOf(b).namespace}/${metadataOf(b).name} backup target`, value: 'the backup volume in the same cluster only' }));
    });
  },
};
