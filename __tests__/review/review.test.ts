import { KubernetesObject } from '../../lib/core/kubernetes';
import { renderMarkdown } from '../../lib/review/report';
import { Review, reviewSynthOutputs } from '../../lib/review/review';
import { readSynthOutput } from '../../lib/review/synth-output';
import { Storage } from '../../lib/core/strimzi/storage';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { dev, prod, staging } from '../../stacks/environments';
import { editReleaseObjects, editStack, removeStack, setReleaseObjects, synthOutput, topic, user } from '../helpers/review-fixtures';

const DAY = 86_400_000;
const readAcl = { resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Describe', 'Read'] };
const topics = () => [
  topic('orders', { partitions: 6, replicas: 3, config: { 'retention.ms': 7 * DAY, 'min.insync.replicas': 2 } }),
  topic('payments', { partitions: 12, replicas: 3 }),
  topic('legacy', { partitions: 3, replicas: 3 }, { 'strimzi.io/managed': 'false' }),
];
const alerts = (threshold: number): KubernetesObject => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'kafka-alerts', namespace: 'kafka' },
  spec: { groups: [{ name: 'kafka', rules: [{ alert: 'KafkaDiskAlmostFull', expr: `used / capacity > ${threshold}`, for: '15m' }] }] },
});

/** A real synth of the environments, plus topics, users and alerts the other modules would add to prod. */
function estate(environments: readonly EnvironmentConfig[] = [staging, prod]): string {
  return editStack(synthOutput(environments), 'kafka-prod', (json) => {
    setReleaseObjects(json, 'kafka-prod-topics', topics());
    setReleaseObjects(json, 'kafka-prod-users', [user('orders-app', [readAcl])]);
    setReleaseObjects(json, 'kafka-prod-monitoring', [alerts(0.85)]);
  });
}

const BASE = estate();
const review = (base: string, head: string): Review => reviewSynthOutputs(readSynthOutput(base), readSynthOutput(head));
const editProdObjects = (release: string, edit: (objects: KubernetesObject[]) => void) => editStack(BASE, 'kafka-prod', (json) => editReleaseObjects(json, release, edit));
const editTopic = (name: string, edit: (spec: Record<string, unknown>) => void) =>
  editProdObjects('kafka-prod-topics', (objects) => edit(objects.find((o) => o.metadata.name === name)!.spec as Record<string, unknown>));
const risks = (r: Review, stack = 'kafka-prod') => r.stacks.find((s) => s.changes.name === stack)!.risks.map((x) => `${x.level} ${x.ruleId} ${x.subject}`);

