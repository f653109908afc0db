import { refuseBadShape, S } from '../shape';
import { Validator } from '../validation';

/** How clients authenticate on a listener. */
export class ListenerAuthentication {
  /** SASL SCRAM-SHA-512: username and password from the KafkaUser's Secret. */
  static scramSha512(): ListenerAuthentication {
    return new ListenerAuthentication('scram-sha-512');
  }

  /** Mutual TLS: clients present a certificate signed by the clients CA. */
  static mutualTls(): ListenerAuthentication {
    return new ListenerAuthentication('tls');
  }

  private constructor(public readonly type: 'scram-sha-512' | 'tls') {}

  toStrimzi(): Record<string, unknown> {
    return { type: this.type };
  }
}

/** Kubernetes selector of who may connect (rendered into Strimzi `networkPolicyPeers`). */
export interface NetworkPeer {
  /** Pods whose labels match, in the namespaces selected by `namespaceLabels` (or the cluster's own). */
  readonly podLabels?: Record<string, string>;
  /** Namespaces whose labels match, e.g. `{ 'kubernetes.io/metadata.name': 'orders' }`. */
  readonly namespaceLabels?: Record<string, string>;
}

export type ListenerType = 'internal' | 'cluster-ip' | 'loadbalancer' | 'nodeport' | 'route';

export interface ListenerOptions {
  /** Listener name, `^[a-z0-9]{1,11}$`. */
  readonly name?: string;
  /** Port, 9092 or above (9090, 9091 and 9404 are taken by Strimzi). */
  readonly port?: number;
  /** Client authentication. @default ListenerAuthentication.scramSha512() */
  readonly authentication?: ListenerAuthentication;
  /**
   * Who may reach the listener. When set, Strimzi generates a NetworkPolicy that admits only these peers.
   * @default - every pod in the cluster may connect (no NetworkPolicy restriction)
   */
  readonly allowFrom?: readonly NetworkPeer[];
}

export interface ExternalListenerOptions extends ListenerOptions {
  /** How the listener is exposed outside the cluster. */
  readonly type: 'loadbalancer' | 'nodeport' | 'route';
  /** CIDRs allowed to reach a load balancer (`loadBalancerSourceRanges`). @default - no restriction */
  readonly sourceRanges?: readonly string[];
  /**
   * DNS name of the bootstrap address, so other clusters can be configured with a stable name. It is
   * added to the bootstrap certificate (`alternativeNames`); a load balancer gets the external-dns
   * hostname annotation, a route uses it as its host.
   * @default - the address the platform assigns (known only after deployment)
   */
  readonly bootstrapHost?: string;
}

const RESERVED_PORTS = new Set([9090, 9091, 9404]);

const LISTENER_FIELDS = {
  name: S.optional(S.string()),
  port: S.optional(S.numeric()),
  authentication: S.optional(S.instance(ListenerAuthentication, 'a ListenerAuthentication (ListenerAuthentication.scramSha512() or .mutualTls())')),
  allowFrom: S.optional(S.array(S.object({ podLabels: S.optional(S.stringMap()), namespaceLabels: S.optional(S.stringMap()) }, 'an object with podLabels and/or namespaceLabels'))),
};
const LISTENER_OPTIONS_SHAPE = S.object(LISTENER_FIELDS);
const EXTERNAL_LISTENER_OPTIONS_SHAPE = S.object({
  ...LISTENER_FIELDS,
  type: S.oneOf(['loadbalancer', 'nodeport', 'route']),
  sourceRanges: S.optional(S.array(S.string())),
  bootstrapHost: S.optional(S.string()),
});

/**
 * A Kafka listener. Create with the static factories; TLS listeners always carry authentication,
 * and the only listener without either is `Listener.plainInternal()`, meant for development.
 */
export class Listener {
  /** In-cluster TLS listener with authentication (SCRAM-SHA-512 unless given). Default name `tls`, port 9093. */
  static internalTls(options: ListenerOptions = {}): Listener {
    refuseBadShape('Listener.internalTls', 'options', options, LISTENER_OPTIONS_SHAPE);
    return new Listener('internal', options.name ?? 'tls', options.port ?? 9093, true, options.authentication ?? ListenerAuthentication.scramSha512(), options.allowFrom, undefined);
  }

