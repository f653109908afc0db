// `@example-org/kafka-platform/review`: the pull-request plan review engine (compares two synth outputs).
// Used by `scripts/review.ts`; add a new review module with one `export *` line.

export * from './synth-output';
export * from './field-diff';
export * from './changes';
export * from './risk';
export * from './rules';
export * from './review';
export * from './report';
