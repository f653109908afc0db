/** Kubernetes resource quantities (`100Gi`, `500m`, `2`). */

const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;

const FACTORS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Parses a quantity into its base unit (bytes or cores); `undefined` when it is not a valid quantity. */
export function parseQuantity(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * FACTORS[m[3] ?? ''];
}

/** A positive storage size such as `100Gi`: whole bytes, so no `m` suffix. */
export function isStorageSize(text: string): boolean {
  const bytes = parseQuantity(text);
  return bytes !== undefined && bytes >= 1 && !text.endsWith('m');
}

export const STORAGE_SIZE_RULE = 'a Kubernetes quantity of bytes, e.g. "100Gi" or "500G"';
export const QUANTITY_RULE = 'a Kubernetes quantity, e.g. "500m", "2", "4Gi"';
