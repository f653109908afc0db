import { claim } from '../../lib/core/registry';

describe('claim', () => {
  test('a key belongs to its first owner within one scope; other scopes are independent', () => {
    const stackA = {};
    const stackB = {};
    expect(claim(stackA, 'helm-release/kafka/x', 'a/one')).toBeUndefined();
    expect(claim(stackA, 'helm-release/kafka/x', 'a/one')).toBeUndefined();
    expect(claim(stackA, 'helm-release/kafka/x', 'a/two')).toBe('a/one');
    expect(claim(stackB, 'helm-release/kafka/x', 'b/one')).toBeUndefined();
  });
});
