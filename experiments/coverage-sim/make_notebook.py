"""Writes notebooks/coverage-sim.ipynb (cells only; execute it with nbconvert, see notebooks/README.md).

The notebook reads every `*-summary.csv` and `*-replicates.csv` under experiments/coverage-sim/results/,
so scenarios added later (for instance a calibrated method, told apart by an optional `method` column)
are drawn without editing it: scenarios whose grids are identical apart from the method are put side by side.
"""
from pathlib import Path

import nbformat as nbf

cells = []
md = lambda s: cells.append(nbf.v4.new_markdown_cell(s))
code = lambda s: cells.append(nbf.v4.new_code_cell(s))

md("""# Coverage of the MPS test, by simulation

Figures for the simulated coverage study of `experiments/coverage-sim/` (its README says how the pools are
made and how to regenerate the CSVs). Distances are simulated with known truth:
`L[i][t] = b_t + μ_i + σ_i·ε_{i,t}`; true sources have `μ = −δ·ρ^depth`, unrelated candidates `μ_i = τ·z_i`
(τ = 0 is the equal-means null the paper's test assumes), and `σ_i = exp(s·u_i)` with log-spread `s`.

Each pool is tested once and its provenance set P read at α ∈ {0.01, 0.05, 0.1}. **Coverage** = Pr(every
true source is in P); **non-empty** = Pr(P ≠ ∅), the rejection rate when there is no source; **mean |P|**
= the mean set size. Rates carry exact (Clopper–Pearson) 95% intervals, as in the summary CSVs; mean sizes
carry a normal 95% interval computed here from the per-pool CSVs.

This notebook reads only the committed CSVs in `../experiments/coverage-sim/results/`: every `*-summary.csv`
there is picked up. A `method` column, when a file has one, names the test (`mps` = the paper-faithful
procedure, the only one when the column is absent); scenarios with identical grids that differ only in the
method are drawn side by side.""")

code("""from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.stats import beta

%config InlineBackend.figure_formats = ["png"]
plt.rcParams.update({"figure.dpi": 72, "axes.grid": True, "grid.alpha": 0.3, "font.size": 9})
pd.set_option("display.width", 200)

RESULTS = Path("..") / "experiments" / "coverage-sim" / "results"
LEVELS = {0.01: "0.01", 0.05: "0.05", 0.1: "0.1"}  # summary alpha -> suffix of the replicate columns
GRID = ["candidates", "prompts", "sources", "depth", "sigma_spread", "tau", "advantage", "permutations"]
SHORT = {"candidates": "m", "prompts": "N", "sources": "k", "depth": "depth", "sigma_spread": "σ log-spread",
         "tau": "τ", "advantage": "δ", "permutations": "R", "alpha": "α"}

def read(pattern):
    frames = []
    for path in sorted(RESULTS.glob(pattern)):
        frame = pd.read_csv(path)
        if "method" not in frame.columns:
            frame.insert(1, "method", "mps")
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)

summary = read("*-summary.csv")
replicates = read("*-replicates.csv")

# 95% interval of the mean set size from the pools themselves (the summary CSVs give none).
rows = []
for (scenario, method, cell), pools in replicates.groupby(["scenario", "method", "cell"]):
    for alpha, suffix in LEVELS.items():
        size = pools[f"size_at_{suffix}"]
        half = 1.96 * size.std(ddof=1) / np.sqrt(len(size))
        rows.append({"scenario": scenario, "method": method, "cell": cell, "alpha": alpha,
                     "size_lo": size.mean() - half, "size_hi": size.mean() + half})
summary = summary.merge(pd.DataFrame(rows), on=["scenario", "method", "cell", "alpha"], how="left")

units = summary.groupby(["scenario", "method"])
print(f"{len(summary)} summary rows from {units.ngroups} (scenario, method) units:")
display(units.agg(cells=("cell", "nunique"), pools_per_cell=("replicates", "max"),
                  R=("permutations", "max"), m=("candidates", lambda c: sorted(c.unique())),
                  N=("prompts", lambda c: sorted(c.unique())), k=("sources", lambda c: sorted(c.unique())),
                  tau=("tau", lambda c: sorted(c.unique())), sigma_spread=("sigma_spread", lambda c: sorted(c.unique()))))""")

