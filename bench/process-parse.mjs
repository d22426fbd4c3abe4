// The bench's "parse-only process" (npm run bench -- process): a Node process that reads a file and
// parses it with remark-parse, and nothing else: the floor a whole-process Markdown tool starts from.
import * as fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const tree = unified().use(remarkParse).parse(fs.readFileSync(process.argv[2], 'utf8'));
process.stdout.write(`${tree.children.length}\n`);
