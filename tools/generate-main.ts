// `npm run generate`: writes the files generated from the rules' metadata (see generate.ts).
// `npm run generate -- --check`: writes nothing; exits 1 and names the files that differ.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drift, generatedFiles } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (process.argv.includes('--check')) {
  const stale = drift(root);
  if (stale.length > 0) {
    process.stderr.write(`generated files differ from the rules' metadata (run npm run generate):\n${stale.map((f) => `  ${f}\n`).join('')}`);
    process.exit(1);
  }
  process.stdout.write('generated files are up to date\n');
} else {
  for (const [file, content] of generatedFiles(root)) {
    const target = path.join(root, file);
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) {
      fs.writeFileSync(target, content);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
}