md("""### Checks: the summaries agree with the pools

Every summary row is recomputed from the per-pool CSV (coverage, mean |P|, non-empty rate, rate of an
unrelated member, and the Clopper–Pearson bounds from scipy's beta quantiles); the cell fails loudly if any
differs. It also checks that P is non-empty exactly when the first step's p-value is ≤ α (the set grows only
through the first step), which the continuous-α figure below relies on.""")

code("""def clopper_pearson(successes, n, level=0.95):
    tail = (1 - level) / 2
    lo = 0.0 if successes == 0 else beta.ppf(tail, successes, n - successes + 1)
    hi = 1.0 if successes == n else beta.ppf(1 - tail, successes + 1, n - successes)
    return lo, hi

mismatches = []
for row in summary.itertuples():
    pools = replicates[(replicates.scenario == row.scenario) & (replicates.method == row.method)
                       & (replicates.cell == row.cell)]
    suffix = LEVELS[row.alpha]
    size, found = pools[f"size_at_{suffix}"], pools[f"sources_in_at_{suffix}"]
    n = len(pools)
    recomputed = {"replicates": n, "coverage": (found == pools.sources).mean(), "mean_size": size.mean(),
                  "nonempty_rate": (size > 0).mean(), "extra_rate": (size > found).mean()}
    for name, hits in [("coverage", (found == pools.sources).sum()), ("nonempty", (size > 0).sum()),
                       ("extra", (size > found).sum())]:
        recomputed[f"{name}_lo"], recomputed[f"{name}_hi"] = clopper_pearson(hits, n)
    for name, value in recomputed.items():
        if abs(value - getattr(row, name)) > 1e-4:
            mismatches.append((row.scenario, row.method, row.cell, row.alpha, name, getattr(row, name), value))
    if ((size > 0) != (pools.first_p <= row.alpha + 1e-12)).any():
        mismatches.append((row.scenario, row.method, row.cell, row.alpha, "first_p", "", ""))
assert not mismatches, pd.DataFrame(mismatches)
print(f"all {len(summary)} summary rows recomputed from {len(replicates)} pools: they agree")""")

code("""def grid_of(frame):
    \"\"\"The cells a unit ran, method and scenario name left out: units with equal grids ran the same design.\"\"\"
    return tuple(sorted(map(tuple, frame[GRID + ["replicates", "alpha"]].drop_duplicates().to_numpy().tolist())))

def families(frame):
    \"\"\"Groups (scenario, method) units with identical grids; each family is one row of panels.\"\"\"
    grouped = {}
    for (scenario, method), unit in frame.groupby(["scenario", "method"], sort=True):
        grouped.setdefault(grid_of(unit), []).append((scenario, method, unit))
    return list(grouped.values())

def series(frame, x, exclude=()):
    \"\"\"Splits a unit into lines: one per combination of the grid columns that vary besides x.\"\"\"
    keys = [c for c in GRID if c != x and c not in exclude and frame[c].nunique() > 1]
    if not keys:
        return [({}, frame)]
    return [(dict(zip(keys, values if isinstance(values, tuple) else (values,))), part)
            for values, part in frame.groupby(keys, sort=True)]

def label(params):
    return ", ".join(f"{SHORT[k]}={v:g}" for k, v in params.items()) or "all cells"

def style(params, frame):
    \"\"\"Colour by the first varying column, line style by the second, marker by the third.\"\"\"
    picks = []
    for i, (name, value) in enumerate(params.items()):
        picks.append(sorted(frame[name].unique()).index(value))
    colour = plt.cm.tab10(picks[0] % 10) if picks else "black"
    dash = ["-", "--", ":", "-."][picks[1] % 4] if len(picks) > 1 else "-"
    marker = "osD^v"[picks[2] % 5] if len(picks) > 2 else "o"
    return dict(color=colour, ls=dash, marker=marker)

def with_bars(ax, x, y, lo, hi, **kw):
    ax.errorbar(x, y, yerr=np.vstack([y - lo, hi - y]), capsize=2.5, ms=4, lw=1.2, **kw)

def title(scenario, method, unit):
    fixed = [c for c in GRID if unit[c].nunique() == 1 and c != "advantage"]
    return f"{method} · {scenario}\\n" + ", ".join(f"{SHORT[c]}={unit[c].iloc[0]:g}" for c in fixed) \\
        + f", {unit.replicates.max()} pools/cell"

def panel_rows(selected, panels_per_unit, height=3.6, width=4.4):
    \"\"\"One row per family; within it panels_per_unit panels for each method, side by side.\"\"\"
    fams = families(selected)
    ncols = panels_per_unit * max(len(f) for f in fams)
    fig, axes = plt.subplots(len(fams), ncols, figsize=(width * ncols, height * len(fams)), squeeze=False)
    for r, fam in enumerate(fams):
        for c in range(len(fam) * panels_per_unit, ncols):
            axes[r, c].set_visible(False)
    return fig, axes, fams

def legend(ax, where="best"):
    \"\"\"Inside the panel when short; under it, in columns, when many lines would hide the data.\"\"\"
    handles, _ = ax.get_legend_handles_labels()
    if len(handles) <= 6:
        ax.legend(fontsize=7, loc=where)
    else:
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2)

def kind(unit):
    if unit.depth.nunique() > 1:
        return "depth"
    if (unit.sources == 0).all():
        return "heterogeneous-null" if (unit.tau > 0).any() else "null"
    return "sources"

kinds = {key: kind(unit) for key, unit in summary.groupby(["scenario", "method"])}
summary["kind"] = [kinds[(s, m)] for s, m in zip(summary.scenario, summary.method)]
print(pd.Series(kinds).rename("kind").to_string())""")

