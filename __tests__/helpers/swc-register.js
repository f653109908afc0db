// Lets a child `node -r <this file>` process run the repository's TypeScript (e.g. scripts/review.ts) the way
// jest does, so workflow scripts can be tested with the real review engine without building dist/ first.
const fs = require('fs');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
