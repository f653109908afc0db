import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Listener, ListenerAuthentication } from '../../lib/core/strimzi/listener';
import { Storage } from '../../lib/core/strimzi/storage';
import { ValidationError } from '../../lib/core/validation';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { GuardrailError } from '../../lib/guardrails/guardrail-error';
import { PlatformGuardrails } from '../../lib/guardrails/platform-guardrails';
import { GuardrailSummary } from '../../lib/guardrails/summary';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { dev, prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { testStack } from '../helpers/synth';

const synth = (env: EnvironmentConfig) => JSON.parse(Testing.synth(new KafkaPlatformStack(Testing.app(), env), true));
const summaryOf = (json: { locals?: { kafka_platform?: GuardrailSummary } }) => json.locals!.kafka_platform!;

/** Production with one breach of each cluster-level rule. */
const unsafe: EnvironmentConfig = {
  ...prod,
  operator: { install: true, resources: { limits: { cpu: '1', memory: '512Mi' } } },
  cluster: {
    ...prod.cluster,
    topology: NodeTopology.combined({ name: 'dual', replicas: 3, storage: Storage.persistentClaim({ size: '1Ti', deleteClaim: true }) }),
    listeners: [Listener.plainInternal(), Listener.internalTls()],
    superUsers: ['platform-admin', 'orders-service'],
    brokerDefaults: { defaultReplicationFactor: 2, minInsyncReplicas: 1 },
    config: { 'unclean.leader.election.enable': true },
  },
};

function refusal(env: EnvironmentConfig): GuardrailError {
  try {
    synth(env);
  } catch (err) {
    return err as GuardrailError;
  }
  throw new Error('synth was not refused');
}

describe('PlatformGuardrails', () => {
  test('production as configured passes and records the enforced rules', () => {
    const summary = summaryOf(synth(prod));
    expect(summary).toMatchObject({ environment: 'prod', production: true });
    expect(summary.acknowledgements.filter((a) => a.ruleId.startsWith('KP-PROD-'))).toEqual([]);
    expect(summary.enforcedRules).toContain('KP-PROD-REPLICATION');
  });

  test('an unsafe production stack fails synth with every finding: rule id, construct path, why and fix', () => {
    const err = refusal(unsafe);
    expect(err).toBeInstanceOf(ValidationError); // runApp prints it without a stack trace
    expect([...new Set(err.violations.map((v) => v.rule.id))]).toEqual([
      'KP-PROD-REPLICATION', 'KP-PROD-MIN-ISR', 'KP-PROD-UNCLEAN-ELECTION', 'KP-PROD-CONTROLLERS', 'KP-PROD-SECURE-LISTENERS',
      'KP-PROD-KEEP-CLAIMS', 'KP-PROD-RESOURCE-REQUESTS', 'KP-PROD-SUPER-USERS', 'KP-AUTHENTICATED-LISTENERS',
    ]);
    expect(err.message).toMatch(/^\d+ production guardrail findings in kafka-prod\n/);
    expect(err.message).toContain('  - [KP-PROD-SECURE-LISTENERS] kafka-prod/cluster: Kafka kafka/kafka-prod listener "plain" = {"tls":false,"authentication":"none"}');
    expect(err.message).toContain('  - [KP-PROD-RESOURCE-REQUESTS] kafka-prod/strimzi-operator/release: helm_release kafka-prod/strimzi-operator/release values.resources.requests = "missing cpu, memory"');
    expect(err.message).toMatch(/\[KP-PROD-SUPER-USERS\] kafka-prod\/cluster: .* = "orders-service"\n\s+required: .*\n\s+why: a super user bypasses every ACL.*\n\s+fix: remove the principal/);
  });

  test('production without monitoring and backups fails on alerts and backups', () => {
    const err = refusal({ ...prod, monitoring: undefined, operations: undefined });
    expect(err.violations.map((v) => `${v.rule.id} ${v.owner}`)).toEqual(['KP-PROD-BACKUPS kafka-prod/cluster', 'KP-PROD-OFFCLUSTER-BACKUPS kafka-prod/cluster', 'KP-PROD-ALERTS kafka-prod/cluster']);
  });

  test('production backups only on the cluster\'s own volume fail, unless acknowledged on the backup', () => {
    const volumeOnly: EnvironmentConfig = { ...prod, operations: { ...prod.operations!, metadataBackup: { volume: { size: '20Gi' } } } };
    const err = refusal(volumeOnly);
    expect(err.violations.map((v) => `${v.rule.id} ${v.owner}`)).toEqual(['KP-PROD-OFFCLUSTER-BACKUPS kafka-prod/operations/metadata-backup/workload/cron-job']);
    const acknowledged: EnvironmentConfig = {
      ...volumeOnly,
      guardrails: { acknowledgements: [{ path: 'operations/metadata-backup', ruleId: 'KP-PROD-OFFCLUSTER-BACKUPS', reason: 'the backup volume is replicated to another region by the storage class' }] },
    };
    expect(() => synth(acknowledged)).not.toThrow();
  });

  test('outside production only the every-environment rule applies: an anonymous listener under authorization', () => {
    const err = refusal({ ...unsafe, name: 'qa', production: false });
    expect(err.violations.map((v) => `${v.rule.id} ${v.owner} ${v.subject}`)).toEqual(['KP-AUTHENTICATED-LISTENERS kafka-qa/cluster Kafka kafka/kafka-prod listener "plain"']);
    expect(err.message).toMatch(/^1 guardrail finding in kafka-qa\n/);
    const authenticated = { ...unsafe.cluster, listeners: [Listener.plainInternal({ authentication: ListenerAuthentication.scramSha512() }), Listener.internalTls()] };
    const summary = summaryOf(synth({ ...unsafe, cluster: authenticated, name: 'qa', production: false }));
    expect(summary).toMatchObject({ environment: 'qa', production: false, enforcedRules: ['KP-AUTHENTICATED-LISTENERS'] });
  });

  test('a production cluster without quotas synthesizes with a KP-PROD-CLUSTER-QUOTAS warning, not a refusal', () => {
    const app = Testing.app();
    const stack = new KafkaPlatformStack(app, { ...prod, cluster: { ...prod.cluster, quotas: undefined } });
    Testing.synth(stack);
    // prod also warns KP-PROD-PLUGIN-CHECKSUM until the platform team pins the backup plugin's vetted digest.
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || /warn/i.test(m.type)).map((m) => `${c.node.path} ${String(m.data)}`)).filter((w) => !w.includes('[KP-PROD-PLUGIN-CHECKSUM]'));
    expect(warnings).toEqual([expect.stringMatching(/^kafka-prod\/cluster \[KP-PROD-CLUSTER-QUOTAS\] Kafka kafka\/kafka-prod spec.kafka.quotas: cluster-wide client quotas/)]);
    const withQuotas = new KafkaPlatformStack(Testing.app(), prod);
    Testing.synth(withQuotas);
    expect(withQuotas.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /KP-PROD-CLUSTER-QUOTAS/.test(String(m.data))))).toEqual([]);
  });

  test('acknowledged findings pass and show in the summary with what they cover', () => {
    const rules = [...new Set(refusal(unsafe).violations.map((v) => v.rule.id))];
    const acknowledged: EnvironmentConfig = {
      ...unsafe,
      guardrails: {
        acknowledgements: [
          ...rules.map((ruleId) => ({ ruleId, path: 'cluster', reason: `load-test cluster, accepted by the platform team (${ruleId})` })),
          { ruleId: 'KP-PROD-RESOURCE-REQUESTS', path: 'strimzi-operator', reason: 'operator sized by ${var.size} elsewhere' },
          // Topics that inherit the cluster's replication factor are the topology's, not the cluster's.
          { ruleId: 'KP-PROD-REPLICATION', path: 'topology', reason: 'topics follow the load-test cluster replication' },
          { ruleId: 'KP-PROD-REPLICATION', path: 'operations/topic-backup', reason: 'the backup topics follow the load-test cluster replication' },
        ],
      },
    };
    const summary = summaryOf(synth(acknowledged));
    expect(summary.acknowledgements.filter((a) => a.ruleId.startsWith('KP-PROD-') || a.ruleId === 'KP-AUTHENTICATED-LISTENERS')).toHaveLength(rules.length + 3);
    const secure = summary.acknowledgements.find((a) => a.ruleId === 'KP-PROD-SECURE-LISTENERS')!;
    expect(secure).toMatchObject({ path: 'kafka-prod/cluster', covers: ['Kafka kafka/kafka-prod listener "plain"'] });
    // The objects the acknowledged construct delivers, so the plan review can match acknowledgements to objects.
    expect(secure.objects).toEqual(expect.arrayContaining(['Kafka kafka/kafka-prod', 'KafkaNodePool kafka/dual']));
    // Terraform would interpolate "${": the reason is escaped in the local.
    expect(summary.acknowledgements.find((a) => a.path === 'kafka-prod/strimzi-operator')!.reason).toBe('operator sized by $${var.size} elsewhere');
  });

  test('acknowledging one rule leaves the other findings failing', () => {
    const err = refusal({ ...unsafe, guardrails: { acknowledgements: [{ ruleId: 'KP-PROD-SUPER-USERS', path: 'cluster', reason: 'orders-service migrates next sprint' }] } });
    expect(err.violations.some((v) => v.rule.id === 'KP-PROD-SUPER-USERS')).toBe(false);
    expect(err.violations.some((v) => v.rule.id === 'KP-PROD-REPLICATION')).toBe(true);
  });

  test('a configured acknowledgement must name an existing construct and a known production rule', () => {
    const bad = { ...prod, guardrails: { acknowledgements: [{ ruleId: 'KP-PROD-TYPO', path: 'nope/x', reason: 'a long enough reason' }] } };
    expect(() => synth(bad)).toThrow(/kafka-prod\/guardrails: acknowledgements\[0\]\.ruleId = "KP-PROD-TYPO": one of KP-PROD-REPLICATION.*\n.*acknowledgements\[0\]\.path = "nope\/x"/);
  });

  test("Jobs and CronJobs added by other modules are checked, and an acknowledgement on them in code works", () => {
    const stack = testStack('kafka-prod');
    const job = new CronJobV1(stack, 'backup', {
      metadata: { name: 'backup', namespace: 'kafka' },
      spec: { schedule: '0 2 * * *', jobTemplate: { metadata: {}, spec: { template: { metadata: {}, spec: { container: [{ name: 'dump', image: 'busybox' }] } } } } },
    });
    new PlatformGuardrails(stack, 'guardrails', { environment: 'prod', production: true });
    expect(() => Testing.synth(stack)).toThrow(/\[KP-PROD-RESOURCE-REQUESTS\] kafka-prod\/backup: kubernetes_cron_job_v1 .*container\[0\] \(dump\) resources.requests = "missing cpu, memory"/);
    Acknowledgements.add(job, 'KP-PROD-RESOURCE-REQUESTS', 'best-effort backup, may be evicted');
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test('dev is not enforced beyond the every-environment rules, and passes them', () => {
    expect(summaryOf(synth(dev))).toMatchObject({ production: false, enforcedRules: ['KP-AUTHENTICATED-LISTENERS'] });
  });
});
