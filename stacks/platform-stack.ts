import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KafkaCluster } from '../lib/cluster/kafka-cluster';
import { KafkaTopology } from '../lib/access/kafka-topology';
import { PlatformOperations } from '../lib/operations/platform-operations';
import { StrimziOperator } from '../lib/operator/strimzi-operator';
import { platformLabels } from '../lib/core/kubernetes';
import { PlatformGuardrails } from '../lib/guardrails/platform-guardrails';
import { KafkaMonitoring } from '../lib/monitoring/kafka-monitoring';
import { cruiseControlMetricsConfigMapRef, kafkaMetricsConfigMapRef } from '../lib/core/monitoring/exporter-rules';
import { configureBackend } from './backend';
import { addMonitoring } from './monitoring/monitoring-config';
import { EnvironmentConfig } from './environment-config';
import { validatedStackName } from './validate-environment';

/** Stack name of an environment. */
export function stackName(env: EnvironmentConfig): string {
  return `kafka-${env.name}`;
}

/** One environment's Kafka platform: providers, state backend, namespace, operator and cluster. */
export class KafkaPlatformStack extends TerraformStack {
  public readonly env: EnvironmentConfig;
  public readonly namespace: NamespaceV1;
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

    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: { name: env.namespace, labels: platformLabels('kafka', { 'kafka-platform/environment': env.name }) },
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
    this.cluster = new KafkaCluster(this, 'cluster', {
      ...env.cluster,
      namespace: env.namespace,
      labels: { 'kafka-platform/environment': env.name, ...(env.cluster.labels ?? {}) },
      // With monitoring on, the brokers export metrics through the monitoring module's exporter rules.
      metricsConfigMap: env.monitoring ? kafkaMetricsConfigMapRef(env.cluster.name) : env.cluster.metricsConfigMap,
      cruiseControl:
        env.monitoring && env.cluster.cruiseControl
          ? { ...env.cluster.cruiseControl, metricsConfigMap: cruiseControlMetricsConfigMapRef(env.cluster.name) }
          : env.cluster.cruiseControl,
      dependsOn: [this.namespace, ...(this.operator ? [this.operator.release] : [])],
      preventDestroy: env.production,
    });

    // --- topics, users and application access (extension point: topics/access) ---
    if (env.topology) new KafkaTopology(this, 'topology', { ...env.topology, cluster: this.cluster, production: env.production });

    // --- monitoring: exporter rules, PodMonitors, PrometheusRules, dashboards (extension point: monitoring) ---
    if (env.monitoring) this.monitoring = addMonitoring(this, env.monitoring, this.cluster, [this.namespace]).monitoring;

    // --- backup, restore, replication, maintenance, security and load-test workloads (extension point: operations) ---
    if (env.operations) {
      this.operations = new PlatformOperations(this, 'operations', { ...env.operations, cluster: this.cluster, dependsOn: [this.namespace] });
    }

    // --- production guardrails (extension point: guardrails) ---
    // Last, so that acknowledgements can name any construct above and the rules see the finished stack.
    new PlatformGuardrails(this, 'guardrails', {
      environment: env.name,
      production: env.production,
      acknowledgements: env.guardrails?.acknowledgements,
      admins: env.guardrails?.admins,
    });
  }
}
