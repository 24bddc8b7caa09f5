// Lets mocha load the TypeScript tests directly: each .ts file is transpiled by esbuild
// (the project's only compiler for emitting code; type checking is `tsc --noEmit`).
const fs = require('fs');
const { transformSync } = require('esbuild');

require.extensions['.ts'] = function loadTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};

// Word lists imported as text (esbuild's `text` loader in esbuild.js): the module is the file's text.
require.extensions['.tsv'] = function loadText(module, filename) {
  module.exports = fs.readFileSync(filename, 'utf8');
};
