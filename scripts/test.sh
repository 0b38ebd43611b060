#!/usr/bin/env bash
# Runs every test: formatting and lints, the engine's unit and property tests, the CLI's tests,
# the app's pure modules natively, then the release bundle end to end in headless Chromium.
# Installs what it needs first (idempotently). This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p consumption-lab-app -p consumption-lab-worker --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests: engine (unit, property, closed-form), CLI, app's pure modules"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
  cargo test --workspace --doc --locked
else
  cargo test --workspace --locked
fi

step "release bundle"
trunk build --release
# The size rules only the linked module can show (ARCHITECTURE.md, "Size rules").
node scripts/check-page-wasm.mjs target/wasm32-unknown-unknown/page/consumption-lab-app.wasm

step "end-to-end tests in headless Chromium"
rm -f tests/e2e/artifacts/report.json # measurements of this run only
(cd tests/e2e && npm test)
echo
echo "All tests passed. Screenshots and measurements: tests/e2e/artifacts/"