  /**
   * In-cluster listener without TLS. Only for development: the production guardrails reject it. Give it
   * `ListenerAuthentication.scramSha512()` (clients use SASL_PLAINTEXT with the catalogue's SCRAM users):
   * without authentication every client is `User:ANONYMOUS`, which the cluster's `simple` authorization
   * denies (the guardrail KP-AUTHENTICATED-LISTENERS refuses such a listener in every environment).
   * Default name `plain`, port 9092; no authentication unless given.
   */
  static plainInternal(options: ListenerOptions = {}): Listener {
    refuseBadShape('Listener.plainInternal', 'options', options, LISTENER_OPTIONS_SHAPE);
    return new Listener('internal', options.name ?? 'plain', options.port ?? 9092, false, options.authentication, options.allowFrom, undefined);
  }

  /** TLS listener reachable from outside Kubernetes. Default name `external`, port 9094. */
  static external(options: ExternalListenerOptions): Listener {
    refuseBadShape('Listener.external', 'options', options, EXTERNAL_LISTENER_OPTIONS_SHAPE);
    return new Listener(
      options.type,
      options.name ?? 'external',
      options.port ?? 9094,
      true,
      options.authentication ?? ListenerAuthentication.scramSha512(),
      options.allowFrom,
      options.sourceRanges,
      options.bootstrapHost,
    );
  }

  private constructor(
    public readonly type: ListenerType,
    public readonly name: string,
    public readonly port: number,
    public readonly tls: boolean,
    public readonly authentication: ListenerAuthentication | undefined,
    public readonly allowFrom: readonly NetworkPeer[] | undefined,
    private readonly sourceRanges: readonly string[] | undefined,
    /** Stable DNS name of an external listener's bootstrap address, when declared. */
    public readonly bootstrapHost?: string,
  ) {}

  /** True when the listener encrypts traffic and authenticates clients. */
  get isSecure(): boolean {
    return this.tls && this.authentication !== undefined;
  }

  validate(v: Validator, field: string): void {
    v.check(/^[a-z0-9]{1,11}$/.test(this.name), `${field}.name`, this.name, '1 to 11 lower-case letters or digits');
    v.check(
      Number.isInteger(this.port) && this.port >= 9092 && this.port <= 65535 && !RESERVED_PORTS.has(this.port),
      `${field}.port`,
      this.port,
      'a port from 9092 to 65535, not 9404 (used by Strimzi for metrics)',
    );
    if (!this.tls && this.authentication) {
      v.check(this.authentication.type !== 'tls', `${field}.authentication`, this.authentication.type, 'scram-sha-512 on a listener without TLS (mutual TLS needs a TLS listener)');
    }
    if (this.bootstrapHost !== undefined) {
      v.check(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(this.bootstrapHost), `${field}.bootstrapHost`, this.bootstrapHost, 'a fully qualified lower-case DNS name');
      v.check(this.type === 'loadbalancer' || this.type === 'route', `${field}.bootstrapHost`, this.bootstrapHost, 'only on loadbalancer or route listeners');
    }
  }

  toStrimzi(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, port: this.port, type: this.type, tls: this.tls };
    if (this.authentication) out.authentication = this.authentication.toStrimzi();
    const configuration: Record<string, unknown> = {};
    if (this.sourceRanges?.length && this.type === 'loadbalancer') configuration.loadBalancerSourceRanges = [...this.sourceRanges];
    if (this.bootstrapHost && this.type === 'route') configuration.bootstrap = { host: this.bootstrapHost };
    if (this.bootstrapHost && this.type === 'loadbalancer') {
      configuration.bootstrap = { alternativeNames: [this.bootstrapHost], annotations: { 'external-dns.alpha.kubernetes.io/hostname': this.bootstrapHost } };
    }
    if (Object.keys(configuration).length > 0) out.configuration = configuration;
    if (this.allowFrom) {
      out.networkPolicyPeers = this.allowFrom.map((peer) => {
        const p: Record<string, unknown> = {};
        if (peer.podLabels) p.podSelector = { matchLabels: { ...peer.podLabels } };
        if (peer.namespaceLabels) p.namespaceSelector = { matchLabels: { ...peer.namespaceLabels } };
        return p;
      });
    }
    return out;
  }
}
