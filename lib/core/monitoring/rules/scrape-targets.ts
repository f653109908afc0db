import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The platform's scrape targets: a target that fails its scrape, or vanished altogether, blinds the alerts that read it. */

export function metricsTargetDown(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaMetricsTargetDown',
      severity: 'warning',
      expr: `up{${x.sel.anyPlatformJob}} == 0`,
      for: '5m',
      summary: 'A Kafka platform metrics endpoint cannot be scraped',
      description: 'Prometheus cannot scrape {{ $labels.pod }} ({{ $labels.job }}): alerts that need its metrics are blind.',
    },
  ];
}

/**
 * Expected-count checks: a target that vanished (pod gone, PodMonitor not selected, port renamed) leaves no
 * `up` series, so `up == 0` cannot see it and the alerts that read it go silent. Counting targets against
 * what the cluster declares can. Broker and controller targets only count while kube-state-metrics sees
 * every broker pod Ready: a pod that is down is KafkaBrokerDown's or KafkaControllerDown's.
 */
export function metricsTargetMissing(x: RuleContext): PlatformAlertRule[] {
  const { s, sel, c, brokers, controllers } = x;
  const expected = (targets: string, count: number, name: string) =>
    `label_replace((count(up{${targets}}) or vector(0)) < ${count}, "scrape_target", "${name}", "", "")`;
  const kafkaPodsFine = `and on () ${x.ksmSeesNamespace} unless on () (${x.brokerPodTrouble} or ${x.notReady(sel.controllerPods)} or ${x.missing(sel.controllerPods, controllers)})`;
  const branches = [`(${expected(sel.brokers, brokers, 'brokers')} or ${expected(sel.controllers, controllers, 'controllers')}) ${kafkaPodsFine}`];
  if (s.cluster.cruiseControl) branches.push(expected(sel.cruiseControl, 1, 'cruise-control'));
  return [
    {
      alert: 'KafkaMetricsTargetMissing',
      severity: 'warning',
      expr: branches.join(' or '),
      for: '10m',
      summary: `Scrape targets of Kafka cluster ${c} are missing`,
      description: `Fewer {{ $labels.scrape_target }} scrape targets exist ({{ $value }}) than ${c} runs: their metrics, and the alerts that read them, are gone.`,
    },
  ];
}

/** Consumer lag comes from Kafka Exporter alone: without it every lag alert is silent. */
export function kafkaExporterDown(x: RuleContext): PlatformAlertRule[] {
  if (!x.s.cluster.kafkaExporter) return [];
  return [
    {
      alert: 'KafkaExporterDown',
      severity: 'warning',
      expr: `(count(up{${x.sel.kafkaExporter}} == 1) or vector(0)) < 1`,
      for: '5m',
      summary: `Kafka Exporter of ${x.c} is down or gone`,
      description: `No Kafka Exporter target of ${x.c} answers its scrape: consumer lag is not measured and the consumer-lag alerts cannot fire.`,
    },
  ];
}
