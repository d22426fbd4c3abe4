#!/usr/bin/env bash
# End-to-end tests (`npm run test:e2e`): the packaged extension in a real VS Code workbench
# (code-server) driven by playwright-core in Debian's Chromium, and the README's editor examples
# in headless Neovim and in Vim with ALE (neovim.test.mjs, vim-ale.test.mjs: no code-server; they
# run the built server from out/). See test/e2e/README.md.
#
#   bash test/e2e/run.sh                          # install, package, run every scenario
#   bash test/e2e/run.sh test/e2e/outline.test.mjs  # only some scenarios
#
# Environment:
#   GONGWEN_E2E_VSIX=path.vsix   test this package instead of building one with `npm run package`
#   GONGWEN_E2E_LOCALE=en        run the workbench in English (default zh-cn)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

started=$SECONDS
bash test/e2e/install.sh

if [ -z "${GONGWEN_E2E_VSIX:-}" ]; then
  if [ ! -d node_modules ]; then
    echo "[e2e] no node_modules at the repo root: npm ci"
    npm ci --no-audit --no-fund
  fi
  echo "[e2e] npm run package"
  rm -f gongwen-0.1.0.vsix
  npm run package
  [ -f gongwen-0.1.0.vsix ] || { echo "[e2e] ERROR: npm run package made no gongwen-0.1.0.vsix" >&2; exit 1; }
else
  echo "[e2e] testing $GONGWEN_E2E_VSIX (GONGWEN_E2E_VSIX), not packaging"
fi

rm -rf test/e2e/screenshots test/e2e/logs
if [ $# -gt 0 ]; then files=("$@"); else files=(test/e2e/*.test.mjs); fi
echo "[e2e] ${#files[@]} file(s), one at a time; screenshots in test/e2e/screenshots/, logs in test/e2e/logs/"
set +e
# One scenario at a time: each starts its own code-server and Chromium (2 cores here).
node --test --test-concurrency=1 "${files[@]}"
status=$?
set -e
echo "[e2e] done in $((SECONDS - started)) s (exit $status)"
exit $status
