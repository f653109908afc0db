import { ResourceRequirements } from './kubernetes';
import { parseQuantity, QUANTITY_RULE } from './quantity';
import { S } from './shape';
import { Validator } from './validation';

/** Checks quantities and that no request exceeds its limit. */
export function validateResources(v: Validator, field: string, resources: ResourceRequirements | undefined): void {
  if (!resources) return;
  for (const kind of ['cpu', 'memory'] as const) {
    const request = resources.requests?.[kind];
    const limit = resources.limits?.[kind];
    const r = request === undefined ? undefined : parseQuantity(request);
    const l = limit === undefined ? undefined : parseQuantity(limit);
    if (request !== undefined) v.check(r !== undefined && r > 0, `${field}.requests.${kind}`, request, QUANTITY_RULE);
    if (limit !== undefined) v.check(l !== undefined && l > 0, `${field}.limits.${kind}`, limit, QUANTITY_RULE);
    if (r !== undefined && l !== undefined) {
      v.check(r <= l, `${field}.requests.${kind}`, request, `at most the limit (${limit})`);
    }
  }
}

const QUANTITIES = S.optional(S.object({ cpu: S.optional(S.string()), memory: S.optional(S.string()) }, 'an object with cpu and/or memory quantities (strings such as "500m", "4Gi")'));

/** Shape of `ResourceRequirements`: quantities are strings. */
export const RESOURCES_SHAPE = S.object({ requests: QUANTITIES, limits: QUANTITIES }, 'an object with requests and/or limits');
