import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** CPU and memory of the Kafka containers against their limits (the guide's scaling triggers). */

export function cpuNearLimit(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return [
    {
      alert: 'KafkaCpuNearLimit',
      severity: 'info',
      expr:
        // Brokers run without a CPU limit by default (no CFS throttling): for them the request is the budget.
        `100 * sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${sel.kafkaContainers}}[5m]))` +
        ` / (sum by (namespace, pod) (kube_pod_container_resource_limits{${sel.kafkaContainers}, resource="cpu"})` +
        ` or sum by (namespace, pod) (kube_pod_container_resource_requests{${sel.kafkaContainers}, resource="cpu"})) > ${t.capacity.cpuPercentOfLimit}`,
      for: '15m',
      summary: 'Kafka pod CPU near its limit (its request where it has no limit)',
      description: `{{ $labels.pod }} uses {{ $value | printf "%.0f" }}% of its CPU limit, or of its CPU request where it has no limit (trigger ${t.capacity.cpuPercentOfLimit}%).`,
    },
  ];
}

export function memoryNearLimit(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return [
    {
      alert: 'KafkaMemoryNearLimit',
      severity: 'info',
      expr:
        `100 * sum by (namespace, pod) (container_memory_working_set_bytes{${sel.kafkaContainers}})` +
        ` / sum by (namespace, pod) (kube_pod_container_resource_limits{${sel.kafkaContainers}, resource="memory"}) > ${t.capacity.memoryPercentOfLimit}`,
      for: '15m',
      summary: 'Kafka pod memory near its limit',
      description: `{{ $labels.pod }} working set is {{ $value | printf "%.0f" }}% of its memory limit (trigger ${t.capacity.memoryPercentOfLimit}%).`,
    },
  ];
}
