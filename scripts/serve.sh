#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080 (installing the wasm target, Trunk,
# wasm-bindgen-cli and wasm-opt first if they are missing). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# No auto-reload: Trunk's reload script is inline, added after the CSP hook has hashed the page's
# scripts, so the policy (rightly) refuses it. Reload by hand after an edit.
exec trunk serve --release --no-autoreload "$@"
