#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e) need, idempotently: safe to re-run, and a step
# already done is skipped.
#
#   - Debian packages: Chromium (driven by playwright-core), ripgrep (stands in for the one
#     code-server would download), libkrb5-dev (to build code-server's kerberos module),
#     fonts-wqy-microhei (Chinese glyphs in screenshots), a C/C++ toolchain for node-gyp, and
#     Neovim, Vim and ALE (vim-ale) for the README's editor examples (neovim.test.mjs,
#     vim-ale.test.mjs), LibreOffice Writer without a GUI (libreoffice-writer-nogui), which makes the
#     .docx files of word-import.test.mjs and renders the export (export-render.test.mjs: .docx → PDF),
#     poppler-utils (pdftotext, pdftoppm) and the AR PL Ming and Kai faces (fonts-arphic-uming, -ukai),
#     which test/e2e/fonts/fonts.conf puts in place of 仿宋/宋体 and 楷体.
#   - test/e2e/.vscode-server/ (git-ignored, outside the repo's own dependencies): code-server
#     (the real VS Code workbench and extension host, served to a browser) and playwright-core,
#     at the versions pinned in test/e2e/tools.package.json and tools.package-lock.json (to update
#     them: edit tools.package.json, run `npm install --ignore-scripts` in .vscode-server/ and copy
#     its package-lock.json back to tools.package-lock.json). code-server's install scripts would
#     download ripgrep from the internet, which these machines refuse, so they are skipped and the
#     native modules are rebuilt here instead (see shared/reference/real-vscode-e2e.md).
#
# Exits non-zero with a message naming the step that failed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$HERE/.vscode-server"
STAMP="$TOOLS/.installed"
# Bump when the steps below change in a way that needs a fresh tools folder.
STEPS_VERSION=1

step="start"
log() { echo "[e2e install] $*"; }
fail() {
  echo "[e2e install] FAILED at step: $step" >&2
  [ $# -gt 0 ] && echo "[e2e install] $*" >&2
  exit 1
}
trap 'fail "command exited $?: $BASH_COMMAND"' ERR
started=$SECONDS

# --- Debian packages -------------------------------------------------------------------------
step="Debian packages"
APT_PACKAGES=(chromium ripgrep libkrb5-dev fonts-wqy-microhei fontconfig python3 make g++ pkg-config neovim vim vim-ale libreoffice-writer-nogui poppler-utils fonts-arphic-uming fonts-arphic-ukai)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "apt-get not found; install these by hand: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "not root and no sudo; install these by hand: ${missing[*]}"
    SUDO=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq -o DPkg::Lock::Timeout=300 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
else
  log "Debian packages present"
fi
for c in chromium rg node npm nvim vim soffice pdftotext pdftoppm; do
  command -v "$c" >/dev/null || fail "'$c' not on PATH after install"
done
if ! fc-list :lang=zh family 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  fc-cache -f >/dev/null 2>&1 || true
  fc-list :lang=zh family 2>/dev/null | grep -qi 'wenquanyi\|wqy' || fail "no Chinese font (fonts-wqy-microhei) visible to fontconfig"
fi

# --- code-server and playwright-core in test/e2e/.vscode-server/ ------------------------------
step="tools folder"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || log "warning: code-server 4.100.x is built for Node 20; this is Node $(node --version)"
want="steps=$STEPS_VERSION node-abi=$(node -p process.versions.modules) $(cat "$HERE/tools.package.json" "$HERE/tools.package-lock.json" | sha256sum | cut -d' ' -f1)"
VSCODE_DIR="$TOOLS/node_modules/code-server/lib/vscode"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] \
  && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ] \
  && [ -f "$TOOLS/node_modules/playwright-core/package.json" ] \
  && [ -x "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" ]; then
  log "tools folder up to date ($TOOLS)"
  log "done in $((SECONDS - started)) s"
  exit 0
fi

rm -f "$STAMP"
mkdir -p "$TOOLS"
cp "$HERE/tools.package.json" "$TOOLS/package.json"
cp "$HERE/tools.package-lock.json" "$TOOLS/package-lock.json"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_yes=true

step="npm install code-server and playwright-core (scripts skipped)"
log "$step"
t=$SECONDS
(cd "$TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail
log "  $((SECONDS - t)) s"

step="code-server's own VS Code dependencies (scripts skipped)"
log "$step"
t=$SECONDS
[ -d "$VSCODE_DIR" ] || fail "$VSCODE_DIR missing after npm install"
(cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error) || fail
log "  $((SECONDS - t)) s"

step="ripgrep from Debian in place of @vscode/ripgrep's download"
mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"

step="rebuild code-server's native modules (node-pty, @parcel/watcher, @vscode/spdlog, native-watchdog, kerberos)"
log "$step"
t=$SECONDS
(cd "$VSCODE_DIR" && npm rebuild node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos --loglevel=error) || fail
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
log "  $((SECONDS - t)) s"

step="rebuild argon2"
log "$step"
t=$SECONDS
(cd "$TOOLS" && npm rebuild argon2 --loglevel=error) || fail
log "  $((SECONDS - t)) s"

step="check the install"
(cd "$TOOLS" && node node_modules/code-server/out/node/entry.js --version) >/dev/null || fail "code-server --version failed"
(cd "$TOOLS" && node -e "require('playwright-core')") || fail "playwright-core does not load"

echo "$want" > "$STAMP"
log "done in $((SECONDS - started)) s"
