import { storageShrinkRule } from '../../../lib/review/rules/storage-shrink';
import { assess, kafka, pool } from '../../helpers/review-rules';

const jbod = (...sizes: string[]) => ({ type: 'jbod', volumes: sizes.map((size, id) => ({ id, type: 'persistent-claim', size })) });

describe('KP-REVIEW-STORAGE-SHRINK', () => {
  test('a smaller volume and a removed JBOD volume are blocked; growth is not', () => {
    expect(assess(storageShrinkRule, [kafka(), pool('b', 3, jbod('1Ti', '1Ti'))], [kafka(), pool('b', 3, jbod('500Gi'))])).toEqual([
      expect.stringMatching(/volume 0 size 1Ti → 500Gi: persistent volumes cannot shrink/),
      expect.stringMatching(/volume 1 \(1Ti\) removed/),
    ]);
    expect(assess(storageShrinkRule, [kafka(), pool('b', 3, jbod('1Ti'))], [kafka(), pool('b', 3, jbod('2Ti'))])).toEqual([]);
  });
});
