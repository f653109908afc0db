import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION } from './dashboard-config-maps';

export const KUBE_PROMETHEUS_STACK_CHART = 'kube-prometheus-stack';
export const KUBE_PROMETHEUS_STACK_REPOSITORY = 'https://prometheus-community.github.io/helm-charts';
export const KUBE_PROMETHEUS_STACK_VERSION = '75.15.0';

/**
 * Values of a kube-prometheus-stack release wired to the platform: Prometheus selects PodMonitors and
 * PrometheusRules by the platform's selector labels in every namespace (instead of only its own
 * release's), Alertmanager merges the platform's AlertmanagerConfigs, and Grafana's sidecar loads every `grafana_dashboard: "1"` ConfigMap into the folder of
 * its `grafana_folder` annotation.
 */
export function kubePrometheusStackValues(selectorLabels: Readonly<Record<string, string>>, retention: string): Record<string, unknown> {
  const selector = { matchLabels: { ...selectorLabels } };
  return {
    prometheus: {
      prometheusSpec: {
        retention,
        podMonitorSelector: selector,
        podMonitorNamespaceSelector: {},
        serviceMonitorSelector: selector,
        serviceMonitorNamespaceSelector: {},
        ruleSelector: selector,
        ruleNamespaceSelector: {},
      },
    },
    // Alertmanager merges the platform's AlertmanagerConfigs from every namespace; each only receives
    // alerts labelled with its own namespace (the operator's default `OnNamespace` matcher strategy).
    alertmanager: {
      alertmanagerSpec: {
        alertmanagerConfigSelector: selector,
        alertmanagerConfigNamespaceSelector: {},
        alertmanagerConfigMatcherStrategy: { type: 'OnNamespace' },
      },
    },
    grafana: {
      sidecar: {
        dashboards: {
          enabled: true,
          label: GRAFANA_DASHBOARD_LABEL,
          labelValue: '1',
          searchNamespace: 'ALL',
          folderAnnotation: GRAFANA_FOLDER_ANNOTATION,
          provider: { foldersFromFilesStructure: true },
        },
      },
    },
  };
}
