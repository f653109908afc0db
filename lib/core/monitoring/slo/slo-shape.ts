import { isPlainObject, S } from '../../shape';

const kindOf = (x: unknown) => (isPlainObject(x) ? x.kind : undefined);

/** `{ kind: 'partition-availability' }` or `{ kind: 'produce-latency', thresholdMs }`. */
const SLI_SHAPE = S.either(
  [
    { when: (x) => kindOf(x) === 'partition-availability', shape: S.object({ kind: S.string() }) },
    { when: (x) => kindOf(x) === 'produce-latency', shape: S.object({ kind: S.string(), thresholdMs: S.numeric() }) },
  ],
  'an SLI: { kind: "partition-availability" } or { kind: "produce-latency", thresholdMs }',
);

const BURN_RATE_WINDOW_SHAPE = S.object({ long: S.string(), short: S.string(), budgetPercent: S.numeric() });
const WINDOWS_OR_FALSE = S.either(
  [
    { when: (x) => x === false, shape: S.boolean() },
    { when: Array.isArray, shape: S.array(BURN_RATE_WINDOW_SHAPE) },
  ],
  'an array of { long, short, budgetPercent }, or false',
);

/** Shape of one `SloSpec`. */
export const SLO_SHAPE = S.object({
  name: S.optional(S.string()),
  objective: S.numeric('a percentage, e.g. 99.9'),
  window: S.optional(S.string()),
  sli: SLI_SHAPE,
  alerting: S.optional(
    S.object({
      page: S.optional(WINDOWS_OR_FALSE),
      ticket: S.optional(WINDOWS_OR_FALSE),
      budgetRemainingPercent: S.optional(S.either([{ when: (x) => x === false, shape: S.boolean() }, { when: (x) => typeof x === 'number', shape: S.numeric() }], 'a percentage, or false')),
    }),
  ),
});

export const SLOS_SHAPE = S.array(SLO_SHAPE);
