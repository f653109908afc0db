import { buildKafkaConnect, ConnectorPlugin, KafkaConnectSpec } from '../../../lib/core/strimzi/connect';
import { connectRegistryRule } from '../../../lib/guardrails/rules/connect-registry';
import { inventoryOf } from '../../helpers/inventory';

const connect = (image: string, pushSecret?: string) =>
  buildKafkaConnect({
    name: 'kafka-prod-backup', namespace: 'kafka', bootstrapServers: 'b:9093', clusterCaSecret: 'ca', authentication: { type: 'tls', certificateSecret: 'u' },
    groupId: 'g', configStorageTopic: 'c', offsetStorageTopic: 'o', statusStorageTopic: 's',
    build: { output: { image, pushSecret }, plugins: [ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: 'c'.repeat(127) + 'd' })] },
  } satisfies KafkaConnectSpec);

describe('KP-PROD-CONNECT-REGISTRY', () => {
  test('a platform registry with push credentials complies', () => {
    expect(connectRegistryRule.check(inventoryOf([connect('registry.example.org/kp/kafka-prod-backup-connect:abc', 'push')]))).toEqual([]);
  });
  test('the ttl.sh default, or a registry without push credentials, is refused on the KafkaConnect', () => {
    expect(connectRegistryRule.check(inventoryOf([connect('ttl.sh/kafka-kafka-prod-backup-connect-abc:24h', 'push'), connect('registry.example.org/kp/x:1')], [], 'kafka-prod/operations/topic-backup/connect'))).toEqual([
      { owner: 'kafka-prod/operations/topic-backup/connect', subject: 'KafkaConnect kafka/kafka-prod-backup spec.build.output.image', value: 'ttl.sh/kafka-kafka-prod-backup-connect-abc:24h' },
      { owner: 'kafka-prod/operations/topic-backup/connect', subject: 'KafkaConnect kafka/kafka-prod-backup spec.build.output.pushSecret', value: undefined },
    ]);
  });
});
