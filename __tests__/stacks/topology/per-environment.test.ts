import { Grant } from '../../../lib/core/access/grant';
import { GroupEntry, resolveTopology } from '../../../stacks/topology/per-environment';

const catalogue: GroupEntry[] = [
  {
    name: 'orders',
    topics: [
      { name: 'orders.placed', partitions: { dev: 1, staging: 6, prod: 24 }, retentionMs: 1000, compressionType: 'zstd' },
      { name: 'orders.replay', partitions: 1, only: ['dev'] },
    ],
    applications: [
      { name: 'order-service', grants: [Grant.produce('orders.placed')] },
      { name: 'order-debugger', grants: [Grant.consume('orders.placed', { group: 'debug' })], only: ['dev', 'staging'] },
    ],
  },
];

describe('per-environment topology', () => {
  test('a value spelled out per environment resolves to that environment; a single value applies everywhere', () => {
    const prod = resolveTopology(catalogue, 'prod').groups[0].topics!;
    const dev = resolveTopology(catalogue, 'dev').groups[0].topics!;
    expect(prod[0]).toEqual({ name: 'orders.placed', partitions: 24, retentionMs: 1000, compressionType: 'zstd' });
    expect(dev[0]).toEqual({ name: 'orders.placed', partitions: 1, retentionMs: 1000, compressionType: 'zstd' });
  });

  test('every varying setting can be spelled out per environment; one left unset stays absent', () => {
    const topic = {
      name: 'payments.settled',
      partitions: { dev: 1, staging: 3, prod: 12 },
      replicas: { dev: 1, staging: 3, prod: 3 },
      retentionMs: { dev: 3_600_000, staging: 86_400_000, prod: 604_800_000 },
      minInsyncReplicas: { dev: 1, staging: 2, prod: 2 },
    };
    const resolved = resolveTopology([{ name: 'payments', topics: [topic] }], 'staging').groups[0].topics![0];
    expect(resolved).toEqual({ name: 'payments.settled', partitions: 3, replicas: 3, retentionMs: 86_400_000, minInsyncReplicas: 2 });
    expect(Object.keys(resolved)).not.toContain('retentionBytes');
  });

  test('`only` limits topics and applications to the named environments', () => {
    const names = (env: 'dev' | 'staging' | 'prod') => {
      const g = resolveTopology(catalogue, env).groups[0];
      return [...g.topics!.map((t) => t.name), ...g.applications!.map((a) => a.name)];
    };
    expect(names('dev')).toEqual(['orders.placed', 'orders.replay', 'order-service', 'order-debugger']);
    expect(names('staging')).toEqual(['orders.placed', 'order-service', 'order-debugger']);
    expect(names('prod')).toEqual(['orders.placed', 'order-service']);
  });
});
