import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { Grant } from '../../lib/core/access/grant';
import { ValidationError } from '../../lib/core/validation';
import { KafkaConsumerGroupOwners, KafkaConsumerGroupOwnersProps } from '../../lib/monitoring/kafka-consumer-group-owners';
import { PrometheusOperatorSchemas } from '../helpers/prometheus-operator-schemas';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

/** A product team's stack: the platform's cluster by reference, and the team's consumer groups. */
function teamStack(props: Partial<KafkaConsumerGroupOwnersProps> = {}) {
  const stack = testStack('checkout');
  const cluster = KafkaCluster.fromClusterAttributes(stack, 'platform-kafka', { clusterName: 'kafka-prod', namespace: 'kafka', brokerCount: 6 });
  const owners = new KafkaConsumerGroupOwners(stack, 'consumer-groups', { cluster, team: 'checkout', groups: Grant.consume('orders.order-placed.v1', { group: 'checkout-service' }).consumerGroups, ...props });
  return { stack, owners };
}

describe('KafkaConsumerGroupOwners (a product team declares its groups from its own stack)', () => {
  test('delivers the ownership series of its groups in a release of its own, in the cluster\'s namespace', () => {
    const { stack, owners } = teamStack();
    const releases = releaseObjects(synthJson(stack));
    expect([...releases.keys()]).toEqual(['checkout-consumer-groups']);
    const [rule] = releases.get('checkout-consumer-groups')!;
    expect(rule).toEqual(owners.prometheusRule);
    expect(new PrometheusOperatorSchemas().validate(rule as never)).toEqual([]);
    expect(rule.metadata).toMatchObject({ name: 'kafka-prod-consumer-groups-checkout', namespace: 'kafka', labels: { release: 'kube-prometheus-stack' } });
    const rules = (rule.spec as { groups: { rules: { record: string; expr: string; labels: Record<string, string> }[] }[] }).groups[0].rules;
    expect(rules).toEqual([
      {
        record: 'kafka_platform:consumergroup_owner:info',
        expr: 'group by (namespace, consumergroup) (kafka_consumergroup_members{namespace="kafka", job="kafka/kafka-prod-kafka-exporter", consumergroup=~"checkout-service"})',
        labels: { owner_team: 'checkout' },
      },
    ]);
  });

  test('with routing of its own, an AlertmanagerConfig for its team in the cluster\'s namespace', () => {
    const routing = { supportEmail: 'checkout@example.com', engineeringEmail: 'checkout@example.com', smtp: { from: 'am@example.com', smarthost: 'smtp.example.com:587' } };
    const { owners } = teamStack({ alertRouting: routing });
    const config = owners.alertmanagerConfig!;
    expect(new PrometheusOperatorSchemas().validate(config as never)).toEqual([]);
    expect(config.metadata).toMatchObject({ name: 'kafka-prod-alert-routing-checkout', namespace: 'kafka' });
    expect((config.spec as { route: { matchers: unknown[] } }).route.matchers).toEqual([{ name: 'team', value: 'checkout', matchType: '=' }]);
  });

  test('bad input: every problem at once, at the construct\'s path, with the value as written', () => {
    let issues: string[] = [];
    try {
      teamStack({ team: 'Check Out', groups: ['checkout-*', ''], releaseName: 'Checkout_Groups' });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues = e.issues.map((i) => `${i.path}: ${i.field} = ${JSON.stringify(i.value)}`);
    }
    expect(issues).toEqual([
      'checkout/consumer-groups: team = "Check Out"',
      'checkout/consumer-groups: groups[0] = "checkout-*"',
      'checkout/consumer-groups: groups[1] = ""',
      'checkout/consumer-groups: releaseName = "Checkout_Groups"',
    ]);
  });

  test('no groups is a mistake, refused by shape', () => {
    expect(() => teamStack({ groups: [] })).toThrow(/groups.*a non-empty array of consumer group ids/);
  });
});
