import { stringify } from 'yaml';
import {
  buildConsumerGroupOwnersRule,
  consumerGroupOwnerRules,
  consumerGroupOwnersRuleName,
  ownerTeams,
  regexLiteral,
  validateDeclaredConsumerGroups,
} from '../../../lib/core/monitoring/consumer-groups';
import { checkPromql } from '../../../lib/core/monitoring/promql-check';
import { Validator } from '../../../lib/core/validation';
import { PrometheusOperatorSchemas } from '../../helpers/prometheus-operator-schemas';

const input = (groups: { group: string; team: string }[]) => ({ cluster: 'kafka-prod', namespace: 'kafka', groups });

describe('declared consumer groups as ownership series', () => {
  test('one recording rule per team, its groups an exact alternation of Kafka Exporter\'s members series', () => {
    const rules = consumerGroupOwnerRules(input([{ group: 'payment-service', team: 'payments' }, { group: 'billing', team: 'payments' }, { group: 'order-status-projector', team: 'orders' }]));
    expect(rules).toEqual([
      {
        record: 'kafka_platform:consumergroup_owner:info',
        expr: 'group by (namespace, consumergroup) (kafka_consumergroup_members{namespace="kafka", job="kafka/kafka-prod-kafka-exporter", consumergroup=~"order-status-projector"})',
        labels: { owner_team: 'orders' },
      },
      {
        record: 'kafka_platform:consumergroup_owner:info',
        expr: 'group by (namespace, consumergroup) (kafka_consumergroup_members{namespace="kafka", job="kafka/kafka-prod-kafka-exporter", consumergroup=~"billing|payment-service"})',
        labels: { owner_team: 'payments' },
      },
    ]);
    for (const r of rules) expect(checkPromql(r.expr)).toEqual({ syntaxErrors: [], unknownMetrics: [] });
  });

  test('group ids are matched literally: regex characters escaped, quotes and backslashes escaped for PromQL', () => {
    expect(regexLiteral('a.b+c(d)|e[f]*')).toBe('a\\.b\\+c\\(d\\)\\|e\\[f\\]\\*');
    const [rule] = consumerGroupOwnerRules(input([{ group: 'legacy.group "x"\\y', team: 'ops' }]));
    expect(checkPromql(rule.expr)).toEqual({ syntaxErrors: [], unknownMetrics: [] });
    // The regex in the PromQL string is `legacy\.group "x"\\y`, which matches exactly the group id.
    expect(rule.expr).toContain('consumergroup=~"legacy\\\\.group \\"x\\"\\\\\\\\y"');
    expect(new RegExp(`^(?:${JSON.parse(rule.expr.slice(rule.expr.indexOf('=~') + 2, -2))})$`).test('legacy.group "x"\\y')).toBe(true);
    expect(new RegExp(`^(?:${JSON.parse(rule.expr.slice(rule.expr.indexOf('=~') + 2, -2))})$`).test('legacyXgroup "x"\\y')).toBe(false);
  });

  test('a team with many groups gets a rule per 256 (set matching), and the rule stays small at 5,000 groups', () => {
    const groups = Array.from({ length: 5000 }, (_, i) => ({ group: `application-${String(i).padStart(4, '0')}-consumer`, team: `team-${i % 50}` }));
    const rules = consumerGroupOwnerRules(input(groups));
    // 50 teams of 100 groups: one rule each.
    expect(rules.length).toBe(50);
    const big = consumerGroupOwnerRules(input(groups.map((g) => ({ ...g, team: 'one-team' }))));
    expect(big.length).toBe(Math.ceil(5000 / 256));
    expect(Math.max(...big.map((r) => (r.expr.match(/\|/g) ?? []).length + 1))).toBe(256);
    const yaml = stringify(buildConsumerGroupOwnersRule({ ...input(groups), name: 'kafka-prod-consumer-group-owners', labels: { release: 'kube-prometheus-stack' } }));
    // About 30 bytes per group: the release stays far below Helm's 1 MiB.
    expect(yaml.length).toBeLessThan(5000 * 40);
  });

  test('the PrometheusRule is valid against the operator\'s schema and named per cluster, or per team for another stack', () => {
    const rule = buildConsumerGroupOwnersRule({ ...input([{ group: 'payment-service', team: 'payments' }]), name: consumerGroupOwnersRuleName('kafka-prod'), labels: { release: 'kube-prometheus-stack' } });
    expect(new PrometheusOperatorSchemas().validate(rule as never)).toEqual([]);
    expect(rule.metadata).toMatchObject({ name: 'kafka-prod-consumer-group-owners', namespace: 'kafka', labels: { release: 'kube-prometheus-stack' } });
    expect(consumerGroupOwnersRuleName('kafka-prod', 'Payments_EU')).toBe('kafka-prod-consumer-groups-payments-eu');
  });

  test('bad declarations are reported field by field: a prefix, an empty id, a team that is no label value, two owners', () => {
    const v = new Validator('stack/monitoring');
    validateDeclaredConsumerGroups(v, 'consumerGroups', [
      { group: 'orders-*', team: 'orders' },
      { group: '', team: 'orders' },
      { group: 'billing', team: 'pay ments' },
      { group: 'payment-service', team: 'payments' },
      { group: 'payment-service', team: 'orders' },
      { group: 'payment-service', team: 'payments' },
    ]);
    expect(v.issues.map((i) => [i.field, i.value])).toEqual([
      ['consumerGroups[0].group', 'orders-*'],
      ['consumerGroups[1].group', ''],
      ['consumerGroups[2].team', 'pay ments'],
      ['consumerGroups[4].team', 'orders'],
    ]);
    expect(v.issues[3].allowed).toContain('payments owns "payment-service" already');
    expect(ownerTeams([{ group: 'a', team: 'b' }, { group: 'c', team: 'a' }, { group: 'd', team: 'b' }])).toEqual(['a', 'b']);
  });
});
