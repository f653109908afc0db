import { PlatformAlertRule } from './alert-names';
import { minutes, RuleContext } from './context';

/** Partitions and replication: offline partitions, min ISR, under-replication, ISR churn. */

export function offlinePartitions(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaOfflinePartitions',
      severity: 'critical',
      priority: 'P1',
      // Every controller publishes the count: `max`, not `sum` (which multiplies it by the controllers).
      expr: `max(kafka_controller_kafkacontroller_offlinepartitionscount{${x.sel.controllers}}) > 0`,
      for: '1m',
      summary: `Kafka cluster ${x.c} has offline partitions`,
      description: `{{ $value }} partitions of ${x.c} have no leader: they accept no reads and no writes.`,
    },
  ];
}

export function underMinIsrPartitions(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaUnderMinIsrPartitions',
      severity: 'critical',
      priority: 'P1',
      expr: `kafka_server_replicamanager_underminisrpartitioncount{${x.sel.brokers}} > 0`,
      for: '1m',
      summary: 'Partitions below min.insync.replicas',
      description: '{{ $value }} partitions led by {{ $labels.pod }} are below min.insync.replicas: producers with acks=all get NotEnoughReplicas errors.',
    },
  ];
}

export function underReplicatedPartitions(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return (['warning', 'critical'] as const).map((severity) => ({
    alert: 'KafkaUnderReplicatedPartitions',
    severity,
    // While a peer restarts and catches up, leaders report under-replication: quiet during a roll.
    expr: x.quietWhileRolling(`kafka_server_replicamanager_underreplicatedpartitions{${sel.brokers}} > 0`),
    for: minutes(t.underReplicatedMinutes[severity]),
    summary: 'Kafka has under-replicated partitions',
    description: `{{ $value }} partitions led by {{ $labels.pod }} have been under-replicated for ${t.underReplicatedMinutes[severity]} minutes.`,
  }));
}

export function isrShrinks(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return [
    {
      alert: 'KafkaIsrShrinks',
      severity: 'warning',
      // A restarting peer shrinks ISRs by design: only sustained shrinking outside a roll is a fault.
      expr: x.quietWhileRolling(`sum by (namespace, pod) (rate(kafka_server_replicamanager_isrshrinks_total{${sel.brokers}}[5m])) * 60 > ${t.isrShrinksPerMinute}`),
      for: '15m',
      summary: 'In-sync replica sets keep shrinking',
      description: `{{ $labels.pod }} shrinks ISRs {{ $value | printf "%.1f" }} times a minute (threshold ${t.isrShrinksPerMinute}) outside a rolling restart: followers fall behind.`,
    },
  ];
}

export function uncleanLeaderElection(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaUncleanLeaderElection',
      severity: 'critical',
      // An out-of-sync replica became leader: the records only the old leader had are gone (data loss, P1).
      // Every controller counts the election as it applies the metadata record: `max`, not `sum`. The 3-minute
      // window keeps it inside P1's 5-minute page budget.
      priority: 'P1',
      expr: `max(increase(kafka_controller_controllerstats_uncleanleaderelections_total{${x.sel.controllers}}[3m])) > 0`,
      for: '0m',
      summary: `Kafka cluster ${x.c} elected an out-of-sync leader`,
      description: `An unclean leader election happened in ${x.c}: records the previous leader had not replicated are lost, and consumers may see offsets move back.`,
    },
  ];
}
