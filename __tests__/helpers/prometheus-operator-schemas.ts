import Ajv, { ValidateFunction } from 'ajv';

/**
 * Focused JSON schemas of the prometheus-operator `monitoring.coreos.com/v1` PodMonitor and
 * PrometheusRule (and the v1alpha1 AlertmanagerConfig below), covering every field the library emits (closed objects: a misspelt field fails).
 * No package with the CRDs is installed and none may be added; the fields, types and enums here are
 * those of the prometheus-operator CRDs (podmonitors/prometheusrules, v0.8x), plus the conventions the
 * platform enforces on top (severity, priority, team and namespace labels, runbook_url).
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
                // An alerting rule, or a recording rule (SLIs, budgets, projections, consumer-group ownership).
                items: { oneOf: [{ $ref: '#/definitions/alertingRule' }, { $ref: '#/definitions/recordingRule' }] },
              },
            },
          },
        },
      },
    },
  },
  definitions: {
    recordingRule: {
      type: 'object',
      required: ['record', 'expr'],
      additionalProperties: false,
      properties: {
        record: { type: 'string', pattern: '^[a-zA-Z_:][a-zA-Z0-9_:]*$' },
        expr: { type: 'string', minLength: 1 },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    alertingRule: {
      type: 'object',
      required: ['alert', 'expr', 'labels', 'annotations'],
      additionalProperties: false,
      properties: {
        alert: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
        expr: { type: 'string', minLength: 1 },
        for: duration,
        labels: {
          type: 'object',
          required: ['severity', 'priority', 'team', 'namespace'],
          properties: {
            severity: { enum: ['critical', 'warning', 'info'] },
            priority: { enum: ['P1', 'P2', 'P3', 'P4'] },
            team: { type: 'string', minLength: 1 },
            namespace: { type: 'string', minLength: 1 },
          },
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
};

/**
 * prometheus-operator `monitoring.coreos.com/v1alpha1` AlertmanagerConfig, for the fields the library
 * emits: types, enums, patterns and required fields as in the CRD (monitoring.coreos.com_alertmanagerconfigs,
 * v0.8x/0.9x), closed objects so that a misspelt field fails. Child routes are free-form in the CRD
 * (`x-kubernetes-preserve-unknown-fields`) but the operator parses them as routes: here they get the
 * route schema. Secret references must be `{name, key}` selectors (the CRD's SecretKeySelector).
 */
const secretKeySelector = {
  type: 'object',
  required: ['key'],
  additionalProperties: false,
  properties: { key: { type: 'string' }, name: { type: 'string' }, optional: { type: 'boolean' } },
};
const amDuration = { ...duration, minLength: 1 };
const matcher = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, value: { type: 'string' }, matchType: { enum: ['!=', '=', '=~', '!~'] }, regex: { type: 'boolean' } },
};
const route: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    receiver: { type: 'string' },
    groupBy: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    groupWait: amDuration,
    groupInterval: amDuration,
    repeatInterval: amDuration,
    matchers: { type: 'array', items: matcher },
    continue: { type: 'boolean' },
    routes: { type: 'array', items: { $ref: '#/definitions/route' } },
    muteTimeIntervals: { type: 'array', items: { type: 'string' } },
    activeTimeIntervals: { type: 'array', items: { type: 'string' } },
  },
};
export const ALERTMANAGER_CONFIG_SCHEMA = {
  definitions: { route },
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'monitoring.coreos.com/v1alpha1' },
    kind: { const: 'AlertmanagerConfig' },
    metadata,
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        route: { $ref: '#/definitions/route' },
        receivers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1 },
              emailConfigs: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    to: { type: 'string', minLength: 1 },
                    from: { type: 'string', minLength: 1 },
                    smarthost: { type: 'string', minLength: 1 },
                    hello: { type: 'string', minLength: 1 },
                    authUsername: { type: 'string', minLength: 1 },
                    authPassword: secretKeySelector,
                    authSecret: secretKeySelector,
                    authIdentity: { type: 'string', minLength: 1 },
                    requireTLS: { type: 'boolean' },
                    sendResolved: { type: 'boolean' },
                    html: { type: 'string' },
                    text: { type: 'string', minLength: 1 },
                  },
                },
              },
              webhookConfigs: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    url: { type: 'string' },
                    urlSecret: secretKeySelector,
                    sendResolved: { type: 'boolean' },
                    maxAlerts: { type: 'integer', minimum: 0 },
                    timeout: duration,
                  },
                },
              },
            },
          },
        },
        inhibitRules: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { sourceMatch: { type: 'array', items: matcher }, targetMatch: { type: 'array', items: matcher }, equal: { type: 'array', items: { type: 'string' } } },
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
    this.validators = {
      PodMonitor: ajv.compile(POD_MONITOR_SCHEMA),
      PrometheusRule: ajv.compile(PROMETHEUS_RULE_SCHEMA),
      AlertmanagerConfig: ajv.compile(ALERTMANAGER_CONFIG_SCHEMA),
    };
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
