import { Validator } from '../../../lib/core/validation';
import { Listener, ListenerAuthentication } from '../../../lib/core/strimzi/listener';

describe('Listener', () => {
  test('internal TLS listeners authenticate with SCRAM-SHA-512 unless told otherwise', () => {
    expect(Listener.internalTls().toStrimzi()).toEqual({ name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } });
    expect(Listener.internalTls({ authentication: ListenerAuthentication.mutualTls() }).toStrimzi()).toMatchObject({ authentication: { type: 'tls' } });
    expect(Listener.internalTls().isSecure).toBe(true);
  });

  test('the plain listener has neither TLS nor authentication and is not secure', () => {
    const plain = Listener.plainInternal();
    expect(plain.toStrimzi()).toEqual({ name: 'plain', port: 9092, type: 'internal', tls: false });
    expect(plain.isSecure).toBe(false);
  });

  test('a plain listener may authenticate with SCRAM (dev), never with mutual TLS (it needs TLS)', () => {
    const scram = Listener.plainInternal({ authentication: ListenerAuthentication.scramSha512() });
    expect(scram.toStrimzi()).toEqual({ name: 'plain', port: 9092, type: 'internal', tls: false, authentication: { type: 'scram-sha-512' } });
    expect(scram.isSecure).toBe(false);
    const v = new Validator('c');
    Listener.plainInternal({ authentication: ListenerAuthentication.mutualTls() }).validate(v, 'listeners[0]');
    expect(v.issues.map((i) => `${i.field} = ${String(i.value)}: ${i.allowed}`)).toEqual(['listeners[0].authentication = tls: scram-sha-512 on a listener without TLS (mutual TLS needs a TLS listener)']);
  });

  test('external listeners carry TLS, source ranges and network policy peers', () => {
    const ext = Listener.external({ type: 'loadbalancer', sourceRanges: ['10.0.0.0/8'], allowFrom: [{ namespaceLabels: { team: 'orders' } }] });
    expect(ext.toStrimzi()).toEqual({
      name: 'external',
      port: 9094,
      type: 'loadbalancer',
      tls: true,
      authentication: { type: 'scram-sha-512' },
      configuration: { loadBalancerSourceRanges: ['10.0.0.0/8'] },
      networkPolicyPeers: [{ namespaceSelector: { matchLabels: { team: 'orders' } } }],
    });
  });

  test('a bootstrap host: in the certificate and the external-dns annotation (load balancer), as the host (route)', () => {
    expect(Listener.external({ type: 'loadbalancer', bootstrapHost: 'kafka-dr.dr.example.org', sourceRanges: ['10.0.0.0/8'] }).toStrimzi().configuration).toEqual({
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      bootstrap: { alternativeNames: ['kafka-dr.dr.example.org'], annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka-dr.dr.example.org' } },
    });
    expect(Listener.external({ type: 'route', bootstrapHost: 'kafka-dr.apps.example.org' }).toStrimzi().configuration).toEqual({ bootstrap: { host: 'kafka-dr.apps.example.org' } });
    const v = new Validator('c');
    Listener.external({ type: 'nodeport', bootstrapHost: 'Not A Host' }).validate(v, 'listeners[1]');
    expect(v.issues.map((i) => `${i.field}: ${i.allowed}`)).toEqual(['listeners[1].bootstrapHost: a fully qualified lower-case DNS name', 'listeners[1].bootstrapHost: only on loadbalancer or route listeners']);
  });

  test('rejects names and ports Strimzi would reject', () => {
    const v = new Validator('c');
    Listener.internalTls({ name: 'Too_Long_Name', port: 9404 }).validate(v, 'listeners[0]');
    expect(v.issues.map((i) => i.field)).toEqual(['listeners[0].name', 'listeners[0].port']);
  });
});
