/** @type {import('jest').Config} */
// `npm run test:consumer`: the end-to-end consumer test (packs, installs from the npm registry, compiles,
// synthesizes). Kept out of `npm test`, which must pass offline on a plain clone; CI runs both (.ci/run).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testTimeout: 300000,
};
