import { describeObject, InventoryResource, objectsOfKind } from '../inventory';
import { GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/** `app.kubernetes.io/component` of the backup CronJobs of the backup module. */
export const BACKUP_COMPONENTS = ['metadata-backup', 'volume-snapshot'];

function metadataOf(resource: InventoryResource): { namespace?: string; labels?: Record<string, string> } {
  const m = resource.config.metadata;
  return ((Array.isArray(m) ? m[0] : m) ?? {}) as { namespace?: string; labels?: Record<string, string> };
}

/** KP-PROD-BACKUPS: every production cluster has a scheduled backup in its namespace. */
export const backupsEnabledRule: GuardrailRule = {
  id: RULE_IDS.PROD_BACKUPS,
  requirement: `a scheduled backup (${BACKUP_COMPONENTS.join(' or ')} CronJob) for every cluster`,
  why: 'without a backup of topic configs, ACLs, consumer offsets and volumes, a deleted topic or lost cluster cannot be restored',
  fix: "enable the environment's operations.backup (MetadataBackup and/or VolumeSnapshots) for the cluster",
  check(inventory) {
    const backups = inventory.resources.filter(
      (r) => r.type.startsWith('kubernetes_cron_job') && BACKUP_COMPONENTS.includes(metadataOf(r).labels?.['app.kubernetes.io/component'] ?? ''),
    );
    return objectsOfKind(inventory, 'Kafka')
      .filter(({ object }) => !backups.some((b) => metadataOf(b).namespace === object.metadata.namespace))
      .map(({ object, owner }) => ({ owner, subject: `${describeObject(object)} backup CronJobs`, value: 0 }));
  },
};
