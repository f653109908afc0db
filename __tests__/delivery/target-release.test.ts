import { Construct } from 'constructs';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { targetRelease } from '../../lib/delivery/target-release';
import { Validator } from '../../lib/core/validation';
import { testStack } from '../helpers/synth';

describe('targetRelease', () => {
  test('the explicit release wins over the enclosing one', () => {
    const stack = testStack();
    const outer = new CustomResourceRelease(stack, 'outer', { releaseName: 'outer', namespace: 'kafka' });
    const explicit = new CustomResourceRelease(stack, 'explicit', { releaseName: 'explicit', namespace: 'kafka' });
    const v = new Validator('x');
    expect(targetRelease(new Construct(outer, 'topic'), explicit, v)).toBe(explicit);
    expect(v.issues).toEqual([]);
  });

  test('else the nearest enclosing release', () => {
    const stack = testStack();
    const outer = new CustomResourceRelease(stack, 'outer', { releaseName: 'outer', namespace: 'kafka' });
    expect(targetRelease(new Construct(new Construct(outer, 'group'), 'topic'), undefined, new Validator('x'))).toBe(outer);
  });

  test('no release anywhere: a problem on `release`, never an implicit default', () => {
    const v = new Validator('x');
    expect(targetRelease(new Construct(testStack(), 'topic'), undefined, v)).toBeUndefined();
    expect(v.issues.map((i) => i.field)).toEqual(['release']);
  });
});
