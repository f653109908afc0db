import { operationsAccess } from '../../lib/workloads/kafka-access';
import { Listener } from '../../lib/core/strimzi/listener';
import { Validator } from '../../lib/core/validation';
import { MTLS_LISTENER, testCluster } from '../helpers/workloads';

describe('operationsAccess', () => {
  test('the first internal TLS listener with authentication, SCRAM for a SCRAM listener', () => {
    const v = new Validator('ops');
    const access = operationsAccess(v, testCluster([Listener.plainInternal(), Listener.internalTls(), MTLS_LISTENER]), 'events-job')!;
    expect(v.issues).toEqual([]);
    expect(access.listenerName).toBe('tls');
    expect(access.userAuthentication.type).toBe('scram-sha-512');
    expect(access.connection).toMatchObject({ bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093', clusterCaSecret: 'events-cluster-ca-cert' });
    expect(access.connection.credentials).toMatchObject({ type: 'scram-sha-512', username: 'events-job' });
  });

  test('a named mTLS listener: the user authenticates with TLS, never SCRAM', () => {
    const access = operationsAccess(new Validator('ops'), testCluster([Listener.internalTls(), MTLS_LISTENER]), 'events-job', 'mtls')!;
    expect(access.userAuthentication.type).toBe('tls');
    expect(access.connection.credentials.type).toBe('tls');
    expect(access.connection.bootstrapServers).toBe('events-kafka-bootstrap.kafka.svc:9094');
  });

  test('a plain or unknown listener is refused, naming the usable ones', () => {
    const v = new Validator('ops');
    expect(operationsAccess(v, testCluster([Listener.plainInternal(), Listener.internalTls()]), 'events-job', 'plain')).toBeUndefined();
    expect(v.issues.map((i) => `${i.field}: ${i.allowed}`)).toEqual(['listenerName: an internal TLS listener with authentication of cluster events: tls']);
  });

  test('a cluster referenced by attributes: SCRAM over TLS is assumed', () => {
    const access = operationsAccess(new Validator('ops'), testCluster(undefined), 'events-job')!;
    expect(access.userAuthentication.type).toBe('scram-sha-512');
    expect(access.listenerName).toBe('tls');
  });
});
