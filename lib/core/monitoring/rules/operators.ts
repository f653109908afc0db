import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The Strimzi operators: reconciliations, resource readiness, the Entity Operator. */

export function operatorReconciliationFailing(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaOperatorReconciliationFailing',
      severity: 'warning',
      // One failure (a conflict, a timeout) is retried; failures in every 15-minute window for 30 minutes are not.
      expr: `sum by (job, kind) (increase(strimzi_reconciliations_failed_total{${x.sel.operatorReconciliations}}[15m])) > 0`,
      for: '30m',
      summary: 'A Strimzi operator keeps failing to reconcile',
      description: `Reconciliations of {{ $labels.kind }} resources in ${x.s.cluster.namespace} keep failing ({{ $labels.job }}): changes to them are not applied.`,
    },
  ];
}

export function resourceNotReady(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaResourceNotReady',
      severity: 'warning',
      // Rebalance templates are never reconciled to Ready: not a fault.
      expr: `strimzi_resource_state{${x.sel.clusterOperator}, resource_namespace="${x.s.cluster.namespace}", kind!="KafkaRebalance"} == 0`,
      for: '15m',
      summary: 'A Strimzi custom resource is not ready',
      description: '{{ $labels.kind }} {{ $labels.name }} is not ready (reason {{ $labels.reason }}): the operator could not bring it to its declared state.',
    },
  ];
}

export function entityOperatorDown(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaEntityOperatorDown',
      severity: 'warning',
      // Two targets: the Topic Operator and the User Operator containers.
      expr: `(count(up{${x.sel.entityOperator}} == 1) or vector(0)) < 2`,
      for: '10m',
      summary: `The Entity Operator of ${x.c} is down`,
      description: `Only {{ $value }} of the Topic and User Operators of ${x.c} answer: KafkaTopic and KafkaUser changes are not applied.`,
    },
  ];
}

/** Certificate expiry, resource readiness and reconciliations are the Cluster Operator's metrics: without it those alerts are silent. */
export function clusterOperatorDown(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaClusterOperatorDown',
      severity: 'warning',
      // Longer than the operator's own rolling update.
      expr: `(count(up{${x.sel.clusterOperator}} == 1) or vector(0)) < 1`,
      for: '10m',
      summary: 'The Strimzi Cluster Operator is down or gone',
      description: `No Cluster Operator target (${x.s.operatorNamespace}) answers its scrape: changes to ${x.c} are not applied, CAs are not renewed, and the certificate and resource alerts cannot fire.`,
    },
  ];
}
