import { ResolvedMonitoringSpec } from '../monitoring-spec';
import { podMonitorNames, scrapeJob } from '../pod-monitors';

/** Label matchers for the cluster's series, following the PodMonitors' relabelling. */
export function clusterSelectors(s: ResolvedMonitoringSpec) {
  const { name, namespace } = s.cluster;
  const jobs = podMonitorNames(name);
  const job = (pm: string) => `namespace="${namespace}", job="${scrapeJob(namespace, pm)}"`;
  const pools = s.cluster.nodePools.map((p) => p.name).join('|');
  const poolsWith = (role: 'broker' | 'controller') => s.cluster.nodePools.filter((p) => p.roles.includes(role)).map((p) => p.name).join('|');
  const pods = (poolNames: string) => `namespace="${namespace}", pod=~"${name}-(?:${poolNames})-[0-9]+"`;
  return {
    /** Brokers and controllers (JMX exporter). */
    kafka: job(jobs.kafka),
    brokers: `${job(jobs.kafka)}, strimzi_io_broker_role="true"`,
    controllers: `${job(jobs.kafka)}, strimzi_io_controller_role="true"`,
    /** Pods as kube-state-metrics sees them (it also knows pods without a scrape target, e.g. Pending). */
    brokerPods: pods(poolsWith('broker')),
    controllerPods: pods(poolsWith('controller')),
    /** The Topic and User Operators (Entity Operator pod, in the cluster's namespace). */
    entityOperator: job(jobs.entityOperator),
    /** Cluster Operator targets run in the operator's namespace: match the job only. */
    clusterOperator: `job="${scrapeJob(namespace, jobs.clusterOperator)}"`,
    /** Reconciliation metrics of this namespace's resources from the Cluster Operator and the Entity Operator. */
    operatorReconciliations: `job=~"${scrapeJob(namespace, jobs.clusterOperator)}|${scrapeJob(namespace, jobs.entityOperator)}", exported_namespace="${namespace}"`,
    kafkaExporter: job(jobs.kafkaExporter),
    cruiseControl: job(jobs.cruiseControl),
    mirrorMaker2: job(jobs.mirrorMaker2),
    kafkaConnect: job(jobs.kafkaConnect),
    /** Every platform scrape job of this cluster. */
    anyPlatformJob: `job=~"${namespace}/${name}-.+"`,
    /** Data volumes of every pool: `data-<cluster>-<pool>-<id>` or, with JBOD, `data-<volume>-<cluster>-<pool>-<id>`. */
    dataVolumes: `namespace="${namespace}", persistentvolumeclaim=~"data-(?:[0-9]+-)?${name}-(?:${pools})-[0-9]+"`,
    /** The Kafka container of every pool's pods (cAdvisor and kube-state-metrics labels). */
    kafkaContainers: `namespace="${namespace}", pod=~"${name}-(?:${pools})-[0-9]+", container="kafka"`,
    /** The Cluster Operator's certificate metrics of this cluster. */
    certificates: `cluster="${name}", resource_namespace="${namespace}"`,
    cronJob: (cronJob: string) => `namespace="${namespace}", cronjob="${cronJob}"`,
    /** kube-state-metrics objects (Jobs, CronJobs) of the cluster's namespace. */
    inNamespace: `namespace="${namespace}"`,
  };
}

export type ClusterSelectors = ReturnType<typeof clusterSelectors>;
