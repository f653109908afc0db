import { Testing } from 'cdktf';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Grant } from '../../lib/core/access/grant';
import { describeAcl } from '../../lib/core/strimzi/acl';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { KafkaUser } from '../../lib/access/kafka-user';
import { testStack } from '../helpers/synth';

function setup() {
  const stack = testStack();
  const cluster = KafkaCluster.fromClusterAttributes(stack, 'kafka', { clusterName: 'events', namespace: 'kafka' });
  const release = new CustomResourceRelease(stack, 'users', { releaseName: 'events-users-billing', namespace: 'kafka' });
  return { stack, cluster, release };
}

describe('KafkaUser construct', () => {
  test('grants and raw ACLs merge into one rendered set', () => {
    const { cluster, release } = setup();
    const user = new KafkaUser(release, 'billing', {
      cluster,
      name: 'billing',
      grants: [Grant.consume('orders', { group: 'billing' }), Grant.produce('orders')],
      acls: [{ resource: { type: 'cluster' }, operations: ['DescribeConfigs'] }],
    });
    expect(user.acls.map(describeAcl)).toEqual(['allow cluster:kafka-cluster [DescribeConfigs]', 'allow group:billing [Read]', 'allow topic:orders [Read,Write,Describe]']);
    expect(release.resources).toEqual([user.manifest]);
    expect(user.secretName).toBe('billing');
  });

  test('a production wildcard for a non-admin fails the synth, naming the construct', () => {
    const { stack, cluster, release } = setup();
    new KafkaUser(release, 'auditor', { cluster, name: 'auditor', production: true, grants: [Grant.consume('*', { group: 'auditor' })] });
    expect(() => Testing.synth(stack)).toThrow(/test\/users\/auditor: grants\[0\] \(consume \* in group auditor\) = "topic:\*": no wildcard in production/);
  });

  test('raw wildcard ACLs count too', () => {
    const { stack, cluster, release } = setup();
    new KafkaUser(release, 'raw', { cluster, name: 'raw', production: true, acls: [{ resource: { type: 'group', name: '*' }, operations: ['Read'] }] });
    expect(() => Testing.synth(stack)).toThrow(/grants\[0\] \(acls\) = "group:\*"/);
  });

  test('admins may hold wildcards; an acknowledged reason (on the user or an ancestor) lets others through and is recorded', () => {
    const { stack, cluster, release } = setup();
    expect(new KafkaUser(release, 'admin', { cluster, name: 'admin', production: true, grants: [Grant.admin()] }).isAdmin).toBe(true);
    new KafkaUser(release, 'auditor', {
      cluster,
      name: 'auditor',
      production: true,
      grants: [Grant.consume('*', { group: 'auditor' })],
      wildcardAcknowledgement: 'Compliance archiver reads every topic, ticket SEC-12',
    });
    expect(Acknowledgements.all(stack)).toEqual([{ ruleId: 'KP-ACCESS-WILDCARD', reason: 'Compliance archiver reads every topic, ticket SEC-12', path: 'test/users/auditor' }]);

    const other = new CustomResourceRelease(stack, 'other', { releaseName: 'other', namespace: 'kafka' });
    Acknowledgements.add(other, 'KP-ACCESS-WILDCARD', 'Whole release is the audit tooling, reviewed in SEC-13');
    expect(() => new KafkaUser(other, 'scanner', { cluster, name: 'scanner', production: true, grants: [Grant.consume('*', { group: 'scan' })] })).not.toThrow();
  });

  test('every invalid input is reported at once, at synth', () => {
    const { stack, cluster, release } = setup();
    new KafkaUser(release, 'bad', { cluster, name: 'Bad_Name', grants: [Grant.produce('bad topic')], quotas: { consumerByteRate: -5 } });
    try {
      Testing.synth(stack);
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as { issues: { field: string }[] }).issues.map((i) => i.field)).toEqual([
        'name',
        'quotas.consumerByteRate',
        'grants[0] (produce bad topic).acls[0].resource.name',
      ]);
    }
  });
});
