#!/usr/bin/env bash
# Writes everything the command line prints for the defaults and every preset into one folder,
# one file per command, so two builds can be compared byte for byte:
#   scripts/cli-outputs.sh /tmp/before            # on the old commit
#   scripts/cli-outputs.sh /tmp/after             # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
# BIN may name a built binary (default: cargo run --release).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/cli-outputs.sh OUT_DIR}
mkdir -p "$out"
if [ -z "${BIN:-}" ]; then
  cargo build -q --release -p consumption-lab-cli
  BIN=target/release/consumption-lab
fi
cl() { "$BIN" "$@"; }

cl defaults > "$out/defaults.json"
cl presets > "$out/presets.txt"
cl presets --format json > "$out/presets.json"
cl jevons --price-factor 300 --years 2 --spend-multiple 4.2 > "$out/jevons.json"
cl jevons --price-factor 300 --years 2 --elasticity 1.2 > "$out/jevons-elasticity.json"
cl defaults > "$out/.defaults-input.json"
designs=(defaults)
for name in $(cl presets --format json | grep -o '"name": "[a-z0-9_]*"' | cut -d'"' -f4); do
  designs+=("$name")
done
for name in "${designs[@]}"; do
  if [ "$name" = defaults ]; then
    input="$out/.defaults-input.json"
    cl project --scenario "$input" > "$out/$name.project.csv"
    cl project --scenario "$input" --format json > "$out/$name.project.json"
  else
    input="$out/.$name-input.json"
    cl presets --format json | NAME="$name" python3 -c 'import json,os,sys; [print(json.dumps(p["scenario"])) for p in json.load(sys.stdin) if p["name"]==os.environ["NAME"]]' > "$input"
    cl project --preset "$name" > "$out/$name.project.csv"
    cl project --preset "$name" --format json > "$out/$name.project.json"
  fi
  cl montecarlo --scenario "$input" --paths 500 --seed 7 > "$out/$name.montecarlo.csv"
  cl montecarlo --scenario "$input" --paths 500 --seed 7 --format json > "$out/$name.montecarlo.json"
  cl sweep --scenario "$input" --x burn_share:0:0.7:8 --y fee_growth:-0.5:1:5 > "$out/$name.sweep.csv"
  cl sweep --scenario "$input" --x turnover:0:50:3 --y years:1:20:4 --format json > "$out/$name.sweep.json"
done
# Errors: the message on standard error and the exit status.
for args in "project --scenario /nonexistent.json" "sweep --scenario $out/.defaults-input.json --x burn_share:0:5:3 --y years:1:2:2"; do
  # shellcheck disable=SC2086
  { cl $args; echo "exit $?"; } > "$out/error-$(echo "$args" | cut -d' ' -f1).txt" 2>&1 || true
done
sed -i "s#$out#OUT#g" "$out"/error-*.txt
echo "wrote $(ls "$out" | wc -l) files to $out"
