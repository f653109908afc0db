import { ClientCredentials, CLIENT_CA_PATH, CLIENT_USER_PATH, kafkaClientWiring } from '../../../lib/core/operations/kafka-client';

const env = (w: ReturnType<typeof kafkaClientWiring>) => Object.fromEntries(w.env.map((e) => [e.name, 'value' in e ? e.value : '']));

describe('kafkaClientWiring', () => {
  test('SCRAM over TLS: SASL_SSL, the cluster CA and the password key of the user\'s Secret', () => {
    const w = kafkaClientWiring({ bootstrapServers: 'b:9093', clusterCaSecret: 'c-cluster-ca-cert', credentials: ClientCredentials.scramSha512('job') });
    expect(env(w)).toMatchObject({ KAFKA_BOOTSTRAP_SERVERS: 'b:9093', KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_CLIENT_AUTH: 'scram-sha-512', KAFKA_USERNAME: 'job', LOG_DIR: '/tmp/logs' });
    expect(w.volumes).toEqual([
      { name: 'cluster-ca', source: { type: 'secret', secretName: 'c-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { name: 'kafka-user', source: { type: 'secret', secretName: 'job', items: [{ key: 'password', path: 'password' }] } },
    ]);
    expect(w.mounts).toEqual([{ volume: 'cluster-ca', path: CLIENT_CA_PATH }, { volume: 'kafka-user', path: CLIENT_USER_PATH }]);
  });

  test('mutual TLS: SSL and the keystore keys, no username', () => {
    const w = kafkaClientWiring({ bootstrapServers: 'b:9094', clusterCaSecret: 'ca', credentials: ClientCredentials.mutualTls('job', 'job-secret') });
    expect(env(w).KAFKA_SECURITY_PROTOCOL).toBe('SSL');
    expect(env(w).KAFKA_USERNAME).toBeUndefined();
    expect(w.volumes[1]).toEqual({ name: 'kafka-user', source: { type: 'secret', secretName: 'job-secret', items: [{ key: 'user.p12', path: 'user.p12' }, { key: 'user.password', path: 'user.password' }] } });
  });

  test('without a CA: SASL_PLAINTEXT for SCRAM, PLAINTEXT without authentication, nothing mounted for none', () => {
    expect(env(kafkaClientWiring({ bootstrapServers: 'b:9092', credentials: ClientCredentials.scramSha512('job') })).KAFKA_SECURITY_PROTOCOL).toBe('SASL_PLAINTEXT');
    const plain = kafkaClientWiring({ bootstrapServers: 'b:9092', credentials: ClientCredentials.none() });
    expect(env(plain).KAFKA_SECURITY_PROTOCOL).toBe('PLAINTEXT');
    expect([plain.volumes, plain.mounts]).toEqual([[], []]);
  });
});
