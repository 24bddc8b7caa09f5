#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing (a no-op afterwards):
#   - neovim: a real LSP client nobody here wrote (tests/protocol/neovim.test.ts; Debian's 0.7.2)
#   - chromium: the headless browser that drives the end-to-end tests
#   - ripgrep (rg, replaces the binary @vscode/ripgrep would download), libkrb5-dev, make, g++,
#     python3: VS Code's server (code-server) and its native modules
#   - util-linux (setsid): the e2e runner's process groups
#   - fonts-wqy-microhei, fonts-noto-cjk: CJK glyphs in screenshots, and the page view's fallback
#     fonts (仿宋/黑体), whose e2e test checks that no page overflows its 22 lines
# LibreOffice (the .docx → PDF export test) is large: .ci/run installs it; without it that test
# says so and is skipped outside CI.
set -euo pipefail

log() { printf '[setup-packages] %s\n' "$*"; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
for pkg in libkrb5-dev fonts-wqy-microhei fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi
