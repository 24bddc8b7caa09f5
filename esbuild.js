// One bundler for everything: the client extension, the language server and the CLI.
// Usage: node esbuild.js [--watch] [--production] [--outdir <dir>]  (default dist/; the .vsix is packaged from another)
//
// In watch mode each build cycle (the first build, then every rebuild of one or more bundles)
// is framed by "[watch] build started" and "[watch] build finished" lines; esbuild's own
// messages ("✘ [ERROR] …" with the location on a line below) come in between. The background
// problem matcher of the `npm: watch` task in .vscode/tasks.json reads exactly these lines.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? process.argv[outdirArg + 1] : undefined;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Word lists of the engine (server/src/engine/data/*.tsv) are bundled as text; tests/register.js
  // loads them the same way for the tests and scripts.
  loader: { '.tsv': 'text' },
};

// ES modules bundled into CommonJS (tinyglobby's fdir calls createRequire(import.meta.url)): import.meta.url is the bundle's own URL.
const IMPORT_META_URL = 'var __import_meta_url = require("url").pathToFileURL(__filename).href;';
const node = (bin) => ({ banner: { js: bin ? `#!/usr/bin/env node\n${IMPORT_META_URL}` : IMPORT_META_URL }, define: { 'import.meta.url': '__import_meta_url' } });

/**
 * Parts a process seldom needs are bundles of their own beside the bundles that use them, loaded by
 * require() where they are first needed. V8 keeps a script's whole source in memory for as long as
 * the process runs (to compile functions lazily), so a part left in the server's bundle costs its
 * size in memory even when it never runs:
 * - the packed word lexicon (engine/data/lexicon.ts, 0.96 MB of data): a process reads the lexicon's
 *   unpacked tables from its cache (server/src/lexicon-cache.ts) and needs the data only when the cache
 *   is missing or off. Its bundles get a stand-in with the same exports: the lexicon's id, and
 *   packedLexicon() requiring dist/lexicon-data.js;
 * - the docx library (0.5 MB), for .docx export only (features/export/docx.ts, itself initialised on
 *   the first .docx export): dist/docx-lib.js.
 * The engine's sources are unchanged (tests and scripts load them as they are).
 */
const LEXICON_DATA = /[\\/]engine[\\/]data[\\/]lexicon\.ts$/;
function separateParts({ docx }) {
  return {
    name: 'separate-parts',
    setup(build) {
      build.onLoad({ filter: LEXICON_DATA }, (args) => {
        const fs = require('fs');
        const id = /^export const PACKED_LEXICON_ID = '[^'\n]*';$/m.exec(fs.readFileSync(args.path, 'utf8'));
        if (!id) throw new Error(`${args.path}: no PACKED_LEXICON_ID line (see scripts/build-lexicon.ts)`);
        return { contents: `${id[0]}\nexport function packedLexicon() { return require('./lexicon-data.js').packedLexicon(); }\n`, loader: 'js' };
      });
      build.onResolve({ filter: /^\.\/(lexicon-data|docx-lib)\.js$/ }, (args) => ({ path: args.path, external: true }));
      if (docx) build.onResolve({ filter: /^docx$/ }, () => ({ path: './docx-lib.js', external: true }));
    },
  };
}

