import { Construct } from 'constructs';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { testStack } from '../helpers/synth';

describe('Acknowledgements', () => {
  test('an acknowledgement covers the construct and its descendants, not its siblings', () => {
    const stack = testStack('s');
    const team = new Construct(stack, 'team');
    const topic = new Construct(team, 'topic');
    const other = new Construct(stack, 'other');
    Acknowledgements.add(team, 'KP-ACCESS-WILDCARD', 'audit tooling reads every topic');
    expect(Acknowledgements.find(topic, 'KP-ACCESS-WILDCARD')).toEqual({ ruleId: 'KP-ACCESS-WILDCARD', reason: 'audit tooling reads every topic', path: 's/team' });
    expect(Acknowledgements.find(other, 'KP-ACCESS-WILDCARD')).toBeUndefined();
    expect(Acknowledgements.find(topic, 'KP-OTHER')).toBeUndefined();
  });

  test('the nearest acknowledgement wins and all() lists them in tree order', () => {
    const stack = testStack('s');
    const inner = new Construct(stack, 'inner');
    Acknowledgements.add(stack, 'R1', 'stack-wide reason here');
    Acknowledgements.add(inner, 'R1', 'inner reason is closer');
    expect(Acknowledgements.find(inner, 'R1')?.reason).toBe('inner reason is closer');
    expect(Acknowledgements.all(stack).map((a) => a.path)).toEqual(['s', 's/inner']);
  });

  test('a reason is required', () => {
    expect(() => Acknowledgements.add(testStack('s'), 'R1', 'ok')).toThrow(/s: acknowledgement\(R1\).reason = "ok": a reason of at least 10 characters/);
  });
});
