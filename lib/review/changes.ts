import { KubernetesObject } from '../core/kubernetes';
import { diffFields, FieldChange } from './field-diff';
import { SynthObject, SynthStack } from './synth-output';

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

const NO_OBJECTS: ReadonlyMap<string, SynthObject> = new Map();

/** What changes from `base` to `head` of one stack (either may be missing: an added or removed environment). */
export function diffStacks(name: string, base: SynthStack | undefined, head: SynthStack | undefined): StackChanges {
  const empty = new Map();
  const releases = [...new Set([...(base?.releases.keys() ?? []), ...(head?.releases.keys() ?? [])])].sort();
  const objects = releases.flatMap((release) => {
    const b = base?.releases.get(release);
    const h = head?.releases.get(release);
    // Byte-identical values hold identical objects: the common case, and never opened.
    if (b && h && b.values === h.values) return [];
    return diffMaps(b?.objects ?? NO_OBJECTS, h?.objects ?? NO_OBJECTS, (status, key, bo, ho) => {
      const fields = status === 'changed' ? diffFields(bo!.object, ho!.object) : [];
      if (status === 'changed' && fields.length === 0) return undefined;
      const o = (ho ?? bo)!.object;
      return { status, key, release: (ho ?? bo)!.release, kind: o.kind, name: `${o.metadata.namespace ?? ''}/${o.metadata.name}`, before: bo?.object, after: ho?.object, fields };
    });
  });
  objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const resources = diffMaps(base?.resources ?? empty, head?.resources ?? empty, (status, address, b, h) => {
    const fields = status === 'changed' ? diffFields(b!.config, h!.config) : [];
    return status === 'changed' && fields.length === 0 ? undefined : { status, address, fields };
  });
  const status = !base ? 'added' : !head ? 'removed' : objects.length || resources.length ? 'changed' : 'unchanged';
  return { name, status, base, head, objects, resources };
}
