import { KubernetesObject, platformLabels } from '../kubernetes';
import { isDnsSubdomain, isLabelValue, LABEL_VALUE_RULE } from '../names';
import { regexLiteral } from './consumer-groups';
import { Validator } from '../validation';

/** API version of prometheus-operator's AlertmanagerConfig. */
export const ALERTMANAGER_CONFIG_API_VERSION = 'monitoring.coreos.com/v1alpha1';

/** The operations guide's incident classes. */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** Who is notified: the guide's escalation matrix (L1 support, L2 engineering, L3 on-call). */
export type Escalation = 'support' | 'engineering' | 'on-call';

export interface PriorityClass {
  readonly priority: Priority;
  /** The guide's response time; also the repeat interval of the notification while the alert fires. */
  readonly responseTime: string;
  readonly examples: string;
  /** Who is notified, in order. Without an on-call pager configured, on-call falls back to engineering. */
  readonly notify: readonly Escalation[];
  /**
   * The longest an alert of this class may take from the fault to the notification (its `for`, the range
   * of its query, scrape, evaluation and Alertmanager's group wait): a test derives every alert's time to
   * page from the rendered rules and fails above this budget (see `page-timing.ts`).
   */
  readonly pageBudget: string;
  /** Alertmanager's `groupWait` of the class: how long the first notification waits for more alerts of its group. */
  readonly groupWait: string;
}

/** The guide's incident classification with response times, and who each class reaches. */
export const PRIORITIES: Readonly<Record<Priority, PriorityClass>> = {
  // P1 pages without waiting for more alerts of its group.
  P1: { priority: 'P1', responseTime: '15m', examples: 'cluster down, data loss', notify: ['on-call', 'engineering'], pageBudget: '5m', groupWait: '10s' },
  P2: { priority: 'P2', responseTime: '30m', examples: 'broker failures, high lag', notify: ['on-call', 'engineering'], pageBudget: '10m', groupWait: '30s' },
  P3: { priority: 'P3', responseTime: '2h', examples: 'performance degradation', notify: ['engineering'], pageBudget: '1h', groupWait: '30s' },
  P4: { priority: 'P4', responseTime: '24h', examples: 'minor issues, warnings', notify: ['support'], pageBudget: '24h', groupWait: '30s' },
};

/** A key of a Secret in the AlertmanagerConfig's namespace (never the value itself). */
export interface SecretKeyRef {
  readonly name: string;
  readonly key: string;
}

/** Where an environment's alerts go. Credentials are referenced from Secrets, never written here. */
export interface AlertRoutingConfig {
  /** L1 support mailbox (P4). */
  readonly supportEmail: string;
  /** L2 engineering mailbox (P1 to P3). */
  readonly engineeringEmail: string;
  readonly smtp: {
    readonly from: string;
    /** `host:port` of the mail relay. */
    readonly smarthost: string;
    readonly authUsername?: string;
    /** Secret key holding the SMTP password. @default - no SMTP authentication */
    readonly authPasswordSecret?: SecretKeyRef;
  };
  /**
   * L3 on-call pager (P1, P2): a webhook receiver whose URL (it carries the integration key) is read from
   * this Secret key.
   * @default - no pager: P1 and P2 reach the engineering mailbox only
   */
  readonly onCallWebhookUrlSecret?: SecretKeyRef;
  /**
   * Receivers of the teams that own declared consumer groups, by team (the `team` label of their alerts,
   * e.g. KafkaConsumerGroupStalled): each is notified of its own alerts, P1 and P2 on its pager when it has
   * one, repeated at the priorities' response times. An owner team without receivers here is routed like the
   * platform's own alerts, so a stalled group is never silent.
   * @default {} - every owner team's alerts reach the platform's receivers
   */
  readonly teams?: Readonly<Record<string, TeamReceivers>>;
}

/** Where one owner team's alerts go. */
export interface TeamReceivers {
  readonly email: string;
  /** The team's pager for P1 and P2 (a webhook whose URL is read from this Secret key). @default - email only */
  readonly onCallWebhookUrlSecret?: SecretKeyRef;
}

