// Which documents the editor checks: `gongwen.files.exclude` (globs) never, the extension's own
// folder never (its rule pages hold the defects they describe), `gongwen.files.include` always,
// and any other Markdown document when it reads as a report (CheckResult.reportLike).
//
// Globs are matched as VS Code's `files.exclude` ones are: against the path relative to the
// workspace folder that holds the document (`docs/**`, `**/CHANGELOG.md`), and against the whole
// path (`/home/me/notes/**`); `/` separates folders on every system.

import * as path from 'node:path';
import picomatch from 'picomatch';

export type FileChoice = 'include' | 'exclude' | undefined;

const slashes = (p: string) => p.split(path.sep).join('/');

/** Under `folder` (or it): the path relative to it, else undefined. */
function inside(folder: string, file: string): string | undefined {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? slashes(rel) : undefined;
}

export class FileFilter {
  private readonly matchers = new Map<string, (p: string) => boolean>();

  constructor(
    /** Workspace folders (file system paths). */
    public folders: string[] = [],
    /** The extension's (or package's) own folder: never checked. */
    private readonly packageRoot?: string,
  ) {}

  private matcher(globs: readonly string[]): (p: string) => boolean {
    const key = JSON.stringify(globs);
    let m = this.matchers.get(key);
    if (!m) {
      const usable = globs.filter((g) => typeof g === 'string' && g.trim() !== '');
      m = usable.length ? picomatch(usable, { dot: true }) : () => false;
      this.matchers.set(key, m);
    }
    return m;
  }

  private matches(globs: readonly string[], fsPath: string): boolean {
    if (!globs.length) return false;
    const m = this.matcher(globs);
    if (m(slashes(fsPath))) return true;
    for (const folder of this.folders) {
      const rel = inside(folder, fsPath);
      if (rel !== undefined && m(rel)) return true;
    }
    return false;
  }

  /** `fsPath`: the document's file, undefined for an untitled one (checked as any other). */
  choose(fsPath: string | undefined, files: { include: readonly string[]; exclude: readonly string[] }): FileChoice {
    if (fsPath === undefined) return undefined;
    if (this.packageRoot && inside(this.packageRoot, fsPath) !== undefined && !this.folders.some((f) => inside(f, this.packageRoot!) !== undefined || inside(this.packageRoot!, f) !== undefined)) return 'exclude';
    if (this.matches(files.exclude, fsPath)) return 'exclude';
    if (this.matches(files.include, fsPath)) return 'include';
    return undefined;
  }
}
