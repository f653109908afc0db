import { uncleanLeaderElectionRule } from '../../../lib/guardrails/rules/unclean-leader-election';
import { clusterObjects, inventoryOf, prodSpec, topic } from '../../helpers/inventory';

describe('KP-PROD-UNCLEAN-ELECTION', () => {
  test('the default (false) complies, also when a topic says "false"', () => {
    expect(uncleanLeaderElectionRule.check(inventoryOf([...clusterObjects(), topic('a', { config: { 'unclean.leader.election.enable': 'false' } })]))).toEqual([]);
  });

  test('true on the cluster or "true" on a topic is reported', () => {
    const spec = prodSpec({ config: { 'unclean.leader.election.enable': true } });
    const findings = uncleanLeaderElectionRule.check(inventoryOf([...clusterObjects(spec), topic('clicks', { config: { 'unclean.leader.election.enable': 'true' } })]));
    expect(findings.map((f) => [f.subject, f.value])).toEqual([
      ['Kafka kafka/kafka-prod spec.kafka.config.unclean.leader.election.enable', true],
      ['KafkaTopic kafka/clicks spec.config.unclean.leader.election.enable', 'true'],
    ]);
  });
});
