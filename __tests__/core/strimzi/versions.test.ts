import { isMetadataVersionFor, metadataVersionsFor } from '../../../lib/core/strimzi/versions';

describe('metadata versions per Kafka version', () => {
  test('from 3.3-IV3 to the newest of the Kafka release', () => {
    expect(metadataVersionsFor('4.3.1')[0]).toBe('3.3-IV3');
    expect(metadataVersionsFor('4.3.1').at(-1)).toBe('4.3-IV0');
    expect(metadataVersionsFor('4.2.0').at(-1)).toBe('4.2-IV1');
    expect(metadataVersionsFor('3.9.0')).toEqual([]);
  });

  test.each([
    ['4.3.1', '4.3-IV0', true],
    ['4.3.1', '4.3', true],
    ['4.3.1', '3.9-IV0', true],
    ['4.2.1', '4.3-IV0', false],
    ['4.3.1', '3.3-IV2', false],
    ['4.3.1', '9.9-IV9', false],
  ])('Kafka %s runs %s: %s', (kafka, metadata, ok) => expect(isMetadataVersionFor(kafka, metadata)).toBe(ok));
});
