/**
 * Label matchers of the dashboards. They follow the PodMonitors' relabelling (`strimzi_io_*` labels)
 * and the `namespace` and `cluster` variables, so one dashboard serves every cluster.
 */
/** Brokers and controllers (JMX exporter). Kafka Exporter pods share these labels but not the metric names. */
export const KAFKA = 'namespace="$namespace", strimzi_io_cluster="$cluster", strimzi_io_kind="Kafka"';
export const BROKERS = `${KAFKA}, strimzi_io_broker_role="true"`;
export const CONTROLLERS = `${KAFKA}, strimzi_io_controller_role="true"`;
/** Kafka Exporter. */
export const EXPORTER = 'namespace="$namespace", strimzi_io_cluster="$cluster"';
/** Data volumes of every pool of the cluster. */
export const DATA_VOLUMES = 'namespace="$namespace", persistentvolumeclaim=~"data-(?:[0-9]+-)?$cluster-.+"';
/** MirrorMaker 2 pods of the namespace. */
export const MIRROR_MAKER_2 = 'namespace="$namespace", strimzi_io_kind="KafkaMirrorMaker2"';
/** The `kafka` container of every pool's pods (cAdvisor and kube-state-metrics labels). */
export const KAFKA_CONTAINERS = 'namespace="$namespace", pod=~"$cluster-.+-[0-9]+", container="kafka"';
/** The Cluster Operator (its targets run in the operator's namespace; the job names the cluster's PodMonitor). */
export const CLUSTER_OPERATOR = 'job="$namespace/$cluster-cluster-operator"';
/** The Topic and User Operators of the cluster. */
export const ENTITY_OPERATOR = 'namespace="$namespace", job="$namespace/$cluster-entity-operator"';
/** Reconciliations of this namespace's resources by the Cluster Operator and the Entity Operator. */
export const OPERATOR_RECONCILIATIONS = 'job=~"$namespace/$cluster-(?:cluster|entity)-operator", exported_namespace="$namespace"';
/** Cruise Control of the cluster. */
export const CRUISE_CONTROL = 'namespace="$namespace", strimzi_io_cluster="$cluster", strimzi_io_name="$cluster-cruise-control"';
