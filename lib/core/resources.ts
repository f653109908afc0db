import { ResourceRequirements } from './kubernetes';
import { parseQuantity, QUANTITY_RULE } from './quantity';
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
