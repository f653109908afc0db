// `@example-org/kafka-platform/core`: the pure builders. Typed inputs in, plain Kubernetes objects out; no cdktf.
// For tools, tests and other delivery mechanisms. Add a new core module with one `export *` line in its section.

// --- validation, names and Kubernetes basics ---
export * from './validation';
export * from './shape';
export * from './registry';
export * from './kubernetes';
export * from './names';
export * from './quantity';
export * from './resources';
export * from './yaml';

// --- well-known names (labels, annotations, rule ids) and readers of rendered objects ---
export * from './well-known';
export * from './objects';

// --- Strimzi resources ---
export * from './strimzi/versions';
export * from './strimzi/listener';
export * from './strimzi/storage';
export * from './strimzi/node-pool';
export * from './strimzi/kafka';
export * from './strimzi/replication-defaults';
export * from './strimzi/operator-names';
export * from './strimzi/cruise-control';
export * from './strimzi/quotas';
export * from './strimzi/upgrade';
export * from './strimzi/config-keys';
export * from './strimzi/quartz';
export * from './strimzi/topic';
export * from './strimzi/acl';
export * from './strimzi/user';
export * from './strimzi/connect';
export * from './strimzi/connector';

// --- access ---
export * from './access/grant';

// --- monitoring ---
// (monitoring/promql-check.ts is test tooling: it needs the lezer-promql dev dependency.)
export * from './monitoring/catalogue';
export * from './monitoring/exporter-rules';
export * from './monitoring/thresholds';
export * from './monitoring/monitoring-shape';
export * from './monitoring/monitoring-spec';
export * from './monitoring/pod-monitors';
export * from './monitoring/alert-rules';
export * from './monitoring/alert-routing';
export * from './monitoring/consumer-groups';
export * from './monitoring/page-timing';
export * from './monitoring/dashboard-config-maps';
export * from './monitoring/kube-prometheus-stack-values';
export * from './monitoring/durations';
export * from './monitoring/recorded-series';
export * from './monitoring/rule-groups';
export * from './monitoring/slo/slo-spec';
export * from './monitoring/slo/slo-validation';
export * from './monitoring/slo/sli-rules';
export * from './monitoring/slo/slo-rules';
export * from './monitoring/capacity/capacity-spec';
export * from './monitoring/capacity/capacity-validation';
export * from './monitoring/capacity/capacity-rules';
export { buildDashboards } from './monitoring/dashboards';

// --- operations: batch workloads, clients, MirrorMaker 2, rebalances ---
export * from './operations/cron';
export * from './operations/backup-schedules';
export * from './operations/topic-backup';
export * from './operations/workload-model';
export * from './operations/kafka-client';
export * from './operations/mirror-maker2-resource';
export * from './operations/rebalance';
export * from './operations/images';
export * from './operations/workload-names';