md("""## 1. Null pools: is the level α held?

Pools with no source and equal unrelated means (τ = 0) — the null the test is built for. Each point is
Pr(P ≠ ∅) at one α with its Clopper–Pearson 95% interval; the diagonal is y = α (points are nudged sideways
so the intervals do not overlap). Equal variances (σ log-spread 0) and unequal ones (log-spread 1: σ_i from
0.37 to 2.7) are both drawn.""")

code("""null = summary[summary.kind == "null"]
fig, axes, fams = panel_rows(null, 1, height=4, width=5.2)
for r, fam in enumerate(fams):
    for c, (scenario, method, unit) in enumerate(fam):
        ax = axes[r, c]
        lines = series(unit, "alpha")
        for i, (params, part) in enumerate(lines):
            part = part.sort_values("alpha")
            nudge = (i - (len(lines) - 1) / 2) * 0.0025
            with_bars(ax, part.alpha + nudge, part.nonempty_rate, part.nonempty_lo, part.nonempty_hi,
                      label=label(params), **style(params, unit))
        ax.plot([0, 0.11], [0, 0.11], color="grey", lw=3, alpha=0.4, label="y = α")
        ax.set(xlim=(0, 0.11), ylim=(0, 0.16), xlabel="α", ylabel="Pr(P ≠ ∅)", title=title(scenario, method, unit))
        legend(ax, "upper left")
fig.tight_layout(); plt.show()

table = null.pivot_table(index=["method", "scenario", "candidates", "prompts", "sigma_spread"], columns="alpha",
                         values="nonempty_rate").map(lambda v: f"{100 * v:.1f}%")
display(table)""")

md("""The same null pools at every α at once: P is non-empty exactly when the first step's p-value is ≤ α
(checked above), so the rejection rate as a function of α is the empirical distribution function of the
first-step p-value. Under the null it should follow the diagonal; the grey band is the pointwise 95%
binomial band around y = α for the number of pools in a cell (R = 199 permutations give p-values on a grid
of 1/200, hence the steps).""")

