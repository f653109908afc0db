import { describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

/** Registries whose images are public and expire: fine for development, never for production. */
const EPHEMERAL_REGISTRIES = ['ttl.sh'];

/**
 * KP-PROD-CONNECT-REGISTRY: a production KafkaConnect pushes the image Strimzi builds to a registry of the
 * platform's, with push credentials, not to the anonymous, expiring default (`ttl.sh`).
 */
export const connectRegistryRule: GuardrailRule = {
  id: RULE_IDS.PROD_CONNECT_REGISTRY,
  requirement: 'the Connect build pushes to a registry of the platform\'s (spec.build.output.image) with a pushSecret',
  why: 'images on ttl.sh are public and vanish after 24 hours: a Connect pod rescheduled a day later cannot pull its image, and the topic backup stops',
  fix: 'name the registry in the environment (operations.topicBackup.image: { registry, pushSecret }) and create the push Secret (type kubernetes.io/dockerconfigjson) in the namespace',
  check(inventory) {
    const findings: GuardrailFinding[] = [];
    for (const { object, owner } of objectsOfKind(inventory, 'KafkaConnect')) {
      const output = field(object, 'spec', 'build', 'output') as { image?: string; pushSecret?: string } | undefined;
      if (!output) continue;
      const host = (output.image ?? '').split('/')[0];
      if (EPHEMERAL_REGISTRIES.includes(host)) findings.push({ owner, subject: `${describeObject(object)} spec.build.output.image`, value: output.image });
      else if (!output.pushSecret) findings.push({ owner, subject: `${describeObject(object)} spec.build.output.pushSecret`, value: undefined });
    }
    return findings;
  },
};
