// Bundles the VS Code client and the language server into dist/ with esbuild: everything that
// runs, and nothing else (no TypeScript sources, no dev dependencies, no node_modules).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/start.ts'], outfile: 'dist/server.cjs' }),
]);
console.log('bundled dist/client.cjs and dist/server.cjs');
