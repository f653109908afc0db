import { brokerVolumeClaim, clientsCaCertSecret, clientsCaKeySecret, clusterCaCertSecret, clusterCaKeySecret, listenerBootstrap } from '../../../lib/core/strimzi/operator-names';

describe('names the Strimzi operators create', () => {
  test('CA Secrets: certificates and private keys of the cluster and clients CAs', () => {
    expect([clusterCaCertSecret('kafka-prod'), clientsCaCertSecret('kafka-prod'), clusterCaKeySecret('kafka-prod'), clientsCaKeySecret('kafka-prod')]).toEqual([
      'kafka-prod-cluster-ca-cert', 'kafka-prod-clients-ca-cert', 'kafka-prod-cluster-ca', 'kafka-prod-clients-ca',
    ]);
  });

  test('bootstrap Services: one shared for internal listeners, one per external listener', () => {
    expect(listenerBootstrap('kafka-prod', 'kafka', { name: 'tls', port: 9093 })).toBe('kafka-prod-kafka-bootstrap.kafka.svc:9093');
    expect(listenerBootstrap('kafka-prod', 'kafka', { name: 'repl', port: 9095, type: 'loadbalancer' })).toBe('kafka-prod-kafka-repl-bootstrap.kafka.svc:9095');
  });

  test('JBOD broker volume claims', () => {
    expect(brokerVolumeClaim('kafka-prod', 'brokers', 3, 0)).toBe('data-0-kafka-prod-brokers-3');
  });
});
