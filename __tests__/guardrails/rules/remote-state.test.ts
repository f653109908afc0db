import { Testing } from 'cdktf';
import { remoteStateRule } from '../../../lib/guardrails/rules/remote-state';
import { EnvironmentConfig } from '../../../stacks/environment-config';
import { prod } from '../../../stacks/environments';
import { KafkaPlatformStack } from '../../../stacks/platform-stack';
import { inventoryOf } from '../../helpers/inventory';

const withBackend = (type: string | undefined) => ({ ...inventoryOf([]), ...(type ? { backend: { type, owner: 'kafka-prod/backend' } } : {}) });

describe('KP-PROD-REMOTE-STATE', () => {
  test('kubernetes and s3 backends comply; local state, or none, does not', () => {
    expect(remoteStateRule.check(withBackend('kubernetes'))).toEqual([]);
    expect(remoteStateRule.check(withBackend('s3'))).toEqual([]);
    expect(remoteStateRule.check(withBackend('local'))).toEqual([{ owner: 'kafka-prod/backend', subject: 'stack kafka-prod state backend', value: 'local' }]);
    expect(remoteStateRule.check(withBackend(undefined))).toEqual([{ owner: 'kafka-prod', subject: 'stack kafka-prod state backend', value: 'none (local)' }]);
  });

  test('a production stack with local state is refused at synth unless acknowledged on its backend', () => {
    const synth = (env: EnvironmentConfig) => () => Testing.synth(new KafkaPlatformStack(Testing.app(), env));
    expect(synth({ ...prod, backend: { type: 'local' } })).toThrow(/KP-PROD-REMOTE-STATE[\s\S]*stack kafka-prod state backend/);
    expect(synth(prod)).not.toThrow();
    const acknowledged: EnvironmentConfig = {
      ...prod,
      backend: { type: 'local' },
      guardrails: { acknowledgements: [{ ruleId: 'KP-PROD-REMOTE-STATE', path: 'backend', reason: 'an isolated lab cluster run from one machine' }] },
    };
    const json = JSON.parse(synth(acknowledged)()) as { locals: { kafka_platform: { acknowledgements: { ruleId: string; covers: string[] }[] } } };
    expect(json.locals.kafka_platform.acknowledgements.find((a) => a.ruleId === 'KP-PROD-REMOTE-STATE')!.covers).toEqual(['stack kafka-prod state backend']);
  });
});
