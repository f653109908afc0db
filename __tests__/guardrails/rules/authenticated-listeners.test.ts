import { Listener, ListenerAuthentication } from '../../../lib/core/strimzi/listener';
import { authenticatedListenersRule } from '../../../lib/guardrails/rules/authenticated-listeners';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-AUTHENTICATED-LISTENERS', () => {
  test('listeners with SCRAM (plain or TLS) or mutual TLS comply', () => {
    const spec = prodSpec({
      listeners: [Listener.plainInternal({ authentication: ListenerAuthentication.scramSha512() }), Listener.internalTls(), Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls() })],
    });
    expect(authenticatedListenersRule.check(inventoryOf(clusterObjects(spec)))).toEqual([]);
  });

  test('an unauthenticated listener on a cluster with authorization is reported by name', () => {
    const spec = prodSpec({ listeners: [Listener.plainInternal(), Listener.internalTls()] });
    expect(authenticatedListenersRule.check(inventoryOf(clusterObjects(spec)))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod listener "plain"', value: { authentication: 'none', authorization: 'simple' } },
    ]);
  });

  test('without authorization an anonymous listener is not this rule\'s concern', () => {
    const [kafka, ...pools] = clusterObjects(prodSpec({ listeners: [Listener.plainInternal()] }));
    const spec = kafka.spec as { kafka: Record<string, unknown> };
    const open = { ...kafka, spec: { ...spec, kafka: { ...spec.kafka, authorization: undefined } } };
    expect(authenticatedListenersRule.check(inventoryOf([open, ...pools]))).toEqual([]);
  });
});
