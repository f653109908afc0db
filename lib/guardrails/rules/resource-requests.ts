import { parse } from 'yaml';
import { describeObject, field, InventoryResource, objectsOfKind, objectsOfKinds } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { STRIMZI_OPERATOR_CHART } from '../../core/strimzi/versions';
import { RULE_IDS } from '../../core/well-known';

/** Terraform types whose pods the rule inspects (their `container` blocks). */
export const WORKLOAD_TYPES = [
  'kubernetes_cron_job_v1', 'kubernetes_job_v1', 'kubernetes_deployment_v1', 'kubernetes_stateful_set_v1', 'kubernetes_daemon_set_v1',
  'kubernetes_cron_job', 'kubernetes_job', 'kubernetes_deployment', 'kubernetes_stateful_set', 'kubernetes_daemon_set',
];

/** Custom resources whose `spec.resources` sizes their pods. */
const SIZED_KINDS = ['KafkaNodePool', 'KafkaMirrorMaker2', 'KafkaConnect', 'KafkaBridge'];

function missing(requests: unknown): string[] {
  const r = (requests ?? {}) as Record<string, unknown>;
  return ['cpu', 'memory'].filter((k) => r[k] === undefined || r[k] === '');
}

/** Every `container` and `init_container` block anywhere in a resource's Terraform JSON. */
function containers(value: unknown, path: string, out: { path: string; container: Record<string, unknown> }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => containers(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'container' || key === 'init_container') && Array.isArray(v)) {
        v.forEach((c, i) => out.push({ path: `${path}.${key}[${i}]`, container: c as Record<string, unknown> }));
      } else if (key !== '//') {
        containers(v, `${path}.${key}`, out);
      }
    }
  }
}

function resourceFindings(resource: InventoryResource): GuardrailFinding[] {
  const address = `${resource.type} ${resource.owner}`;
  if (resource.type === 'helm_release') {
    if (resource.config.chart !== STRIMZI_OPERATOR_CHART) return [];
    const documents = resource.values ?? ((resource.config.values as string[] | undefined) ?? []).map((v) => parse(v));
    const values = Object.assign({}, ...documents.map((d) => d ?? {}));
    const gaps = missing(field(values, 'resources', 'requests'));
    return gaps.length ? [{ owner: resource.owner, subject: `${address} values.resources.requests`, value: `missing ${gaps.join(', ')}` }] : [];
  }
  const found: { path: string; container: Record<string, unknown> }[] = [];
  containers(resource.config, '', found);
  return found.flatMap(({ path, container }) => {
    const resources = container.resources as unknown;
    const requests = Array.isArray(resources) ? field(resources[0], 'requests') : field(resources, 'requests');
    const gaps = missing(requests);
    return gaps.length ? [{ owner: resource.owner, subject: `${address} ${path.slice(1)} (${String(container.name ?? 'unnamed')}) resources.requests`, value: `missing ${gaps.join(', ')}` }] : [];
  });
}

/**
 * KP-PROD-RESOURCE-REQUESTS: every pod the platform runs states its CPU and memory requests: Kafka
 * nodes, entity operator, Kafka Exporter, Cruise Control, the Strimzi operator, MirrorMaker 2 and Connect,
 * and the Jobs and CronJobs of backups, maintenance and load tests.
 */
export const resourceRequestsRule: GuardrailRule = {
  id: RULE_IDS.PROD_RESOURCE_REQUESTS,
  requirement: 'CPU and memory requests on every pod',
  why: 'a pod without requests is scheduled anywhere and evicted first under node pressure; for a broker that means an unplanned partition leader move',
  fix: 'set resources.requests.cpu and resources.requests.memory (node pools, entityOperatorResources, kafkaExporter.resources, cruiseControl.resources, operator.resources, job containers)',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKinds(inventory, SIZED_KINDS)) {
      const gaps = missing(field(object, 'spec', 'resources', 'requests'));
      if (gaps.length) findings.push({ owner, subject: `${describeObject(object)} spec.resources.requests`, value: `missing ${gaps.join(', ')}` });
    }
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const parts: [string, unknown][] = [
        ['entityOperator.topicOperator', field(object, 'spec', 'entityOperator', 'topicOperator')],
        ['entityOperator.userOperator', field(object, 'spec', 'entityOperator', 'userOperator')],
        ['kafkaExporter', field(object, 'spec', 'kafkaExporter')],
        ['cruiseControl', field(object, 'spec', 'cruiseControl')],
      ];
      for (const [name, part] of parts) {
        if (part === undefined) continue;
        const gaps = missing(field(part, 'resources', 'requests'));
        if (gaps.length) findings.push({ owner, subject: `${describeObject(object)} spec.${name}.resources.requests`, value: `missing ${gaps.join(', ')}` });
      }
    }
    for (const resource of inventory.resources) findings.push(...resourceFindings(resource));
    return findings;
  },
};
