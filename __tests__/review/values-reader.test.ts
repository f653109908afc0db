import { parse, stringify } from 'yaml';
import { toYaml } from '../../lib/core/yaml';
import { OUTSIDE, readLibraryValues, readValuesSubset } from '../../lib/review/values-reader';
import { prod } from '../../stacks/environments';
import { synthOutput } from '../helpers/review-fixtures';
import * as fs from 'fs';
import * as path from 'path';

const tricky = {
  resources: [
    {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: { name: 'orders.v1', annotations: { 'helm.sh/resource-policy': 'keep' }, labels: { 'strimzi.io/cluster': 'k' } },
      spec: {
        partitions: 12,
        config: { 'retention.ms': 604800000, 'min.insync.replicas': 2, 'cleanup.policy': 'compact,delete', ratio: 0.5, big: 1e21, neg: -1 },
        reserved: ['yes', 'no', 'on', 'null', 'true', '~', 'y'],
        odd: ['12', '0x1F', '1_000', '.inf', 'a b', 'a: b', '- x', '#c', '', ' lead', 'trail ', 'é', '"q"', "it's"],
        empty: { list: [], map: {} },
        nested: [[1, 2], [], [{ a: 1 }], { b: [true, false, null] }],
        script: 'set -e\n  indented\n\nafter blank\n',
        stripped: 'line one\nline two',
        scripts: ['first\n  second\n', { run: 'a\nb', then: [{ x: 'c\nd\n' }] }, 'tail'],
        awkward: 'ends with blank\n\n',
        'key with space': 1,
        '"quoted"': 'x',
      },
    },
  ],
};

describe('readLibraryValues', () => {
  test('reads back exactly what toYaml wrote, including strings that look like other types', () => {
    expect(readValuesSubset(toYaml(tricky))).toEqual(tricky);
    expect(readLibraryValues(toYaml(tricky))).toEqual(tricky);
    expect(readLibraryValues(toYaml(tricky))).toEqual(parse(toYaml(tricky)));
  });

  test('the values of a real synth read the same as with a general YAML parser', () => {
    const dir = synthOutput([prod]);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'kafka-prod', 'cdk.tf.json'), 'utf8')) as {
      resource: { helm_release: Record<string, { chart: string; values?: string[] }> };
    };
    const values = Object.values(json.resource.helm_release)
      .filter((r) => r.chart.includes('kafka-platform-resources-chart'))
      .flatMap((r) => r.values ?? []);
    expect(values.length).toBeGreaterThan(2);
    for (const v of values) expect(readValuesSubset(v)).toEqual(parse(v));
  });

  test('YAML outside the subset (flow style, comments, anchors, other writers) falls back to the general parser', () => {
    for (const text of ['a: {b: 1}\n', 'a: 1 # note\n', 'a: &x 1\nb: *x\n', 'a: 0x1F\n', 'a: yes\n', stringify({ s: [1, { t: 'x y' }] }), 'a:\n- 1\n- 2\n']) {
      expect(readValuesSubset(text)).toBe(OUTSIDE);
      expect(readLibraryValues(text)).toEqual(parse(text));
    }
  });

  test('an empty document is null, like YAML', () => {
    expect(readLibraryValues('')).toBeNull();
  });
});
