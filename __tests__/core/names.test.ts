import { isDnsLabel, isDnsSubdomain, isImageReference, isKafkaName, isLabelKey, isLabelValue, isS3BucketName } from '../../lib/core/names';
import { validateMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { validateUser } from '../../lib/core/strimzi/user';
import { Validator } from '../../lib/core/validation';
import { spec as monitoringSpec } from './monitoring/fixtures';

describe('names', () => {
  test.each([
    ['kafka', true],
    ['kafka-prod-1', true],
    ['Kafka', false],
    ['-kafka', false],
    ['kafka_', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('isDnsLabel(%s) = %s', (name, ok) => expect(isDnsLabel(name)).toBe(ok));

  test('isDnsSubdomain accepts dots, rejects upper case', () => {
    expect(isDnsSubdomain('orders.created')).toBe(true);
    expect(isDnsSubdomain('Orders.created')).toBe(false);
    expect(isDnsSubdomain('a.'.repeat(127) + 'a')).toBe(false);
  });

  test.each([
    ['orders.created_v1-EU', true],
    ['.', false],
    ['..', false],
    ['has space', false],
    ['x'.repeat(249), true],
    ['x'.repeat(250), false],
  ])('isKafkaName(%s) = %s', (name, ok) => expect(isKafkaName(name)).toBe(ok));
});

describe('labels, images and buckets', () => {
  test('label values: at most 63, alphanumeric at both ends', () => {
    expect(['', 'prod', 'a_b.c-d', 'x'.repeat(63)].every(isLabelValue)).toBe(true);
    expect(['x'.repeat(64), '-a', 'a b', 'a/b'].some(isLabelValue)).toBe(false);
  });

  test('label keys: optional DNS prefix and a name', () => {
    expect(['team', 'kafka-platform/owner', 'app.kubernetes.io/name'].every(isLabelKey)).toBe(true);
    expect(['', 'Bad_Prefix/x', 'a/', 'x'.repeat(64)].some(isLabelKey)).toBe(false);
  });

  test('image references a registry accepts', () => {
    expect(['quay.io/strimzi/kafka:1.2.0-kafka-4.3.1', 'docker.io/alpine/k8s:1.33.4', 'localhost:5000/tools', `busybox@sha256:${'a'.repeat(64)}`].every(isImageReference)).toBe(true);
    expect(['Quay.io/Strimzi/Kafka:1', 'quay.io/strimzi/kafka:', 'quay.io/strimzi/kafka:1 2', ''].some(isImageReference)).toBe(false);
  });

  test('S3 bucket names; undefined is not the string "undefined"', () => {
    expect(isS3BucketName('kafka-backups')).toBe(true);
    expect([undefined, '', 'ab', 'My_Bucket', 'a..b'].some(isS3BucketName)).toBe(false);
  });
});

describe('one label rule for every construct that takes labels', () => {
  // Keys and values at the edges of the rule; each consumer must give the same verdict as isLabelKey/isLabelValue.
  const keys = ['release', 'app.kubernetes.io/name', 'example.com/team', 'Example.com/team', 'a/b/c', '/name', 'name/', '-x', 'x'.repeat(63), 'x'.repeat(64), `${'a'.repeat(254)}/x`];
  const values = ['kube-prometheus-stack', '', 'A_b.c-9', '-x', 'x-', 'has space', 'x'.repeat(63), 'x'.repeat(64)];
  const monitoringProblems = (labels: Record<string, string>) => {
    const v = new Validator('m');
    validateMonitoringSpec(v, monitoringSpec({ prometheusSelectorLabels: labels }));
    return v.issues.filter((i) => i.field.startsWith('prometheusSelectorLabels.'));
  };
  const userProblems = (labels: Record<string, string>) => {
    const v = new Validator('u');
    validateUser(v, { name: 'app', labels });
    return v.issues.filter((i) => i.field.startsWith('labels'));
  };

  test.each(keys)('key %j', (key) => {
    const ok = isLabelKey(key);
    expect([monitoringProblems({ [key]: 'v' }).length === 0, userProblems({ [key]: 'v' }).length === 0]).toEqual([ok, ok]);
  });

  test.each(values)('value %j', (value) => {
    const ok = isLabelValue(value);
    expect([monitoringProblems({ release: value }).length === 0, userProblems({ team: value }).length === 0]).toEqual([ok, ok]);
  });
});
