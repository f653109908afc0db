import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AclRule } from '../core/strimzi/acl';
import { namesEveryResource } from '../core/objects';
import { kafkaTopicName } from '../core/strimzi/topic';
import { refuseBadShapeAt, S } from '../core/shape';
import { Validator, ValidationIssue } from '../core/validation';
import { ImportedKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KafkaUser } from '../access/kafka-user';
import { StackScan } from './collect-inventory';
import { objectsOfKind } from './inventory';
import { GuardrailRule } from './rule';
import { teamRules } from './rules/team';
import { AcknowledgementConfig, PlatformGuardrails } from './platform-guardrails';

export interface TeamGuardrailsProps {
  /** Enforce the production rules (`teamRules()`): synth fails on any unacknowledged finding. */
  readonly production: boolean;
  /**
   * Topics this team does not own but grants its users access to (the platform's or another team's),
   * by Kafka topic name, or as a prefix ending in `*` (`orders.*`). Every topic a user's grants name must
   * be declared in this stack or listed here.
   * @default []
   */
  readonly externalTopics?: readonly string[];
  /** Acknowledgements from configuration, as on the platform (`{ ruleId, path, reason }`). @default [] */
  readonly acknowledgements?: readonly AcknowledgementConfig[];
  /** Name recorded in the guardrail summary the plan review shows. @default - the stack's name */
  readonly environment?: string;
  /** The rules to enforce in production. @default teamRules() */
  readonly rules?: readonly GuardrailRule[];
}

/**
 * Guardrails of a product team's stack, applied in one line: `new TeamGuardrails(this, 'guardrails', { production })`.
 *
 * In every environment it refuses, at synth, a referenced cluster without `brokerCount` (topic replication is
 * checked against it) and grants on topics the stack neither declares nor lists in `externalTopics`. In
 * production it also enforces the rules about what a team declares (replication, min ISR, unclean election,
 * deletion protection, wildcard and admin grants), with findings and fixes in the team's props and
 * acknowledgements as on the platform (`Acknowledgements.add(construct, ruleId, reason)` or `acknowledgements`).
 *
 * Add it last in the stack's constructor, so that configured acknowledgements can name any construct.
 */
export class TeamGuardrails extends Construct {
  public readonly rules: readonly GuardrailRule[];

  constructor(scope: Construct, id: string, props: TeamGuardrailsProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, TEAM_GUARDRAILS_SHAPE);
    const stack = TerraformStack.of(this);
    const v = new Validator(this.node.path);
    (props.externalTopics ?? []).forEach((t, i) => v.check(typeof t === 'string' && t.length > 0, `externalTopics[${i}]`, t, 'a topic name, or a prefix ending in *'));
    v.throwIfAny();
    const guardrails = new PlatformGuardrails(this, 'rules', {
      environment: props.environment ?? stack.node.id,
      production: props.production,
      acknowledgements: props.acknowledgements,
      rules: props.rules ?? teamRules(),
    });
    // On the guardrails' own walk of the stack, before the rules: bad input is reported before policy findings.
    const externalTopics = props.externalTopics ?? [];
    guardrails.addInputCheck((scan) => teamInputIssues(scan, externalTopics));
    this.rules = guardrails.rules;
  }
}

/**
 * Checks the team's inputs against each other once the stack is complete: the referenced cluster's broker
 * count, and every topic its users are granted declared here or listed as another team's.
 */
function teamInputIssues(scan: StackScan, externalTopics: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const c of scan.constructs) {
    if (c instanceof ImportedKafkaCluster && c.brokerCount === undefined) {
      issues.push({
        path: c.node.path,
        field: 'brokerCount',
        value: undefined,
        allowed: `the number of brokers of cluster "${c.clusterName}" (ask the platform team): in a team stack topic replication is checked against it`,
      });
    }
  }
  const declared = objectsOfKind(scan.inventory, 'KafkaTopic').map((o) => kafkaTopicName(o.object));
  const known = (acl: AclRule) => isKnownTopic(acl, declared, externalTopics);
  const allowed = `a topic this stack declares${declared.length ? ` (${declared.join(', ')})` : ''}, or one listed as another team's in TeamGuardrails externalTopics`;
  for (const user of scan.constructs.filter((c): c is KafkaUser => c instanceof KafkaUser)) {
    const v = new Validator(user.node.path);
    const fromGrants = new Set<string>();
    user.grants.forEach((grant, i) => {
      for (const acl of grant.acls.filter(isTopicAcl)) {
        fromGrants.add(written(acl));
        // A Streams application's own internal topics (`<application.id>-*`, created by the application).
        if (grant.kind === 'streams' && acl.operations.includes('Create')) continue;
        v.check(known(acl), `grants[${i}] (${grant.description})`, `topic:${written(acl)}`, allowed);
      }
    });
    for (const acl of user.acls.filter(isTopicAcl)) {
      if (!fromGrants.has(written(acl))) v.check(known(acl), 'acls', `topic:${written(acl)}`, allowed);
    }
    issues.push(...v.issues);
  }
  return issues;
}

/** Topic ACLs that name topics: not those naming every topic (`*`, an empty prefix), which the wildcard rule judges. */
function isTopicAcl(acl: AclRule): boolean {
  return acl.resource.type === 'topic' && !namesEveryResource(acl.resource);
}

/** The name as written in a grant: prefixes end in `*`. */
function written(acl: AclRule): string {
  return `${acl.resource.name}${acl.resource.patternType === 'prefix' ? '*' : ''}`;
}

/**
 * A literal name is known when declared here or listed (or covered by a listed prefix); a prefix when it is
 * listed (or within a listed prefix), or when it covers at least one topic the stack declares (the team's own names).
 */
function isKnownTopic(acl: AclRule, declared: readonly string[], external: readonly string[]): boolean {
  const name = acl.resource.name ?? '';
  const prefix = acl.resource.patternType === 'prefix';
  const listed = external.some((e) => (e.endsWith('*') ? name.startsWith(e.slice(0, -1)) : !prefix && e === name));
  if (listed) return true;
  return prefix ? declared.some((d) => d.startsWith(name)) : declared.includes(name);
}

const TEAM_GUARDRAILS_SHAPE = S.object({
  production: S.boolean(),
  externalTopics: S.optional(S.array(S.string({ allowEmpty: true }))),
  acknowledgements: S.optional(S.array(S.object({ ruleId: S.string(), path: S.string(), reason: S.string({ allowEmpty: true }) }))),
  environment: S.optional(S.string()),
  rules: S.optional(S.array(S.where('a GuardrailRule (an object with id and check)', (x) => typeof x === 'object' && x !== null && typeof (x as { check?: unknown }).check === 'function'))),
});
