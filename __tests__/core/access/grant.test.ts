import { Validator } from '../../../lib/core/validation';
import { checkWildcardGrants, Grant, validateGrants } from '../../../lib/core/access/grant';
import { AclRule, describeAcl, mergeAcls } from '../../../lib/core/strimzi/acl';

/**
 * Expected ACL sets come from Kafka's authorization requirements per API (Kafka docs, "Operations
 * and resources on protocols"; Kafka Streams and Connect security guides), written out here by hand.
 */
const acls = (g: Grant) => mergeAcls(g.acls).map(describeAcl).sort();
const set = (...rules: string[]) => [...rules].sort();

describe('application grants expand to the minimal ACLs', () => {
  test('producer: Write (and Describe for metadata) on the topic; nothing on the cluster, idempotence included', () => {
    // Since Kafka 3.0 (KIP-679) InitProducerId for an idempotent producer is authorised by Write on any topic.
    expect(acls(Grant.produce('orders'))).toEqual(set('allow topic:orders [Write,Describe]'));
  });

  test('transactional producer: plus Write and Describe on its transactional id', () => {
    expect(acls(Grant.produce(['orders', 'audit.*'], { transactionalId: 'order-service-*' }))).toEqual(
      set('allow topic:orders [Write,Describe]', 'allow topic:audit.* [Write,Describe]', 'allow transactionalId:order-service-* [Write,Describe]'),
    );
  });

  test('consumer: Read and Describe on the topics, Read on its group (join, commit, fetch offsets)', () => {
    expect(acls(Grant.consume(['orders', 'payments'], { group: 'billing' }))).toEqual(
      set('allow topic:orders [Read,Describe]', 'allow topic:payments [Read,Describe]', 'allow group:billing [Read]'),
    );
  });

  test('Kafka Streams: inputs, outputs, internal topics and group by application.id, transactional ids for exactly-once', () => {
    expect(acls(Grant.streams({ applicationId: 'projector', inputTopics: 'orders', outputTopics: ['status'], exactlyOnce: true }))).toEqual(
      set(
        'allow topic:orders [Read,Describe]',
        'allow topic:status [Write,Describe]',
        // repartition/changelog topics: created, written, read, config-checked and purged (DeleteRecords) by the app
        'allow topic:projector-* [Read,Write,Create,Delete,Describe,DescribeConfigs]',
        'allow group:projector [Read]',
        'allow transactionalId:projector-* [Write,Describe]',
      ),
    );
    expect(acls(Grant.streams({ applicationId: 'p' })).some((a) => a.startsWith('allow transactionalId'))).toBe(false);
  });

  test('Connect worker: its group, its storage topics, connector topics and sink connector groups', () => {
    const grant = Grant.connect({ groupId: 'connect', configTopic: 'c.configs', offsetTopic: 'c.offsets', statusTopic: 'c.status', sourceTopics: 'in.*', sinkTopics: 'out' });
    expect(acls(grant)).toEqual(
      set(
        'allow group:connect [Read]',
        'allow topic:c.configs [Read,Write,Describe]',
        'allow topic:c.offsets [Read,Write,Describe]',
        'allow topic:c.status [Read,Write,Describe]',
        'allow topic:in.* [Write,Describe]',
        'allow topic:out [Read,Describe]',
        'allow group:connect-* [Read]',
      ),
    );
  });

  test('admin: everything on the cluster and on every topic, group and transactional id', () => {
    const admin = Grant.admin();
    expect(admin.isAdmin).toBe(true);
    expect(acls(admin)).toEqual(set('allow cluster:kafka-cluster [All]', 'allow topic:* [All]', 'allow group:* [All]', 'allow transactionalId:* [All]'));
  });

  test('custom grants carry their rules unchanged', () => {
    const rule: AclRule = { resource: { type: 'cluster' }, operations: ['DescribeConfigs'] };
    expect(Grant.custom('config reader', [rule]).acls).toEqual([rule]);
  });
});

describe('the consumer groups a grant declares', () => {
  test('a consumer\'s literal group and a Streams application id; not a prefix, a Connect worker, a producer or an admin', () => {
    expect(Grant.consume('orders', { group: 'billing' }).consumerGroups).toEqual(['billing']);
    expect(Grant.streams({ applicationId: 'projector', inputTopics: 'orders' }).consumerGroups).toEqual(['projector']);
    expect(Grant.consume('orders', { group: 'replay-*' }).consumerGroups).toEqual([]);
    expect(Grant.consume('orders', { group: '*' }).consumerGroups).toEqual([]);
    expect(Grant.connect({ groupId: 'connect', configTopic: 'c', offsetTopic: 'o', statusTopic: 's', sinkTopics: 'orders' }).consumerGroups).toEqual([]);
    expect(Grant.produce('orders').consumerGroups).toEqual([]);
    expect(Grant.admin().consumerGroups).toEqual([]);
  });
});

describe('grant validation', () => {
  test('problems name the grant they come from', () => {
    const v = new Validator('app');
    validateGrants(v, 'grants', [Grant.produce('ok'), Grant.consume('bad topic', { group: 'g' })]);
    expect(v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}`)).toEqual(['grants[1] (consume bad topic in group g).acls[0].resource.name = "bad topic"']);
  });

  test('in production a non-admin wildcard is refused with how to resolve it; admins, other environments and acknowledged cases pass', () => {
    const grants = [Grant.admin(), Grant.consume('*', { group: 'auditor' })];
    const check = (production: boolean, acknowledged: boolean) => {
      const v = new Validator('app');
      checkWildcardGrants(v, 'grants', grants, production, acknowledged);
      return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
    };
    expect(check(true, false)).toEqual([
      `grants[1] (consume * in group auditor) = "topic:*": no wildcard in production except for admin users (Grant.admin()); name the resources, use a prefix, or acknowledge with Acknowledgements.add(construct, 'KP-ACCESS-WILDCARD', reason)`,
    ]);
    expect(check(false, false)).toEqual([]);
    expect(check(true, true)).toEqual([]);
  });
});
