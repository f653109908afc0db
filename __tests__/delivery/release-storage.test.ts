import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CHART_DIR } from '../../lib/delivery/chart-asset';
import {
  base64Length,
  HELM_RELEASE_SECRET_LIMIT_BYTES,
  MAX_STORED_RELEASE_BYTES,
  storedReleaseBytes,
  storedReleaseBytesOver,
  StoredReleaseInput,
  storedReleaseJson,
} from '../../lib/delivery/release-storage';
import { toYaml } from '../../lib/core/yaml';

/** A release Helm 4.1.4 printed with `helm install --dry-run=client -o json` (the JSON its storage driver encodes). */
const FIXTURES = path.join(__dirname, 'fixtures');
const helmRelease = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'helm-release.json'), 'utf8'));
const fixtureValues = fs.readFileSync(path.join(FIXTURES, 'helm-release.values.yaml'), 'utf8');

const input = (values: Record<string, unknown>, name = 'orders-topics'): StoredReleaseInput => ({ name, namespace: 'kafka', chartDir: CHART_DIR, values, valuesYaml: toYaml(values) });

describe('the release Helm stores', () => {
  test('the budget is the 1 MiB Secret limit less 1/16', () => {
    expect([HELM_RELEASE_SECRET_LIMIT_BYTES, MAX_STORED_RELEASE_BYTES]).toEqual([1_048_576, 983_040]);
  });

  test("the estimate's JSON has the fields of Helm's release JSON, with the values as config and the chart's files", () => {
    const mine = JSON.parse(storedReleaseJson(input(parse(fixtureValues))));
    expect(Object.keys(mine)).toEqual(Object.keys(helmRelease));
    expect(Object.keys(mine.info).sort()).toEqual(Object.keys(helmRelease.info).sort());
    expect(Object.keys(mine.chart)).toEqual(Object.keys(helmRelease.chart));
    expect(mine.chart.metadata).toEqual(helmRelease.chart.metadata);
    expect(mine.chart.templates.map((t: { name: string; data: string }) => [t.name, t.data])).toEqual(helmRelease.chart.templates.map((t: { name: string; data: string }) => [t.name, t.data]));
    expect(mine.config).toEqual(helmRelease.config);
    expect([mine.name, mine.namespace]).toEqual([helmRelease.name, helmRelease.namespace]);
  });

  test("config is written as Go's encoding/json writes it: <, > and & escaped", () => {
    const json = storedReleaseJson(input({ resources: [{ note: 'up > 0 && down < 1' }] }));
    expect(json).toContain('"note":"up \\u003e 0 \\u0026\\u0026 down \\u003c 1"');
    expect(JSON.parse(json).config).toEqual({ resources: [{ note: 'up > 0 && down < 1' }] });
  });

  test("the JSON is within a few per cent of Helm's for the same release (the manifest is the values YAML)", () => {
    const mine = Buffer.byteLength(storedReleaseJson(input(parse(fixtureValues))));
    const helms = Buffer.byteLength(JSON.stringify(helmRelease).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`));
    expect(Math.abs(mine - helms) / helms).toBeLessThan(0.05);
  });

  /** Releases of every kind the cheap answers must not misjudge: compressible, random, full of `<>&`, tiny. */
  const releases = (): [string, StoredReleaseInput][] => {
    const hash = (i: number) => createHash('sha256').update(String(i)).digest('hex');
    const topic = (name: string) => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name, namespace: 'kafka' }, spec: { partitions: 12 } });
    return [
      ['one topic', input({ resources: [topic('orders')] })],
      ['2,000 sequential topics', input({ resources: Array.from({ length: 2000 }, (_, i) => topic(`t-${i}`)) })],
      ['2,000 hashed topics', input({ resources: Array.from({ length: 2000 }, (_, i) => topic(`orders.${hash(i).slice(0, 16)}`)) })],
      ['random data', input({ resources: [{ kind: 'ConfigMap', data: { blob: randomBytes(64 * 1024).toString('base64') } }] })],
      ['PromQL with <, > and &', input({ resources: Array.from({ length: 200 }, (_, i) => ({ kind: 'PrometheusRule', spec: { expr: `a{x="${hash(i).slice(0, 8)}"} > 0 && b < 1 & c` } })) })],
    ];
  };

  test.each(releases())('%s: the cheap answers agree with the full estimate on either side of it', (_name, r) => {
    const estimate = storedReleaseBytes(r);
    for (const budget of [estimate - 1, Math.floor(estimate * 0.5), 0]) expect(storedReleaseBytesOver(r, budget)).toBe(estimate);
    for (const budget of [estimate, estimate * 2, MAX_STORED_RELEASE_BYTES * 10]) expect(storedReleaseBytesOver(r, budget)).toBeUndefined();
  });

  test('compressible objects are stored far smaller than written; random data barely compresses, and is stored twice', () => {
    const [, , [, hashed], [, noise]] = releases();
    expect(storedReleaseBytes(hashed)).toBeLessThan(Buffer.byteLength(hashed.valuesYaml) / 5);
    expect(storedReleaseBytes(noise)).toBeGreaterThan(2 * 64 * 1024);
  });

  test('base64 of n bytes takes 4 characters per 3, padded', () => {
    expect([0, 1, 2, 3, 4, 786_432].map(base64Length)).toEqual([0, 4, 4, 4, 8, 1_048_576]);
  });
});
