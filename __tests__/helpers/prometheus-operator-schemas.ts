import Ajv, { ValidateFunction } from 'ajv';

/**
 * Focused JSON schemas of the prometheus-operator `monitoring.coreos.com/v1` PodMonitor and
 * PrometheusRule, covering every field the library emits (closed objects: a misspelt field fails).
 * No package with the CRDs is installed and none may be added; the fields, types and enums here are
 * those of the prometheus-operator CRDs (podmonitors/prometheusrules, v0.8x), plus the conventions the
 * platform enforces on top (severity and team labels, runbook_url).
 */
const labels = { type: 'object', additionalProperties: { type: 'string', maxLength: 63 } };
const metadata = {
  type: 'object',
  required: ['name', 'namespace'],
  properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 253 }, namespace: { type: 'string' }, labels, annotations: { type: 'object' } },
  additionalProperties: false,
};
const duration = { type: 'string', pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$' };

const relabelConfig = {
  type: 'object',
  additionalProperties: false,
  properties: {
    action: { type: 'string', enum: ['replace', 'Replace', 'keep', 'Keep', 'drop', 'Drop', 'hashmod', 'HashMod', 'labelmap', 'LabelMap', 'labeldrop', 'LabelDrop', 'labelkeep', 'LabelKeep', 'lowercase', 'Lowercase', 'uppercase', 'Uppercase', 'keepequal', 'KeepEqual', 'dropequal', 'DropEqual'] },
    modulus: { type: 'integer' },
    regex: { type: 'string' },
    replacement: { type: 'string' },
    separator: { type: 'string' },
    sourceLabels: { type: 'array', items: { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' } },
    targetLabel: { type: 'string' },
  },
};

export const POD_MONITOR_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1' },
    kind: { const: 'PodMonitor' },
    metadata,
    spec: {
      type: 'object',
      required: ['selector'],
      additionalProperties: false,
      properties: {
        jobLabel: { type: 'string' },
        selector: {
          type: 'object',
          additionalProperties: false,
          properties: { matchLabels: labels, matchExpressions: { type: 'array' } },
        },
        namespaceSelector: {
          type: 'object',
          additionalProperties: false,
          properties: { any: { type: 'boolean' }, matchNames: { type: 'array', items: { type: 'string' } } },
        },
        podMetricsEndpoints: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              port: { type: 'string' },
              path: { type: 'string' },
              scheme: { type: 'string', enum: ['http', 'https'] },
              interval: duration,
              scrapeTimeout: duration,
              honorLabels: { type: 'boolean' },
              relabelings: { type: 'array', items: relabelConfig },
              metricRelabelings: { type: 'array', items: relabelConfig },
            },
          },
        },
      },
    },
  },
};

export const PROMETHEUS_RULE_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1' },
    kind: { const: 'PrometheusRule' },
    metadata,
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        groups: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'rules'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1 },
              interval: duration,
              rules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['alert', 'expr', 'labels', 'annotations'],
                  additionalProperties: false,
                  properties: {
                    alert: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
                    expr: { type: 'string', minLength: 1 },
                    for: duration,
                    labels: {
                      type: 'object',
                      required: ['severity', 'team'],
                      properties: { severity: { enum: ['critical', 'warning', 'info'] }, team: { type: 'string', minLength: 1 } },
                      additionalProperties: { type: 'string' },
                    },
                    annotations: {
                      type: 'object',
                      required: ['summary', 'description', 'runbook_url'],
                      properties: { runbook_url: { type: 'string', pattern: '^https?://' } },
                      additionalProperties: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

export class PrometheusOperatorSchemas {
  private readonly validators: Record<string, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    this.validators = { PodMonitor: ajv.compile(POD_MONITOR_SCHEMA), PrometheusRule: ajv.compile(PROMETHEUS_RULE_SCHEMA) };
  }

  validate(object: { kind: string; metadata?: { name?: string }; [key: string]: unknown }): string[] {
    const where = `${object.kind}/${object.metadata?.name}`;
    const validator = this.validators[object.kind];
    if (!validator) return [`no schema for ${object.kind}`];
    const valid = validator(object);
    if (valid) return [];
    return (validator.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
