import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { clientsCaCertSecret, clientsCaKeySecret, clusterCaCertSecret, clusterCaKeySecret } from '../../lib/core/strimzi/operator-names';
import { buildApp } from '../../stacks/app';
import { DisasterRecoveryState, disasterRecoveryEnvironments } from '../../stacks/disaster-recovery';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { dev, DR_PAIR, ENVIRONMENTS, staging } from '../../stacks/environments';

/**
 * The operator docs run against what the stacks declare: every `kubectl` command in the README, docs/*.md and
 * docs/runbooks/*.md that names a Secret, CronJob, Job or another resource by name, and every resource name of
 * an environment written in backticks (`kafka-prod-dr-ca-check`), must be an object the synthesized stacks declare
 * or that Strimzi creates for them (a user's Secret, a cluster's CA Secrets, the entity operator). The stacks
 * are those of `npm run synth` plus the configurations the docs tell the operator to switch to: the DR states
 * and the backup guide's offset restore.
 */
const ROOT = path.join(__dirname, '..', '..');
const DOCS = ['README.md', ...['docs', 'docs/runbooks'].flatMap((d) => fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.md')).map((f) => `${d}/${f}`))];

const KINDS: Record<string, string> = {
  secret: 'secret', secrets: 'secret',
  cronjob: 'cronjob', cronjobs: 'cronjob', cj: 'cronjob',
  job: 'job', jobs: 'job',
  configmap: 'configmap', configmaps: 'configmap', cm: 'configmap',
  deploy: 'deployment', deployment: 'deployment', deployments: 'deployment',
  svc: 'service', service: 'service', services: 'service',
  kafka: 'kafka', kafkas: 'kafka', kafkanodepool: 'kafkanodepool', kafkanodepools: 'kafkanodepool',
  kafkatopic: 'kafkatopic', kafkatopics: 'kafkatopic', kafkauser: 'kafkauser', kafkausers: 'kafkauser',
  kafkamirrormaker2: 'kafkamirrormaker2', kafkarebalance: 'kafkarebalance', kafkarebalances: 'kafkarebalance',
  podmonitor: 'podmonitor', podmonitors: 'podmonitor', prometheusrule: 'prometheusrule', prometheusrules: 'prometheusrule',
  alertmanagerconfig: 'alertmanagerconfig',
};
/** Flags of kubectl that take a value (skipped with it). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '-c', '--container', '-o', '--output', '-l', '--selector', '-p', '--patch', '--type', '-f', '--field-selector', '--sort-by']);
/** Verbs whose positionals are `<kind> <name>...`. */
const BY_KIND = new Set(['get', 'describe', 'delete', 'annotate', 'label', 'patch', 'edit', 'scale']);

interface Reference {
  readonly doc: string;
  readonly command: string;
  readonly context?: string;
  readonly kind: string;
  readonly name: string;
}

/** The commands of a text: each `kubectl …` up to the end of its code span, a pipe, `&&`, `;` or a comment. */
export function kubectlCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(/kubectl\s+([^`]*)/g)) {
      const tokens = m[1].match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
      const end = tokens.findIndex((t) => ['|', '||', '&&', ';'].includes(t) || t.startsWith('#'));
      out.push(['kubectl', ...(end < 0 ? tokens : tokens.slice(0, end))].join(' ').replace(/\)+$/, ''));
    }
  }
  return out;
}

/** The resources a command names: `<kind> <name>` after get/describe/…, `<kind>/<name>` anywhere (`--from=cronjob/x`). */
export function references(command: string): { context?: string; kind: string; name: string }[] {
  const tokens = command.match(/'[^']*'|"[^"]*"|\S+/g)!.slice(1).map((t) => t.replace(/\)+$/, ''));
  let context: string | undefined;
  const positionals: string[] = [];
  const refs: { kind: string; name: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--context') context = tokens[i + 1];
    if (t.startsWith('--context=')) context = t.slice('--context='.length);
    if (VALUE_FLAGS.has(t)) {
      i++;
      continue;
    }
    const slash = /^(?:--from=)?([a-z0-9]+)\/(.+)$/.exec(t);
    if (slash && KINDS[slash[1]]) refs.push({ kind: KINDS[slash[1]], name: slash[2] });
    else if (!t.startsWith('-')) positionals.push(t);
  }
  const [verb, kind, ...names] = positionals;
  if (BY_KIND.has(verb) && kind && KINDS[kind]) {
    for (const name of names) {
      if (name.includes('=') || name.startsWith("'") || name.startsWith('"')) break; // annotations, labels, patches follow
      refs.push({ kind: KINDS[kind], name });
    }
  }
  // Placeholders, and shell variables other than the docs' conventions ($CLUSTER is resolved per stack), name nothing checkable.
  return refs.filter((r) => !/[<>*]|\$\(|\$(?!CLUSTER\b)[A-Z_]+/.test(r.name)).map((r) => ({ ...(context ? { context } : {}), ...r }));
}

type StackJson = { resource?: Record<string, Record<string, { metadata?: { name?: string }; name?: string; chart?: string; values?: string[] }>> };

/** Names per stack and kind: what the stack declares and what Strimzi creates for it. */
function knownNames(environments: readonly EnvironmentConfig[]): Map<string, Map<string, Set<string>>> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-names-'));
  try {
    buildApp(outdir, environments).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
    return new Map(
      Object.entries(manifest.stacks).map(([stack, s]) => {
        const json = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8')) as StackJson;
        const names = new Map<string, Set<string>>();
        const add = (kind: string, name: string | undefined) => name && names.set(kind, (names.get(kind) ?? new Set()).add(name));
        const typed: Record<string, string> = { kubernetes_secret_v1: 'secret', kubernetes_cron_job_v1: 'cronjob', kubernetes_job_v1: 'job', kubernetes_config_map_v1: 'configmap', kubernetes_deployment_v1: 'deployment' };
        for (const [type, kind] of Object.entries(typed)) for (const r of Object.values(json.resource?.[type] ?? {})) add(kind, r.metadata?.name);
        for (const release of Object.values(json.resource?.helm_release ?? {})) {
          // The operator's Helm chart runs the Cluster Operator's Deployment.
          if (release.chart === 'strimzi-kafka-operator') add('deployment', 'strimzi-cluster-operator');
          if (!String(release.chart).includes('kafka-platform-resources-chart')) continue;
          const objects = ((parse(release.values?.[0] ?? '') as { resources?: { kind: string; metadata: { name: string }; spec?: Record<string, unknown> }[] } | null)?.resources ?? []);
          for (const o of objects) {
            add(o.kind.toLowerCase(), o.metadata.name);
            // What the Strimzi operators create: a user's Secret; a cluster's CA Secrets, entity operator, exporter, Cruise Control, bootstrap Service.
            if (o.kind === 'KafkaUser') add('secret', o.metadata.name);
            if (o.kind === 'Kafka') {
              const c = o.metadata.name;
              for (const secret of [clusterCaCertSecret(c), clientsCaCertSecret(c), clusterCaKeySecret(c), clientsCaKeySecret(c)]) add('secret', secret);
              add('deployment', `${c}-entity-operator`);
              if (o.spec?.kafkaExporter) add('deployment', `${c}-kafka-exporter`);
              if (o.spec?.cruiseControl) add('deployment', `${c}-cruise-control`);
              add('service', `${c}-kafka-bootstrap`);
            }
          }
        }
        return [stack, names] as const;
      }),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const drState = (state: DisasterRecoveryState) => [dev, staging, ...disasterRecoveryEnvironments(state, DR_PAIR)];
// The backup guide's restore, step 3 (`offsetRestore: { backupId, groups }` on prod's operations).
// The backup guide's offset restore and its topic restore example (`status-0301`).
const withRestore = ENVIRONMENTS.map((e) =>
  e.name === 'prod'
    ? {
        ...e,
        operations: {
          ...e.operations,
          offsetRestore: { backupId: '20250301T120000Z', groups: 'orders-.*' },
          topicBackup: { ...e.operations!.topicBackup!, restores: [{ name: 'status-0301', topic: 'orders.order-status.v1', targetTopic: 'orders.order-status.v1.restored-0301', until: '2025-03-01T10:30:00Z' }] },
        },
      }
    : e,
);

let normal: Map<string, Map<string, Set<string>>>;
let documented: Map<string, Map<string, Set<string>>>[];
beforeAll(() => {
  normal = knownNames(ENVIRONMENTS);
  documented = [normal, knownNames(drState('failed-over')), knownNames(drState('failing-back')), knownNames(withRestore)];
}, 120_000);

const CLUSTER_OF = (stack: string) => stack; // stacks are named after their clusters (kafka-<env>)
const has = (configs: typeof documented, stack: string, kind: string, name: string) => configs.some((c) => c.get(stack)?.get(kind)?.has(name));

/** Why a reference does not run against the stacks, or undefined. */
function problem(ref: Reference): string | undefined {
  const stacks = [...normal.keys()];
  const where = `${ref.doc}: \`${ref.command}\`: ${ref.kind} ${ref.name}`;
  if (ref.context) {
    if (!stacks.includes(ref.context)) return `${where}: no stack for kube context ${ref.context}`;
    const name = ref.name.replaceAll('$CLUSTER', CLUSTER_OF(ref.context));
    return has(documented, ref.context, ref.kind, name) ? undefined : `${where}: not declared in ${ref.context}`;
  }
  if (ref.name.includes('$CLUSTER')) {
    return stacks.some((s) => has(documented, s, ref.kind, ref.name.replaceAll('$CLUSTER', CLUSTER_OF(s)))) ? undefined : `${where}: in no stack`;
  }
  const owner = stacks.find((s) => ref.name === s || ref.name.startsWith(`${s}-`));
  if (owner) return has(documented, owner, ref.kind, ref.name) ? undefined : `${where}: not declared in ${owner}`;
  // A name without a cluster in it: the docs use it on any cluster, so every stack must have it.
  const missing = stacks.filter((s) => !has([normal], s, ref.kind, ref.name));
  return missing.length ? `${where}: missing in ${missing.join(', ')}` : undefined;
}

describe('operator docs name what the stacks declare', () => {
  test('the command reader finds kinds and names the way kubectl reads them', () => {
    expect(kubectlCommands('x `kubectl -n $NS get secret platform-admin -o jsonpath=\'{.data.password}\' | base64 -d` y')).toEqual(["kubectl -n $NS get secret platform-admin -o jsonpath='{.data.password}'"]);
    expect(references('kubectl -n kafka create job backup-now --from=cronjob/kafka-prod-metadata-backup')).toEqual([{ kind: 'cronjob', name: 'kafka-prod-metadata-backup' }]);
    expect(references('kubectl --context kafka-dr -n kafka get secret kafka-dr-cluster-ca-cert -o yaml')).toEqual([{ context: 'kafka-dr', kind: 'secret', name: 'kafka-dr-cluster-ca-cert' }]);
    expect(references('kubectl -n $NS get secret $CLUSTER-cluster-ca-cert $CLUSTER-clients-ca-cert -o json')).toHaveLength(2);
    expect(references('kubectl -n $NS annotate secret $CLUSTER-cluster-ca-cert strimzi.io/force-renew=true')).toEqual([{ kind: 'secret', name: '$CLUSTER-cluster-ca-cert' }]);
    expect(references('kubectl -n $NS logs job/<latest job>')).toEqual([]);
    expect(references('kubectl -n $NS logs deploy/$CLUSTER-entity-operator -c topic-operator')).toEqual([{ kind: 'deployment', name: '$CLUSTER-entity-operator' }]);
    expect(references('kubectl -n $NS get pods -l strimzi.io/cluster=$CLUSTER')).toEqual([]);
    expect(references('kubectl -n $NS logs job/$JOB -c verify')).toEqual([]);
  });

  test('the check is live: a Secret dr does not have, a misspelt CronJob and an unknown context are reported', () => {
    const doc = 'x.md';
    expect(problem({ doc, command: 'c', kind: 'secret', name: 'nobody-admin' })).toMatch(/missing in kafka-dev, kafka-dr, kafka-prod, kafka-staging$/);
    expect(problem({ doc, command: 'c', kind: 'cronjob', name: 'kafka-prod-metadata-backups' })).toMatch(/not declared in kafka-prod$/);
    expect(problem({ doc, command: 'c', context: 'kafka-qa', kind: 'secret', name: 'x' })).toMatch(/no stack for kube context kafka-qa/);
    // The DR admin Secret: declared on every cluster now.
    expect(problem({ doc, command: 'c', kind: 'secret', name: 'platform-admin' })).toBeUndefined();
    expect(problem({ doc, command: 'c', context: 'kafka-dr', kind: 'secret', name: 'platform-admin' })).toBeUndefined();
  });

  test('every kubectl command of the docs that names a resource finds it in the stacks', () => {
    const refs = DOCS.flatMap((doc) =>
      kubectlCommands(fs.readFileSync(path.join(ROOT, doc), 'utf8')).flatMap((command) => references(command).map((r) => ({ doc, command, ...r }))),
    );
    // The docs' commands name Secrets, CronJobs and Jobs (and other kinds): the extraction finds them.
    for (const kind of ['secret', 'cronjob', 'job']) expect(refs.some((r) => r.kind === kind)).toBe(true);
    expect(refs.map(problem).filter(Boolean)).toEqual([]);
  });

  test("every environment's resource name written in backticks is declared somewhere the docs lead to", () => {
    const names = DOCS.flatMap((doc) => [...fs.readFileSync(path.join(ROOT, doc), 'utf8').matchAll(/`(kafka-(?:dev|staging|prod|dr)(?:-[a-z0-9]+)+)`/g)].map((m) => ({ doc, name: m[1] })));
    expect(names.length).toBeGreaterThan(5);
    const anywhere = (name: string) => documented.some((c) => [...c.values()].some((kinds) => [...kinds.values()].some((set) => set.has(name))));
    expect(names.filter((n) => !anywhere(n.name)).map((n) => `${n.doc}: ${n.name}`)).toEqual([]);
  });
});
