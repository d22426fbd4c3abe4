import { fileURLToPath, pathToFileURL } from 'node:url';

/** file: URIs ↔ paths; other schemes (untitled:, vscode-notebook-cell:) have no path. */
export const URI = {
  toFsPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  fromFsPath(p: string): string {
    return pathToFileURL(p).href;
  },
};
