import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { ObjectMeta, platformLabels } from '../kubernetes';

/** Label and annotation the Grafana sidecar (kube-prometheus-stack) uses to load dashboards into folders. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
export const GRAFANA_FOLDER_ANNOTATION = 'grafana_folder';

/** A dashboard as a ConfigMap's metadata and data. */
export interface DashboardConfigMap {
  readonly metadata: ObjectMeta;
  readonly data: Readonly<Record<string, string>>;
}

/** One ConfigMap per dashboard (each well below the 1 MiB ConfigMap limit), named after the cluster and uid. */
export function dashboardConfigMap(cluster: string, namespace: string, folder: string, d: Dashboard): DashboardConfigMap {
  return {
    metadata: {
      name: `${cluster}-dashboard-${d.uid}`,
      namespace,
      labels: platformLabels('monitoring', { [GRAFANA_DASHBOARD_LABEL]: '1' }),
      annotations: { [GRAFANA_FOLDER_ANNOTATION]: folder },
    },
    data: { [`${d.uid}.json`]: JSON.stringify(d, null, 1) },
  };
}
