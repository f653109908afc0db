import { KubernetesObject } from '../../lib/core/kubernetes';
import { toYaml } from '../../lib/core/yaml';
import { diffStacks } from '../../lib/review/changes';
import { RiskRule } from '../../lib/review/risk';
import { LIBRARY_CHART, parseStack, SynthStack } from '../../lib/review/synth-output';

/** A stack of one library release holding `objects`, production or not by its guardrails summary. */
export function stackOf(objects: readonly KubernetesObject[], production = true): SynthStack {
  return parseStack('kafka-test', {
    resource: { helm_release: { objects: { name: 'objects', chart: `assets/${LIBRARY_CHART}/X`, values: [toYaml({ resources: objects })] } } },
    locals: { kafka_platform: { environment: production ? 'prod' : 'dev', production, enforcedRules: [], acknowledgements: [] } },
  });
}

/** What `rule` says about every change from `base` to `head` objects, as `Kind ns/name: message`. */
export function assess(rule: RiskRule, base: readonly KubernetesObject[], head: readonly KubernetesObject[], production = true): string[] {
  const changes = diffStacks('kafka-test', stackOf(base, production), stackOf(head, production));
  return changes.objects.flatMap((c) => rule.assess(c, { stack: changes, production }).map((m) => `${c.kind} ${c.name}: ${m}`));
}

export function kafka(config: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): KubernetesObject {
  return { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'k', namespace: 'kafka' }, spec: { kafka: { config }, ...extra } };
}

export function topic(name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubernetesObject {
  return { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'k' }, ...(annotations ? { annotations } : {}) }, spec };
}

export function user(name: string, acls: unknown[]): KubernetesObject {
  return { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser', metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'k' } }, spec: { authorization: { type: 'simple', acls } } };
}

export function pool(name: string, replicas: number, storage: Record<string, unknown>, extra: Record<string, unknown> = {}): KubernetesObject {
  return { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'k' } }, spec: { replicas, roles: ['broker'], storage, ...extra } };
}

export const acl = (type: string, name: string, operations: string[], patternType = 'literal') => ({ resource: { type, name, patternType }, operations });

/** A KafkaConnector as the library renders it (`role`: the platform's `kafka-platform/connector-role` label). */
export function connector(name: string, spec: Record<string, unknown>, role?: string): KubernetesObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaConnector',
    metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'connect', ...(role ? { 'kafka-platform/connector-role': role } : {}) } },
    spec: { class: 'io.example.Sink', tasksMax: 1, autoRestart: { enabled: true }, ...spec },
  };
}

/** A sink connector `s3` reading `topics` (`role: 'topic-backup'` for the platform's backup). */
export const sinkConnector = (topics: string, extra: Record<string, unknown> = {}, role?: string): KubernetesObject =>
  connector('s3', { ...extra, config: { topics, ...((extra.config as object) ?? {}) } }, role);
