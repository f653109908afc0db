import { KubernetesObject } from '../../../lib/core/kubernetes';
import { alertsEnabledRule } from '../../../lib/guardrails/rules/alerts-enabled';
import { clusterObjects, inventoryOf } from '../../helpers/inventory';

const prometheusRule = (rules: object[], namespace = 'kafka'): KubernetesObject => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'kafka-prod-alerts', namespace },
  spec: { groups: [{ name: 'kafka', rules }] },
});

describe('KP-PROD-ALERTS', () => {
  test('a PrometheusRule with an alert in the cluster namespace complies', () => {
    expect(alertsEnabledRule.check(inventoryOf([...clusterObjects(), prometheusRule([{ alert: 'KafkaOfflinePartitions', expr: 'x > 0' }])]))).toEqual([]);
  });

  test('no rule, recording rules only, or alerts in another namespace are reported', () => {
    for (const extra of [[], [prometheusRule([{ record: 'r', expr: 'x' }])], [prometheusRule([{ alert: 'A', expr: 'x' }], 'elsewhere')]]) {
      expect(alertsEnabledRule.check(inventoryOf([...clusterObjects(), ...extra])).map((f) => f.subject)).toEqual(['Kafka kafka/kafka-prod alerting rules']);
    }
  });
});