code("""null_pools = replicates.merge(null[["scenario", "method", "cell"]].drop_duplicates(), on=["scenario", "method", "cell"])
grid = np.linspace(0.001, 0.2, 400)
fig, axes, fams = panel_rows(null, 1, height=4, width=5.2)
for r, fam in enumerate(fams):
    for c, (scenario, method, unit) in enumerate(fam):
        ax = axes[r, c]
        pools = null_pools[(null_pools.scenario == scenario) & (null_pools.method == method)]
        n = pools.groupby("cell").size().min()
        ax.fill_between(grid, grid - 1.96 * np.sqrt(grid * (1 - grid) / n),
                        grid + 1.96 * np.sqrt(grid * (1 - grid) / n), color="grey", alpha=0.25,
                        label=f"95% band, {n} pools")
        ax.plot(grid, grid, color="grey", lw=1, ls="--")
        cells = unit.drop_duplicates("cell")
        for params, part in series(cells, "alpha"):
            p = np.sort(pools[pools.cell.isin(part.cell)].first_p.to_numpy())
            ax.step(grid, np.searchsorted(p, grid, side="right") / len(p), where="post", lw=1.2,
                    label=label(params), **{k: v for k, v in style(params, cells).items() if k != "marker"})
        ax.set(xlim=(0, 0.2), ylim=(0, 0.25), xlabel="α", ylabel="Pr(first-step p ≤ α) = Pr(P ≠ ∅)",
               title=title(scenario, method, unit))
        legend(ax, "upper left")
fig.tight_layout(); plt.show()""")

md("""**What it shows.** With equal means the level holds within Monte-Carlo error in every cell: all
intervals at α = 0.01, 0.05, 0.1 cover α. The largest excess is 50 candidates with unequal variances
(6.4% at α = 0.05, interval 5.0–8.1%): with unequal σ_i the candidates are not exchangeable and the
studentised statistic holds its level only asymptotically in N. Note the grid tests one N (500).

The continuous curves show what three levels hide: with unequal variances, 10 candidates run conservative
(Pr(first p ≤ 0.15) = 12.5%, just below the pointwise band) and 50 candidates a little liberal (above the
diagonal throughout, 16.8% at 0.15 and 21.9% at 0.2, inside the band), while equal variances follow the diagonal. And the mean size hides a tail: in 6 of the 1000 null pools
with 10 candidates and unequal σ the procedure ran 4–8 steps, one pool returning 4 candidates at α = 0.05 and
7 at α = 0.1 (see the per-pool CSV) — once a low-variance candidate is removed, the remaining unequal-σ pool
can keep rejecting. With equal σ no null pool returned more than 2.

## 2. Planted sources: coverage and set size against N, pool size, number of sources and α

k true sources (signal δ = 0.245σ, no spread of the unrelated means) among m candidates. First against N
at α = 0.05 — coverage with its interval and the dashed target 1 − α; mean |P| with its interval and the
dotted target k (a set that holds exactly the sources). One row per scenario: compare the rows for pool
size (10 vs 50 candidates); colour = number of sources.""")

code("""ALPHA = 0.05
sources = summary[(summary.kind == "sources")]
over_n = sources[sources.groupby(["scenario", "method"]).prompts.transform("nunique") > 1]
fig, axes, fams = panel_rows(over_n[over_n.alpha == ALPHA], 2)
for r, fam in enumerate(fams):
    for c, (scenario, method, unit) in enumerate(fam):
        cov_ax, size_ax = axes[r, 2 * c], axes[r, 2 * c + 1]
        for params, part in series(unit, "prompts"):
            part = part.sort_values("prompts")
            st = style(params, unit)
            with_bars(cov_ax, part.prompts, part.coverage, part.coverage_lo, part.coverage_hi, label=label(params), **st)
            with_bars(size_ax, part.prompts, part.mean_size, part.size_lo, part.size_hi, label=label(params), **st)
            size_ax.axhline(part.sources.iloc[0], color=st["color"], lw=0.8, ls=":")
        cov_ax.axhline(1 - ALPHA, color="grey", ls="--", lw=1, label="1 − α")
        cov_ax.set(xscale="log", ylim=(-0.03, 1.03), xlabel="N (prompts)", ylabel=f"coverage at α = {ALPHA}",
                   title=title(scenario, method, unit))
        size_ax.set(xscale="log", xlabel="N (prompts)", ylabel=f"mean |P| at α = {ALPHA}", title="mean set size (dotted: k)")
        legend(cov_ax, "lower right")
fig.tight_layout(); plt.show()

display(over_n.pivot_table(index=["method", "scenario", "candidates", "prompts"], columns=["alpha", "sources"],
                           values=["coverage", "mean_size"]).round(3))""")

