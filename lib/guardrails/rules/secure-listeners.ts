import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

type StrimziListener = { name?: string; tls?: boolean; authentication?: { type?: string } };

/** KP-PROD-SECURE-LISTENERS: every listener encrypts traffic and authenticates clients. */
export const secureListenersRule: GuardrailRule = {
  id: RULE_IDS.PROD_SECURE_LISTENERS,
  requirement: 'only TLS listeners with authentication',
  why: 'a plain or unauthenticated listener lets anything in the network read and write every topic, bypassing ACLs',
  fix: 'use Listener.internalTls() or Listener.external() (TLS with SCRAM-SHA-512 or mutual TLS); never Listener.plainInternal() in production',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'Kafka')) {
      const listeners = (field(object, 'spec', 'kafka', 'listeners') as StrimziListener[] | undefined) ?? [];
      for (const l of listeners) {
        if (l.tls !== true || !l.authentication?.type) {
          findings.push({ owner, subject: `${describeObject(object)} listener "${l.name}"`, value: { tls: l.tls ?? false, authentication: l.authentication?.type ?? 'none' } });
        }
      }
    }
    return findings;
  },
};
