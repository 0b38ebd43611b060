#!/usr/bin/env python3
"""Benchmark peer: the engine's Monte Carlo of a scenario under the fixed price model, in numpy.

Vectorised over paths, one Python loop over months, memory O(paths) (no per-month-per-path
history). It implements docs/model.md's Time, Supply, Fees, Fee split, Fee denomination, Burn,
Staking, Price (fixed) and Monte Carlo sections, in the order of crates/engine/src/model/step.rs:

    month 1: F_1 = annual_fees / (1 + g + ... + g^11),   g = (1 + fee_growth)^(1/12)
    month t >= 2: F_t = F_{t-1} * g * exp(sigma_m * z),  sigma_m = growth_volatility / sqrt(12)
    p_t = initial_price * (1 + price_growth)^((t-1)/12)   (compounded month by month, as step.rs)
    take = protocol_take * F; burn budget = burn_share * take; stakers = staker_share * take;
    treasury = take - burn budget - stakers
    staked_{t-1} = staked_fraction * S_{t-1};  C = max(0, S_{t-1} - staked_{t-1} - treasury tokens)
    burned = min((1 - c) * burn budget / p_t, C)          (c = 0 for native fees)
    minted: inflation staked_{t-1}*apr/12; revenue 0; hybrid max(0, staked_{t-1}*apr/12 - stakers/p_t)
    treasury tokens += treasury / p_t                     (native fees only)
    S_t = S_{t-1} + minted - burned

Only `price_model: "fixed"` without a speculation shock is supported (a scenario without
`version` is read with version 1's defaults, whose price model is fixed, as the engine does).
The random numbers are numpy's default_rng(seed) (PCG64, standard_normal), not the engine's
per-path xoshiro256++ streams, so results agree with the engine within Monte Carlo error; with
growth_volatility 0 every path is the deterministic projection and agrees with the engine to
rounding (about 1e-15 relative: the month's linear terms are grouped differently, see simulate).

Each month it takes what the engine's run reports each month, so that the two do the same work:
the nearest-rank 5/25/50/75/95th percentiles across paths of the supply, the cumulative burn, the
value capture ratio ((USD burned + staker revenue) / fees) and the price (the same on every path
under the fixed model, as in the engine, which reads it from its extremes without a selection).

Usage: python3 montecarlo.py --scenario FILE [--paths N] [--seed S]
Prints JSON: the monthly bands ("months": each month's four quantities' percentiles), the
nearest-rank percentiles of final supply, its mean, and the compute time in seconds (from after
numpy's import to the end of the statistics).
"""

import argparse
import json
import math
import sys
import time

import numpy as np

START = time.perf_counter()  # after the interpreter started and numpy was imported

# docs/model.md, "Parameters": (default, lowest, highest, lowest is exclusive). Version 2.
NUMERIC = {
    "years": (10, 1, 50, False),
    "initial_supply": (1e9, 1, 1e15, False),
    "annual_fees_usd": (2e7, 0, 1e15, False),
    "fee_growth": (0.2, -1, 100, True),
    "protocol_take": (1.0, 0, 1, False),
    "burn_share": (0.5, 0, 1, False),
    "staker_share": (0.3, 0, 1, False),
    "conversion_cost": (0.02, 0, 1, False),
    "staked_fraction": (0.4, 0, 1, False),
    "target_staking_apr": (0.05, 0, 1, False),
    "reward_sell_share": (0.5, 0, 1, False),
    "initial_price_usd": (1.0, 1e-9, 1e9, False),
    "price_growth": (0.0, -1, 100, True),
    "price_to_fees": (25.0, 0.1, 1000, False),
    "liquidity": (0.5, 0.001, 10, False),
    "valuation_pull": (0.2, 0, 1, False),
    "fee_speculation_share": (0.3, 0, 1, False),
    "turnover": (12.0, 0, 1000, False),
    "discount_rate": (0.15, 0, 1, False),
    "growth_volatility": (0.3, 0, 2, False),
    "paths": (2000, 1, 100000, False),
}
CHOICES = {
    "fee_denomination": ("native", ("native", "stablecoin", "external")),
    "staking_yield_source": ("hybrid", ("inflation", "revenue", "hybrid")),
    "price_model": ("market", ("market", "fixed", "fee_multiple")),
    "valuation_basis": ("holder_value", ("holder_value", "gross_fees")),
}
OTHER = ("seed", "version", "speculation_shock", "allocations", "emission", "max_supply", "changes")
PERCENTILES = (5, 25, 50, 75, 95)