const builds = [
  { ...common, ...node(false), entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server's production bundle is minified in syntax only: whitespace and identifier minification
  // cost it 2–4 MB of resident memory for as long as it runs (measured with the 1 MB report open:
  // 86.5 MB settled as built here, 88.6 with whitespace minified too, 90.9 fully minified), for 0.9 MB
  // less in the packages.
  { ...common, ...node(true), ...(production ? { minify: false, minifySyntax: true } : {}), entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', extraPlugins: [separateParts({ docx: true })] },
  // report-check: dist/cli.js starts dist/report-check.js from a V8 code cache (server/src/cli/launch.ts).
  { ...common, ...node(true), entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js' },
  { ...common, ...node(true), entryPoints: ['server/src/cli/report-check.ts'], outfile: 'dist/report-check.js', extraPlugins: [separateParts({ docx: false })] },
  { ...common, ...node(true), entryPoints: ['server/src/cli/report-export.ts'], outfile: 'dist/export-cli.js', extraPlugins: [separateParts({ docx: false })] },
  // The separate parts (see separateParts).
  { ...common, entryPoints: ['server/src/engine/data/lexicon.ts'], outfile: 'dist/lexicon-data.js' },
  { ...common, stdin: { contents: "module.exports = require('docx');", resolveDir: __dirname, loader: 'js' }, outfile: 'dist/docx-lib.js' },
  // The preview webview's script (runs in the browser, loaded with the CSP nonce).
  { ...common, entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2020' },
];

/**
 * esbuild leaves non-ASCII characters in regular expression literals and comments (the rules' Chinese
 * patterns). One such character makes V8 hold the whole bundle's source as a two-byte string: the
 * server's 3 MB bundle took 6 MB of heap for as long as it ran. Each one left is written as its
 * \uXXXX escape, which means the same in a string, a template, a regular expression (with or without
 * the u flag, where an escaped surrogate pair is one code point), an identifier and a comment.
 * (Not after a backslash, where the escape would change what it means: the build stops there.
 * Source map columns after such a character on its line are off by five per character.)
 */
function asciiOutput() {
  return {
    name: 'ascii-output',
    setup(build) {
      build.onEnd((result) => {
        const fs = require('fs');
        const file = build.initialOptions.outfile;
        if (result.errors.length > 0 || !file || !fs.existsSync(file)) return;
        const code = fs.readFileSync(file, 'utf8');
        if (!/[\u0080-\uffff]/.test(code)) return;
        if (/\\[\u0080-\uffff]/.test(code)) throw new Error(`${file}: a non-ASCII character after a backslash cannot be escaped`);
        fs.writeFileSync(file, code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      });
    },
  };
}
for (const b of builds) {
  b.plugins = [...(b.extraPlugins ?? []), asciiOutput()];
  delete b.extraPlugins;
}

if (outdir) for (const b of builds) b.outfile = require('path').join(outdir, require('path').basename(b.outfile));

/** Merges l10n/zh-cn/*.json into the bundle VS Code loads for the client (vscode.l10n). */
function writeL10nBundle() {
  const fs = require('fs');
  const path = require('path');
  const dir = path.join(__dirname, 'l10n', 'zh-cn');
  const bundle = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    Object.assign(bundle, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  fs.writeFileSync(path.join(__dirname, 'l10n', 'bundle.l10n.zh-cn.json'), JSON.stringify(bundle, null, 2) + '\n');
}

/** One "[watch] build started … finished" frame around the builds that run at a time: the first
 * cycle ends once every bundle has been built once, later ones when no bundle is building. esbuild
 * logs a build's errors and warnings before its onEnd, so inside the frame. A problem matcher
 * forgets at each cycle what the cycle did not report, so the messages of the bundles that were
 * not rebuilt (still true) are repeated, in esbuild's own format, before the end line. */
function watchCyclePlugins() {
  const building = new Set();
  const rebuilt = new Set();
  const messages = new Map(); // bundle index -> { errors, warnings } of its last build
  const repeatUnchanged = () => {
    for (const [i, { errors, warnings }] of messages) {
      if (rebuilt.has(i)) continue;
      const color = !!process.stderr.isTTY;
      const text = [
        ...esbuild.formatMessagesSync(errors, { kind: 'error', color }),
        ...esbuild.formatMessagesSync(warnings, { kind: 'warning', color }),
      ];
      if (text.length) process.stderr.write(text.join(''));
    }
  };
  return builds.map((_, i) => ({
    name: 'watch-cycle',
    setup(build) {
      build.onStart(() => {
        if (building.size === 0 && messages.size === builds.length) {
          console.log('[watch] build started');
          rebuilt.clear();
        }
        building.add(i);
      });
      build.onEnd((result) => {
        building.delete(i);
        rebuilt.add(i);
        messages.set(i, { errors: result.errors, warnings: result.warnings });
        if (building.size === 0 && messages.size === builds.length) {
          repeatUnchanged();
          console.log('[watch] build finished');
        }
      });
    },
  }));
}

async function main() {
  writeL10nBundle();
  if (watch) {
    console.log('[watch] build started');
    const plugins = watchCyclePlugins();
    const contexts = await Promise.all(builds.map((b, i) => esbuild.context({ ...b, plugins: [...b.plugins, plugins[i]] })));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
