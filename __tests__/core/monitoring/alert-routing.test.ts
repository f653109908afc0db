import { AlertRoutingConfig, buildAlertmanagerConfig, PRIORITIES, validateAlertRouting } from '../../../lib/core/monitoring/alert-routing';
import { Validator } from '../../../lib/core/validation';
import { PrometheusOperatorSchemas } from '../../helpers/prometheus-operator-schemas';

const ROUTING: AlertRoutingConfig = {
  supportEmail: 'kafka-support@example.com',
  engineeringEmail: 'platform-engineering@example.com',
  smtp: { from: 'am@example.com', smarthost: 'smtp.example.com:587', authUsername: 'am', authPasswordSecret: { name: 'smtp', key: 'password' } },
  onCallWebhookUrlSecret: { name: 'pager', key: 'url' },
};

type Route = { receiver: string; matchers: { name: string; value: string; matchType: string }[]; repeatInterval: string; continue?: boolean; routes?: Route[] };
type Config = { metadata: { namespace: string; labels: Record<string, string> }; spec: { route: Route; receivers: { name: string; emailConfigs?: { to: string }[]; webhookConfigs?: unknown[] }[] } };
const build = (routing: AlertRoutingConfig = ROUTING, ownerTeams: string[] = []) =>
  buildAlertmanagerConfig({ name: 'kafka-prod-alert-routing', namespace: 'kafka', team: 'kafka-platform', ownerTeams, labels: { release: 'kube-prometheus-stack' }, routing }) as unknown as Config;

/** Who Alertmanager notifies for an alert's labels, walking the routes as Alertmanager does (continue, first match). */
function notified(config: Config, labels: Record<string, string>): { receiver: string; repeat: string }[] {
  const matches = (r: Route) => r.matchers.every((m) => (m.matchType === '=' ? labels[m.name] === m.value : new RegExp(`^(?:${m.value})$`).test(labels[m.name] ?? '')));
  const top = config.spec.route;
  if (!matches(top)) return [];
  const out: { receiver: string; repeat: string }[] = [];
  for (const r of top.routes ?? []) {
    if (!matches(r)) continue;
    out.push({ receiver: r.receiver, repeat: r.repeatInterval });
    if (!r.continue) return out;
  }
  return out.length ? out : [{ receiver: top.receiver, repeat: top.repeatInterval }];
}

