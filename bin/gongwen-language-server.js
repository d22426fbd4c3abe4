#!/usr/bin/env node
// Entry point of `gongwen-language-server` (LSP over --stdio by default): the bundled server
// (out/bundle/server.cjs, which starts itself, through run-bundle.js with a code cache), or the
// compiled ES modules where no bundle was built.
'use strict';
const { runBundle } = require('./run-bundle.js');

const bundle = runBundle('server', 'out/server/src/lsp/start.js');
if (bundle) setTimeout(bundle.saveCache, 2000).unref();
else import('../out/server/src/lsp/main.js').then(({ main }) => main());
