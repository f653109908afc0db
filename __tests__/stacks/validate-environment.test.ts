import { App, Testing } from 'cdktf';
import { ValidationError } from '../../lib/core/validation';
import { dev, prod } from '../../stacks/environments';
import { validatedStackName } from '../../stacks/validate-environment';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function messages(env: Loose): string[] {
  try {
    validatedStackName(new App({ outdir: Testing.app().outdir }), env);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path}: ${i.field}`);
  }
  return [];
}

describe('validatedStackName', () => {
  test('the shipped environments are valid and named kafka-<name>', () => {
    expect(validatedStackName(new App({ outdir: Testing.app().outdir }), prod)).toBe('kafka-prod');
    expect(messages(dev)).toEqual([]);
  });

  test('every backend type is checked; others are refused rather than meaning local state', () => {
    expect(messages({ ...dev, backend: { type: 'kubernetes' } })).toEqual(['environments[dev]: backend.secretSuffix']);
    expect(messages({ ...dev, backend: { type: 's3', bucket: 'My_Bucket', key: 'k', region: 'r' } })).toEqual(['environments[dev]: backend.bucket']);
    expect(messages({ ...dev, backend: { type: 'azurerm' } })).toEqual(['environments[dev]: backend']);
    expect(messages({ ...dev, backend: { type: 'local', path: 'state/dev.tfstate' } })).toEqual([]);
  });

  test('the name must make a stack name and a label value; the namespace a DNS label', () => {
    expect(messages({ ...dev, name: 'Dev', namespace: 'Kafka' })).toEqual(['environments[Dev]: name', 'environments[Dev]: namespace']);
    expect(messages(undefined)).toEqual(['environments[?]: props']);
  });
});
