import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KubernetesObject } from '../core/kubernetes';
import { AlertRoutingConfig, alertmanagerConfigName, buildAlertmanagerConfig, validateAlertRouting } from '../core/monitoring/alert-routing';
import { buildConsumerGroupOwnersRule, consumerGroupOwnersRuleName, teamSlug, validateConsumerGroupId } from '../core/monitoring/consumer-groups';
import { ALERT_ROUTING_SHAPE } from '../core/monitoring/monitoring-shape';
import { DNS_LABEL_RULE, isDnsLabel, isLabelValue, LABEL_VALUE_RULE } from '../core/names';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { CustomResourceRelease } from '../delivery/custom-resource-release';

export interface KafkaConsumerGroupOwnersProps {
  /** The platform's cluster, typically by reference (`KafkaCluster.fromClusterAttributes`). */
  readonly cluster: IKafkaCluster;
  /** The owning team: the `team` label of its groups' alerts (KafkaConsumerGroupStalled). */
  readonly team: string;
  /** The team's consumer groups, e.g. `grant.consumerGroups` or `topology.consumerGroups.map((g) => g.group)`. */
  readonly groups: readonly string[];
  /**
   * Labels that make the platform's Prometheus select the PrometheusRule.
   * @default { release: 'kube-prometheus-stack' }
   */
  readonly prometheusSelectorLabels?: Readonly<Record<string, string>>;
  /**
   * The team's own routing: an AlertmanagerConfig in the cluster's namespace for alerts labelled with its
   * `team`, by priority (the platform's alerts all carry the cluster's namespace, which the operator's default
   * matcher strategy requires). @default - the platform's routing decides (its AlertmanagerConfig does not
   * route teams it does not declare)
   */
  readonly alertRouting?: AlertRoutingConfig;
  /** Helm release of the objects, in the cluster's namespace. @default `<team>-consumer-groups` */
  readonly releaseName?: string;
}

const PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  team: S.string(),
  groups: S.array(S.string({ allowEmpty: true }), { minLength: 1, describe: 'a non-empty array of consumer group ids' }),
  prometheusSelectorLabels: S.optional(S.stringMap()),
  alertRouting: S.optional(ALERT_ROUTING_SHAPE),
  releaseName: S.optional(S.string()),
});

/**
 * Declares a product team's consumer groups to the platform's monitoring, from the team's own stack: the
 * ownership series of its groups (a PrometheusRule `<cluster>-consumer-groups-<team>`), so that the platform's
 * KafkaConsumerGroupStalled alerts the team when a group's consumers are gone while its lag grows, and
 * optionally the team's own AlertmanagerConfig. Nothing in the platform's stack changes.
 */
export class KafkaConsumerGroupOwners extends Construct {
  public readonly prometheusRule: KubernetesObject;
  public readonly alertmanagerConfig?: KubernetesObject;
  public readonly release: CustomResourceRelease;

  constructor(scope: Construct, id: string, props: KafkaConsumerGroupOwnersProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaConsumerGroupOwners'));
    refuseBadShapeAt(this.node.path, props, PROPS_SHAPE);
    const { cluster, team } = props;
    const releaseName = props.releaseName ?? `${teamSlug(team)}-consumer-groups`;
    const labels = props.prometheusSelectorLabels ?? { release: 'kube-prometheus-stack' };
    const v = new Validator(this.node.path);
    v.check(team.length > 0 && isLabelValue(team), 'team', team, LABEL_VALUE_RULE);
    props.groups.forEach((group, i) => validateConsumerGroupId(v, `groups[${i}]`, group));
    v.check(isDnsLabel(releaseName, 53), 'releaseName', releaseName, `${DNS_LABEL_RULE}, at most 53 characters (a Helm release name)`);
    if (props.alertRouting) validateAlertRouting(v, 'alertRouting', props.alertRouting);
    v.throwIfAny();

    this.release = new CustomResourceRelease(this, 'resources', { releaseName, namespace: cluster.namespace, dependsOn: cluster.dependables });
    this.prometheusRule = buildConsumerGroupOwnersRule({
      name: consumerGroupOwnersRuleName(cluster.clusterName, team),
      cluster: cluster.clusterName,
      namespace: cluster.namespace,
      labels,
      groups: props.groups.map((group) => ({ group, team })),
    });
    this.release.add(this.prometheusRule, this);
    if (props.alertRouting) {
      this.alertmanagerConfig = buildAlertmanagerConfig({
        name: `${alertmanagerConfigName(cluster.clusterName)}-${teamSlug(team)}`,
        namespace: cluster.namespace,
        team,
        labels,
        routing: props.alertRouting,
      });
      this.release.add(this.alertmanagerConfig, this);
    }
  }
}