describe('plan review', () => {
  test('an unchanged pair has no changes and no risks', () => {
    const r = review(BASE, estate());
    expect(r.stacks.map((s) => s.changes.status)).toEqual(['unchanged', 'unchanged']);
    expect([r.blocks, r.warnings]).toEqual([0, 0]);
    expect(renderMarkdown(r)).toContain('✅ No risky changes.\n\nUnchanged: kafka-prod, kafka-staging.');
  });

  test('an added environment is listed as added, with its objects, and is not a risk', () => {
    const r = review(BASE, estate([dev, staging, prod]));
    const added = r.stacks.find((s) => s.changes.name === 'kafka-dev')!;
    expect(added.changes.status).toBe('added');
    expect(added.changes.objects.map((o) => `${o.status} ${o.kind} ${o.name}`)).toEqual(expect.arrayContaining(['added Kafka kafka/kafka-dev', 'added KafkaNodePool kafka/dual']));
    expect(added.changes.objects.every((o) => o.status === 'added')).toBe(true);
    expect(r.stacks.flatMap((s) => s.risks).filter((x) => !x.acknowledgement)).toEqual([]);
    expect(r.blocks + r.warnings).toBe(0);
    expect(renderMarkdown(r)).toMatch(/## kafka-dev: added\n\n_not production/);
  });

  test('field-level changes: partitions, retention, ACL operations and alert thresholds', () => {
    const head = editStack(BASE, 'kafka-prod', (json) => {
      editReleaseObjects(json, 'kafka-prod-topics', (o) => Object.assign(o[0].spec!, { partitions: 12 }));
      editReleaseObjects(json, 'kafka-prod-users', (o) => {
        (o[0].spec as { authorization: { acls: unknown[] } }).authorization.acls = [{ ...readAcl, operations: ['Describe', 'Write'] }];
      });
      editReleaseObjects(json, 'kafka-prod-monitoring', (o) => o.splice(0, 1, alerts(0.9)));
    });
    const md = renderMarkdown(review(BASE, head));
    expect(md).toContain('- ~ KafkaTopic `kafka/orders`\n  - `spec.partitions`: `6` → `12`');
    expect(md).toContain('- ~ KafkaUser `kafka/orders-app`\n\n  | ACL | Type | Resource | Name | Pattern | Operations | Host |\n  | --- | --- | --- | --- | --- | --- | --- |\n  | ~ | allow | topic | `orders` | literal | Describe, Write (+Write −Read) | * |\n');
    expect(md).toContain('`spec.groups[kafka].rules[KafkaDiskAlmostFull].expr`: `used / capacity > 0.85` → `used / capacity > 0.9`');
  });

  describe('BLOCK', () => {
    test('partition decrease', () => {
      expect(risks(review(BASE, editTopic('payments', (s) => (s.partitions = 6))))).toEqual(['BLOCK KP-REVIEW-PARTITION-DECREASE KafkaTopic kafka/payments']);
    });

    test('replication change only without Cruise Control in the cluster', () => {
      const withCc = editTopic('orders', (s) => (s.replicas = 4));
      expect(risks(review(BASE, withCc))).toEqual([]);
      const withoutCc = editStack(withCc, 'kafka-prod', (json) =>
        editReleaseObjects(json, 'kafka-prod-cluster', (o) => delete (o.find((x) => x.kind === 'Kafka')!.spec as Record<string, unknown>).cruiseControl),
      );
      expect(risks(review(BASE, withoutCc))).toContain('BLOCK KP-REVIEW-REPLICATION-CHANGE KafkaTopic kafka/orders');
    });

    test('topic deletion in prod, not of an unmanaged topic, not outside prod', () => {
      const head = editProdObjects('kafka-prod-topics', (o) => o.splice(0, o.length, o.find((t) => t.metadata.name === 'payments')!));
      expect(risks(review(BASE, head))).toEqual(['BLOCK KP-REVIEW-TOPIC-DELETION KafkaTopic kafka/orders']);
      const stagingBase = editStack(BASE, 'kafka-staging', (json) => setReleaseObjects(json, 'kafka-staging-topics', topics()));
      expect(risks(review(stagingBase, BASE), 'kafka-staging')).toEqual([]);
    });

    test('cluster and node pool deletion, except a pool scaled to 0 first', () => {
      const r = review(BASE, removeStack(BASE, 'kafka-prod'));
      expect(r.stacks.find((s) => s.changes.name === 'kafka-prod')!.changes.status).toBe('removed');
      expect(risks(r)).toEqual(expect.arrayContaining(['BLOCK KP-REVIEW-CLUSTER-DELETION Kafka kafka/kafka-prod', 'BLOCK KP-REVIEW-CLUSTER-DELETION KafkaNodePool kafka/brokers', 'BLOCK KP-REVIEW-TOPIC-DELETION KafkaTopic kafka/orders']));
      const scaledToZero = editProdObjects('kafka-prod-cluster', (o) => Object.assign(o.find((x) => x.metadata.name === 'brokers')!.spec!, { replicas: 0 }));
      const poolGone = editProdObjects('kafka-prod-cluster', (o) => o.splice(o.findIndex((x) => x.metadata.name === 'brokers'), 1));
      expect(risks(review(BASE, poolGone))).toEqual(['BLOCK KP-REVIEW-CLUSTER-DELETION KafkaNodePool kafka/brokers']);
      expect(risks(review(scaledToZero, poolGone))).toEqual([]);
    });

    test('storage shrink, from a real configuration change', () => {
      const smaller = { ...prod, cluster: { ...prod.cluster, topology: NodeTopology.dedicated(prod.cluster.topology.pools[0], [{ ...prod.cluster.topology.pools[1], storage: Storage.persistentClaim({ size: '500Gi', storageClass: 'ssd' }) }]) } };
      const r = review(synthOutput([prod]), synthOutput([smaller]));
      expect(r.stacks[0].risks.map((x) => x.message)).toEqual([expect.stringMatching(/^volume 0 size 1Ti → 500Gi: persistent volumes cannot shrink/)]);
    });

    test('deleteClaim: true in prod, even when the guardrail is acknowledged; the acknowledgement shows in the report', () => {
      const pools = prod.cluster.topology.pools;
      const deleting: EnvironmentConfig = {
        ...prod,
        cluster: { ...prod.cluster, topology: NodeTopology.dedicated(pools[0], [{ ...pools[1], storage: Storage.persistentClaim({ size: '1Ti', storageClass: 'ssd', deleteClaim: true }) }]) },
        guardrails: { acknowledgements: [{ ruleId: 'KP-PROD-KEEP-CLAIMS', path: 'cluster', reason: 'brokers are rebuilt from MirrorMaker 2 replicas' }] },
      };
      const r = review(synthOutput([prod]), synthOutput([deleting]));
      expect(risks(r)).toEqual(['BLOCK KP-REVIEW-DELETE-CLAIM KafkaNodePool kafka/brokers']);
      expect(renderMarkdown(r)).toContain('| KP-PROD-KEEP-CLAIMS (new) | `kafka-prod/cluster` | brokers are rebuilt from MirrorMaker 2 replicas | KafkaNodePool kafka/brokers spec.storage volume 0 deleteClaim |');
    });

    test('standing acknowledgements are folded once per stack; new ones are in the open', () => {
      const r = review(BASE, editTopic('orders', (t) => (t.partitions = 48)));
      const md = renderMarkdown(r);
      const prodSection = md.slice(md.indexOf('## kafka-prod'));
      // prod's three standing KP-ACCESS-WILDCARD acknowledgements: one folded block, no open table.
      expect(prodSection).toContain('<details><summary>3 acknowledged guardrail exceptions, unchanged</summary>');
      expect(prodSection).not.toContain('**Acknowledged guardrail exceptions, new or changed**');
      expect(prodSection.match(/\| KP-ACCESS-WILDCARD \|/g)).toHaveLength(3);
      const added = editStack(editTopic('orders', (t) => (t.partitions = 48)), 'kafka-prod', (json) => {
        (json.locals!.kafka_platform as { acknowledgements: object[] }).acknowledgements.push({ ruleId: 'KP-PROD-MIN-ISR', path: 'kafka-prod/cluster', reason: 'a reviewed exception', covers: [] });
      });
      const withNew = renderMarkdown(review(BASE, added));
      expect(withNew).toContain('**Acknowledged guardrail exceptions, new or changed**\n\n| Rule | Construct | Reason | Covers |\n| --- | --- | --- | --- |\n| KP-PROD-MIN-ISR (new) | `kafka-prod/cluster` | a reviewed exception | nothing at present |');
      expect(withNew).toContain('<details><summary>3 acknowledged guardrail exceptions, unchanged</summary>');
    });

    test('a grant broadened to a wildcard, and a new user with one', () => {
      const wildcard = { resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['Read'] };
      const head = editProdObjects('kafka-prod-users', (o) => {
        (o[0].spec as { authorization: { acls: unknown[] } }).authorization.acls = [wildcard];
        o.push(user('auditor', [{ resource: { type: 'group', name: '', patternType: 'prefix' }, operations: ['Read'] }]));
      });
      expect(risks(review(BASE, head)).sort()).toEqual(['BLOCK KP-REVIEW-WILDCARD-GRANT KafkaUser kafka/auditor', 'BLOCK KP-REVIEW-WILDCARD-GRANT KafkaUser kafka/orders-app']);
      // An acknowledgement of the access rule on the construct that owns the user accepts the risk, visibly.
      const acknowledged = editStack(head, 'kafka-prod', (json) => {
        const summary = json.locals!.kafka_platform as { acknowledgements: object[] };
        summary.acknowledgements.push({ ruleId: 'KP-ACCESS-WILDCARD', path: 'kafka-prod/audit', reason: 'the auditor reads every group', covers: [], objects: ['KafkaUser kafka/auditor'] });
      });
      const r = review(BASE, acknowledged);
      expect(risks(r)).toEqual(['BLOCK KP-REVIEW-WILDCARD-GRANT KafkaUser kafka/orders-app', 'BLOCK KP-REVIEW-WILDCARD-GRANT KafkaUser kafka/auditor']);
      expect(r.blocks).toBe(1);
      expect(renderMarkdown(r)).toContain('| ☑️ acknowledged BLOCK | KP-REVIEW-WILDCARD-GRANT | KafkaUser kafka/auditor | allow group:* [Read]: access to every group; grant the named resources or a prefix instead — acknowledged at `kafka-prod/audit`: the auditor reads every group |');
      // The cluster's super user bypasses ACLs anyway: its wildcard grants broaden nothing.
      const admin = editProdObjects('kafka-prod-users', (o) => o.push(user('platform-admin', [wildcard])));
      expect(risks(review(BASE, admin))).toEqual([]);
    });
  });

  describe('WARN', () => {
    test('a deletion-protected prod topic leaving code is a warning, not a block', () => {
      const kept = (o: KubernetesObject[]) =>
        o.forEach((t) => Object.assign(t.metadata, { annotations: { ...(t.metadata.annotations ?? {}), 'helm.sh/resource-policy': 'keep' } }));
      const base = editProdObjects('kafka-prod-topics', kept);
      const head = editStack(base, 'kafka-prod', (json) =>
        editReleaseObjects(json, 'kafka-prod-topics', (o) => o.splice(o.findIndex((t) => t.metadata.name === 'orders'), 1)),
      );
      expect(risks(review(base, head))).toEqual(['WARN KP-REVIEW-KEPT-TOPIC-REMOVED KafkaTopic kafka/orders']);
    });

    test('retention cut on a topic, also from the broker default to a shorter explicit value', () => {
      const r = review(BASE, editTopic('orders', (s) => Object.assign(s.config as object, { 'retention.ms': DAY })));
      expect(r.stacks.find((s) => s.changes.name === 'kafka-prod')!.risks.map((x) => x.message)).toEqual([`retention.ms ${7 * DAY} (7 d) → ${DAY} (1 d): older data is deleted at the next cleanup`]);
      expect(risks(review(BASE, editTopic('payments', (s) => (s.config = { 'retention.ms': 3 * DAY }))))).toEqual(['WARN KP-REVIEW-RETENTION-CUT KafkaTopic kafka/payments']);
      expect(risks(review(BASE, editTopic('payments', (s) => (s.config = { 'retention.ms': -1 }))))).toEqual([]);
      expect(review(BASE, editTopic('payments', (s) => (s.config = { 'retention.ms': -1 }))).warnings).toBe(0);
    });

    test('lower min ISR on a topic and on the cluster', () => {
      expect(risks(review(BASE, editTopic('orders', (s) => Object.assign(s.config as object, { 'min.insync.replicas': 1 }))))).toEqual(['WARN KP-REVIEW-MIN-ISR-LOWERED KafkaTopic kafka/orders']);
      const cluster = editProdObjects('kafka-prod-cluster', (o) => Object.assign((o.find((x) => x.kind === 'Kafka')!.spec as { kafka: { config: object } }).kafka.config, { 'min.insync.replicas': 1 }));
      expect(risks(review(BASE, cluster))).toEqual(['WARN KP-REVIEW-MIN-ISR-LOWERED Kafka kafka/kafka-prod']);
    });

    test('broker config that rolls the brokers; dynamic keys do not', () => {
      const dynamic = synthOutput([{ ...prod, cluster: { ...prod.cluster, config: { 'compression.type': 'lz4' } } }]);
      const rolling = synthOutput([{ ...prod, cluster: { ...prod.cluster, config: { 'auto.leader.rebalance.enable': false } } }]);
      const base = synthOutput([prod]);
      expect(review(base, dynamic).warnings).toBe(0);
      expect(review(base, rolling).stacks[0].risks.map((x) => `${x.level} ${x.message}`)).toEqual([
        'WARN broker config auto.leader.rebalance.enable changed: not dynamically updatable, so every broker restarts',
      ]);
    });
  });
});
