#!/usr/bin/env node
// Entry point of `gongwen-language-server` (LSP over --stdio by default).
import { main } from '../out/server/src/lsp/main.js';

main();
