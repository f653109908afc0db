import { BatchWorkloadSpec, MAX_WORKLOAD_NAME, resolveBatchWorkload, validateBatchWorkload } from '../../../lib/core/operations/workload-model';
import { Validator } from '../../../lib/core/validation';

const step = { name: 'run', image: 'busybox:1.36', command: ['true'], resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } } };
const spec = (changes: Partial<BatchWorkloadSpec> = {}): BatchWorkloadSpec => ({ name: 'events-task', namespace: 'kafka', component: 'task', steps: [step], ...changes });
const problems = (s: BatchWorkloadSpec) => {
  const v = new Validator('w');
  validateBatchWorkload(v, s);
  return v.issues.map((i) => i.field);
};

describe('validateBatchWorkload', () => {
  test('a valid workload has no problems', () => {
    expect(problems(spec({ schedule: '0 3 * * *', timeZone: 'Etc/UTC' }))).toEqual([]);
  });

  test('a name longer than a Job name can carry, a bad schedule and zone, and a step without limits or a known volume', () => {
    const bad = spec({
      name: 'x'.repeat(MAX_WORKLOAD_NAME + 1),
      schedule: '0 3 * *',
      timeZone: 'not a zone',
      steps: [{ ...step, resources: { requests: { cpu: '10m', memory: '16Mi' } }, mounts: [{ volume: 'nowhere', path: '/x' }] }],
    });
    expect(problems(bad)).toEqual(expect.arrayContaining(['name', 'schedule', 'timeZone', 'steps[0].resources.limits.cpu', 'steps[0].resources.limits.memory', 'steps[0].mounts']));
  });

  test('no steps, duplicate step names and out-of-range retries', () => {
    expect(problems(spec({ steps: [] }))).toContain('steps');
    expect(problems(spec({ steps: [step, step], backoffLimit: 11 }))).toEqual(expect.arrayContaining(['steps[].name', 'backoffLimit']));
  });
});

describe('resolveBatchWorkload', () => {
  test('defaults: two retries, an hour, three runs of history, ten minutes to start; every step gets /tmp and HOME there', () => {
    const w = resolveBatchWorkload(spec({ steps: [{ ...step, name: 'first' }, step] }));
    expect(w).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 3600, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 3, startingDeadlineSeconds: 600 });
    expect(w.initSteps.map((s) => s.name)).toEqual(['first']);
    expect(w.mainStep.name).toBe('run');
    expect(w.mainStep.env?.[0]).toEqual({ name: 'HOME', value: '/tmp' });
    expect(w.mainStep.mounts?.[0]).toEqual({ volume: 'tmp', path: '/tmp', readOnly: false });
    expect(w.labels).toMatchObject({ 'app.kubernetes.io/component': 'task', 'app.kubernetes.io/name': 'events-task' });
  });

  test('scripts: a `<name>-scripts` ConfigMap mounted read-only and executable; without scripts, none', () => {
    const w = resolveBatchWorkload(spec({ scripts: { 'a.sh': 'true' } }));
    expect(w.scriptsConfigMap).toBe('events-task-scripts');
    expect(w.volumes).toEqual(expect.arrayContaining([{ name: 'scripts', source: { type: 'configMap', name: 'events-task-scripts', defaultMode: '0555' } }]));
    expect(w.mainStep.mounts).toEqual(expect.arrayContaining([{ volume: 'scripts', path: '/opt/kafka-platform/scripts', readOnly: true }]));
    expect(resolveBatchWorkload(spec()).scriptsConfigMap).toBeUndefined();
  });

  test('a ServiceAccount only with RBAC rules', () => {
    expect(resolveBatchWorkload(spec()).serviceAccountName).toBeUndefined();
    expect(resolveBatchWorkload(spec({ rbac: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] })).serviceAccountName).toBe('events-task');
  });
});
