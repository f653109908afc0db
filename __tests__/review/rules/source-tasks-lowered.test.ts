import { sourceTasksLoweredRule } from '../../../lib/review/rules/source-tasks-lowered';
import { assess, connector, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;

describe('KP-REVIEW-SOURCE-TASKS-LOWERED (WARN)', () => {
  const source = (tasksMax: number) => connector('jdbc', { class: 'io.example.Source', tasksMax, config: { 'connection.url': 'x' } });
  test('fewer tasks of a source warn; more, or fewer of a sink, do not', () => {
    expect(assess(sourceTasksLoweredRule, [source(4)], [source(2)])).toEqual([expect.stringMatching(/tasksMax falls from 4 to 2/)]);
    expect(assess(sourceTasksLoweredRule, [source(2)], [source(4)])).toEqual([]);
    expect(assess(sourceTasksLoweredRule, [sink('a', { tasksMax: 4 })], [sink('a', { tasksMax: 2 })])).toEqual([]);
  });
});
