/**
 * Uniqueness across constructs that do not see each other (Helm release names per namespace, objects
 * across releases, topics per cluster). Claims are kept per scope (a stack: one Kubernetes cluster)
 * and die with it.
 */
const claims = new WeakMap<object, Map<string, unknown>>();

/**
 * Claims `key` for `owner` (a path, or the construct itself so that its path is only worked out for an
 * error) within `scope`. Returns the earlier owner when another owner holds the key, else undefined
 * (and the key is now `owner`'s).
 */
export function claim<T>(scope: object, key: string, owner: T): T | undefined {
  let map = claims.get(scope);
  if (!map) {
    map = new Map();
    claims.set(scope, map);
  }
  const earlier = map.get(key);
  if (earlier !== undefined && earlier !== owner) return earlier as T;
  map.set(key, owner);
  return undefined;
}
