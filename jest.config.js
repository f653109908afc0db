/** @type {import('jest').Config} */
const path = require('path');

// cdktf's Testing helpers leave /tmp/cdktf.outdir.* folders behind; keep them in one place we clean up.
process.env.TMPDIR = path.join(__dirname, '.tmp', 'jest');
require('fs').mkdirSync(process.env.TMPDIR, { recursive: true });

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // *.e2e.test.ts need the npm registry: `npm run test:consumer` (jest.consumer.config.js).
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  // Prints one line when the Strimzi CRD suites are skipped (and fails in CI).
  globalSetup: '<rootDir>/__tests__/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/teardown.js',
  maxWorkers: 2,
  // jest force-exits a worker that has not exited 500 ms after the run (and then prints "A worker process has
  // failed to exit gracefully"). Workers here hold the heaps of many cdktf synths, and CI's 2 cores are shared:
  // under load a clean worker can need longer than that. A worker kept alive by a leak (a re-armed timer, an open
  // server) never exits, so it is still force-exited, with the message, after these 5 s.
  workerGracefulExitTimeout: 5000,
};
