import { Validator } from '../../../lib/core/validation';
import { compareMetadataVersions, effectiveMetadataVersion, parseMetadataVersion, validateVersions } from '../../../lib/core/strimzi/upgrade';

const issues = (version: string, metadataVersion?: string) => {
  const v = new Validator('c');
  validateVersions(v, version, metadataVersion);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
};

describe('Kafka upgrades', () => {
  test('metadata versions parse and order by major, minor, then IV', () => {
    expect(parseMetadataVersion('4.3-IV0')).toEqual({ major: 4, minor: 3, iv: 0 });
    expect(parseMetadataVersion('4.3')).toEqual({ major: 4, minor: 3, iv: 0 });
    expect(parseMetadataVersion('4.3-latest')).toBeUndefined();
    expect(compareMetadataVersions('4.2-IV1', '4.3-IV0')).toBeLessThan(0);
    expect(compareMetadataVersions('4.3-IV1', '4.3-IV0')).toBeGreaterThan(0);
    expect(compareMetadataVersions('4.3', '4.3-IV0')).toBe(0);
    // The short form is the newest of its release (as Kafka's tools read it): 4.2 is 4.2-IV1, no downgrade.
    expect(parseMetadataVersion('4.2')).toEqual({ major: 4, minor: 2, iv: 1 });
    expect(compareMetadataVersions('4.2-IV1', '4.2')).toBe(0);
    expect(compareMetadataVersions('4.2-IV0', '4.2')).toBeLessThan(0);
    expect(compareMetadataVersions('x', '4.3-IV0')).toBeUndefined();
  });

  test('the first step (new version, old metadata version) is valid; so is the second', () => {
    expect(issues('4.3.1', '4.2-IV1')).toEqual([]);
    expect(issues('4.3.1', '4.3-IV0')).toEqual([]);
    expect(issues('4.3.1')).toEqual([]);
    expect(effectiveMetadataVersion('4.3.1', undefined)).toBe('4.3-IV0');
    expect(effectiveMetadataVersion('4.3.1', '4.2-IV1')).toBe('4.2-IV1');
  });

  test('a metadata version ahead of the software (a skipped step) is refused with the procedure', () => {
    expect(issues('4.2.1', '4.3-IV0')).toEqual([
      'metadataVersion = "4.3-IV0": at most 4.2-IV1 for Kafka 4.2.1 (a broker cannot run a newer metadata version): upgrade in two steps, first version (deploy, verify), then metadataVersion in a later change',
    ]);
  });

  test('versions the operator does not support, unparsable and too old metadata versions are refused', () => {
    expect(issues('4.4.0', '4.3-IV0')).toEqual(['version = "4.4.0": one of 4.2.0, 4.2.1, 4.3.0, 4.3.1 (supported by Strimzi 1.2.0)']);
    expect(issues('4.3.1', 'latest')).toEqual(['metadataVersion = "latest": a metadata version of Kafka 4.3.1: 3.3-IV3 to 4.3-IV0, e.g. "4.3-IV0"']);
    expect(issues('4.3.1', '3.2-IV0')[0]).toMatch(/^metadataVersion = "3.2-IV0": a metadata version of Kafka 4.3.1: 3.3-IV3 to/);
    expect(issues('4.2.0')).toEqual(['metadataVersion = undefined: set explicitly for Kafka 4.2.0']);
  });
});
