#!/usr/bin/env bash
# Benchmarks our Monte Carlo against a numpy peer (benches/peer/montecarlo.py: numpy, vectorised
# over paths, one loop over months, the same monthly bands as ours: percentiles of supply,
# cumulative burn, value capture and price) on the default design under the fixed price model, at
# 10k, 100k and 1M paths, seed 7. Both are timed as whole processes (start-up included) with
# `/usr/bin/time -v`: its "Elapsed (wall clock)" (10 ms resolution) and "Maximum resident set
# size". Each size runs a few times (3 for 10k and 100k, 1 for 1M) and the table shows the median
# wall time and the largest peak. Then both medians of final supply must agree within Monte Carlo
# error (their random streams differ, so they cannot agree bit for bit), or the script fails.
#
# The numpy part is skipped, with a message, when python3 or numpy is missing
# (`pip install -r benches/peer/requirements.txt`).
#
# Timer: GNU time (`/usr/bin/time`, Debian package `time`). Where it is missing the script does
# not install it; it falls back to Python's `resource` module (wall clock from
# time.perf_counter around the child, peak from getrusage(RUSAGE_CHILDREN).ru_maxrss, which can
# count the forked Python's few MB before exec), and says so. `apt-get update && apt-get install
# -y time` brings GNU time.
#
# `--paths` takes up to 1,000,000 (a scenario's own `paths` keeps the page's 100,000). Should ours
# fail at a size, it is shown as failed with its error and the comparison covers the sizes both ran.
#
# Usage: scripts/bench.sh   (from any directory; PYTHON=... picks the interpreter,
# BENCH_TIMER=python forces the fallback timer)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
SIZES=(10000 100000 1000000)
SEED=7
runs_for() { if (($1 >= 1000000)); then echo 1; else echo 3; fi; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scenario="$tmp/scenario.json"
echo '{"version": 2, "price_model": "fixed", "allocations": []}' >"$scenario" # all else default

echo "== cargo build --release -p consumption-lab-cli" >&2
cargo build --release -p consumption-lab-cli >&2
ours_bin="$PWD/target/release/consumption-lab"

have_python=false
if command -v "$PYTHON" >/dev/null 2>&1; then have_python=true; fi
if [[ ${BENCH_TIMER:-} == python ]] && $have_python; then
  timer=python # forced (to test the fallback)
elif [[ -x /usr/bin/time ]]; then
  timer=gnu
elif $have_python; then
  timer=python
  echo "note: /usr/bin/time is missing; timing with Python's resource module instead" \
    "(apt-get update && apt-get install -y time brings GNU time)" >&2
else
  echo "error: neither /usr/bin/time nor $PYTHON is available to time the runs" \
    "(apt-get update && apt-get install -y time)" >&2
  exit 1
fi

peer=true
if ! $have_python; then
  peer=false
  echo "note: $PYTHON not found: skipping the numpy peer" >&2
elif ! "$PYTHON" -c "import numpy" >/dev/null 2>&1; then
  peer=false
  echo "note: numpy is not importable by $PYTHON: skipping the numpy peer" \
    "(pip install -r benches/peer/requirements.txt)" >&2
fi

# The fallback timer: runs the command with stdout and stderr to files, prints "seconds peak_kB".
PY_TIMER='
import resource, subprocess, sys, time
out, err, *cmd = sys.argv[1:]
with open(out, "wb") as o, open(err, "wb") as e:
    start = time.perf_counter()
    rc = subprocess.call(cmd, stdout=o, stderr=e, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
print(f"{wall:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(rc)
'

# measure OUT ERR CMD...: runs CMD (stdout to OUT, stderr to ERR), prints "seconds peak_kB";
# fails with CMD's status.
measure() {
  local out=$1 err=$2 rc=0
  shift 2
  if [[ $timer == python ]]; then
    "$PYTHON" -c "$PY_TIMER" "$out" "$err" "$@"
    return
  fi
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$out" 2>"$err" </dev/null || rc=$?
  ((rc == 0)) || return "$rc"
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { kb = $NF }
    END { printf "%.3f %d\n", s, kb }' "$tmp/time.txt"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
largest() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# bench NAME N CMD...: RUNS runs of CMD; sets RESULT to "median_seconds peak_MB" or "" on failure
# (its error in $tmp/NAME_N.err); the last run's stdout is $tmp/NAME_N.json.
bench() {
  local name=$1 n=$2 walls=() peaks=() line i
  shift 2
  RESULT=""
  for ((i = 0; i < $(runs_for "$n"); i++)); do
    line=$(measure "$tmp/${name}_$n.json" "$tmp/${name}_$n.err" "$@") || return 0
    walls+=("${line% *}")
    peaks+=("${line#* }")
  done
  RESULT="$(median "${walls[@]}") $(awk -v kb="$(largest "${peaks[@]}")" 'BEGIN { printf "%.1f", kb / 1024 }')"
}

rows=()
failures=()
compared=()
for n in "${SIZES[@]}"; do
  echo "== $n paths: ours ($(runs_for "$n") run(s))" >&2
  bench ours "$n" "$ours_bin" montecarlo --scenario "$scenario" --paths "$n" --seed "$SEED" --format json
  ours=$RESULT
  if [[ -z $ours ]]; then
    failures+=("at $n paths: $(tail -n 1 "$tmp/ours_$n.err")")
  fi
  numpy=""
  if $peer; then
    echo "== $n paths: numpy ($(runs_for "$n") run(s))" >&2
    bench numpy "$n" "$PYTHON" benches/peer/montecarlo.py --scenario "$scenario" --paths "$n" --seed "$SEED"
    numpy=$RESULT
    if [[ -z $numpy ]]; then
      echo "error: the numpy peer failed at $n paths:" >&2
      cat "$tmp/numpy_$n.err" >&2
      exit 1
    fi
  fi
  if [[ -n $ours && -n $numpy ]]; then compared+=("$n"); fi
  rows+=("$n|${ours:-}|${numpy:-}")
done

printf '\nMonte Carlo of {"version": 2, "price_model": "fixed", "allocations": []}, seed %s, %s timer\n' "$SEED" \
  "$([[ $timer == gnu ]] && echo "GNU time" || echo "Python resource")"
printf '%-9s | %8s | %12s | %9s | %13s | %16s\n' paths "ours (s)" "ours peak MB" "numpy (s)" "numpy peak MB" "ratio numpy/ours"
printf '%s\n' "----------|----------|--------------|-----------|---------------|-----------------"
for row in "${rows[@]}"; do
  IFS='|' read -r n ours numpy <<<"$row"
  read -r ow om <<<"${ours:-- -}"
  read -r nw nm <<<"${numpy:-- -}"
  [[ -n $ours ]] || { ow="failed"; om="-"; }
  $peer || { nw="skipped"; nm="-"; }
  ratio=-
  if [[ -n $ours && -n $numpy ]]; then
    ratio=$(awk -v a="$nw" -v b="$ow" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a (ours < 10 ms)" }')
  fi
  printf '%-9s | %8s | %12s | %9s | %13s | %16s\n' "$n" "$ow" "$om" "$nw" "$nm" "$ratio"
done
for f in "${failures[@]}"; do echo "ours failed: $f"; done

if ! $peer; then
  echo "numpy peer skipped: no comparison (pip install -r benches/peer/requirements.txt)"
  exit 0
fi
"$PYTHON" - "$tmp" "${SIZES[@]}" <<'EOF'
import json, sys

tmp, sizes = sys.argv[1], sys.argv[2:]
times = [f"{n}: {json.load(open(f'{tmp}/numpy_{n}.json'))['compute_seconds']:.3f} s" for n in sizes]
print("numpy compute only (no interpreter start or numpy import), last run:", ", ".join(times))
EOF

if ((${#compared[@]} == 0)); then
  echo "error: no path count ran on both: nothing to compare" >&2
  exit 1
fi
# Medians of final supply within Monte Carlo error. The standard error of a median of n paths is
# about 1.253 sigma / sqrt(n), sigma estimated from the quartiles as IQR / 1.349; the two medians
# are independent, so their difference has sqrt(2) times that. Allowed: 4 such standard errors
# (plus 1e-9 relative, so that a run with no volatility must agree to rounding).
"$PYTHON" - "$tmp" "${compared[@]}" <<'EOF'
import json, math, sys

tmp, sizes = sys.argv[1], sys.argv[2:]
bad = []
print("median final supply:")
for n in sizes:
    ours = json.load(open(f"{tmp}/ours_{n}.json"))["final_supply"]["percentiles"]
    peer = json.load(open(f"{tmp}/numpy_{n}.json"))["final_supply"]["percentiles"]
    sigma = ((ours["p75"] - ours["p25"]) + (peer["p75"] - peer["p25"])) / 2 / 1.349
    se = 1.253 * sigma / math.sqrt(int(n))
    allowed = 4 * math.sqrt(2) * se + 1e-9 * abs(ours["p50"])
    diff = abs(ours["p50"] - peer["p50"])
    ok = diff <= allowed
    print(f"  {n:>8} paths: ours {ours['p50']:.6e}, numpy {peer['p50']:.6e}, "
          f"relative difference {diff / abs(ours['p50']):.2e} "
          f"(allowed {allowed / abs(ours['p50']):.2e}, {diff / se if se else 0:.1f} se) "
          f"{'ok' if ok else 'MISMATCH'}")
    if not ok:
        bad.append(n)
if bad:
    sys.exit(f"error: the medians of final supply disagree beyond Monte Carlo error at {', '.join(bad)} paths")
EOF
if ((${#failures[@]} > 0)); then
  echo "note: ours failed at some sizes (above); the comparison covers ${compared[*]} paths" >&2
fi