def fail(message):
    print(f"montecarlo.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_scenario(path, paths_override):
    """The scenario file's fields over the defaults of the version it says it was written in."""
    try:
        with (sys.stdin if path == "-" else open(path, encoding="utf-8")) as f:
            fields = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read scenario {path}: {e}")
    if not isinstance(fields, dict):
        fail("the scenario must be a JSON object")
    unknown = sorted(set(fields) - set(NUMERIC) - set(CHOICES) - set(OTHER))
    if unknown:
        fail(f"unknown field(s): {', '.join(unknown)}")
    version = fields.get("version", 1)  # no version: written before versions existed
    if version not in (1, 2) or isinstance(version, bool):
        fail(f"version: must be 1 or 2 (got {version})")
    s = {k: v[0] for k, v in NUMERIC.items()}
    s.update({k: v[0] for k, v in CHOICES.items()})
    s["seed"], s["speculation_shock"] = 1, None
    if version == 1:
        s["price_model"], s["fee_speculation_share"] = "fixed", 0.0
    s.update(fields)
    if paths_override is not None:
        s["paths"] = paths_override
    errors = []
    for key, (_, lo, hi, open_lo) in NUMERIC.items():
        v = s[key]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            errors.append(f"{key}: must be a finite number (got {v!r})")
        elif (v <= lo if open_lo else v < lo) or v > hi:
            errors.append(f"{key} must be between {lo} and {hi} (got {v})")
        elif key in ("years", "paths") and v != int(v):
            errors.append(f"{key} must be a whole number (got {v})")
    for key, (_, allowed) in CHOICES.items():
        if s[key] not in allowed:
            errors.append(f"{key}: must be one of {', '.join(allowed)} (got {s[key]!r})")
    if not errors and s["burn_share"] + s["staker_share"] > 1:
        errors.append("burn_share + staker_share must be at most 1")
    if not isinstance(s["seed"], int) or isinstance(s["seed"], bool) or not 0 <= s["seed"] < 2**64:
        errors.append(f"seed: must be an unsigned 64-bit integer (got {s['seed']!r})")
    if errors:
        fail("; ".join(errors))
    if s["price_model"] != "fixed":
        fail(f'only "price_model": "fixed" is supported (got {s["price_model"]!r})')
    if s["speculation_shock"] is not None:
        fail("a speculation shock is not supported (set speculation_shock to null)")
    # Version 2's designs start from an allocation table; the peer has every token circulating.
    if version >= 2 and s.get("allocations") != []:
        fail('vesting is not supported: set "allocations": [] (everything circulating at launch)')
    if s.get("emission", {"schedule": "target_apr"}).get("schedule", "target_apr") != "target_apr":
        fail("only the target_apr emission schedule is supported")
    if s.get("max_supply") is not None or s.get("changes"):
        fail("max_supply and changes are not supported")
    return s


def simulate(s, paths, seed):
    """Final supply of every path (a float64 array of `paths` values) and each month's bands.

    Everything in a month that is linear in the path's fees is one multiplication by a scalar
    made once a month (the fee split, the price, the fee growth's trend g^(t-1)), so each month
    is a dozen passes over the paths' arrays instead of two dozen. Per path it keeps only
    `u = F_1 * prod(exp(sigma_m * z))` (fees without their trend), the supply and the treasury's
    tokens.
    """
    months = 12 * int(s["years"])
    native = s["fee_denomination"] == "native"
    cost = 0.0 if native else float(s["conversion_cost"])  # a native burn costs nothing
    take = s["protocol_take"]
    burn_usd = take * s["burn_share"]  # burn budget per USD of fees
    staker_usd = take * s["staker_share"]  # staker revenue per USD of fees
    treasury_usd = max(take - burn_usd - staker_usd, 0.0)  # the treasury's share, per USD of fees
    staked_fraction = float(s["staked_fraction"])
    free_fraction = 1.0 - staked_fraction  # supply neither staked nor (yet) the treasury's
    monthly_apr = s["target_staking_apr"] / 12.0
    source = s["staking_yield_source"]
    promised = staked_fraction * monthly_apr  # tokens promised to stakers per token of supply

    g = (1.0 + s["fee_growth"]) ** (1.0 / 12.0)
    weight, power = 0.0, 1.0  # 1 + g + ... + g^11, summed as the engine does
    for _ in range(12):
        weight, power = weight + power, power * g
    first_month_fees = s["annual_fees_usd"] / weight
    price_growth = (1.0 + s["price_growth"]) ** (1.0 / 12.0)
    sigma = s["growth_volatility"] / math.sqrt(12.0)

    rng = np.random.default_rng(seed)
    n = paths
    u = np.full(n, first_month_fees)  # F_t / g^(t-1): month 1 is F_1 on every path, undrawn
    supply = np.full(n, float(s["initial_supply"]))
    treasury_tokens = np.zeros(n)
    a, b, c = np.empty(n), np.empty(n), np.empty(n)  # scratch, reused every month
    burned = np.zeros(n)  # cumulative burn
    bands = []
    price = float(s["initial_price_usd"])  # p_t, compounded month by month as the engine does
    trend = 1.0  # g^(t-1)

    for month in range(1, months + 1):
        if month > 1 and sigma > 0.0:  # with sigma 0 every factor is exp(0) = 1
            rng.standard_normal(out=a)
            np.multiply(a, sigma, out=a)
            np.exp(a, out=a)
            np.multiply(u, a, out=u)  # F_t = F_{t-1} * g * exp(sigma_m * z), g in `trend`
        per_fee_usd = trend / price  # tokens per unit of u, at this month's price
        # Circulating at the month's start, C = S - staked - treasury tokens (floored at 0 below).
        np.multiply(supply, free_fraction, out=c)
        np.subtract(c, treasury_tokens, out=c)
        # b: burned = max(0, min(wanted, C)), wanted = (1 - c) * burn budget / p_t.
        np.multiply(u, (1.0 - cost) * burn_usd * per_fee_usd, out=b)
        np.minimum(b, c, out=b)
        np.maximum(b, 0.0, out=b)
        if native:  # the treasury keeps its share of fees paid in the token
            np.multiply(u, treasury_usd * per_fee_usd, out=c)
            np.add(treasury_tokens, c, out=treasury_tokens)
        # a: minted staking rewards; target = staked_{t-1} * apr / 12.
        if source == "hybrid":  # only the shortfall of staker revenue, in tokens, is minted
            np.multiply(supply, promised, out=a)
            np.multiply(u, staker_usd * per_fee_usd, out=c)
            np.subtract(a, c, out=a)
            np.maximum(a, 0.0, out=a)
            np.add(supply, a, out=supply)
        elif source == "inflation":
            np.multiply(supply, 1.0 + promised, out=supply)  # S + S * staked_fraction * apr / 12
        np.subtract(supply, b, out=supply)
        np.add(burned, b, out=burned)
        # Value capture: (USD burned + staker revenue) / fees, fees = u * trend. Burned USD is
        # the tokens at the month's price; revenue is its share of fees: (b p / (u trend)) + s.
        np.multiply(b, price / trend, out=b)
        np.divide(b, u, out=b)
        np.add(b, staker_usd, out=b)
        bands.append({
            "supply": nearest_rank(supply),
            "cumulative_burned": nearest_rank(burned),
            "value_capture_ratio": nearest_rank(b) if s["annual_fees_usd"] > 0 else same(0.0),
            "price_usd": same(price),
        })
        price *= price_growth
        trend *= g
    if not np.all(np.isfinite(supply)):
        fail("a quantity left the range of 64-bit floats")
    return supply, bands


def same(value):
    """The percentiles of a quantity that is `value` on every path."""
    return {f"p{q}": float(value) for q in PERCENTILES}


def nearest_rank(values):
    """The 5/25/50/75/95th nearest-rank percentiles: the ceil(q*n/100)-th smallest value."""
    n = len(values)
    ranks = [max((q * n + 99) // 100, 1) - 1 for q in PERCENTILES]
    part = np.partition(values, ranks)
    return {f"p{q}": float(part[r]) for q, r in zip(PERCENTILES, ranks)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", required=True, help="scenario JSON file (- for standard input)")
    parser.add_argument("--paths", type=int, help="number of paths (overrides the scenario's)")
    parser.add_argument("--seed", type=int, help="seed (overrides the scenario's)")
    args = parser.parse_args()
    if args.paths is not None and args.paths < 1:
        fail("--paths must be at least 1")
    if args.seed is not None and not 0 <= args.seed < 2**64:
        fail("--seed must be an unsigned 64-bit integer")
    # The engine allows at most 100000 paths; the peer is a benchmark, so --paths may exceed it.
    s = read_scenario(args.scenario, None)
    paths = args.paths if args.paths is not None else int(s["paths"])
    seed = args.seed if args.seed is not None else s["seed"]
    final, bands = simulate(s, paths, seed)
    lo = float(final.min())
    mean = min(max(lo + float(np.sum(final - lo)) / paths, lo), float(final.max()))
    out = {
        "paths": paths,
        "seed": seed,
        "numpy": np.__version__,
        "months": bands,
        "final_supply": {"percentiles": nearest_rank(final), "mean": mean},
        "compute_seconds": time.perf_counter() - START,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
