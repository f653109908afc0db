import * as fs from 'fs';
import * as path from 'path';
import { FakeKafka } from './fake-kafka';

/** A perf tool stub that records its arguments one per line and prints canned output. */
function perfTool(fake: FakeKafka, tool: string, output: string, status = 0): void {
  const stub = `#!/usr/bin/env bash
printf '%s\\n' "${tool}" "$@" >> "${fake.root}/${tool}.args"
cat <<'OUT'
${output}
OUT
exit ${status}
`;
  fs.writeFileSync(path.join(fake.home, 'bin', tool), stub, { mode: 0o755 });
}
const argsOf = (fake: FakeKafka, tool: string) => fs.readFileSync(path.join(fake.root, `${tool}.args`), 'utf8').trimEnd().split('\n');
const result = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('LOADTEST-RESULT'));

const ENV = { LOADTEST_TOPIC: 'loadtest-baseline', LOADTEST_RECORDS: '1000000', LOADTEST_RECORD_SIZE: '1024', LOADTEST_THROUGHPUT: '100000' };
const PRODUCER_OUT = [
  '499842 records sent, 99968.4 records/sec (97.63 MB/sec), 12.5 ms avg latency, 210.0 ms max latency.',
  '1000000 records sent, 99990.001000 records/sec (97.65 MB/sec), 11.92 ms avg latency, 250.00 ms max latency, 3 ms 50th, 28 ms 95th, 41 ms 99th, 120 ms 99.9th.',
].join('\n');
const CONSUMER_OUT = [
  'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
  '2025-01-01 06:00:00:000, 2025-01-01 06:00:05:000, 976.5625, 195.3125, 1000000, 200000.0000, 3012, 1988, 491.2, 503018.1',
].join('\n');

describe('load-test.sh', () => {
  let fake: FakeKafka;
  beforeEach(() => (fake = new FakeKafka()));
  afterEach(() => fake.dispose());

  test('producer: Kafka 4.3 flags, acks=all with idempotence, and a summary against the guide\'s baselines', () => {
    perfTool(fake, 'kafka-producer-perf-test.sh', PRODUCER_OUT);
    const r = fake.run('load-test.sh', ['producer'], { ...ENV, LOADTEST_PRODUCER_PROPS: 'batch.size=32768 acks=all enable.idempotence=true' });
    expect(r.status).toBe(0);
    const args = argsOf(fake, 'kafka-producer-perf-test.sh');
    expect(args).not.toContain('--producer.config');
    expect(args).not.toContain('--producer-props');
    expect(args.slice(args.indexOf('--command-config'), args.indexOf('--command-config') + 2)).toEqual(['--command-config', path.join(fake.root, 'client.properties')]);
    expect(args.slice(args.indexOf('--command-property'))).toEqual(['--command-property', 'batch.size=32768', 'acks=all', 'enable.idempotence=true']);
    expect(args.slice(args.indexOf('--bootstrap-server'), args.indexOf('--bootstrap-server') + 2)).toEqual(['--bootstrap-server', 'kafka-bootstrap:9093']);
    expect(result(r.stdout)).toBe(
      'LOADTEST-RESULT role=producer records=1000000 complete=true records_per_sec=99990.001000 mb_per_sec=97.65 avg_ms=11.92 p99_ms=41 ' +
        'capped_at=100000 baseline=100000 target=500000 level=below-baseline p99_target_ms=50 p99_ok=true',
    );
  });

  test('producer: a short run and a slow p99 are visible in the summary', () => {
    perfTool(fake, 'kafka-producer-perf-test.sh', '600000 records sent, 150000.0 records/sec (146.48 MB/sec), 30.00 ms avg latency, 900.00 ms max latency, 20 ms 50th, 60 ms 95th, 75 ms 99th, 300 ms 99.9th.');
    const r = fake.run('load-test.sh', ['producer'], ENV);
    expect(result(r.stdout)).toMatch(/records=600000 complete=false records_per_sec=150000.0 .* level=baseline p99_target_ms=50 p99_ok=false$/);
  });

  test('producer: no final line (the tool failed half-way) is an error, not a result', () => {
    perfTool(fake, 'kafka-producer-perf-test.sh', 'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [loadtest-baseline]');
    const r = fake.run('load-test.sh', ['producer'], ENV);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: kafka-producer-perf-test.sh printed no final result line');
    expect(result(r.stdout)).toBeUndefined();
  });

  test('consumer: --num-records (not the deprecated --messages) and a summary against the consumer baselines', () => {
    perfTool(fake, 'kafka-consumer-perf-test.sh', CONSUMER_OUT);
    const r = fake.run('load-test.sh', ['consumer'], { ...ENV, LOADTEST_GROUP: 'loadtest-baseline-consumer' });
    expect(r.status).toBe(0);
    const args = argsOf(fake, 'kafka-consumer-perf-test.sh');
    expect(args).toEqual(expect.arrayContaining(['--num-records', '1000000', '--command-config', '--group', 'loadtest-baseline-consumer']));
    expect(args).not.toContain('--messages');
    expect(result(r.stdout)).toBe('LOADTEST-RESULT role=consumer records=1000000 complete=true records_per_sec=200000.0000 mb_per_sec=195.3125 baseline=150000 target=750000 level=baseline');
  });

  test('a failing perf tool fails the Job', () => {
    perfTool(fake, 'kafka-consumer-perf-test.sh', 'Exception in thread "main" org.apache.kafka.common.errors.TimeoutException', 1);
    expect(fake.run('load-test.sh', ['consumer'], ENV).status).not.toBe(0);
  });
});
