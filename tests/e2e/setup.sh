#!/usr/bin/env bash
# Installs what the end-to-end harness (tests/e2e/run.js) needs:
#   - Debian packages: chromium (headless browser), ripgrep (rg, replaces the
#     binary @vscode/ripgrep would download), libkrb5-dev (to build `kerberos`),
#     fonts-wqy-microhei (CJK glyphs in screenshots), plus a C/C++ toolchain
#     for the native modules of VS Code's server.
#   - code-server@4.100.3 (VS Code 1.100.3) from the npm registry, in
#     tests/e2e/node_modules, with its postinstall (which runs a nested
#     `npm install` in lib/vscode and lib/vscode/extensions) allowed to run.
# Idempotent: when everything is already installed and verified for the current
# package-lock.json it returns at once.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

log() { printf '[e2e-setup] %s\n' "$*"; }

# ---------------------------------------------------------------- apt packages
bash "$HERE/../setup-packages.sh"

# --------------------------------------------------------- quick no-op check
STAMP="$HERE/node_modules/.e2e-setup-stamp"
want_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node-$(node -p 'process.versions.modules')"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] && node "$HERE/verify-install.js" >/dev/null 2>&1; then
  log "already installed (code-server $(node -p 'require("./node_modules/code-server/package.json").version'))"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  echo "[e2e-setup] code-server@4.100.3 requires Node.js 20, found $(node -v)" >&2
  exit 1
fi

# ------------------------------------------- pre-fill @vscode/ripgrep's cache
# @vscode/ripgrep's postinstall downloads rg from GitHub (not reachable here);
# it uses a cached archive when one exists under os.tmpdir(). Put Debian's rg
# there under the exact name it looks for. Versions from
# @vscode/ripgrep@1.15.11 lib/postinstall.js (VERSION = 'v13.0.0-10').
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
if [ "$(uname -m)" != "x86_64" ]; then
  echo "[e2e-setup] only x86_64 is supported (rg cache name)" >&2
  exit 1
fi
rg_cache_dir="$(node -p 'require("path").join(require("os").tmpdir(), "vscode-ripgrep-cache-'"$RG_PKG_VERSION"'")')"
mkdir -p "$rg_cache_dir"
if ! tar -tzf "$rg_cache_dir/$RG_ASSET" 2>/dev/null | grep -qx 'rg'; then
  log "pre-filling $rg_cache_dir/$RG_ASSET with $(command -v rg)"
  tmp_rg="$(mktemp -d)"
  cp "$(command -v rg)" "$tmp_rg/rg"
  tar -C "$tmp_rg" -czf "$rg_cache_dir/$RG_ASSET.tmp" rg
  mv "$rg_cache_dir/$RG_ASSET.tmp" "$rg_cache_dir/$RG_ASSET"
  rm -rf "$tmp_rg"
fi

# ------------------------------------------------------------------ npm ci
# code-server's postinstall refuses to run as root without unsafe-perm, and it
# runs nested `npm install`s in lib/vscode and lib/vscode/extensions whose
# dependencies have native install scripts. npm 11 blocks dependency install
# scripts unless approved in the project's package.json "allowScripts":
#  - tests/e2e/package.json approves the two top-level ones (code-server, argon2);
#  - the nested projects have no allowScripts of their own, and npm rejects
#    allow-scripts passed on the command line / through npm_config_* (which the
#    nested npm would inherit). So: install without scripts, add allowScripts
#    (pinned to their shrinkwrap's versions) to the nested package.json files,
#    then run the approved top-level install scripts with `npm rebuild`.
export npm_config_unsafe_perm=true  # read by code-server's postinstall.sh (npm warns it is unknown)
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false
export JOBS="${JOBS:-$(nproc)}"     # parallel node-gyp builds

log "npm ci in $HERE (code-server 4.100.3, then its native modules; ~2-4 min)"
start=$(date +%s)
rm -f "$STAMP"
npm ci --ignore-scripts --no-audit --no-fund </dev/null
node "$HERE/approve-nested-scripts.js"
npm rebuild --no-audit --no-fund argon2 code-server </dev/null
log "npm ci + rebuild took $(( $(date +%s) - start ))s"

node "$HERE/verify-install.js"
printf '%s' "$want_stamp" > "$STAMP"
log "done"
