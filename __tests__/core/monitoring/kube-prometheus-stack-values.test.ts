import { kubePrometheusStackValues } from '../../../lib/core/monitoring/kube-prometheus-stack-values';

describe('kubePrometheusStackValues', () => {
  const values = kubePrometheusStackValues({ release: 'kube-prometheus-stack' }, '15d') as Record<string, any>;

  test('Prometheus selects PodMonitors and rules by the platform labels in every namespace', () => {
    const spec = values.prometheus.prometheusSpec;
    expect(spec.retention).toBe('15d');
    expect(spec.podMonitorSelector).toEqual({ matchLabels: { release: 'kube-prometheus-stack' } });
    expect(spec.ruleSelector).toEqual({ matchLabels: { release: 'kube-prometheus-stack' } });
    expect(spec.podMonitorNamespaceSelector).toEqual({});
    expect(spec.ruleNamespaceSelector).toEqual({});
  });

  test('Alertmanager merges the platform\'s configs per namespace; Grafana loads dashboards labelled grafana_dashboard "1"', () => {
    expect(values.alertmanager.alertmanagerSpec.alertmanagerConfigMatcherStrategy).toEqual({ type: 'OnNamespace' });
    expect(values.grafana.sidecar.dashboards).toMatchObject({ enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' });
  });
});
