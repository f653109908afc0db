// `@example-org/kafka-platform/guardrails`: everything needed to write and test guardrail rules (the stack inventory and
// its readers, every rule, the summary the plan review reads). The constructs and the types a stack needs
// are also exported from the package root. Add a new guardrails module with one `export *` line.

export * from '../acknowledgements/acknowledgement';
export * from './inventory';
export * from './collect-inventory';
export * from './rule';
export * from './rules';
export * from './guardrail-error';
export * from './summary';
export * from './platform-guardrails';
export * from './team-guardrails';
export * from './rules/team';
