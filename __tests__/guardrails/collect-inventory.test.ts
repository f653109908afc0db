import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformElement, TerraformStack, Testing, Token, Tokenization } from 'cdktf';
import { Node } from 'constructs';
import { KubernetesConfigMap, KubernetesCronJob } from '../../lib/delivery/kubernetes-resources';
import { PreparedValue } from '../../lib/delivery/light-resource';
import { resolveJson, scanStack } from '../../lib/guardrails/collect-inventory';
import { objectsOfKind } from '../../lib/guardrails/inventory';
import { PlatformGuardrails } from '../../lib/guardrails/platform-guardrails';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { buildApp } from '../../stacks/app';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { testStack } from '../helpers/synth';

const RESOLVER = new DefaultTokenResolver(new StringConcat());
/** The oracle: cdktf's own resolver. */
const cdktfResolve = (value: unknown, stack: TerraformStack) => Tokenization.resolve(value, { scope: stack, resolver: RESOLVER });

describe('resolveJson resolves as cdktf does', () => {
  test('every element of the four environments', () => {
    const app = buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-inventory-')));
    const elements = app.node.findAll().filter((c): c is TerraformElement => c instanceof TerraformElement);
    expect(elements.length).toBeGreaterThan(100);
    for (const e of elements) {
      const stack = TerraformStack.of(e);
      expect([e.node.path, resolveJson(e.toTerraform(), stack)]).toEqual([e.node.path, cdktfResolve(e.toTerraform(), stack)]);
    }
  });

  test('tokens of every kind: strings, lists, numbers, map keys, lazies, references, unset fields', () => {
    const stack = testStack('tokens');
    const other = new KubernetesConfigMap(stack, 'other', { metadata: { name: 'other' } });
    const value = {
      plain: { a: 'x', unset: undefined, list: [1, undefined, 'y'], nested: [{ b: true, c: null }] },
      string: `prefix-${Fn.lower('ABC')}`,
      list: Token.asList(Lazy.listValue({ produce: () => ['p', 'q'] })),
      number: Token.asNumber(Lazy.numberValue({ produce: () => 42 })),
      map: { [Token.asString(Lazy.stringValue({ produce: () => 'key' }))]: 'v' },
      lazy: Lazy.anyValue({ produce: () => ({ deep: { e: 'f', g: undefined } }) }),
      reference: other.fqn,
      date: new Date(0),
      prepared: new PreparedValue({ h: ['i'] }),
    };
    const expected = cdktfResolve({ ...value, prepared: { h: ['i'] } }, stack);
    expect(resolveJson(value, stack)).toEqual(expected);
    expect(expected).toMatchObject({ string: 'prefix-${lower("ABC")}', list: ['p', 'q'], number: 42, map: { key: 'v' }, reference: '${kubernetes_config_map_v1.other}' });
  });
});

describe('scanStack: one walk for everything the guardrails read', () => {
  test('objects by kind, inspected resources, backend and acknowledgements of a production stack, in tree order', () => {
    const stack = new KafkaPlatformStack(Testing.app(), prod);
    const scan = scanStack(stack);
    expect(scan.constructs[0]).toBe(stack);
    expect(objectsOfKind(scan.inventory, 'Kafka').map((o) => o.owner)).toEqual(['kafka-prod/cluster']);
    expect(scan.inventory.backend).toEqual({ type: 'kubernetes', owner: expect.stringMatching(/^kafka-prod\//) });
    const operator = scan.inventory.resources.find((r) => r.owner === 'kafka-prod/strimzi-operator/release')!;
    // The operator's values as data, recorded by the construct that wrote them: nothing is parsed back.
    expect(operator.values).toEqual([expect.objectContaining({ resources: expect.objectContaining({ requests: expect.any(Object) }) })]);
    expect(scan.inventory.resources.filter((r) => r.type === 'kubernetes_cron_job_v1').length).toBeGreaterThan(2);
    expect(scan.acknowledgements.map((a) => a.path)).toEqual(Acknowledgements.all(stack).map((a) => a.path));
  });

  test('an app synth (cdktf\'s preparing pass, aspects, validation, output) walks the tree once more with the guardrails than without', () => {
    const walks = (withGuardrails: boolean) => {
      const stack = testStack('kafka-prod');
      new KubernetesCronJob(stack, 'backup', {
        metadata: { name: 'backup', namespace: 'kafka' },
        spec: { schedule: '0 2 * * *', jobTemplate: { metadata: {}, spec: { template: { metadata: {}, spec: { container: [{ name: 'dump', image: 'busybox', resources: { requests: { cpu: '1', memory: '1Gi' } } }] } } } } },
      });
      if (withGuardrails) new PlatformGuardrails(stack, 'guardrails', { environment: 'prod', production: true });
      const spy = jest.spyOn(Node.prototype, 'findAll');
      try {
        (stack.node.root as App).synth();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(walks(true) - walks(false)).toBe(1);
  });
});
