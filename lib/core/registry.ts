/**
 * Uniqueness across constructs that do not see each other (Helm release names per namespace, objects
 * across releases, topics per cluster). Claims are kept per scope (a stack: one Kubernetes cluster)
 * and die with it.
 */
const claims = new WeakMap<object, Map<string, string>>();

/**
 * Claims `key` for `owner` within `scope`. Returns the earlier owner when another owner holds the key,
 * else undefined (and the key is now `owner`'s).
 */
export function claim(scope: object, key: string, owner: string): string | undefined {
  let map = claims.get(scope);
  if (!map) {
    map = new Map();
    claims.set(scope, map);
  }
  const earlier = map.get(key);
  if (earlier !== undefined && earlier !== owner) return earlier;
  map.set(key, owner);
  return undefined;
}
