import { connectorClassChangeRule } from '../../../lib/review/rules/connector-class-change';
import { assess, connector, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;

describe('KP-REVIEW-CONNECTOR-CLASS-CHANGE (BLOCK)', () => {
  test('another class under the same name is blocked; a config change is not', () => {
    expect(assess(connectorClassChangeRule, [sink('a')], [connector('s3', { class: 'io.other.Sink', config: { topics: 'a' } })])).toEqual([expect.stringMatching(/^KafkaConnector kafka\/s3: the class changes from io\.example\.Sink to io\.other\.Sink: the new connector inherits the old one's offsets/)]);
    expect(assess(connectorClassChangeRule, [sink('a')], [sink('a', { config: { 'flush.size': 1 } })])).toEqual([]);
  });
});
