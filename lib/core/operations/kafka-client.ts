import { EnvVar, VolumeMount, WorkloadVolume } from './workload-model';

/**
 * How a workload's Kafka CLI tools reach the cluster: bootstrap address, TLS trust in the cluster CA,
 * and the credentials of a KafkaUser whose Secret the User Operator wrote. The script
 * `kafka-client.sh` turns what is mounted here into `/tmp/client.properties`.
 */

/** Credentials of a KafkaUser, from the Secret the User Operator writes (named after the user). */
export class ClientCredentials {
  /** SASL SCRAM-SHA-512 with the `password` key of the user's Secret. */
  static scramSha512(username: string, secretName = username): ClientCredentials {
    return new ClientCredentials('scram-sha-512', username, secretName);
  }

  /** Mutual TLS with the `user.p12` keystore and `user.password` keys of the user's Secret. */
  static mutualTls(username: string, secretName = username): ClientCredentials {
    return new ClientCredentials('tls', username, secretName);
  }

  /** No authentication: only for development clusters with a plain listener. */
  static none(): ClientCredentials {
    return new ClientCredentials('none', '', '');
  }

  private constructor(
    public readonly type: 'scram-sha-512' | 'tls' | 'none',
    public readonly username: string,
    public readonly secretName: string,
  ) {}
}

export interface KafkaClientConnection {
  /** `host:port` of the listener's bootstrap Service. */
  readonly bootstrapServers: string;
  /** Secret with the cluster CA certificate (`ca.crt`); absent for a plain listener. */
  readonly clusterCaSecret?: string;
  readonly credentials: ClientCredentials;
}

export const CLIENT_CA_PATH = '/etc/kafka-platform/cluster-ca';
export const CLIENT_USER_PATH = '/etc/kafka-platform/user';

/** Environment, volumes and mounts that give a step a Kafka client configuration. */
export interface KafkaClientWiring {
  readonly env: readonly EnvVar[];
  readonly volumes: readonly WorkloadVolume[];
  readonly mounts: readonly VolumeMount[];
}

export function kafkaClientWiring(connection: KafkaClientConnection): KafkaClientWiring {
  const { credentials, clusterCaSecret } = connection;
  const tls = clusterCaSecret !== undefined;
  const protocol = credentials.type === 'scram-sha-512' ? (tls ? 'SASL_SSL' : 'SASL_PLAINTEXT') : tls ? 'SSL' : 'PLAINTEXT';
  const env: EnvVar[] = [
    { name: 'KAFKA_BOOTSTRAP_SERVERS', value: connection.bootstrapServers },
    { name: 'KAFKA_SECURITY_PROTOCOL', value: protocol },
    { name: 'KAFKA_CLIENT_AUTH', value: credentials.type },
    // The CLI tools log to $LOG_DIR; the root filesystem is read-only.
    { name: 'LOG_DIR', value: '/tmp/logs' },
  ];
  const volumes: WorkloadVolume[] = [];
  const mounts: VolumeMount[] = [];
  if (tls) {
    volumes.push({ name: 'cluster-ca', source: { type: 'secret', secretName: clusterCaSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] } });
    mounts.push({ volume: 'cluster-ca', path: CLIENT_CA_PATH });
  }
  if (credentials.type === 'scram-sha-512') {
    env.push({ name: 'KAFKA_USERNAME', value: credentials.username });
    volumes.push({ name: 'kafka-user', source: { type: 'secret', secretName: credentials.secretName, items: [{ key: 'password', path: 'password' }] } });
    mounts.push({ volume: 'kafka-user', path: CLIENT_USER_PATH });
  } else if (credentials.type === 'tls') {
    volumes.push({
      name: 'kafka-user',
      source: { type: 'secret', secretName: credentials.secretName, items: [{ key: 'user.p12', path: 'user.p12' }, { key: 'user.password', path: 'user.password' }] },
    });
    mounts.push({ volume: 'kafka-user', path: CLIENT_USER_PATH });
  }
  return { env, volumes, mounts };
}
