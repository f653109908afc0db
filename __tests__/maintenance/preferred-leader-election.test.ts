import { PreferredLeaderElection } from '../../lib/maintenance/preferred-leader-election';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { byName, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;

describe('PreferredLeaderElection', () => {
  test('weekly, Sunday 03:00, as `<cluster>-leader-election`, running the election script without an API token', () => {
    const { stack, cluster, release } = workloadSetup();
    const election = new PreferredLeaderElection(stack, 'election', { cluster, release });
    expect(election.cronJobName).toBe('events-leader-election');
    const cron = byName(stack, 'kubernetes_cron_job_v1')['events-leader-election'];
    expect(cron.spec.schedule).toBe('0 3 * * 0');
    expect(podOf(cron).container[0].command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/leader-election.sh']);
    expect(podOf(cron).automount_service_account_token).toBe(false);
  });

  test('its user may elect leaders and describe topics, nothing else', () => {
    const { stack, cluster, release } = workloadSetup();
    new PreferredLeaderElection(stack, 'election', { cluster, release, schedule: '0 4 * * *' });
    const user = allReleaseObjects(synthJson(stack)).find((o) => o.kind === 'KafkaUser') as Any;
    expect(user.spec.authorization.acls.map((a: Any) => [a.resource.type, a.resource.name ?? '', a.operations.join(',')])).toEqual([
      ['cluster', '', 'Alter,Describe'],
      ['topic', '*', 'Describe'],
    ]);
    expect(byName(stack, 'kubernetes_cron_job_v1')['events-leader-election'].spec.schedule).toBe('0 4 * * *');
  });

  test('an unknown listener fails at the construct', () => {
    const { stack, cluster, release } = workloadSetup();
    expect(() => new PreferredLeaderElection(stack, 'election', { cluster, release, listenerName: 'nope' })).toThrow(/test\/election: listenerName = "nope"/);
  });
});
