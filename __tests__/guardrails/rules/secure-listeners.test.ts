import { Listener, ListenerAuthentication } from '../../../lib/core/strimzi/listener';
import { secureListenersRule } from '../../../lib/guardrails/rules/secure-listeners';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-PROD-SECURE-LISTENERS', () => {
  test('TLS listeners with SCRAM or mutual TLS, internal or external, comply', () => {
    const spec = prodSpec({
      listeners: [Listener.internalTls(), Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls() }), Listener.external({ type: 'loadbalancer', port: 9095 })],
    });
    expect(secureListenersRule.check(inventoryOf(clusterObjects(spec)))).toEqual([]);
  });

  test('a plain listener is reported by name', () => {
    const spec = prodSpec({ listeners: [Listener.plainInternal(), Listener.internalTls()] });
    expect(secureListenersRule.check(inventoryOf(clusterObjects(spec)))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod listener "plain"', value: { tls: false, authentication: 'none' } },
    ]);
  });
});
