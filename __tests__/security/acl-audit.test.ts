import { AclAudit, AclAuditProps } from '../../lib/security/acl-audit';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { byName, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;

function audit(props: Partial<AclAuditProps> = {}) {
  const { stack, cluster, release } = workloadSetup();
  return { stack, construct: new AclAudit(stack, 'audit', { cluster, release, ...props }) };
}

describe('AclAudit', () => {
  test('daily `<cluster>-acl-audit` writing to its own 1Gi volume, kept 90 days', () => {
    const { stack, construct } = audit();
    expect(construct.cronJobName).toBe('events-acl-audit');
    const cron = byName(stack, 'kubernetes_cron_job_v1')['events-acl-audit'];
    expect(cron.spec.schedule).toBe('30 5 * * *');
    const c = podOf(cron).container[0];
    expect(c.env).toEqual(expect.arrayContaining([{ name: 'AUDIT_DIR', value: '/audit' }, { name: 'RETENTION_DAYS', value: '90' }]));
    expect(c.volume_mount).toEqual(expect.arrayContaining([{ name: 'audit', mount_path: '/audit', read_only: false }]));
    expect(byName(stack, 'kubernetes_persistent_volume_claim_v1')['events-acl-audit'].spec.resources.requests).toEqual({ storage: '1Gi' });
    expect(cron.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\./)]));
  });

  test('its user may only describe the cluster (listing ACLs), no wildcard', () => {
    const user = allReleaseObjects(synthJson(audit().stack)).find((o) => o.kind === 'KafkaUser') as Any;
    expect(user.spec.authorization.acls).toEqual([{ resource: { type: 'cluster' }, operations: ['Describe'] }]);
  });

  test('a bad retention fails before anything is created', () => {
    expect(() => audit({ retentionDays: 0 })).toThrow(/test\/audit: retentionDays = 0/);
  });
});
