import { KubernetesObject } from '../core/kubernetes';
import { diffFields, FieldChange } from './field-diff';
import { SynthStack } from './synth-output';

export type ChangeStatus = 'added' | 'removed' | 'changed';

/** A Kubernetes object of a library release that is added, removed or changed. */
export interface ObjectChange {
  readonly status: ChangeStatus;
  readonly key: string;
  readonly release: string;
  readonly kind: string;
  /** `namespace/name` */
  readonly name: string;
  readonly before?: KubernetesObject;
  readonly after?: KubernetesObject;
  readonly fields: readonly FieldChange[];
}

/** A typed Terraform resource that is added, removed or changed. */
export interface ResourceChange {
  readonly status: ChangeStatus;
  readonly address: string;
  readonly fields: readonly FieldChange[];
}

export interface StackChanges {
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly base?: SynthStack;
  readonly head?: SynthStack;
  readonly objects: readonly ObjectChange[];
  readonly resources: readonly ResourceChange[];
}

function diffMaps<T, C>(base: ReadonlyMap<string, T>, head: ReadonlyMap<string, T>, make: (status: ChangeStatus, key: string, b?: T, h?: T) => C | undefined): C[] {
  const out: C[] = [];
  for (const key of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    const b = base.get(key);
    const h = head.get(key);
    const change = make(b === undefined ? 'added' : h === undefined ? 'removed' : 'changed', key, b, h);
    if (change) out.push(change);
  }
  return out;
}

/** What changes from `base` to `head` of one stack (either may be missing: an added or removed environment). */
export function diffStacks(name: string, base: SynthStack | undefined, head: SynthStack | undefined): StackChanges {
  const empty = new Map();
  const objects = diffMaps(base?.objects ?? empty, head?.objects ?? empty, (status, key, b, h) => {
    const fields = status === 'changed' ? diffFields(b!.object, h!.object) : [];
    if (status === 'changed' && fields.length === 0) return undefined;
    const o = (h ?? b)!.object;
    return { status, key, release: (h ?? b)!.release, kind: o.kind, name: `${o.metadata.namespace ?? ''}/${o.metadata.name}`, before: b?.object, after: h?.object, fields };
  });
  const resources = diffMaps(base?.resources ?? empty, head?.resources ?? empty, (status, address, b, h) => {
    const fields = status === 'changed' ? diffFields(b!.config, h!.config) : [];
    return status === 'changed' && fields.length === 0 ? undefined : { status, address, fields };
  });
  const status = !base ? 'added' : !head ? 'removed' : objects.length || resources.length ? 'changed' : 'unchanged';
  return { name, status, base, head, objects, resources };
}
