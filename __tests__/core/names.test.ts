import { isDnsLabel, isDnsSubdomain, isKafkaName } from '../../lib/core/names';

describe('names', () => {
  test.each([
    ['kafka', true],
    ['kafka-prod-1', true],
    ['Kafka', false],
    ['-kafka', false],
    ['kafka_', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('isDnsLabel(%s) = %s', (name, ok) => expect(isDnsLabel(name)).toBe(ok));

  test('isDnsSubdomain accepts dots, rejects upper case', () => {
    expect(isDnsSubdomain('orders.created')).toBe(true);
    expect(isDnsSubdomain('Orders.created')).toBe(false);
    expect(isDnsSubdomain('a.'.repeat(127) + 'a')).toBe(false);
  });

  test.each([
    ['orders.created_v1-EU', true],
    ['.', false],
    ['..', false],
    ['has space', false],
    ['x'.repeat(249), true],
    ['x'.repeat(250), false],
  ])('isKafkaName(%s) = %s', (name, ok) => expect(isKafkaName(name)).toBe(ok));
});
