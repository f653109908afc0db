import { humanBytes, humanDuration, humanValue, withUnit } from '../../lib/review/units';

describe('human units', () => {
  test('durations and sizes in the largest unit that reads well', () => {
    expect(humanDuration(604_800_000)).toBe('7 d');
    expect(humanDuration(5_400_000)).toBe('1.5 h');
    expect(humanDuration(250)).toBe('250 ms');
    expect(humanDuration(-1)).toBe('unlimited');
    expect(humanBytes(1024 ** 3)).toBe('1 GiB');
    expect(humanBytes(500_000_000)).toBe('476.8 MiB');
  });

  test('config keys choose the unit by their Kafka suffix; other keys and small values get none', () => {
    expect(withUnit('retention.ms', 604_800_000)).toBe('604800000 (7 d)');
    expect(withUnit('log.retention.hours', 168)).toBe('168 (7 d)');
    expect(withUnit('segment.ms', 250)).toBe('250');
    expect(humanValue('log.retention.hours', 1680)).toBe('70 d');
    expect(withUnit('retention.bytes', '1073741824')).toBe('1073741824 (1 GiB)');
    expect(withUnit('retention.bytes', -1)).toBe('-1 (unlimited)');
    expect(withUnit('min.insync.replicas', 2)).toBe('2');
    expect(humanValue('segment.ms', 'soon')).toBeUndefined();
  });
});
