// Entry of the bundled language server (dist/server.cjs) that the VS Code extension starts; the
// same file is the worker for large documents (router.ts), which worker.ts starts on import.
import { main } from './main.js';
import { isDocumentWorker } from './worker.js';

if (!isDocumentWorker()) main();
