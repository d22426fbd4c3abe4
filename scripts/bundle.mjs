// Bundles the VS Code client and the language server into dist/ with esbuild: everything that
// runs, and nothing else (no TypeScript sources, no dev dependencies, no node_modules).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` bundles elsewhere (the tests do, so that `npm test` leaves dist/ alone).
// `--bin`: the bundles that bin/ runs (npm run build), in out/bundle/: the CLI (gongwen.cjs, with
// check-share.cjs for the child processes of a large batch) and the language server (server.cjs),
// each with the Word export and reader apart. bin/run-bundle.js loads them with a V8 code cache.
const bin = process.argv.includes('--bin');
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, bin ? 'out/bundle' : 'dist');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // ES module builds first: jsonc-parser's UMD build requires its parts dynamically.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
  inject: [path.join(root, 'scripts', 'import-meta-url.js')],
  define: { 'import.meta.url': 'importMetaUrl' },
};

/** The server loads the Word export (server/src/word/export.ts, with the docx package) only when a
 * document is exported, and the Word reader (server/src/word/import.ts, with fflate and saxes) only
 * when one is imported: each is a bundle of its own, export.cjs and import.cjs beside server.cjs,
 * required then. (The CLI's check of a .docx reads it in the CLI's own process.) */
const wordApart = {
  name: 'word-export-apart',
  setup(build) {
    build.onResolve({ filter: /\/word\/(export|import)\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./${/(export|import)\.js$/.exec(args.path)[1]}.cjs`, external: true } : undefined,
    );
  },
};

// The Word writer and reader and the server are bundled for both; the vsix adds the client, bin/
// the CLI and its child process. For bin/, import() becomes require(): bin/run-bundle.js compiles
// the bundles with vm.Script, which has no loader for import() of its own.
const entries = [
  ...(bin
    ? [
        ['server/src/cli/main.ts', 'gongwen.cjs', { plugins: [wordApart] }],
        ['server/src/cli/check-share.ts', 'check-share.cjs', { plugins: [wordApart] }],
      ]
    : [['client/src/extension.ts', 'client.cjs', { external: ['vscode'] }]]),
  ['server/src/lsp/start.ts', 'server.cjs', { plugins: [wordApart] }],
  ['server/src/word/export.ts', 'export.cjs', {}],
  ['server/src/word/import.ts', 'import.cjs', {}],
];
const options = bin ? { ...common, supported: { 'dynamic-import': false } } : common;
await Promise.all(entries.map(([entry, outfile, extra]) => esbuild.build({ ...options, entryPoints: [entry], outfile: path.join(outdir, outfile), ...extra })));
if (!bin) console.log(`bundled ${path.relative(root, outdir) || '.'}/${entries.map(([, f]) => f).join(', ')}`);
