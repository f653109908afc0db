import { buildKafkaConnect, ConnectorPlugin } from '../../../lib/core/strimzi/connect';
import { pluginChecksumRule } from '../../../lib/guardrails/rules/plugin-checksum';
import { inventoryOf } from '../../helpers/inventory';

const connect = (sha512sum: string) =>
  buildKafkaConnect({
    name: 'backup', namespace: 'kafka', bootstrapServers: 'b:9093', clusterCaSecret: 'ca', authentication: { type: 'tls', certificateSecret: 'u' },
    groupId: 'g', configStorageTopic: 'c', offsetStorageTopic: 'o', statusStorageTopic: 's',
    build: { output: { image: 'registry.example.org/kp/backup-connect:1', pushSecret: 'p' }, plugins: [ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum })] },
  });

describe('KP-PROD-PLUGIN-CHECKSUM', () => {
  test('is a warning: a placeholder stops the build, it never runs unverified code', () => {
    expect(pluginChecksumRule.severity).toBe('warning');
  });
  test('a digest passes; a placeholder (one digit repeated) is reported with the artifact', () => {
    expect(pluginChecksumRule.check(inventoryOf([connect('0123456789abcdef'.repeat(8))]))).toEqual([]);
    expect(pluginChecksumRule.check(inventoryOf([connect('0'.repeat(128))]))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'KafkaConnect kafka/backup plugin stream-reactor-aws-s3 https://github.com/lensesio/stream-reactor/releases/download/11.7.2/kafka-connect-aws-s3-11.7.2.zip sha512sum (a placeholder)', value: '00000000...' },
    ]);
  });
});
