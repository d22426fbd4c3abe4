// The bench's "markdownlint process" (npm run bench -- process): a Node process that runs
// markdownlint's library (default rules) on a file and prints its findings as JSON.
import { lint } from 'markdownlint/sync';

const results = lint({ files: [process.argv[2]] });
process.stdout.write(JSON.stringify(results) + '\n');
