import { deleteClaimRule } from '../../../lib/review/rules/delete-claim';
import { assess, kafka, pool } from '../../helpers/review-rules';

const claim = (deleteClaim: boolean) => ({ type: 'persistent-claim', size: '1Ti', deleteClaim });

describe('KP-REVIEW-DELETE-CLAIM', () => {
  test('turning deleteClaim on in production is blocked, also on a new pool', () => {
    expect(assess(deleteClaimRule, [kafka(), pool('b', 3, claim(false))], [kafka(), pool('b', 3, claim(true))])).toEqual([expect.stringMatching(/volume 0 gets deleteClaim: true/)]);
    expect(assess(deleteClaimRule, [kafka()], [kafka(), pool('b', 3, claim(true))])).toHaveLength(1);
  });

  test('not outside production, and not when it was already on', () => {
    expect(assess(deleteClaimRule, [kafka(), pool('b', 3, claim(false))], [kafka(), pool('b', 3, claim(true))], false)).toEqual([]);
    expect(assess(deleteClaimRule, [kafka(), pool('b', 3, claim(true))], [kafka(), pool('b', 4, claim(true))])).toEqual([]);
  });
});
