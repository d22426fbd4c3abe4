// Entry of the bundled language server (dist/server.cjs) that the VS Code extension starts.
import { main } from './main.js';

main();
