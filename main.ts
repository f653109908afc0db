import { runApp } from './lib';

// The environments are built while their module loads (factories such as Storage.persistentClaim run
// then), so it is loaded inside runApp: a factory refusing its input is reported like any other invalid
// input, not thrown from an import with a stack trace.
runApp(() => (require('./stacks/app') as typeof import('./stacks/app')).buildApp());
