import { Validator } from '../../../lib/core/validation';
import { buildClusterQuotas, ClusterQuotas, validateClusterQuotas } from '../../../lib/core/strimzi/quotas';

const issues = (q: ClusterQuotas) => {
  const v = new Validator('c');
  validateClusterQuotas(v, 'quotas', q);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
};

describe('cluster quotas', () => {
  test('the kafka plugin (default) renders per-user defaults, including request and mutation limits', () => {
    expect(buildClusterQuotas({ producerByteRate: 1024, consumerByteRate: 2048, controllerMutationRate: 10 })).toEqual({
      type: 'kafka',
      producerByteRate: 1024,
      consumerByteRate: 2048,
      controllerMutationRate: 10,
    });
  });

  test('the strimzi plugin renders shared caps, the disk guard and exclusions', () => {
    expect(buildClusterQuotas({ plugin: 'strimzi', consumerByteRate: 4096, minAvailableRatioPerVolume: 0.1, excludedPrincipals: ['User:mirror'] })).toEqual({
      type: 'strimzi',
      consumerByteRate: 4096,
      minAvailableRatioPerVolume: 0.1,
      excludedPrincipals: ['User:mirror'],
    });
  });

  test('negative rates, ratios outside (0, 1) and bad principals are reported', () => {
    expect(issues({ plugin: 'strimzi', producerByteRate: -1, consumerByteRate: 0, minAvailableRatioPerVolume: 1.5, excludedPrincipals: ['mirror'] })).toEqual([
      'quotas.producerByteRate = -1: a whole number of bytes per second above 0 (omit it for no limit)',
      'quotas.consumerByteRate = 0: a whole number of bytes per second above 0 (omit it for no limit)',
      'quotas.minAvailableRatioPerVolume = 1.5: a ratio between 0 and 1 (exclusive), e.g. 0.1',
      'quotas.excludedPrincipals[0] = "mirror": a principal such as "User:kafka-prod-mirror" or "User:CN=admin"',
    ]);
  });

  test('settings of the other plugin are refused (the plugins do not combine), as is an empty quota', () => {
    expect(issues({ plugin: 'kafka', producerByteRate: 1, minAvailableRatioPerVolume: 0.1 })).toEqual([
      'quotas.minAvailableRatioPerVolume = 0.1: only with plugin "strimzi" (the kafka quotas plugin has no such setting)',
    ]);
    expect(issues({ plugin: 'strimzi', producerByteRate: 1, requestPercentage: 50 })).toEqual([
      'quotas.requestPercentage = 50: only with plugin "kafka" (the strimzi quotas plugin has no such setting)',
    ]);
    expect(issues({})[0]).toMatch(/^quotas = \{\}: at least one limit/);
  });
});
