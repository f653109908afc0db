// Public API of the kafka-platform library.

// Pure core: typed inputs to Kubernetes objects, no cdktf.
export * from './core/validation';
export * from './core/kubernetes';
export * from './core/names';
export * from './core/quantity';
export * from './core/yaml';
export * from './core/strimzi/versions';
export * from './core/strimzi/listener';
export * from './core/strimzi/storage';
export * from './core/strimzi/node-pool';
export * from './core/strimzi/kafka';
export * from './core/strimzi/operator-names';

// Delivery of custom resources through the library's Helm chart.
export * from './delivery/custom-resource-release';

// Constructs.
export * from './operator/strimzi-operator';
export * from './cluster/kafka-cluster-ref';
export * from './cluster/kafka-cluster';

// --- topics, users and access ---
export * from './core/strimzi/topic';
export * from './core/strimzi/acl';
export * from './core/strimzi/user';
export * from './core/access/grant';
export * from './topics/kafka-topic';
export * from './access/kafka-user';

// --- monitoring ---
// (lib/core/monitoring/promql-check.ts is test tooling: it needs the lezer-promql dev dependency.)
export * from './core/monitoring/catalogue';
export * from './core/monitoring/exporter-rules';
export * from './core/monitoring/thresholds';
export * from './core/monitoring/monitoring-spec';
export * from './core/monitoring/pod-monitors';
export * from './core/monitoring/alert-rules';
export * from './core/monitoring/dashboard-config-maps';
export * from './core/monitoring/kube-prometheus-stack';
export { buildDashboards } from './core/monitoring/dashboards';
export * from './monitoring/kafka-monitoring';
export * from './monitoring/kube-prometheus-stack';

// --- operations: backup, restore, replication, maintenance, security, load tests ---
export * from './core/operations/cron';
export * from './core/operations/backup-schedules';
export * from './core/operations/batch-workload';
export * from './core/operations/kafka-client';
export * from './core/operations/mirror-maker2';
export * from './core/operations/rebalance';
export * from './core/operations/images';
export * from './operations/batch-workload';
export * from './operations/platform-operations';
export * from './backup/backup-storage';
export * from './backup/metadata-backup';
export * from './backup/offset-restore';
export * from './backup/volume-snapshots';
export * from './replication/mirror-maker2';
export * from './replication/disaster-recovery';
export * from './maintenance/preferred-leader-election';
export * from './maintenance/manual-rebalance';
export * from './security/acl-audit';
export * from './loadtest/load-test';

// --- guardrails and review ---
export * from './guardrails/acknowledgement';
export * from './guardrails/inventory';
export * from './guardrails/rule';
export * from './guardrails/rules';
export * from './guardrails/guardrail-error';
export * from './guardrails/summary';
export * from './guardrails/platform-guardrails';
export * from './review/synth-output';
export * from './review/field-diff';
export * from './review/changes';
export * from './review/risk';
export * from './review/rules';
export * from './review/review';
export * from './review/report';
