import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../scripts/review';
import { prod } from '../../stacks/environments';
import { Grant } from '../../lib/core/access/grant';
import { editReleaseObjects, editStack, scratchDir, synthOutput, user } from '../helpers/review-fixtures';

describe('review CLI', () => {
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    out.mockRestore();
    err.mockRestore();
  });
  const printed = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0])).join('');

  const base = synthOutput([prod]);

  test('exit 0 and a report for an unchanged pair; --out writes the same Markdown', () => {
    const file = path.join(scratchDir(), 'report.md');
    expect(main(['--base', base, '--head', base, '--out', file])).toBe(0);
    expect(printed(out)).toMatch(/^# Kafka platform plan review\n\n✅ No risky changes\./);
    expect(fs.readFileSync(file, 'utf8')).toBe(printed(out));
  });

  test('exit 1 when anything is BLOCK', () => {
    const head = editStack(base, 'kafka-prod', (json) =>
      editReleaseObjects(json, 'kafka-prod-cluster', (o) => o.splice(o.findIndex((x) => x.kind === 'KafkaNodePool'), 1)),
    );
    expect(main(['--base', base, '--head', head])).toBe(1);
    expect(printed(out)).toContain('⛔ BLOCK | KP-REVIEW-CLUSTER-DELETION');
  });

  describe('bad input: exit 2 with a one-line reason, nothing on stdout', () => {
    const reasonOf = (argv: string[]) => {
      err.mockClear();
      expect(main(argv)).toBe(2);
      const text = printed(err);
      expect(text.split('\n').filter(Boolean)).toHaveLength(1);
      return text;
    };
    afterEach(() => expect(out).not.toHaveBeenCalled());

    test('missing or malformed arguments', () => {
      expect(reasonOf(['--base', base])).toMatch(/^review: --head is required; usage: npm run review/);
      expect(reasonOf(['--head', base])).toMatch(/exactly one of --base and --base-empty is required/);
      expect(reasonOf(['--base', '--head', base])).toMatch(/^review: --base needs a folder/);
      expect(reasonOf(['--base', base, '--head', base, '--force'])).toMatch(/unexpected argument "--force"/);
    });

    test('a missing folder, a file, a folder that is not a synth output, unreadable JSON', () => {
      const dir = scratchDir();
      fs.writeFileSync(path.join(dir, 'file'), 'x');
      fs.mkdirSync(path.join(dir, 'empty'));
      expect(reasonOf(['--base', base, '--head', '/nonexistent'])).toBe('review: --head /nonexistent is not a cdktf synth output: no such folder\n');
      expect(reasonOf(['--base', path.join(dir, 'file'), '--head', base])).toMatch(/^review: --base .*file is not a cdktf synth output: no such folder/);
      expect(reasonOf(['--base', path.join(dir, 'empty'), '--head', base])).toMatch(/^review: --base .*empty is not a cdktf synth output: it has no manifest\.json/);
      const broken = editStack(base, 'kafka-prod', () => undefined);
      fs.writeFileSync(path.join(broken, 'stacks', 'kafka-prod', 'cdk.tf.json'), '{"resource": ');
      expect(reasonOf(['--base', base, '--head', broken])).toMatch(/^review: --head .*cdk\.tf\.json is not valid JSON/);
    });

    test('a synth output of another cdktf app is refused, not compared', () => {
      const other = scratchDir();
      fs.writeFileSync(path.join(other, 'manifest.json'), '{"stacks":{}}');
      fs.mkdirSync(path.join(other, 'stacks', 'web'), { recursive: true });
      fs.writeFileSync(path.join(other, 'stacks', 'web', 'cdk.tf.json'), JSON.stringify({ resource: { helm_release: { web: { name: 'web', chart: 'nginx' } } } }));
      expect(reasonOf(['--base', other, '--head', base])).toMatch(/^review: --base .* is not a synth output of this library: stack web has neither a kafka_platform summary nor a kafka-platform-resources-chart release/);
      const none = scratchDir();
      fs.writeFileSync(path.join(none, 'manifest.json'), '{"stacks":{}}');
      expect(reasonOf(['--base', none, '--head', base])).toMatch(/is not a synth output of this library: it has no stack/);
    });
  });

  test('--base-empty declares every stack new: compared with nothing, and said so', () => {
    expect(main(['--base-empty', '--head', base])).toBe(0);
    expect(printed(out)).toMatch(/## kafka-prod: added/);
    expect(printed(out)).toContain('The base was declared empty');
  });

  describe('scenarios', () => {
    const withMonitoring = (warning: number, critical: number) =>
      synthOutput([{ ...prod, monitoring: { ...prod.monitoring!, thresholds: { ...prod.monitoring!.thresholds, diskUsagePercent: { warning, critical } } } }]);

    test('a disk threshold change 85/90 → 80/95 shows each severity by name, at the part that differs', () => {
      expect(main(['--base', withMonitoring(85, 90), '--head', withMonitoring(80, 95)])).toBe(0);
      const md = printed(out);
      const line = (severity: string) => md.split('\n').find((l) => l.includes(`rules[KafkaDiskSpaceHigh ${severity}].expr`));
      expect(line('warning')).toMatch(/^  - `spec\.groups\[kafka-prod\.slo\]\.rules\[KafkaDiskSpaceHigh warning\]\.expr`: `….*"} > ⟦85⟧` → `….*"} > ⟦80⟧`$/);
      expect(line('critical')).toMatch(/: `….*"} > ⟦90⟧` → `….*"} > ⟦95⟧`$/);
      expect(md).not.toMatch(/rules\[\d+\]/);
      expect(md).not.toContain('compared one by one');
    });

    test('a new user is listed with its ACL table', () => {
      const head = editStack(base, 'kafka-prod', (json) =>
        editReleaseObjects(json, 'kafka-prod-users-payments', (o) =>
          o.push(user('fraud-service', [...Grant.consume('payments.payment-settled.v1', { group: 'fraud-service' }).acls])),
        ),
      );
      expect(main(['--base', base, '--head', head])).toBe(0);
      expect(printed(out)).toContain(
        [
          '- + KafkaUser `kafka/fraud-service`',
          '',
          '  | ACL | Type | Resource | Name | Pattern | Operations | Host |',
          '  | --- | --- | --- | --- | --- | --- | --- |',
          '  | + | allow | topic | `payments.payment-settled.v1` | literal | Describe, Read | * |',
          '  | + | allow | group | `fraud-service` | literal | Read | * |',
        ].join('\n'),
      );
    });

    test('a shorter broker default retention does not warn about compacted topics', () => {
      // One deleting and one compacted topic rely on the broker default (no retention.ms of their own).
      const withRetention = (hours: number) =>
        editStack(synthOutput([{ ...prod, cluster: { ...prod.cluster, config: { ...prod.cluster.config, 'log.retention.ms': hours * 3_600_000 } } }]), 'kafka-prod', (json) => {
          for (const release of ['kafka-prod-topics-orders', 'kafka-prod-topics-payments']) {
            editReleaseObjects(json, release, (o) => o.forEach((t) => delete (t.spec as { config: Record<string, unknown> }).config['retention.ms']));
          }
        });
      expect(main(['--base', withRetention(168), '--head', withRetention(72)])).toBe(0);
      const md = printed(out);
      const warned = md.split('\n').filter((l) => l.includes('KP-REVIEW-RETENTION-CUT'));
      expect(warned).toEqual([
        expect.stringMatching(/WARN \| KP-REVIEW-RETENTION-CUT \| Kafka kafka\/kafka-prod \| broker default log.retention.ms shortens retention.ms 604800000 \(7 d\) → 259200000 \(3 d\) for 2 topic\(s\) without their own: orders.order-placed.v1, payments.payment-settled.v1 \|$/),
      ]);
    });

    test('acknowledgements list what they cover, also for an acknowledgement of a review rule (wildcard grants)', () => {
      const head = editStack(base, 'kafka-prod', (json) => editReleaseObjects(json, 'kafka-prod-topics-orders', (o) => ((o[0].spec as { partitions: number }).partitions += 1)));
      main(['--base', base, '--head', head]);
      const row = printed(out)
        .split('\n')
        .find((l) => l.startsWith('| KP-ACCESS-WILDCARD | `kafka-prod/operations/metadata-backup/user` |'))!;
      expect(row).toMatch(/\| KafkaUser kafka\/kafka-prod-metadata-backup: allow group:\* \[Describe\]; KafkaUser kafka\/kafka-prod-metadata-backup: allow topic:\* \[Describe, DescribeConfigs\] \|$/);
      expect(printed(out)).not.toContain('nothing at present');
    });

    test('a partition increase on a Kafka Streams input warns, naming the application', () => {
      const head = editStack(base, 'kafka-prod', (json) =>
        editReleaseObjects(json, 'kafka-prod-topics-orders', (o) => {
          const spec = o.find((t) => t.metadata.name === 'orders.order-placed.v1')!.spec as { partitions: number };
          spec.partitions *= 2;
        }),
      );
      expect(main(['--base', base, '--head', head])).toBe(0);
      expect(printed(out)).toMatch(/⚠️ WARN \| KP-REVIEW-PARTITION-INCREASE-KEYED \| KafkaTopic kafka\/orders.order-placed.v1 \| partitions \d+ → \d+ changes which partition each key goes to; it is an input of Kafka Streams application order-status-projector/);
    });
  });
});