export interface AlertmanagerConfigInput {
  readonly name: string;
  readonly namespace: string;
  /** Only alerts of this team are routed (the `team` label of every platform alert). */
  readonly team: string;
  /**
   * Further teams whose alerts this config routes: the owners of declared consumer groups, whose alerts the
   * platform's rules raise with the owner's `team`. @default []
   */
  readonly ownerTeams?: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly routing: AlertRoutingConfig;
}

const RECEIVER: Record<Escalation, string> = { support: 'l1-support-email', engineering: 'l2-engineering-email', 'on-call': 'l3-on-call-pager' };

/**
 * The AlertmanagerConfig of one cluster: alerts of its team are routed by `priority` to the receivers of
 * the guide's escalation matrix, and repeated at the priority's response time while they fire.
 *
 * With the operator's default matcher strategy (`OnNamespace`) only alerts carrying
 * `namespace="<this namespace>"` reach these routes: every platform alert carries the cluster's namespace
 * for that reason (see `renderRuleGroups`).
 */
export function buildAlertmanagerConfig(input: AlertmanagerConfigInput): KubernetesObject {
  const r = input.routing;
  const pager = r.onCallWebhookUrlSecret !== undefined;
  const receiverOf = (e: Escalation) => RECEIVER[e === 'on-call' && !pager ? 'engineering' : e];
  const email = (to: string) => ({
    to,
    from: r.smtp.from,
    smarthost: r.smtp.smarthost,
    ...(r.smtp.authUsername ? { authUsername: r.smtp.authUsername } : {}),
    ...(r.smtp.authPasswordSecret ? { authPassword: { ...r.smtp.authPasswordSecret } } : {}),
    requireTLS: true,
    sendResolved: true,
  });
  const receivers: Record<string, unknown>[] = [
    { name: RECEIVER.support, emailConfigs: [email(r.supportEmail)] },
    { name: RECEIVER.engineering, emailConfigs: [email(r.engineeringEmail)] },
  ];
  if (pager) receivers.push({ name: RECEIVER['on-call'], webhookConfigs: [{ urlSecret: { ...r.onCallWebhookUrlSecret! }, sendResolved: true }] });

  /** Routes by priority to the receivers `receiversOf` names, after `matchers`. */
  const priorityRoutes = (receiversOf: (p: PriorityClass) => string[], matchers: Record<string, string>[] = []) =>
    Object.values(PRIORITIES).flatMap((p) => {
      const targets = [...new Set(receiversOf(p))];
      return targets.map((receiver, i) => ({
        receiver,
        matchers: [...matchers, { name: 'priority', value: p.priority, matchType: '=' }],
        groupWait: p.groupWait,
        repeatInterval: p.responseTime,
        // Every receiver of a priority is notified: all but the last route let the alert continue.
        ...(i < targets.length - 1 ? { continue: true } : {}),
      }));
    });

  // Owner teams with receivers of their own come first; the rest fall through to the platform's routes.
  const teams = Object.entries(r.teams ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)); // code-unit order, without ICU's collator
  const teamRoutes = teams.flatMap(([team, t]) => {
    receivers.push({ name: `team-${team}-email`, emailConfigs: [email(t.email)] });
    if (t.onCallWebhookUrlSecret) receivers.push({ name: `team-${team}-pager`, webhookConfigs: [{ urlSecret: { ...t.onCallWebhookUrlSecret }, sendResolved: true }] });
    const of = (p: PriorityClass) => p.notify.map((e) => (e === 'on-call' && t.onCallWebhookUrlSecret ? `team-${team}-pager` : `team-${team}-email`));
    return priorityRoutes(of, [{ name: 'team', value: team, matchType: '=' }]);
  });
  const routes = [...teamRoutes, ...priorityRoutes((p) => p.notify.map(receiverOf))];
  const routed = [...new Set([input.team, ...(input.ownerTeams ?? []), ...teams.map(([team]) => team)])];
  const teamMatcher = routed.length === 1 ? { name: 'team', value: input.team, matchType: '=' } : { name: 'team', value: routed.map(regexLiteral).join('|'), matchType: '=~' };

  return {
    apiVersion: ALERTMANAGER_CONFIG_API_VERSION,
    kind: 'AlertmanagerConfig',
    metadata: { name: input.name, namespace: input.namespace, labels: platformLabels('monitoring', { ...input.labels }) },
    spec: {
      route: {
        // Anything of the team without a known priority still reaches a person: L2 engineering, daily.
        receiver: RECEIVER.engineering,
        matchers: [teamMatcher],
        groupBy: ['alertname', 'priority'],
        groupWait: '30s',
        groupInterval: '5m',
        repeatInterval: PRIORITIES.P4.responseTime,
        routes,
      },
      receivers,
      // A lost broker explains its peers' under-replication and ISR shrinks: notify the cause, not every symptom.
      inhibitRules: [
        {
          sourceMatch: [{ name: 'alertname', value: 'KafkaMultipleBrokersDown', matchType: '=' }],
          targetMatch: [{ name: 'alertname', value: 'KafkaBrokerDown', matchType: '=' }],
          equal: ['namespace'],
        },
        {
          sourceMatch: [{ name: 'alertname', value: 'KafkaBrokerDown|KafkaBrokerRecovering|KafkaMultipleBrokersDown', matchType: '=~' }],
          targetMatch: [{ name: 'alertname', value: 'KafkaUnderReplicatedPartitions|KafkaIsrShrinks', matchType: '=~' }],
          equal: ['namespace'],
        },
        // A pod that is down cannot answer its scrape either.
        {
          sourceMatch: [{ name: 'alertname', value: 'KafkaBrokerDown|KafkaControllerDown', matchType: '=~' }],
          targetMatch: [{ name: 'alertname', value: 'KafkaMetricsTargetDown', matchType: '=' }],
          equal: ['namespace', 'pod'],
        },
      ],
    },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SMARTHOST = /^[A-Za-z0-9.-]+:[0-9]{1,5}$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** Checks a routing configuration; every problem is recorded on `v` under `field`. */
export function validateAlertRouting(v: Validator, field: string, r: AlertRoutingConfig): void {
  v.check(EMAIL.test(r.supportEmail), `${field}.supportEmail`, r.supportEmail, 'an email address');
  v.check(EMAIL.test(r.engineeringEmail), `${field}.engineeringEmail`, r.engineeringEmail, 'an email address');
  v.check(EMAIL.test(r.smtp.from), `${field}.smtp.from`, r.smtp.from, 'an email address');
  v.check(SMARTHOST.test(r.smtp.smarthost), `${field}.smtp.smarthost`, r.smtp.smarthost, 'host:port of the mail relay, e.g. "smtp.example.com:587"');
  const secret = (name: string, ref: SecretKeyRef | undefined) => {
    if (!ref) return;
    v.check(isDnsSubdomain(ref.name), `${field}.${name}.name`, ref.name, 'a Secret name (DNS subdomain) in the cluster namespace');
    v.check(SECRET_KEY.test(ref.key), `${field}.${name}.key`, ref.key, 'a Secret key (alphanumerics, -, _, .)');
  };
  secret('smtp.authPasswordSecret', r.smtp.authPasswordSecret);
  secret('onCallWebhookUrlSecret', r.onCallWebhookUrlSecret);
  for (const [team, t] of Object.entries(r.teams ?? {})) {
    v.check(team.length > 0 && isLabelValue(team), `${field}.teams.${team}`, team, `a team name: ${LABEL_VALUE_RULE}`);
    v.check(EMAIL.test(t.email), `${field}.teams.${team}.email`, t.email, 'an email address');
    secret(`teams.${team}.onCallWebhookUrlSecret`, t.onCallWebhookUrlSecret);
  }
  v.check(r.smtp.authPasswordSecret === undefined || r.smtp.authUsername !== undefined, `${field}.smtp.authUsername`, r.smtp.authUsername, 'set when authPasswordSecret is set');
}

/** Name of the cluster's AlertmanagerConfig. */
export function alertmanagerConfigName(cluster: string): string {
  return `${cluster}-alert-routing`;
}
