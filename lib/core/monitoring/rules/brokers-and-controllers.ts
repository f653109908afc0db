import { PlatformAlertRule } from './alert-names';
import { minutes, RuleContext } from './context';

/** Availability of the brokers and the KRaft controllers: pods, fencing, the metadata quorum. */

export function brokerDown(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c, brokers } = x;
  return [
    {
      alert: 'KafkaBrokerDown',
      severity: 'critical',
      // Per pod, so that a rolling restart (one pod down at a time, each for less than its log recovery)
      // stays quiet while one broker stuck longer pages; a pod that does not exist at all counts too.
      expr: `${x.notReady(sel.brokerPods)} or ${x.missing(sel.brokerPods, brokers)} or ${x.withoutKsm(`${x.scraped(sel.brokers)} < ${brokers}`)}`,
      for: minutes(t.brokerRecoveryMinutes),
      summary: `A broker of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Broker pod {{ $labels.pod }} has not been ready for ${t.brokerRecoveryMinutes} minutes (longer than log recovery after a restart).` +
        `{{ else }}Only {{ $value }} of ${brokers} broker pods of ${c} exist.{{ end }}`,
    },
  ];
}

export function multipleBrokersDown(x: RuleContext): PlatformAlertRule[] {
  const { sel, c, brokers } = x;
  if (brokers < 2) return [];
  return [
    {
      alert: 'KafkaMultipleBrokersDown',
      severity: 'critical',
      priority: 'P1',
      // Strimzi restarts one broker at a time: two or more down at once is never routine. Not Ready
      // (kube-state-metrics) or not answering their scrape: either witness is enough.
      expr:
        `((count(max by (namespace, pod) (kube_pod_status_ready{${sel.brokerPods}, condition="true"}) == 1) or vector(0)) < ${brokers - 1} and on () ${x.ksmSeesNamespace})` +
        ` or ${x.scraped(sel.brokers)} < ${brokers - 1}`,
      for: '2m',
      summary: `Several brokers of Kafka cluster ${c} are down`,
      description: `Only {{ $value }} of ${brokers} brokers of ${c} are ready: partitions with replicas on the missing brokers are below min.insync.replicas or offline.`,
    },
  ];
}

export function controllerDown(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c, controllers } = x;
  return [
    {
      alert: 'KafkaControllerDown',
      severity: 'critical',
      // Compares the controllers the cluster spec declares with the pods kube-state-metrics sees: a Pending
      // controller has no scrape target, so counting `up` alone would miss it.
      expr: `${x.notReady(sel.controllerPods)} or ${x.missing(sel.controllerPods, controllers)} or ${x.withoutKsm(`${x.scraped(sel.controllers)} < ${controllers}`)}`,
      for: minutes(t.controllerRecoveryMinutes),
      summary: `A KRaft controller of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Controller pod {{ $labels.pod }} has not been ready for ${t.controllerRecoveryMinutes} minutes.` +
        `{{ else }}Only {{ $value }} of ${controllers} controller pods of ${c} exist.{{ end }} One more loss stops the metadata quorum.`,
    },
  ];
}

export function fencedBrokers(x: RuleContext): PlatformAlertRule[] {
  const { sel, c, brokers } = x;
  return [
    {
      alert: 'KafkaFencedBrokers',
      severity: 'critical',
      // `up` only says the metrics agent answers. A broker whose pod is ready (so it is not restarting) but
      // that the controllers fenced or never registered cannot lead or replicate. Controller metadata
      // gauges come from every controller: `max`, never `sum`.
      expr:
        `(max(kafka_controller_kafkacontroller_fencedbrokercount{${sel.controllers}}) > 0` +
        ` or (${brokers} - max(kafka_controller_kafkacontroller_activebrokercount{${sel.controllers}})) > 0)` +
        ` unless on () ${x.brokerPodTrouble}`,
      for: '5m',
      summary: `Brokers of Kafka cluster ${c} are fenced or unregistered`,
      description: `{{ $value }} brokers of ${c} are fenced or missing from the controllers' view although every broker pod is ready.`,
    },
  ];
}

export function metadataErrors(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaMetadataErrors',
      severity: 'critical',
      expr: `max by (namespace, pod) (delta(kafka_controller_kafkacontroller_metadataerrorcount{${x.sel.kafka}}[10m])) > 0`,
      for: '0m',
      summary: 'A Kafka node failed to process the metadata log',
      description: '{{ $labels.pod }} reported metadata log processing errors in the last 10 minutes: its view of the cluster may diverge.',
    },
  ];
}

export function activeController(x: RuleContext): PlatformAlertRule[] {
  const { sel, c } = x;
  return [
    {
      alert: 'KafkaNoActiveController',
      severity: 'critical',
      priority: 'P1',
      expr: `(sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) or vector(0)) < 1`,
      for: '1m',
      summary: `Kafka cluster ${c} has no active KRaft controller`,
      description: `No node of ${c} reports itself as the active controller: metadata changes, leader elections and topic changes stop.`,
    },
    {
      alert: 'KafkaMultipleActiveControllers',
      severity: 'critical',
      priority: 'P1',
      expr: `sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) > 1`,
      for: '1m',
      summary: `Kafka cluster ${c} reports more than one active controller`,
      description: `{{ $value }} nodes of ${c} report themselves active controller.`,
    },
  ];
}
