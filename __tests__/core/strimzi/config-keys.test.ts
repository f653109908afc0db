import { BROKER_CONFIGS, configValueProblem, TOPIC_CONFIGS, validateConfigKeys } from '../../../lib/core/strimzi/config-keys';
import { Validator } from '../../../lib/core/validation';

function issues(config: Record<string, unknown>, kind: 'topic' | 'broker', unchecked: string[] = []): string[] {
  const v = new Validator('p');
  validateConfigKeys(v, 'config', config, { kind, unchecked });
  return v.issues.map((i) => `${i.field}: ${i.allowed}`);
}

describe('Kafka 4.3 config keys', () => {
  test.each([
    [{ type: 'int', min: 1 } as const, '3', undefined],
    [{ type: 'int', min: 1 } as const, 0, 'a whole number >= 1 (32-bit)'],
    [{ type: 'int', min: 1 } as const, 2 ** 31, 'a whole number >= 1 (32-bit)'],
    [{ type: 'long', min: -1 } as const, 1.5, 'a whole number >= -1'],
    [{ type: 'double', min: 0, max: 1 } as const, '0.5', undefined],
    [{ type: 'double', min: 0, max: 1 } as const, 2, 'a number from 0 to 1'],
    [{ type: 'boolean' } as const, 'false', undefined],
    [{ type: 'boolean' } as const, 'yes', 'true or false'],
    [{ type: 'enum', values: ['CreateTime', 'LogAppendTime'] } as const, 'createtime', 'one of CreateTime, LogAppendTime'],
    [{ type: 'list', values: ['compact', 'delete'] } as const, 'compact,delete', undefined],
    [{ type: 'list', values: ['compact', 'delete'] } as const, 'compact,archive', 'a comma-separated string of compact, delete'],
  ])('%j with %j', (type, value, problem) => {
    expect(configValueProblem(type, value)).toBe(problem);
  });

  test('topic keys: unknown keys get a hint, wrong types their rule, known keys pass', () => {
    expect(issues({ 'retention.hours': 24, 'segment.bytes': 1024, 'cleanup.policy': 'compact', 'min.compaction.lag.ms': 3600000 }, 'topic')).toEqual([
      `config['retention.hours']: a topic config key of Kafka 4.3 (did you mean "retention.ms"?), or list it in uncheckedConfigKeys to pass it through unchecked`,
      `config['segment.bytes']: a whole number >= 1048576 (32-bit)`,
    ]);
  });

  test('the escape hatch passes a key unchecked, and only that key', () => {
    expect(issues({ 'x.plugin': 'a', 'y.plugin': 'b' }, 'topic', ['x.plugin'])).toEqual([expect.stringMatching(/^config\['y.plugin'\]: a topic config key/)]);
  });

  test('broker keys: plugin families are open, typos are not', () => {
    expect(issues({ 'remote.log.manager.thread.pool.size': 4, 'auto.create.topic.enable': false }, 'broker')).toEqual([
      `config['auto.create.topic.enable']: a broker config key of Kafka 4.3 (did you mean "auto.create.topics.enable"?), or list it in uncheckedConfigKeys to pass it through unchecked`,
    ]);
  });

  test('the keys the library sets itself are in the broker table with types that accept its values', () => {
    const library = {
      'default.replication.factor': 3, 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3, 'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2, 'unclean.leader.election.enable': false, 'auto.create.topics.enable': false, 'num.partitions': 3,
      'log.retention.hours': 168, 'log.cleaner.threads': 2, 'log.cleaner.io.max.bytes.per.second': 5242880,
      'replica.selector.class': 'org.apache.kafka.common.replica.RackAwareReplicaSelector',
    };
    for (const [key, value] of Object.entries(library)) expect([key, configValueProblem(BROKER_CONFIGS[key], value)]).toEqual([key, undefined]);
    expect(Object.keys(TOPIC_CONFIGS)).toContain('min.insync.replicas');
  });
});
