import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/**
 * KP-PROD-PLUGIN-CHECKSUM (warning): every plugin artifact of a production Connect build carries a real SHA-512,
 * not a placeholder (one hex digit repeated). Strimzi refuses to build with a wrong checksum, so a placeholder never
 * runs unverified code; it stops the Connect cluster (and the topic backup) at its first build instead.
 */
export const pluginChecksumRule: GuardrailRule = {
  id: RULE_IDS.PROD_PLUGIN_CHECKSUM,
  severity: 'warning',
  requirement: 'the SHA-512 of each plugin artifact as the platform team vetted it',
  why: 'a placeholder checksum makes the Strimzi build fail: the Connect cluster and its connectors never start',
  fix: 'download the artifact once, scan it, and pin `sha512sum <file>` in the environment',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaConnect')) {
      const plugins = (field(object, 'spec', 'build', 'plugins') as { name: string; artifacts: { url?: string; sha512sum?: string }[] }[] | undefined) ?? [];
      for (const plugin of plugins) {
        for (const a of plugin.artifacts) {
          if (typeof a.sha512sum === 'string' && /^(.)\1*$/.test(a.sha512sum)) {
            findings.push({ owner, subject: `${describeObject(object)} plugin ${plugin.name} ${a.url} sha512sum (a placeholder)`, value: a.sha512sum.slice(0, 8) + '...' });
          }
        }
      }
    }
    return findings;
  },
};
