#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3, runs on Node 20) and Debian's
# Chromium for the e2e tests, into .vscode-test/ (git-ignored). Idempotent: a finished install is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
DIR=.vscode-test/code-server
VSCODE="$DIR/node_modules/code-server/lib/vscode"
MARK="$DIR/.installed-$VERSION"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$MARK" ]; then
  echo "== code-server $VERSION already installed in $DIR"
  exit 0
fi
echo "== installing code-server $VERSION into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR"
(cd "$DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null)
# code-server's own native module (password hashing), built here rather than downloaded.
(cd "$DIR" && npm_config_build_from_source=true npm rebuild argon2 >/dev/null)
(cd "$VSCODE" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VSCODE" && npm_config_yes=true npm rebuild >/dev/null 2>&1 || npm_config_yes=true npm rebuild)
[ -e "$VSCODE/node_modules.asar" ] || ln -s node_modules "$VSCODE/node_modules.asar"
(cd "$VSCODE/extensions" && npm install --no-audit --no-fund --omit=dev >/dev/null)
touch "$MARK"
echo "== code-server $VERSION installed"
