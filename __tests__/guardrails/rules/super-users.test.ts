import { superUsersRule } from '../../../lib/guardrails/rules/super-users';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-PROD-SUPER-USERS', () => {
  const rule = superUsersRule(['platform-admin']);

  test('the admin in any principal spelling complies', () => {
    const spec = prodSpec({ superUsers: ['platform-admin', 'User:platform-admin', 'User:CN=platform-admin'] });
    expect(rule.check(inventoryOf(clusterObjects(spec)))).toEqual([]);
  });

  test('every other super user is reported', () => {
    const spec = prodSpec({ superUsers: ['platform-admin', 'orders-service', 'User:CN=alice'] });
    expect(rule.check(inventoryOf(clusterObjects(spec))).map((f) => f.value)).toEqual(['orders-service', 'User:CN=alice']);
  });

  test('the admins are configurable', () => {
    const spec = prodSpec({ superUsers: ['break-glass'] });
    expect(superUsersRule(['break-glass']).check(inventoryOf(clusterObjects(spec)))).toEqual([]);
  });
});