describe('AlertmanagerConfig routing', () => {
  test('is a valid v1alpha1 AlertmanagerConfig carrying the selector labels, in the cluster namespace', () => {
    const config = build();
    expect(new PrometheusOperatorSchemas().validate(config as never)).toEqual([]);
    expect(config.metadata.namespace).toBe('kafka');
    expect(config.metadata.labels.release).toBe('kube-prometheus-stack');
  });

  test('routes by priority along the escalation matrix, repeating at the response time', () => {
    const config = build();
    const at = (priority: string) => notified(config, { team: 'kafka-platform', priority, namespace: 'kafka' });
    expect(at('P1')).toEqual([{ receiver: 'l3-on-call-pager', repeat: '15m' }, { receiver: 'l2-engineering-email', repeat: '15m' }]);
    expect(at('P2')).toEqual([{ receiver: 'l3-on-call-pager', repeat: '30m' }, { receiver: 'l2-engineering-email', repeat: '30m' }]);
    expect(at('P3')).toEqual([{ receiver: 'l2-engineering-email', repeat: '2h' }]);
    expect(at('P4')).toEqual([{ receiver: 'l1-support-email', repeat: '24h' }]);
    // Another team's alerts are not this config's.
    expect(notified(config, { team: 'payments', priority: 'P1' })).toEqual([]);
    expect(Object.values(PRIORITIES).map((p) => p.responseTime)).toEqual(['15m', '30m', '2h', '24h']);
  });

  test('receivers: email for L1 and L2, the pager webhook for on-call; secrets referenced, never inlined', () => {
    const receivers = build().spec.receivers;
    expect(receivers.map((r) => r.name)).toEqual(['l1-support-email', 'l2-engineering-email', 'l3-on-call-pager']);
    expect(receivers[0].emailConfigs![0]).toMatchObject({ to: 'kafka-support@example.com', authPassword: { name: 'smtp', key: 'password' }, requireTLS: true });
    expect(receivers[2].webhookConfigs).toEqual([{ urlSecret: { name: 'pager', key: 'url' }, sendResolved: true }]);
    expect(JSON.stringify(receivers)).not.toMatch(/"url":|"authPassword":"|password=/);
  });

  test('a lost broker inhibits its peers\' under-replication and ISR shrinks, and several lost brokers the single-broker alert', () => {
    type Inhibit = { sourceMatch: { value: string; matchType: string }[]; targetMatch: { value: string; matchType: string }[]; equal: string[] };
    const rules = (build().spec as unknown as { inhibitRules: Inhibit[] }).inhibitRules;
    const matches = (m: { value: string; matchType: string }[], alert: string) => m.every((x) => (x.matchType === '=' ? x.value === alert : new RegExp(`^(?:${x.value})$`).test(alert)));
    const inhibited = (source: string, target: string) => rules.some((r) => matches(r.sourceMatch, source) && matches(r.targetMatch, target) && r.equal.includes('namespace'));
    expect(inhibited('KafkaBrokerDown', 'KafkaUnderReplicatedPartitions')).toBe(true);
    expect(inhibited('KafkaMultipleBrokersDown', 'KafkaIsrShrinks')).toBe(true);
    expect(inhibited('KafkaMultipleBrokersDown', 'KafkaBrokerDown')).toBe(true);
    expect(inhibited('KafkaBrokerDown', 'KafkaOfflinePartitions')).toBe(false);
    expect(inhibited('KafkaControllerDown', 'KafkaUnderReplicatedPartitions')).toBe(false);
    // A broker restarting in place explains its peers' symptoms as a roll does.
    expect(inhibited('KafkaBrokerRecovering', 'KafkaUnderReplicatedPartitions')).toBe(true);
    // A down pod's failing scrape is the same pod's symptom, not another target's.
    const samePod = rules.filter((r) => matches(r.targetMatch, 'KafkaMetricsTargetDown'));
    expect(samePod.map((r) => [matches(r.sourceMatch, 'KafkaBrokerDown'), matches(r.sourceMatch, 'KafkaControllerDown'), r.equal])).toEqual([[true, true, ['namespace', 'pod']]]);
  });

  test('owner teams of declared consumer groups: their own receivers where configured, the platform\'s otherwise, never silent', () => {
    const config = build({ ...ROUTING, teams: { payments: { email: 'payments-oncall@example.com', onCallWebhookUrlSecret: { name: 'payments-pager', key: 'url' } }, 'orders.eu': { email: 'orders@example.com' } } }, ['payments', 'orders.eu', 'billing']);
    expect(new PrometheusOperatorSchemas().validate(config as never)).toEqual([]);
    // The top route takes the platform's team and every owner team, matched literally (the "." is escaped).
    expect(config.spec.route.matchers).toEqual([{ name: 'team', value: 'kafka-platform|payments|orders\\.eu|billing', matchType: '=~' }]);
    expect(notified(config, { team: 'ordersXeu', priority: 'P3' })).toEqual([]);
    expect(notified(config, { team: 'payments', priority: 'P2' })).toEqual([{ receiver: 'team-payments-pager', repeat: '30m' }, { receiver: 'team-payments-email', repeat: '30m' }]);
    expect(notified(config, { team: 'payments', priority: 'P3' })).toEqual([{ receiver: 'team-payments-email', repeat: '2h' }]);
    // Without a pager of its own, a team's P1 reaches its mailbox.
    expect(notified(config, { team: 'orders.eu', priority: 'P1' })).toEqual([{ receiver: 'team-orders.eu-email', repeat: '15m' }]);
    // An owner team without receivers is routed like the platform's own alerts.
    expect(notified(config, { team: 'billing', priority: 'P2' })).toEqual([{ receiver: 'l3-on-call-pager', repeat: '30m' }, { receiver: 'l2-engineering-email', repeat: '30m' }]);
    expect(notified(config, { team: 'kafka-platform', priority: 'P3' })).toEqual([{ receiver: 'l2-engineering-email', repeat: '2h' }]);
    const receivers = config.spec.receivers.map((r) => r.name);
    expect(receivers).toEqual(['l1-support-email', 'l2-engineering-email', 'l3-on-call-pager', 'team-orders.eu-email', 'team-payments-email', 'team-payments-pager']);
    // Without owner teams the top route is the exact team match it always was.
    expect(build().spec.route.matchers).toEqual([{ name: 'team', value: 'kafka-platform', matchType: '=' }]);
  });

  test('bad team receivers are reported field by field', () => {
    const v = new Validator('stack/monitoring');
    validateAlertRouting(v, 'alertRouting', { ...ROUTING, teams: { 'pay ments': { email: 'x@example.com' }, orders: { email: 'orders', onCallWebhookUrlSecret: { name: 'Pager', key: 'url' } } } });
    expect(v.issues.map((i) => [i.field, i.value])).toEqual([
      ['alertRouting.teams.pay ments', 'pay ments'],
      ['alertRouting.teams.orders.email', 'orders'],
      ['alertRouting.teams.orders.onCallWebhookUrlSecret.name', 'Pager'],
    ]);
  });

  test('without a pager, P1 and P2 reach engineering by email', () => {
    const config = build({ ...ROUTING, onCallWebhookUrlSecret: undefined });
    expect(config.spec.receivers.some((r) => r.webhookConfigs)).toBe(false);
    expect(notified(config, { team: 'kafka-platform', priority: 'P1' })).toEqual([{ receiver: 'l2-engineering-email', repeat: '15m' }]);
    expect(new PrometheusOperatorSchemas().validate(config as never)).toEqual([]);
  });

  test('the schema rejects an inlined webhook secret and an unknown field (the check can fail)', () => {
    const config = build();
    const broken = { ...config, spec: { ...config.spec, receivers: [{ name: 'x', webhookConfigs: [{ urlSecret: 'https://pager.example.com/key' }] }], routes: [] } };
    const errors = new PrometheusOperatorSchemas().validate(broken as never).join('\n');
    expect(errors).toMatch(/urlSecret must be object/);
    expect(errors).toMatch(/must NOT have additional properties \{"additionalProperty":"routes"\}/);
  });

  test('invalid routing is reported field by field', () => {
    const v = new Validator('stack/monitoring');
    validateAlertRouting(v, 'alertRouting', {
      supportEmail: 'support',
      engineeringEmail: 'eng@example.com',
      smtp: { from: 'am@example.com', smarthost: 'smtp.example.com', authPasswordSecret: { name: 'Bad_Name', key: 'pass word' } },
      onCallWebhookUrlSecret: { name: 'pager', key: 'url' },
    });
    expect(v.issues.map((i) => i.field)).toEqual([
      'alertRouting.supportEmail', 'alertRouting.smtp.smarthost', 'alertRouting.smtp.authPasswordSecret.name', 'alertRouting.smtp.authPasswordSecret.key', 'alertRouting.smtp.authUsername',
    ]);
  });
});
