import { KubernetesObject, platformLabels } from '../kubernetes';
import { isLabelValue, LABEL_VALUE_RULE } from '../names';
import { Validator } from '../validation';
import { MONITORING_API_VERSION, podMonitorNames, scrapeJob } from './pod-monitors';
import type { RecordingRule } from './alert-rules';
import { RECORDS } from './recorded-series';

/**
 * Declared consumer groups and their owners, as Prometheus series.
 *
 * The catalogue knows which team owns which consumer group (`Grant.consume`, `Grant.streams`). A group whose
 * consumers all died has no members, so the lag alerts that require members stay silent: the commonest real
 * lag incident. Ownership becomes a series, one per declared group that Kafka Exporter reports,
 *
 *     kafka_platform:consumergroup_owner:info{namespace, consumergroup, owner_team} 1
 *
 * recorded from `kafka_consumergroup_members` by one rule per team and up to 256 groups (Prometheus matches an
 * alternation of up to 256 literals as a set, and the expression stays a few kilobytes). The alert joins on it
 * (`group_left (owner_team)`), so its size does not grow with the catalogue, and any PrometheusRule can declare
 * groups: the platform's for its own catalogue, a product team's stack for its own (`KafkaConsumerGroupOwners`).
 */

/** A consumer group the catalogue declares, and the team that owns it. */
export interface DeclaredConsumerGroup {
  /** The group id: a consumer's `group.id`, a Kafka Streams application's `application.id`. */
  readonly group: string;
  /** The owning team: the `team` label of the group's alerts, which the AlertmanagerConfig routes on. */
  readonly team: string;
}

/** The ownership series (a recording rule's output, one per declared group Kafka Exporter reports). */
export const CONSUMER_GROUP_OWNER_SERIES = RECORDS.consumerGroupOwner;

/** The label of the ownership series naming the owner (not `team`: an alert's own `team` label is set by its rule). */
export const OWNER_TEAM_LABEL = 'owner_team';

const GROUPS_PER_RULE = 256;

/** `s` as a literal inside an RE2 regular expression. */
export function regexLiteral(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** `s` as a double-quoted PromQL string (Go escapes, which JSON's are a subset of). */
export function promqlString(s: string): string {
  return JSON.stringify(s);
}

/**
 * Checks declared groups: a literal group id (a prefix such as `orders-*` is many groups, none declared),
 * a team that is a label value, and one owner per group (two owners would make the ownership ambiguous).
 */
export function validateDeclaredConsumerGroups(v: Validator, field: string, groups: readonly DeclaredConsumerGroup[]): void {
  const owner = new Map<string, string>();
  groups.forEach((g, i) => {
    const f = `${field}[${i}]`;
    validateConsumerGroupId(v, `${f}.group`, g.group);
    v.check(typeof g.team === 'string' && g.team.length > 0 && isLabelValue(g.team), `${f}.team`, g.team, LABEL_VALUE_RULE);
    const previous = owner.get(g.group);
    if (previous !== undefined && previous !== g.team) v.fail(`${f}.team`, g.team, `the group's one owner (${previous} owns "${g.group}" already)`);
    if (previous === undefined) owner.set(g.group, g.team);
  });
}

/** A declarable group id: literal (a prefix such as `orders-*` is many groups) and not empty. */
export function validateConsumerGroupId(v: Validator, field: string, group: string): void {
  v.check(typeof group === 'string' && group.length > 0 && !group.endsWith('*'), field, group, 'a literal consumer group id (not empty, not a prefix ending in "*")');
}

/** The owner teams, each once, sorted. */
export function ownerTeams(groups: readonly DeclaredConsumerGroup[]): string[] {
  return [...new Set(groups.map((g) => g.team))].sort();
}

export interface ConsumerGroupOwnersInput {
  /** The Kafka cluster whose Kafka Exporter reports the groups. */
  readonly cluster: string;
  /** The cluster's namespace (Kafka Exporter's series carry it). */
  readonly namespace: string;
  readonly groups: readonly DeclaredConsumerGroup[];
}

/** The recording rules: per team, its groups in chunks of up to 256, sorted so the output is stable. */
export function consumerGroupOwnerRules(input: ConsumerGroupOwnersInput): RecordingRule[] {
  const exporter = `namespace=${promqlString(input.namespace)}, job=${promqlString(scrapeJob(input.namespace, podMonitorNames(input.cluster).kafkaExporter))}`;
  return ownerTeams(input.groups).flatMap((team) => {
    const own = [...new Set(input.groups.filter((g) => g.team === team).map((g) => g.group))].sort();
    const rules: RecordingRule[] = [];
    for (let i = 0; i < own.length; i += GROUPS_PER_RULE) {
      const alternation = own.slice(i, i + GROUPS_PER_RULE).map(regexLiteral).join('|');
      rules.push({
        record: CONSUMER_GROUP_OWNER_SERIES,
        expr: `group by (namespace, consumergroup) (kafka_consumergroup_members{${exporter}, consumergroup=~${promqlString(alternation)}})`,
        labels: { [OWNER_TEAM_LABEL]: team },
      });
    }
    return rules;
  });
}

/** A team name as part of an object name: lower case, `_` and `.` as `-`. */
export function teamSlug(team: string): string {
  return team.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Name of a PrometheusRule carrying ownership series: the platform's, or one team's (`KafkaConsumerGroupOwners`). */
export function consumerGroupOwnersRuleName(cluster: string, team?: string): string {
  return team === undefined ? `${cluster}-consumer-group-owners` : `${cluster}-consumer-groups-${teamSlug(team)}`;
}

/** A PrometheusRule with the ownership series of `groups`. */
export function buildConsumerGroupOwnersRule(input: ConsumerGroupOwnersInput & { readonly name: string; readonly labels: Readonly<Record<string, string>> }): KubernetesObject {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'PrometheusRule',
    metadata: { name: input.name, namespace: input.namespace, labels: platformLabels('monitoring', { ...input.labels }) },
    spec: { groups: [{ name: `${input.name}.ownership`, rules: consumerGroupOwnerRules(input).map((r) => ({ ...r, labels: { ...r.labels } })) }] },
  };
}
