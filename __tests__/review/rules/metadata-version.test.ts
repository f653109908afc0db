import { KubernetesObject } from '../../../lib/core/kubernetes';
import { buildKafkaCluster, KafkaClusterSpec } from '../../../lib/core/strimzi/kafka';
import { ObjectChange, StackChanges } from '../../../lib/review/changes';
import { diffFields } from '../../../lib/review/field-diff';
import { metadataVersionRule } from '../../../lib/review/rules/metadata-version';
import { prodSpec } from '../../helpers/inventory';

const kafka = (changes: Partial<KafkaClusterSpec>): KubernetesObject => buildKafkaCluster(prodSpec(changes)).kafka;

function assess(before: KubernetesObject, after: KubernetesObject): string[] {
  const change: ObjectChange = { status: 'changed', key: 'k', release: 'kafka-prod-cluster', kind: 'Kafka', name: 'kafka/kafka-prod', before, after, fields: diffFields(before, after) };
  const stack: StackChanges = { name: 'kafka-prod', status: 'changed', objects: [change], resources: [] };
  return metadataVersionRule.assess(change, { stack, production: true });
}

describe('KP-REVIEW-METADATA-VERSION', () => {
  test('is a BLOCK rule', () => {
    expect(metadataVersionRule.level).toBe('BLOCK');
  });

  test('step 1 alone (version raised, metadata version pinned) and step 2 alone (metadata raised) pass', () => {
    const start = kafka({ version: '4.2.1', metadataVersion: '4.2-IV1' });
    const step1 = kafka({ version: '4.3.1', metadataVersion: '4.2-IV1' });
    const step2 = kafka({ version: '4.3.1', metadataVersion: '4.3-IV0' });
    expect(assess(start, step1)).toEqual([]);
    expect(assess(step1, step2)).toEqual([]);
    // A patch upgrade that keeps the metadata version is no metadata change at all.
    expect(assess(kafka({ version: '4.3.0' }), kafka({ version: '4.3.1' }))).toEqual([]);
  });

  test('both raised in one change is blocked with the procedure', () => {
    const [message] = assess(kafka({ version: '4.2.1', metadataVersion: '4.2-IV1' }), kafka({ version: '4.3.1', metadataVersion: '4.3-IV0' }));
    expect(message).toBe(
      'version 4.2.1 → 4.3.1 and metadataVersion 4.2-IV1 → 4.3-IV0 in one change: deploy the version change alone first, then change metadataVersion in a later change (pin metadataVersion when raising version)',
    );
  });

  test('an implicit metadata raise (version bumped, metadata version left to its default) is blocked too', () => {
    expect(assess(kafka({ version: '4.2.1', metadataVersion: '4.2-IV1' }), kafka({ version: '4.3.1' }))).toHaveLength(1);
  });

  test('any metadata downgrade is blocked, with or without a version change', () => {
    expect(assess(kafka({ metadataVersion: '4.3-IV0' }), kafka({ metadataVersion: '4.2-IV1' }))).toEqual(['metadataVersion 4.3-IV0 → 4.2-IV1: a KRaft metadata version cannot be downgraded']);
    expect(assess(kafka({ version: '4.3.1', metadataVersion: '4.3-IV0' }), kafka({ version: '4.2.1', metadataVersion: '4.2-IV1' }))).toHaveLength(2);
  });

  test('other objects and other Kafka changes are not its concern', () => {
    const before = kafka({});
    const after = kafka({ brokerDefaults: { retentionHours: 24 } });
    expect(assess(before, after)).toEqual([]);
    const pool = buildKafkaCluster(prodSpec()).nodePools[0];
    const change: ObjectChange = { status: 'changed', key: 'p', release: 'r', kind: 'KafkaNodePool', name: 'kafka/brokers', before: pool, after: pool, fields: [] };
    expect(metadataVersionRule.assess(change, { stack: { name: 's', status: 'changed', objects: [], resources: [] }, production: true })).toEqual([]);
  });
});