md("""Then against α at N = 500, where every scenario with sources has cells (the headline, 2 among 50
with 1000 pools, beside the 300-pool grids): coverage rises with α while mean |P| grows by about α
(the last, null step admits an unrelated model with probability ≈ α once all sources are in).""")

code("""at_500 = sources[sources.prompts == 500]
lines = [((scenario, method), params, part) for (scenario, method), unit in at_500.groupby(["scenario", "method"])
         for params, part in series(unit, "alpha")]
methods = sorted(at_500.method.unique())
fig, axes = plt.subplots(len(methods), 3, figsize=(15, 3.8 * len(methods)), squeeze=False)
for r, method in enumerate(methods):
    cov_ax, size_ax, extra_ax = axes[r]
    mine = [line for line in lines if line[0][1] == method]
    for i, ((scenario, _), params, part) in enumerate(mine):
        part = part.sort_values("alpha")
        nudge = (i - (len(mine) - 1) / 2) * 0.0012
        name = f"{scenario}: m={part.candidates.iloc[0]}, k={part.sources.iloc[0]}" + \\
            "".join(f", {SHORT[k]}={v:g}" for k, v in params.items() if k not in ("candidates", "sources"))
        kw = dict(color=plt.cm.tab10(i % 10), marker="o")
        with_bars(cov_ax, part.alpha + nudge, part.coverage, part.coverage_lo, part.coverage_hi, label=name, **kw)
        with_bars(size_ax, part.alpha + nudge, part.mean_size - part.sources, part.size_lo - part.sources,
                  part.size_hi - part.sources, label=name, **kw)
        with_bars(extra_ax, part.alpha + nudge, part.extra_rate, part.extra_lo, part.extra_hi, label=name, **kw)
    alphas = np.array([0, 0.11])
    cov_ax.plot(alphas, 1 - alphas, color="grey", ls="--", lw=1, label="1 − α")
    extra_ax.plot(alphas, alphas, color="grey", ls="--", lw=1, label="α")
    size_ax.axhline(0, color="grey", lw=1)
    cov_ax.set(xlim=(0, 0.11), xlabel="α", ylabel="coverage", title=f"{method}: coverage at N = 500")
    size_ax.set(xlim=(0, 0.11), xlabel="α", ylabel="mean |P| − k", title="mean set size minus the number of sources")
    extra_ax.set(xlim=(0, 0.11), xlabel="α", ylabel="Pr(an unrelated model in P)", title="pools with an unrelated member")
    legend(cov_ax, "lower right")
fig.tight_layout(); plt.show()""")

md("""**What it shows.** The guarantee is asymptotic in N. At N = 100 a source is only δ·√N ≈ 2.5 standard
errors nearer than the pool, the minimum over the pool cannot tell it from chance, and coverage is far
below 1 − α (one source: 44% among 10, 21% among 50 at α = 0.05) — worse with more sources (they must all
be found) and with 50 candidates rather than 10 (a larger pool's minimum is lower by chance). From N = 500 on
coverage is at or near 1 − α (5 sources: 94% among 10 and among 50, intervals covering 95%) and the mean size
stays within about α of k; at N ≥ 2000 it is 100% everywhere. The rate of an unrelated member tracks α: the
unrelated models enter only at the null step after the last source.

Two things to read with care. At α = 0.01 the grids use R = 99, so every step's p-value must be the smallest
possible (1/100): with five sequential steps that is strict, and 5 sources among 10 at N = 500 are all found
in only 56% of pools (77% among 50). And 5 sources among 10 is harder than among 50 at small N (mean |P| 0.60
vs 0.97 at N = 100): half the pool are sources, so the pool the nearest one is compared with is itself near.

## 3. Heterogeneous null pools: the paper's equal-means null fails

No source at all, but the unrelated candidates' expected distances differ (μ_i = τ·z_i), as real pools of
unrelated models do. Nothing is related, so a correct test should return an empty set with probability
≥ 1 − α. At α = 0.05: left, Pr(P ≠ ∅) against N for each τ (dashed: α); right, mean |P|.""")

