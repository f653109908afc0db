import { wildcardGrantRule } from '../../../lib/review/rules/wildcard-grant';
import { acl, assess, kafka, user } from '../../helpers/review-rules';

describe('KP-REVIEW-WILDCARD-GRANT', () => {
  test('a new wildcard grant (literal * or an empty prefix) is blocked, on a new or an existing user', () => {
    expect(assess(wildcardGrantRule, [kafka()], [kafka(), user('auditor', [acl('group', '', ['Read'], 'prefix')])])).toEqual([expect.stringMatching(/^KafkaUser kafka\/auditor: allow group:\* \[Read\]/)]);
    expect(assess(wildcardGrantRule, [kafka(), user('app', [acl('topic', 'orders', ['Read'])])], [kafka(), user('app', [acl('topic', '*', ['Read'])])])).toHaveLength(1);
  });

  test('an unchanged wildcard, a named prefix and a super user are not', () => {
    const wild = user('app', [acl('topic', '*', ['Read'])]);
    expect(assess(wildcardGrantRule, [kafka(), wild], [kafka(), wild, user('other', [acl('topic', 'orders.', ['Read'], 'prefix')])])).toEqual([]);
    const admin = kafka({}, { kafka: { config: {}, authorization: { type: 'simple', superUsers: ['CN=platform-admin'] } } });
    expect(assess(wildcardGrantRule, [admin], [admin, user('platform-admin', [acl('topic', '*', ['All'])])])).toEqual([]);
  });
});
