import { isDnsLabel, isDnsSubdomain, isImageReference, isKafkaName, isLabelKey, isLabelValue, isS3BucketName } from '../../lib/core/names';

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
