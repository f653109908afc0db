// Removes the cdktf.outdir.* folders that cdktf's Testing helpers leave in TMPDIR (see jest.config.js).
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  fs.rmSync(path.join(__dirname, '..', '.tmp', 'jest'), { recursive: true, force: true });
};