code("""hetero = summary[(summary.kind == "heterogeneous-null") & (summary.alpha == ALPHA)]
hetero = hetero[hetero.groupby(["scenario", "method"]).prompts.transform("nunique") > 1]
fig, axes, fams = panel_rows(hetero, 2)
for r, fam in enumerate(fams):
    for c, (scenario, method, unit) in enumerate(fam):
        rate_ax, size_ax = axes[r, 2 * c], axes[r, 2 * c + 1]
        for params, part in series(unit, "prompts"):
            part = part.sort_values("prompts")
            st = style(params, unit)
            with_bars(rate_ax, part.prompts, part.nonempty_rate, part.nonempty_lo, part.nonempty_hi, label=label(params), **st)
            with_bars(size_ax, part.prompts, part.mean_size, part.size_lo, part.size_hi, label=label(params), **st)
        rate_ax.axhline(ALPHA, color="grey", ls="--", lw=1, label="α")
        rate_ax.set(xscale="log", ylim=(-0.03, 1.03), xlabel="N (prompts)", ylabel=f"Pr(P ≠ ∅) at α = {ALPHA}",
                    title=title(scenario, method, unit))
        size_ax.set(xscale="log", xlabel="N (prompts)", ylabel=f"mean |P| at α = {ALPHA}",
                    ylim=(-0.1, max(1.0, 1.1 * unit.size_hi.max())),
                    title=f"mean set size (the pool holds {'/'.join(map(str, sorted(unit.candidates.unique())))})")
        legend(rate_ax, "upper left")
fig.tight_layout(); plt.show()

display(summary[summary.kind == "heterogeneous-null"].pivot_table(
    index=["method", "scenario", "candidates", "sigma_spread", "prompts"], columns=["alpha", "tau"],
    values="nonempty_rate").map(lambda v: f"{100 * v:.0f}%"))""")

md("""**What it shows.** With τ = 0 the rate stays near α at every N. With any spread of the unrelated means
**the paper-faithful test (`mps`) fails**: it is consistent for the wrong null. The nearest unrelated model
is truly nearer than the pool's average, so with enough prompts the test declares it a source, and the set
keeps growing with N and τ. With 10 candidates, N = 10,000 and a spread of only τ = 0.02σ, an unrelated
model is in the set in 83% of pools (mean |P| 2.1); at τ = 0.05σ in every pool, with 6.7 of the 10 candidates
on average (the sequence can return at most m − 1 = 9). At N = 500, τ = 0.1σ already gives 87%. This is not Monte-Carlo
noise and not a bug in the simulation: the equal-means null is false although nothing is related. Any
method drawn beside it (a `method` column in the CSVs) is read the same way: a rate that stays near the
dashed α line for every τ and N is a test whose level holds on such pools.

## 4. Signal fading with derivation depth

One source among 10 whose advantage shrinks by ρ = 0.6 per derivation step (δ·ρ^depth; the top axis gives
the advantage in σ units). Coverage with its interval (dashed: 1 − α) and mean |P| at α = 0.05, one line per
N.""")

