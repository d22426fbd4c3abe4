// Loads one of the bundles that `npm run build` makes in out/bundle/ (scripts/bundle.mjs --bin),
// compiled with vm.Script and a V8 code cache, so that a start-up does not parse and compile a
// megabyte of JavaScript again. The cache (NAME-HASH.v8, keyed by the bundle's content, Node's
// version and the architecture) is kept in out/bundle/.cache/, or in the system's temporary folder
// when that cannot be written (a read-only install); GONGWEN_CODE_CACHE_DIR names another folder.
// A cache that V8 rejects is rewritten; a cache that cannot be written changes nothing.
// GONGWEN_DEBUG_LOAD=1 says on stderr what was loaded and what became of the cache.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const crypto = require('node:crypto');
const { createRequire } = require('node:module');

const BUNDLES = path.join(__dirname, '..', 'out', 'bundle');

function debug(line) {
  if (process.env.GONGWEN_DEBUG_LOAD) process.stderr.write(`gongwen-load: ${line}\n`);
}

function cacheDirs() {
  if (process.env.GONGWEN_CODE_CACHE_DIR) return [process.env.GONGWEN_CODE_CACHE_DIR];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return [path.join(BUNDLES, '.cache'), path.join(os.tmpdir(), `gongwen-code-cache-${uid}`)];
}

function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never written
    }
    throw e;
  }
}

/** The caches of earlier builds of the same bundle (NAME-OTHERHASH.v8) are of no more use: removed
 * when a new one is written, so that rebuilds and upgrades do not pile them up. */
function removeStale(dir, name, keep) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const other of names) {
    if (other === keep || !other.startsWith(`${name}-`) || !/^[0-9a-f]{16}\.v8$/.test(other.slice(name.length + 1))) continue;
    try {
      fs.unlinkSync(path.join(dir, other));
      debug(`stale code cache ${other} removed`);
    } catch {
      // another process's, or not ours to remove
    }
  }
}

/**
 * Runs out/bundle/NAME.cjs and returns its exports, or undefined when there is no such bundle (a
 * checkout before `npm run build`) or when `compiled` (tsc's output of its entry) is newer than it: the caller then loads the compiled ES modules in out/server/.
 * The returned `saveCache()` writes the code cache if it was missing or rejected; called after the
 * work is done, the cache holds the functions that the run compiled too.
 */
function runBundle(name, compiled) {
  const file = path.join(BUNDLES, `${name}.cjs`);
  let source;
  try {
    // tsc run after the bundle was made (npx tsc without npm run build): the bundle is older than
    // the code, so the compiled modules run instead of a stale bundle.
    if (compiled && fs.statSync(path.join(__dirname, '..', compiled)).mtimeMs > fs.statSync(file).mtimeMs) {
      debug(`${name}.cjs is older than ${compiled}: the ES modules in out/server/`);
      return undefined;
    }
  } catch {
    // no compiled modules to compare with, or no bundle (below)
  }
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    debug(`no ${name}.cjs: the ES modules in out/server/`);
    return undefined;
  }
  const key = crypto.createHash('sha1').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16);
  const base = `${name}-${key}.v8`;
  const dirs = cacheDirs();
  let cachedData;
  for (const dir of dirs) {
    try {
      cachedData = fs.readFileSync(path.join(dir, base));
      break;
    } catch {
      // not there
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const state = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  debug(`bundle ${path.relative(path.join(__dirname, '..'), file)} (code cache: ${state})`);
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  let saved = state === 'accepted';
  const saveCache = () => {
    if (saved) return;
    saved = true;
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    for (const dir of dirs) {
      try {
        writeAtomic(path.join(dir, base), data);
        debug(`code cache written to ${dir}`);
        removeStale(dir, name, base);
        return;
      } catch (e) {
        debug(`code cache not written to ${dir} (${e.code ?? e.message})`);
      }
    }
  };
  return { exports: mod.exports, saveCache };
}

module.exports = { runBundle };
