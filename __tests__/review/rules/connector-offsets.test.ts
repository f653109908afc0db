import { connectorOffsetsRule } from '../../../lib/review/rules/connector-offsets';
import { assess, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;

describe('KP-REVIEW-CONNECTOR-OFFSETS (WARN)', () => {
  test('altered offsets or another consumer group warn', () => {
    expect(assess(connectorOffsetsRule, [sink('a')], [sink('a', { alterOffsets: { fromConfigMap: { name: 'offsets' } } })])).toEqual([expect.stringMatching(/spec\.alterOffsets is set/)]);
    expect(assess(connectorOffsetsRule, [sink('a')], [sink('a', { config: { 'consumer.override.group.id': 'other' } })])).toEqual([expect.stringMatching(/consumer group changes \(connect-<name> to other\): it starts over/)]);
    expect(assess(connectorOffsetsRule, [sink('a')], [sink('a', { tasksMax: 3 })])).toEqual([]);
  });
});
