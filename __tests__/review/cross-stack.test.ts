import { KubernetesObject } from '../../lib/core/kubernetes';
import { renderMarkdown } from '../../lib/review/report';
import { reviewSynthOutputs } from '../../lib/review/review';
import { readSynthOutput } from '../../lib/review/synth-output';
import { dr, prod } from '../../stacks/environments';
import { editReleaseObjects, editStack, synthOutput } from '../helpers/review-fixtures';

/** The real prod and dr stacks: prod's KafkaMirrorMaker2 replicates to the cluster the dr stack declares. */
const BASE = synthOutput([prod, dr]);
const DAY = 86_400_000;

const editProdTopics = (edit: (topics: KubernetesObject[]) => void) => editStack(BASE, 'kafka-prod', (json) => editReleaseObjects(json, 'kafka-prod-topics-orders', edit));
const spec = (topics: KubernetesObject[], name: string) => topics.find((t) => t.metadata.name === name)!.spec as { partitions: number; config: Record<string, unknown> };
const reviewOf = (head: string) => reviewSynthOutputs(readSynthOutput(BASE), readSynthOutput(head));
const effects = (head: string) => reviewOf(head).stacks.find((s) => s.changes.name === 'kafka-dr')!.indirectEffects.map((e) => `${e.from} ${e.via} ${e.subject}: ${e.change}`);

describe('effects that cross stacks (MirrorMaker 2 from prod to dr)', () => {
  test("a prod retention cut reaches dr through the topic-config sync, and dr's section says so instead of \"Unchanged\"", () => {
    const head = editProdTopics((t) => (spec(t, 'orders.order-placed.v1').config['retention.ms'] = DAY));
    expect(effects(head)).toEqual([
      "kafka-prod KafkaMirrorMaker2 kafka/kafka-prod-mirror topic orders.order-placed.v1: `retention.ms` `604800000` (7 d) → `86400000` (1 d) through MirrorMaker 2's topic-config sync (within 600 s of the source change): the copy there keeps less as well, older data is deleted at its next cleanup",
    ]);
    const md = renderMarkdown(reviewOf(head));
    expect(md).toContain('## kafka-dr: unchanged in code, affected by kafka-prod');
    expect(md).toContain('- via `kafka-prod` KafkaMirrorMaker2 kafka/kafka-prod-mirror\n  - topic orders.order-placed.v1: `retention.ms`');
    expect(md).not.toMatch(/Unchanged: .*kafka-dr/);
    // prod's own section still carries the risk; dr's indirect note adds no second WARN to the verdict.
    expect(reviewOf(head).warnings).toBe(1);
  });

  test('new topics and more partitions reach dr; a removed topic stays there; excluded keys and topics do not travel', () => {
    const head = editProdTopics((t) => {
      spec(t, 'orders.order-status.v1').partitions = 24;
      // min.insync.replicas is in MirrorMaker 2's config.properties.exclude: it stays local.
      spec(t, 'orders.order-status.v1').config['min.insync.replicas'] = 3;
      t.push({ ...t[0], metadata: { ...t[0].metadata, name: 'orders.order-audit.v1' } });
      t.push({ ...t[0], metadata: { ...t[0].metadata, name: 'orders.events-internal' } });
    });
    expect(effects(head)).toEqual([
      expect.stringMatching(/topic orders\.order-audit\.v1: created by MirrorMaker 2 when it next refreshes its topics/),
      expect.stringMatching(/topic orders\.order-status\.v1: partitions 12 → 24: MirrorMaker 2 adds the partitions on the target$/),
    ]);
    const removed = editProdTopics((t) => t.splice(t.findIndex((x) => x.metadata.name === 'orders.order-status.v1'), 1));
    expect(effects(removed)).toEqual([expect.stringMatching(/topic orders\.order-status\.v1: stays: MirrorMaker 2 does not delete topics on the target/)]);
  });

  test('without topic-config sync, or with a prefixing policy, the effect follows the mirror as configured', () => {
    const mirror = (edit: (m: { sourceConnector: { config: Record<string, unknown> } }) => void) =>
      editStack(editProdTopics((t) => (spec(t, 'orders.order-placed.v1').config['retention.ms'] = DAY)), 'kafka-prod', (json) =>
        editReleaseObjects(json, 'kafka-prod-operations', (objects) => edit((objects.find((o) => o.kind === 'KafkaMirrorMaker2')!.spec as { mirrors: never[] }).mirrors[0])),
      );
    // The fixtures' base keeps the original mirror, so the mirror's own change is the prod section's business.
    const noSync = mirror((m) => (m.sourceConnector.config['sync.topic.configs.enabled'] = 'false'));
    expect(effects(noSync)).toEqual([]);
    const prefixed = mirror((m) => (m.sourceConnector.config['replication.policy.class'] = 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy'));
    expect(effects(prefixed)).toEqual([expect.stringContaining('topic kafka-prod.orders.order-placed.v1: `retention.ms`')]);
  });

  test('a stack that receives nothing stays one line; a change that mirrors nowhere has no indirect effect', () => {
    const head = editStack(BASE, 'kafka-prod', (json) =>
      editReleaseObjects(json, 'kafka-prod-cluster', (o) => ((o.find((x) => x.kind === 'Kafka')!.spec as { maintenanceTimeWindows: string[] }).maintenanceTimeWindows = ['* * 3-5 ? * SAT'])),
    );
    expect(effects(head)).toEqual([]);
    expect(renderMarkdown(reviewOf(head))).toContain('Unchanged: kafka-dr.');
  });
});
