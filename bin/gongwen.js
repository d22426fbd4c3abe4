#!/usr/bin/env node
// Entry point of the `gongwen` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { main } from '../out/server/src/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
