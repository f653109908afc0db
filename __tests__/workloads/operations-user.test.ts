import { Construct } from 'constructs';
import { addOperationsUser } from '../../lib/workloads/operations-user';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { WILDCARD_RULE_ID } from '../../lib/core/access/grant';
import { AclResources, allow } from '../../lib/core/strimzi/acl';
import { UserAuthentication } from '../../lib/core/strimzi/user';
import { workloadSetup } from '../helpers/workloads';

describe('addOperationsUser', () => {
  test('a KafkaUser with exactly the given ACLs, marked as the platform\'s, in the given release', () => {
    const { stack, cluster, release } = workloadSetup();
    const user = addOperationsUser(new Construct(stack, 'job'), release, cluster, 'events-job', UserAuthentication.tls(), [allow(AclResources.cluster(), ['Describe'])], '');
    expect(release.resources).toEqual([user.manifest]);
    expect(user.manifest.metadata).toMatchObject({ name: 'events-job', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'kafka-platform' }) });
    expect((user.manifest.spec as any).authentication).toEqual({ type: 'tls' });
    expect(user.acls).toHaveLength(1);
  });

  test('wildcard ACLs carry the reason as acknowledgement; the production review shows it', () => {
    const { stack, cluster, release } = workloadSetup();
    const user = addOperationsUser(new Construct(stack, 'job'), release, cluster, 'events-job', UserAuthentication.scramSha512(), [allow(AclResources.group('*'), ['Describe'])], 'reads every group: Describe only');
    expect(Acknowledgements.find(user, WILDCARD_RULE_ID)?.reason).toBe('reads every group: Describe only');
  });
});