code("""depth = summary[(summary.kind == "depth") & (summary.alpha == ALPHA)]
if depth.empty:
    print("no depth scenario in the results")
else:
    fig, axes, fams = panel_rows(depth, 2)
    for r, fam in enumerate(fams):
        for c, (scenario, method, unit) in enumerate(fam):
            cov_ax, size_ax = axes[r, 2 * c], axes[r, 2 * c + 1]
            for params, part in series(unit, "depth", exclude=("advantage",)):
                part = part.sort_values("depth")
                st = style(params, unit)
                with_bars(cov_ax, part.depth, part.coverage, part.coverage_lo, part.coverage_hi, label=label(params), **st)
                with_bars(size_ax, part.depth, part.mean_size, part.size_lo, part.size_hi, label=label(params), **st)
            cov_ax.axhline(1 - ALPHA, color="grey", ls="--", lw=1, label="1 − α")
            cov_ax.set(ylim=(-0.03, 1.05), xticks=sorted(unit.depth.unique()), xlabel="derivation depth", ylabel=f"coverage at α = {ALPHA}",
                       title=title(scenario, method, unit))
            size_ax.set(xticks=sorted(unit.depth.unique()), xlabel="derivation depth", ylabel=f"mean |P| at α = {ALPHA}", title="mean set size")
            advantage = unit.drop_duplicates("depth").sort_values("depth")
            top = cov_ax.secondary_xaxis("top")
            top.set_xticks(advantage.depth, [f"{a:.3f}" for a in advantage.advantage], fontsize=7)
            top.set_xlabel("advantage δ·ρ^depth (σ)", fontsize=8)
            legend(cov_ax, "lower left")
    fig.tight_layout(); plt.show()
    display(summary[summary.kind == "depth"].pivot_table(index=["method", "scenario", "depth", "advantage"],
                                                          columns=["alpha", "prompts"], values="coverage").round(3))""")

md("""**What it shows.** Each derivation step that keeps 60% of the signal needs about 1/0.6² ≈ 2.8 times as
many prompts for the same power: a grandchild (depth 2) is found in 90% of pools at N = 2000 and in 26% at
N = 500; a child (depth 1) in 100% and 71%; by depth 3–4 the source is rarely found (34% and 10% at N = 2000). When coverage falls, the set
simply shrinks (mean |P| falls below 1): a faded source is missed, it is not replaced by an unrelated model.

## 5. The headline: 2 true sources among 50 candidates at N = 500

The paper reports **96% coverage and a mean set size of 2.1** at α = 0.05 (its N and signal are not known
here; δ was chosen so that coverage lands in that regime — see the coverage-sim README). Every cell with
2 sources among 50 at N = 500 is listed, from every scenario and method.""")

code("""headline = summary[(summary.candidates == 50) & (summary.sources == 2) & (summary.prompts == 500)
                   & (summary.depth == 0)].sort_values(["alpha", "replicates", "method"], ascending=[True, False, True])
rate = lambda v, lo, hi: f"{100 * v:.1f}% [{100 * lo:.1f}, {100 * hi:.1f}]"
table = pd.DataFrame({
    "α": headline.alpha, "method": headline.method, "scenario": headline.scenario,
    "σ log-spread": headline.sigma_spread.map("{:g}".format), "τ": headline.tau.map("{:g}".format),
    "R": headline.permutations.astype(str), "pools": headline.replicates.astype(str),
    "coverage [95% CI]": [rate(*v) for v in zip(headline.coverage, headline.coverage_lo, headline.coverage_hi)],
    "mean |P|": headline.mean_size.map("{:.3f}".format),
    "unrelated member [95% CI]": [rate(*v) for v in zip(headline.extra_rate, headline.extra_lo, headline.extra_hi)],
})
paper = pd.DataFrame([{"α": 0.05, "method": "paper (Nikolić et al.)", "scenario": "reported",
                       "coverage [95% CI]": "96%", "mean |P|": "2.1"}])
table = pd.concat([table, paper], ignore_index=True).sort_values("α", kind="stable").fillna("")
display(table.set_index(["α", "method", "scenario"]))""")

md("""**What it shows.** At α = 0.05 the paper-faithful test covers both sources in 98.0% of 1000 pools
(interval 96.9–98.8%, a little above the paper's 96%, because δ was tuned on coarse pilot runs) with mean
|P| = 2.03, not 2.1. The smaller size is structural, not a matter of δ: once both sources are out, the rest
of the pool is a true null and the next step admits an unrelated model with probability ≈ α (4.8% of pools
here), so mean |P| ≈ k·coverage + α. With equal unrelated means the paper's 2.1 would need about twice as
many unrelated members as the level allows; a spread of the unrelated means (section 3) is one way to get
them. We do not reproduce 2.1.""")

nb = nbf.v4.new_notebook()
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, Path(__file__).resolve().parents[2] / "notebooks" / "coverage-sim.ipynb")
