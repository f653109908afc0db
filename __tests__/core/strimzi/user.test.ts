import { Validator } from '../../../lib/core/validation';
import { AclResources, allow } from '../../../lib/core/strimzi/acl';
import { buildUser, UserAuthentication, UserSpec, validateUser } from '../../../lib/core/strimzi/user';

const cluster = { clusterName: 'events', namespace: 'kafka' };

function problems(spec: UserSpec): string[] {
  const v = new Validator('u');
  validateUser(v, spec);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
}

describe('KafkaUser', () => {
  test('SCRAM-SHA-512 by default, ACLs merged, quotas only when set', () => {
    const user = buildUser(
      {
        name: 'billing',
        acls: [allow(AclResources.topic('orders'), ['Read']), allow(AclResources.topic('orders'), ['Describe'])],
        quotas: { producerByteRate: 1024, controllerMutationRate: 0.5 },
      },
      cluster,
    );
    expect(user).toEqual({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'billing', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: { type: 'simple', acls: [{ resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Read', 'Describe'] }] },
        quotas: { producerByteRate: 1024, controllerMutationRate: 0.5 },
      },
    });
    expect(buildUser({ name: 'x' }, cluster).spec).not.toHaveProperty('quotas');
  });

  test('a user-supplied SCRAM password is read from the named Secret key', () => {
    const auth = UserAuthentication.scramSha512({ password: { secretName: 'billing-password' } }).toStrimzi();
    expect(auth).toEqual({ type: 'scram-sha-512', password: { valueFrom: { secretKeyRef: { name: 'billing-password', key: 'password' } } } });
  });

  test('mutual TLS with certificate validity and renewal', () => {
    expect(UserAuthentication.tls({ validityDays: 90, renewalDays: 15 }).toStrimzi()).toEqual({ type: 'tls', validityDays: 90, renewalDays: 15 });
    expect(UserAuthentication.tlsExternal().toStrimzi()).toEqual({ type: 'tls-external' });
  });

  test('invalid names, certificate periods and quotas are all reported', () => {
    expect(
      problems({
        name: 'Billing_Service',
        authentication: UserAuthentication.tls({ validityDays: 30, renewalDays: 30 }),
        quotas: { producerByteRate: -1, requestPercentage: 1.5, controllerMutationRate: -0.1 },
      }),
    ).toEqual([
      'name = "Billing_Service": a Kubernetes name: lower-case letters, digits, "-" and ".", at most 64 (a TLS common name) characters',
      'authentication.renewalDays = 30: fewer days than validityDays (30)',
      'quotas.producerByteRate = -1: a whole number >= 0',
      'quotas.requestPercentage = 1.5: a whole number >= 0',
      'quotas.controllerMutationRate = -0.1: a number >= 0',
    ]);
  });

  test('a TLS user name must fit a certificate common name; SCRAM allows longer names', () => {
    const name = 'a'.repeat(65);
    expect(problems({ name, authentication: UserAuthentication.tls() })).toHaveLength(1);
    expect(problems({ name })).toEqual([]);
  });

  test('validity without renewal is refused (Strimzi requires both or neither)', () => {
    expect(problems({ name: 'x', authentication: UserAuthentication.tls({ validityDays: 30 }) })).toEqual([
      'authentication.renewalDays = undefined: validityDays and renewalDays set together',
    ]);
  });
});
