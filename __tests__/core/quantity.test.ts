import { isStorageSize, parseQuantity } from '../../lib/core/quantity';

describe('quantities', () => {
  test.each([
    ['100Gi', 100 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['500m', 0.5],
    ['2', 2],
    ['1.5G', 1.5e9],
  ])('parseQuantity(%s)', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value));

  test.each(['100GB', 'ten', '', '1 Gi', '-5Gi'])('rejects %p', (text) => expect(parseQuantity(text)).toBeUndefined());

  test('storage sizes must be positive byte amounts', () => {
    expect(isStorageSize('100Gi')).toBe(true);
    expect(isStorageSize('0')).toBe(false);
    expect(isStorageSize('500m')).toBe(false);
    expect(isStorageSize('100GB')).toBe(false);
  });
});
