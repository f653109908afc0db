import { Validator } from '../../../lib/core/validation';
import { buildBrokerCapacity, rebalanceTemplateSpec, validateBrokerCapacity, validateReplicationThrottle } from '../../../lib/core/strimzi/cruise-control';
import { NodePool } from '../../../lib/core/strimzi/node-pool';
import { Storage } from '../../../lib/core/strimzi/storage';
import { diffFields } from '../../../lib/review/field-diff';

const pool = (name: string, roles: NodePool['roles'], cpu?: string, limit?: string): NodePool => ({
  name,
  roles,
  replicas: 3,
  storage: Storage.persistentClaim({ size: '100Gi' }),
  resources: cpu || limit ? { requests: cpu ? { cpu } : undefined, limits: limit ? { cpu: limit } : undefined } : undefined,
});

const issues = (check: (v: Validator) => void) => {
  const v = new Validator('c');
  check(v);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}`);
};

describe('Cruise Control settings', () => {
  test('CPU capacity comes from the broker pools (request, else limit), never from controllers', () => {
    expect(buildBrokerCapacity(undefined, [pool('controllers', ['controller'], '1'), pool('brokers', ['broker'], '4')])).toEqual({ cpu: '4' });
    expect(buildBrokerCapacity(undefined, [pool('brokers', ['broker'], undefined, '2500m')])).toEqual({ cpu: '2500m' });
    expect(buildBrokerCapacity(undefined, [pool('brokers', ['broker'])])).toBeUndefined();
    expect(buildBrokerCapacity({ cpu: '6' }, [pool('brokers', ['broker'], '4')])).toEqual({ cpu: '6' });
  });

  test('network capacity: outbound defaults to inbound; absent when not configured', () => {
    expect(buildBrokerCapacity({ inboundNetwork: '1250MB/s' }, [])).toEqual({ inboundNetwork: '1250MB/s', outboundNetwork: '1250MB/s' });
    expect(buildBrokerCapacity({ inboundNetwork: '100MiB/s', outboundNetwork: '200MiB/s' }, [])).toEqual({ inboundNetwork: '100MiB/s', outboundNetwork: '200MiB/s' });
  });

  test('capacities that do not parse, zero capacities and outbound without inbound are reported', () => {
    expect(issues((v) => validateBrokerCapacity(v, 'cap', { inboundNetwork: '10Gbps', outboundNetwork: '0MB/s', cpu: '-1' }))).toEqual([
      'cap.inboundNetwork = "10Gbps"',
      'cap.outboundNetwork = "0MB/s"',
      'cap.cpu = "-1"',
    ]);
    expect(issues((v) => validateBrokerCapacity(v, 'cap', { outboundNetwork: '125MB/s' }))).toEqual(['cap.inboundNetwork = undefined']);
    expect(issues((v) => validateBrokerCapacity(v, 'cap', { inboundNetwork: '10000KiB/s', cpu: '1.5' }))).toEqual([]);
  });

  test('a throttle must be a positive whole number of bytes per second', () => {
    expect(issues((v) => [0, -5, 1.5].forEach((t) => validateReplicationThrottle(v, 't', t)))).toEqual(['t = 0', 't = -5', 't = 1.5']);
    expect(issues((v) => validateReplicationThrottle(v, 't', 1))).toEqual([]);
  });

  test('template spec defaults to 50 MiB/s and 5 movements per broker', () => {
    expect(rebalanceTemplateSpec(undefined, undefined)).toEqual({ replicationThrottle: 52_428_800, concurrentPartitionMovementsPerBroker: 5 });
  });

  test('the plan review shows the throttle of a template field by field', () => {
    const template = (spec: Record<string, unknown>) => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaRebalance', metadata: { name: 'events-add-brokers' }, spec });
    expect(diffFields(template({}), template(rebalanceTemplateSpec(undefined, undefined)))).toEqual([
      { path: 'spec.concurrentPartitionMovementsPerBroker', before: undefined, after: 5 },
      { path: 'spec.replicationThrottle', before: undefined, after: 52_428_800 },
    ]);
    expect(diffFields(template(rebalanceTemplateSpec(undefined, undefined)), template(rebalanceTemplateSpec(104_857_600, undefined)))).toEqual([
      { path: 'spec.replicationThrottle', before: 52_428_800, after: 104_857_600 },
    ]);
  });
});
