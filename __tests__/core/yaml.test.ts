import { parse, stringify } from 'yaml';
import { toYaml } from '../../lib/core/yaml';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { Testing } from 'cdktf';
import { allReleaseObjects, synthJson } from '../helpers/synth';

const roundTrip = (doc: Record<string, unknown>) => parse(toYaml(doc));

describe('toYaml', () => {
  // Strings a naive writer would get wrong: YAML would read them as another type or structure.
  const tricky = [
    '', ' ', 'true', 'False', 'yes', 'NO', 'on', 'y', 'null', '~', '1', '-1', '0x1F', '0o17', '1e3', '.5', '4.3.1', '.inf', '.NaN',
    'a: b', 'a #b', '#x', '- x', '-', '-XX', '*', '&a', '!tag', '@x', '`x', '%x', '{', '}', '[', ']', ',', '?', '|', '>', "'", '"',
    'x:', 'http://host:9093', 'kafka.strimzi.io/v1', 'strimzi.io/cluster', ' leading', 'trailing ', 'tab\there', 'line\nbreak',
    'two\nlines\n', 'ends\n\n', '\nstarts', 'crlf\r\n', 'uni ❤ code', '\u2028', 'back\\slash', 'ctl\u0001',
    'sum(rate(kafka_server_brokertopicmetrics_messagesin_total{job="kafka"}[5m])) > 80000',
    '{{ $labels.pod }} is {{ $value }}', 'multi\n  indented\n    lines',
  ];

  test.each(tricky.map((s) => [JSON.stringify(s), s]))('string %s survives as value, key and list item', (_label, s) => {
    expect(roundTrip({ v: s, [s]: 1, list: [s], nested: { deeper: [{ k: s }] } })).toEqual({ v: s, [s]: 1, list: [s], nested: { deeper: [{ k: s }] } });
  });

  test('numbers, booleans, null, empty collections and nested lists survive', () => {
    const doc = { n: [0, -3, 1.5, 1e21, 5242880], b: [true, false], z: null, e: {}, a: [], deep: [[1, [2]], [{}], [[]]], o: { p: { q: [{ r: { s: [] } }] } } };
    expect(roundTrip(doc)).toEqual(doc);
  });

  test('undefined fields are left out, like JSON', () => {
    expect(roundTrip({ a: 1, b: undefined })).toEqual({ a: 1 });
  });

  test('refuses what is not plain data instead of writing something else', () => {
    expect(() => toYaml({ a: { b: NaN } })).toThrow('toYaml: $.a.b is NaN; only finite numbers can be written');
    expect(() => toYaml({ f: () => 1 })).toThrow(/\$\.f is a function/);
  });

  test('every release object of every environment reads back identically', () => {
    for (const env of ENVIRONMENTS) {
      const objects = allReleaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), env)));
      expect(objects.length).toBeGreaterThan(3);
      expect(roundTrip({ resources: objects })).toEqual({ resources: objects });
    }
  });

  test('is block style, one field per line, readable in a plan diff', () => {
    expect(toYaml({ resources: [{ kind: 'KafkaTopic', metadata: { name: 'orders' }, spec: { partitions: 12, config: { 'retention.ms': 604800000 } } }] })).toBe(
      ['resources:', '  - kind: KafkaTopic', '    metadata:', '      name: orders', '    spec:', '      partitions: 12', '      config:', '        retention.ms: 604800000', ''].join('\n'),
    );
    expect(toYaml({ script: 'set -e\necho ok\n' })).toBe('script: |\n  set -e\n  echo ok\n');
  });

  test('reads back like the general-purpose library on a large input', () => {
    const doc = { resources: Array.from({ length: 500 }, (_, i) => ({ metadata: { name: `t${i}` }, spec: { partitions: i, config: { 'cleanup.policy': 'compact,delete' } } })) };
    expect(parse(toYaml(doc))).toEqual(parse(stringify(doc)));
  });
});
