import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { DrainCleaner, KafkaCluster, KafkaMonitoring, KafkaTopology, KubernetesNamespace, KubernetesPriorityClass, PlatformGuardrails, PlatformOperations, StrimziOperator } from '../lib';
import { ENVIRONMENT_LABEL, platformLabels, watchedBackupCronJobs, watchedTopicBackup } from '../lib/core';
import { configureBackend } from './backend';
import { addMonitoring } from './monitoring/monitoring-config';
import { addDisasterRecovery } from './disaster-recovery';
import { EnvironmentConfig } from './environment-config';
import { validatedStackName } from './validate-environment';

/** One environment's Kafka platform: providers, state backend, namespace, operator and cluster. */
export class KafkaPlatformStack extends TerraformStack {
  public readonly env: EnvironmentConfig;
  public readonly namespace: KubernetesNamespace;
  public readonly operator?: StrimziOperator;
  public readonly cluster: KafkaCluster;
  public readonly operations?: PlatformOperations;
  public readonly monitoring?: KafkaMonitoring;

  constructor(scope: Construct, env: EnvironmentConfig) {
    // Checked before anything reads the environment (an unknown backend type must not mean local state).
    const name = validatedStackName(scope, env);
    super(scope, name);
    this.env = env;
    configureBackend(this, name, env.backend, env.kubernetes);

    const access = { configPath: env.kubernetes.configPath, configContext: env.kubernetes.context };
    new KubernetesProvider(this, 'kubernetes', access);
    new HelmProvider(this, 'helm', { kubernetes: access });

    this.namespace = new KubernetesNamespace(this, 'namespace', {
      metadata: { name: env.namespace, labels: platformLabels('kafka', { [ENVIRONMENT_LABEL]: env.name }) },
      // Destroying or replacing the namespace deletes the cluster, every volume and the backup volume.
      lifecycle: env.production ? { preventDestroy: true } : undefined,
    });
    if (env.operator.install) {
      this.operator = new StrimziOperator(this, 'strimzi-operator', {
        namespace: env.operator.namespace,
        watchNamespaces: [env.namespace],
        resources: env.operator.resources,
        featureGates: env.operator.featureGates,
        dependsOn: [this.namespace],
      });
    }
    if (env.operator.drainCleaner) new DrainCleaner(this, 'drain-cleaner', env.operator.drainCleaner);
    const priorityClass = env.operator.priorityClass
      ? new KubernetesPriorityClass(this, 'priority-class', {
          metadata: { name: env.operator.priorityClass.name, labels: platformLabels('kafka') },
          value: env.operator.priorityClass.value,
          globalDefault: false,
          description: `Kafka brokers and controllers of ${env.name}: scheduled before lower-priority pods`,
        })
      : undefined;
    this.cluster = new KafkaCluster(this, 'cluster', {
      ...env.cluster,
      namespace: env.namespace,
      labels: { [ENVIRONMENT_LABEL]: env.name, ...(env.cluster.labels ?? {}) },
      // With monitoring on, the brokers export metrics through the library's exporter rules (written by KafkaMonitoring).
      metrics: env.cluster.metrics ?? env.monitoring !== undefined,
      dependsOn: [this.namespace, ...(this.operator ? [this.operator.release] : []), ...(priorityClass ? [priorityClass] : [])],
      preventDestroy: env.production,
    });

    // Topics, users and application access
    const topology = env.topology ? new KafkaTopology(this, 'topology', { ...env.topology, cluster: this.cluster, production: env.production }) : undefined;

    // Disaster recovery: the DR target's listener user, or the source's copy of the DR CA and credentials
    const drLink = addDisasterRecovery(this, env, this.cluster, [this.namespace]);

    // Monitoring: exporter rules, PodMonitors, PrometheusRules, dashboards
    // Backup alerts follow the schedules of the backups that run; MirrorMaker 2 and the topic backup's Connect are
    // monitored whenever they run.
    const topicBackup = watchedTopicBackup(env.cluster.name, env.operations?.topicBackup);
    const monitoring = env.monitoring && {
      kafkaConnect: topicBackup.kafkaConnect,
      topicBackups: topicBackup.topicBackups,
      restoreDrills: topicBackup.restoreDrills,
      ...env.monitoring,
      backupCronJobs: env.monitoring.backupCronJobs ?? watchedBackupCronJobs(env.cluster.name, env.operations),
      mirrorMaker2: env.monitoring.mirrorMaker2 ?? env.operations?.replication !== undefined,
      drCaCheckCronJob: drLink?.caCheckCronJobName,
      // The operator's metrics (certificate expiry, reconciliations) are scraped where the operator runs.
      operatorNamespace: env.monitoring.operatorNamespace ?? env.operator.namespace,
      // The catalogue's consumer groups alert their owners when their consumers are gone.
      consumerGroups: [...(topology?.consumerGroups ?? []), ...(env.monitoring.consumerGroups ?? [])],
    };
    if (monitoring) this.monitoring = addMonitoring(this, monitoring, this.cluster, [this.namespace]).monitoring;

    // Backup, restore, replication, maintenance, security and load-test workloads
    if (env.operations) {
      // A DR source replicates to its link's target: derived once, by the link.
      const configured = env.operations.replication;
      // (validatedStackName made sure there is exactly one.)
      const replication = configured && { ...configured, target: (configured.target ?? drLink?.target)! };
      this.operations = new PlatformOperations(this, 'operations', {
        ...env.operations,
        // A monitored MirrorMaker 2 exports metrics through the library's exporter rules, like the cluster.
        replication: replication && monitoring?.mirrorMaker2 ? { metrics: replication.metricsConfigMap === undefined, ...replication } : replication,
        // The backup's Connect exports metrics through the library's rules when the environment is monitored.
        topicBackup: env.operations.topicBackup && { metrics: monitoring !== undefined, ...env.operations.topicBackup },
        topics: topology?.topics,
        cluster: this.cluster,
        dependsOn: [this.namespace],
        production: env.production,
      });
    }

    // Production guardrails
    // Last, so that acknowledgements can name any construct above and the rules see the finished stack.
    new PlatformGuardrails(this, 'guardrails', {
      environment: env.name,
      production: env.production,
      acknowledgements: env.guardrails?.acknowledgements,
      admins: env.guardrails?.admins,
    });
  }
}
