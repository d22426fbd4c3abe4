#!/usr/bin/env node
// Entry point of the `gongwen` command: runs the bundled CLI (out/bundle/gongwen.cjs, through
// run-bundle.js with a code cache), or the compiled ES modules where no bundle was built.
'use strict';
const { runBundle } = require('./run-bundle.js');

const bundle = runBundle('gongwen', 'out/server/src/cli/main.js');
const cli = bundle ? Promise.resolve(bundle.exports) : import('../out/server/src/cli/main.js');
cli
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    if (bundle) bundle.saveCache();
  });
