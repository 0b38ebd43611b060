#!/usr/bin/env bash
# Installs everything the build and the tests need, and nothing twice.
# Idempotent: each step checks before it installs. Safe to run on every CI start.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned (with `=`) in Cargo.toml / Cargo.lock,
# otherwise Trunk tries to download its own copy and fails offline.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium chromium-driver
fi

# npm packages for the end-to-end tests, wasm-opt (binaryen) and terser (the post-build step),
# pinned by tests/e2e/package-lock.json.
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -x tests/e2e/node_modules/.bin/terser ] \
  || [ tests/e2e/package.json -nt tests/e2e/node_modules/.stamp ]; then
  say "installing npm packages for e2e tests, wasm-opt and terser"
  (cd tests/e2e && npm ci --no-audit --no-fund && touch node_modules/.stamp)
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(tests/e2e/node_modules/.bin/wasm-opt --version)"
