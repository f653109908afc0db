import { isLabelKey, isLabelValue, LABEL_KEY_RULE, LABEL_VALUE_RULE } from '../names';
import { fieldKey, Validator } from '../validation';

/**
 * Checks the extra labels of a Strimzi custom resource: valid Kubernetes label keys and values, and none under
 * `strimzi.io/` (Strimzi sets those, and `strimzi.io/cluster` decides which operator instance and cluster own it).
 */
export function checkResourceLabels(v: Validator, field: string, labels: Readonly<Record<string, string>> | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const f = fieldKey(field, key);
    v.check(!key.startsWith('strimzi.io/'), f, value, 'no strimzi.io/ labels (Strimzi sets them)');
    if (v.check(isLabelKey(key), f, key, LABEL_KEY_RULE)) v.check(isLabelValue(value), f, value, LABEL_VALUE_RULE);
  }
}
