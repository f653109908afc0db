import { parseDiskTrigger, parsePartitionTrigger, parseRateTrigger, resolveCapacityPlanning } from '../../../../lib/core/monitoring/capacity/capacity-spec';

describe('capacity planning spec', () => {
  test('off unless configured; defaults: 30-day history and horizon, 7-day minimum and urgent horizon, triggers from the capacity thresholds', () => {
    expect(resolveCapacityPlanning(undefined, { diskUsagePercent: 75, messagesInPerSecond: 80_000 })).toBeUndefined();
    expect(resolveCapacityPlanning({}, { diskUsagePercent: 70, messagesInPerSecond: 50_000 })).toEqual({
      history: '30d', minimumHistory: '7d', horizon: '30d', urgentHorizon: '7d', triggers: { diskUsage: '70%', messageRate: '50000/s', partitions: '4000/broker' },
    });
  });

  test('triggers are read with their units', () => {
    expect(parseDiskTrigger('75%')).toBe(75);
    expect(parseDiskTrigger(' 80.5 % ')).toBe(80.5);
    expect(parseRateTrigger('80000/s')).toBe(80_000);
    expect(parseRateTrigger('80k/s')).toBe(80_000);
    expect(parseRateTrigger('4.8M/min')).toBe(80_000);
    expect(parsePartitionTrigger('4000/broker')).toBe(4000);
    expect(parsePartitionTrigger('4k/broker')).toBe(4000);
    for (const bare of ['75', 75, '80000', '4000', '80000/h', '4000 partitions']) {
      expect([bare, parseDiskTrigger(bare) ?? parseRateTrigger(bare) ?? parsePartitionTrigger(bare)]).toEqual([bare, undefined]);
    }
  });
});
