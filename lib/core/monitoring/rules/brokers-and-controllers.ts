import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** Availability of the brokers and the KRaft controllers: pods, fencing, the metadata quorum. */

/**
 * Broker loss, split by cause. A broker pod that is not Ready pages within minutes unless it is
 * recovering: its `kafka` container runs, (re)started within `brokerRecoveryMinutes`, and the broker
 * reports RECOVERY (KRaft's state while it loads its logs, fenced, before it runs). Everything else
 * cannot be recovering: Pending or unscheduled, the container waiting (CrashLoopBackOff, ImagePullBackOff,
 * ContainerCreating) or terminated, the node lost (no scrape, so no broker state), or recovery past its
 * window. A rolling restart stays quiet: each recreated pod recovers within the window, and the minute
 * or two it spends Pending and starting is shorter than the `for`.
 */
const CANNOT_RECOVER_FOR = '3m';

export function brokerDown(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c, brokers } = x;
  const notRecovering = `(${x.notReady(sel.brokerPods)} unless on (namespace, pod) ${x.brokerRecovering})`;
  return [
    {
      alert: 'KafkaBrokerDown',
      severity: 'critical',
      // Per pod; a pod that does not exist at all counts too, and without kube-state-metrics a broker target
      // that fails its scrape or vanished.
      expr: `${notRecovering} or ${x.missing(sel.brokerPods, brokers)} or ${x.withoutKsm(`${x.scraped(sel.brokers)} < ${brokers}`)}`,
      for: CANNOT_RECOVER_FOR,
      summary: `A broker of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Broker pod {{ $labels.pod }} is not ready and not in log recovery within its ${t.brokerRecoveryMinutes}-minute window${waitingReason('$labels')}.` +
        `{{ else }}Only {{ $value }} of ${brokers} broker pods of ${c} exist or answer their scrape.{{ end }}`,
    },
  ];
}

/** A broker whose container restarted in place (crashed, OOM-killed, liveness probe) and is in log recovery: it warns first; past its window it pages as KafkaBrokerDown. */
export function brokerRecovering(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c } = x;
  // Restarts count per pod: a pod recreated by a roll starts at 0, so a positive count means the current
  // container is a restart in place.
  const restartedInPlace = `(max by (namespace, pod) (kube_pod_container_status_restarts_total{${sel.brokerPods}, container="kafka"}) > 0)`;
  return [
    {
      alert: 'KafkaBrokerRecovering',
      severity: 'warning',
      expr: `${x.notReady(sel.brokerPods)} and on (namespace, pod) ${x.brokerRecovering} and on (namespace, pod) ${restartedInPlace}`,
      for: '2m',
      summary: `A broker of Kafka cluster ${c} restarted and is recovering its logs`,
      description: `The kafka container of {{ $labels.pod }} restarted in place and the broker is in log recovery; it pages as KafkaBrokerDown if it is not ready ${t.brokerRecoveryMinutes} minutes after the restart.`,
    },
  ];
}

/** The `kafka` container's waiting reason or the pod's scheduling, read at notification time (not a label: the cause may change while the alert fires). */
function waitingReason(labels: string): string {
  const q = (selector: string) => `printf \`${selector}\` ${labels}.namespace ${labels}.pod | query`;
  return (
    `{{ with ${q('kube_pod_container_status_waiting_reason{namespace="%s", pod="%s", container="kafka"} == 1')} }}: its kafka container is waiting ({{ (first .).Labels.reason }})` +
    `{{ else }}{{ with ${q('kube_pod_status_scheduled{namespace="%s", pod="%s", condition="false"} == 1')} }}: it cannot be scheduled{{ end }}{{ end }}`
  );
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

/** Controller loss, split by cause as for brokers: a controller container running and (re)started within `controllerRecoveryMinutes` is starting; anything else not Ready pages within minutes. */
export function controllerDown(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c, controllers } = x;
  const notStarting = `(${x.notReady(sel.controllerPods)} unless on (namespace, pod) ${x.containerStartedWithin(sel.controllerPods, t.controllerRecoveryMinutes)})`;
  return [
    {
      alert: 'KafkaControllerDown',
      severity: 'critical',
      // Compares the controllers the cluster spec declares with the pods kube-state-metrics sees: a Pending
      // controller has no scrape target, so counting `up` alone would miss it.
      expr: `${notStarting} or ${x.missing(sel.controllerPods, controllers)} or ${x.withoutKsm(`${x.scraped(sel.controllers)} < ${controllers}`)}`,
      for: CANNOT_RECOVER_FOR,
      summary: `A KRaft controller of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Controller pod {{ $labels.pod }} is not ready and did not start within the last ${t.controllerRecoveryMinutes} minutes${waitingReason('$labels')}.` +
        `{{ else }}Only {{ $value }} of ${controllers} controller pods of ${c} exist or answer their scrape.{{ end }} One more loss stops the metadata quorum.`,
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
      // A step of the error count; 5 minutes keeps it inside P2's page budget.
      expr: `max by (namespace, pod) (delta(kafka_controller_kafkacontroller_metadataerrorcount{${x.sel.kafka}}[5m])) > 0`,
      for: '0m',
      summary: 'A Kafka node failed to process the metadata log',
      description: '{{ $labels.pod }} reported metadata log processing errors in the last 5 minutes: its view of the cluster may diverge.',
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
