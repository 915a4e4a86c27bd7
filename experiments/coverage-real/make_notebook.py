"""Writes notebooks/coverage-real.ipynb (cells only; execute it with nbconvert, see notebooks/README.md).

The notebook reads the CSVs under experiments/coverage-real/results/ and results-distribution/ (tasks.csv,
members.csv, summary.csv, breakdown.csv, ranking.csv) and draws whatever methods, distances and prompt counts they hold; then the
same summary for every results-n* folder.
"""
from pathlib import Path

import nbformat as nbf

cells = []
md = lambda s: cells.append(nbf.v4.new_markdown_cell(s))
code = lambda s: cells.append(nbf.v4.new_code_cell(s))

md("""# Provenance-set methods and distances on the real zoo

Figures for `experiments/coverage-real/` (its README says how the CSVs were made and how to regenerate them).
Each of the zoo's 14 tasks is a target, a pool of 14 candidates and a true set (the pool's models related to the
target: ancestor sets intersect). Every method runs on the same measured m × N distance matrix, for each
distance and number of prompts N (the first N prompts of one queried set), and its provenance set P is read at
α ∈ {0.01, 0.05, 0.1}:

- **mps**: the paper's equal-means null (`--method mps`);
- **calibrated**: the calibrated null with the background fitted to the measured candidate-to-candidate
  distances on the same N prompts (what `pedigree set` does by default);
- **calibrated-pool**: the calibrated null with the background from the target's own row only (`set --no-pairwise`).

**Coverage** = share of tasks with true set ⊆ P (Clopper–Pearson 95% intervals); **extra** = |P \\ true set|,
unrelated models admitted.""")

code("""from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

%config InlineBackend.figure_formats = ["png"]
plt.rcParams.update({"figure.dpi": 72, "axes.grid": True, "grid.alpha": 0.3, "font.size": 9})
pd.set_option("display.width", 220)
pd.set_option("display.max_colwidth", 110)
pd.set_option("display.max_rows", 200)

EXPERIMENT = Path("..") / "experiments" / "coverage-real"
# one run per folder: results/ (centred-logits, token, semantic) and results-distribution/ (its candidate-to-candidate
# distances need every model scored on every other's greedy path, so it is run on its own); same prompts and N
FOLDERS = [f for f in [EXPERIMENT / "results", EXPERIMENT / "results-distribution"] if (f / "summary.csv").exists()]

def read(name, **kw):
    return pd.concat([pd.read_csv(f / name, **kw) for f in FOLDERS], ignore_index=True)

tasks = read("tasks.csv", keep_default_na=False)
members = read("members.csv", keep_default_na=False)
summary = read("summary.csv")
breakdown = read("breakdown.csv", keep_default_na=False)
ranking = read("ranking.csv", keep_default_na=False)
METHODS = list(dict.fromkeys(summary["method"]))
DISTANCES = list(dict.fromkeys(summary["distance"]))
n_max = summary["prompts"].max()
print("folders:", [f.name for f in FOLDERS], "| methods:", METHODS, "| distances:", DISTANCES, "| prompts N:", sorted(summary["prompts"].unique()),
      "| tasks:", tasks["target"].nunique())""")

md("""### Check: the summary agrees with the per-task rows""")

code("""all_rows = summary[summary["target_kind"] == "all"]
for _, s in all_rows.iterrows():
    cell = tasks[(tasks["method"] == s["method"]) & (tasks["distance"] == s["distance"]) & (tasks["prompts"] == s["prompts"])
                 & (tasks["alpha"] == s["alpha"])]
    assert len(cell) == s["tasks"], s
    assert int(cell["covered"].sum()) == s["covered"], s
    assert abs(cell["extra"].mean() - s["mean_extra"]) < 1e-3, s
    assert abs(cell["set_size"].mean() - s["mean_size"]) < 1e-3, s
    assert int(cell["extra"].sum()) == s["unrelated_admitted"], s
print(f"{len(all_rows)} summary rows recomputed from tasks.csv: all agree")""")

md("""## Headline: method × distance, α = 0.05, largest N""")

code("""def headline(summary, alpha=0.05):
    n = summary["prompts"].max()
    h = summary[(summary["alpha"] == alpha) & (summary["prompts"] == n) & (summary["target_kind"] == "all")].copy()
    h["coverage [95% CI]"] = [f"{c}/{t} = {v:.0%} [{lo:.0%}, {hi:.0%}]" for c, t, v, lo, hi in
                              zip(h["covered"], h["tasks"], h["coverage"], h["coverage_low"], h["coverage_high"])]
    h["tasks with extra [95% CI]"] = [f"{c}/{t} [{lo:.0%}, {hi:.0%}]" for c, t, lo, hi in
                                      zip(h["tasks_with_extra"], h["tasks"], h["extra_low"], h["extra_high"])]
    h["unrelated admitted"] = [f"{a}/{c} = {a / c:.0%}" for a, c in zip(h["unrelated_admitted"], h["unrelated_compared"])]
    return h[["method", "distance", "prompts", "coverage [95% CI]", "mean_size", "mean_true_size", "mean_extra",
              "tasks with extra [95% CI]", "unrelated admitted"]].reset_index(drop=True)

display(headline(summary))""")

md("""## The figure: coverage and mean extra per method × distance (α = 0.05, largest N)

Bars: coverage with its exact 95% interval (left), mean number of unrelated models admitted (right; the error bar
is ±1 standard error over the 14 tasks).""")

code("""def method_distance_figure(summary, tasks, alpha=0.05):
    n = summary["prompts"].max()
    s = summary[(summary["alpha"] == alpha) & (summary["prompts"] == n) & (summary["target_kind"] == "all")]
    fig, (a, b) = plt.subplots(1, 2, figsize=(12, 3.8))
    width = 0.8 / len(METHODS)
    x = np.arange(len(DISTANCES))
    for k, m in enumerate(METHODS):
        g = s[s["method"] == m].set_index("distance").reindex(DISTANCES)
        a.bar(x + k * width, g["coverage"], width, yerr=[g["coverage"] - g["coverage_low"], g["coverage_high"] - g["coverage"]],
              capsize=3, label=m)
        t = tasks[(tasks["method"] == m) & (tasks["prompts"] == n) & (tasks["alpha"] == alpha)]
        se = t.groupby("distance")["extra"].agg(lambda e: e.std(ddof=1) / np.sqrt(len(e))).reindex(DISTANCES)
        b.bar(x + k * width, g["mean_extra"], width, yerr=se, capsize=3, label=m)
    for ax, title in [(a, "coverage (true set ⊆ P), 95% CI"), (b, "mean extra |P \\\\ true set|")]:
        ax.set_xticks(x + width * (len(METHODS) - 1) / 2, DISTANCES)
        ax.set_title(f"{title}, α = {alpha}, N = {n}")
    a.set_ylim(0, 1.05)
    b.axhline(s["mean_true_size"].iloc[0], ls="--", c="grey", label="mean true-set size")
    b.legend(fontsize=8)
    fig.tight_layout()

method_distance_figure(summary, tasks)""")

md("""## Against N and α (all tasks)""")

code("""fig, axes = plt.subplots(len(DISTANCES), 2, figsize=(11, 3.0 * len(DISTANCES)), squeeze=False)
for row, d in zip(axes, DISTANCES):
    s = summary[(summary["distance"] == d) & (summary["target_kind"] == "all")]
    for m in METHODS:
        for alpha, ls in [(0.01, ":"), (0.05, "-"), (0.1, "--")]:
            g = s[(s["method"] == m) & (s["alpha"] == alpha)]
            kw = dict(marker="o", ls=ls, c=f"C{METHODS.index(m)}", label=f"{m}, α = {alpha}")
            row[0].plot(g["prompts"], g["coverage"], **kw)
            row[1].plot(g["prompts"], g["mean_extra"], **kw)
    row[0].set_ylim(-0.05, 1.05)
    row[0].set_title(f"{d}: coverage"); row[1].set_title(f"{d}: mean extra")
    for ax in row:
        ax.set_xlabel("prompts N")
    row[1].legend(fontsize=7, ncol=3)
fig.tight_layout()""")

md("""## Lightly and heavily derived relatives

Share of true members in P at α = 0.05, largest N, by how heavy the derivation between target and member is
(`derivation`: **copy** = only casts, quantisation, permutation or tampering between them; **light** = 60-step
fine-tunes, LoRA, pruning or layer dropping with healing, vocabulary extension, merges; **heavy** = a
`heavy-derivative` (300 steps on Python at 5× the rate) or a distillation on the path), by relation kind and by
derivation steps (generations up to the nearest common ancestor plus down).""")

code("""b = breakdown[(breakdown["prompts"] == n_max) & (breakdown["alpha"] == 0.05)]
fig, axes = plt.subplots(1, 3, figsize=(16, 3.6))
for ax, by in zip(axes, ["derivation", "relation", "steps"]):
    groups = list(dict.fromkeys(b[b["by"] == by]["group"]))
    x = np.arange(len(groups))
    combos = [(m, d) for d in DISTANCES for m in METHODS]
    width = 0.85 / len(combos)
    for k, (m, d) in enumerate(combos):
        g = b[(b["by"] == by) & (b["method"] == m) & (b["distance"] == d)].set_index("group").reindex(groups)
        ax.bar(x + k * width, g["recall"], width, color=f"C{DISTANCES.index(d)}", alpha=[1.0, 0.6, 0.3][METHODS.index(m) % 3],
               label=f"{d} / {m}")
    ax.set_xticks(x + width * (len(combos) - 1) / 2,
                  [f"{g} ({int(b[(b['by'] == by) & (b['group'] == g)]['members'].iloc[0])})" for g in groups])
    ax.set_title(f"true members in P by {by}"); ax.set_ylim(0, 1.05)
axes[2].legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1.0))
fig.tight_layout()
display(b[b["by"] == "derivation"].pivot_table(index=["distance", "method"], columns="group", values="recall")[["copy", "light", "heavy"]])""")

md("""## Does the nearest candidate belong to the true set? Shared-data traps

`ranking.csv` orders every task's candidates by mean distance. A **trap** is an unrelated candidate fine-tuned on
the target's fine-tuning text: `shared-data-trap` = both in the zoo's `python-heavy` group (children of unrelated
bases trained hard on the same Python text), `same-domain` = otherwise fine-tuned on the same text (licences or
Python). A task's trap kind is `shared-data-trap` when its pool holds one, else `same-domain`. The tables give, per
distance, the tasks whose nearest candidate is a true member, and for each task with a trap the rank of its nearest
true member against its nearest trap of either kind.""")

code("""r = ranking[ranking["prompts"] == n_max]
with_truth = r.groupby(["distance", "target"]).filter(lambda g: g["related"].any())
first = with_truth[with_truth["rank"] == 1]
print("tasks with a true set whose nearest candidate is a true member (N = %d):" % n_max)
display(first.groupby("distance")["related"].agg(["sum", "count"]).rename(columns={"sum": "true first", "count": "tasks"}).reindex(DISTANCES))

def trap_table(r):
    rows = []
    for (d, t), g in r.groupby(["distance", "target"], sort=False):
        traps = g[g["trap"] != ""]
        if traps.empty or not g["related"].any():
            continue
        nt = g[g["related"]].iloc[0]
        tr = traps.iloc[0]
        kind = "shared-data-trap" if (traps["trap"] == "shared-data-trap").any() else "same-domain"
        rows.append({"distance": d, "target": t, "trap kind": kind,
                     "nearest true (rank, mean)": f"{nt['candidate']} ({nt['rank']}, {nt['mean_distance']:.3f})",
                     "nearest trap (rank, mean)": f"{tr['candidate']} ({tr['rank']}, {tr['mean_distance']:.3f})",
                     "true before trap": nt["rank"] < tr["rank"]})
    return pd.DataFrame(rows)

traps = trap_table(r)
display(traps.pivot_table(index="distance", columns="trap kind", values="true before trap", aggfunc=["sum", "count"]))
display(traps.sort_values(["trap kind", "target", "distance"]).reset_index(drop=True))""")

md("""### What the sets do on the shared-data-trap tasks (α = 0.05, largest N)""")

code("""trap_targets = sorted(set(traps[traps["trap kind"] == "shared-data-trap"]["target"]))
t = tasks[(tasks["alpha"] == 0.05) & (tasks["prompts"] == n_max) & tasks["target"].isin(trap_targets)]
display(t[["target", "distance", "method", "true_size", "covered", "extra", "members"]].sort_values(["target", "distance", "method"])
        .reset_index(drop=True))""")

md("""## Per task at α = 0.05, largest N: set size / covered / extra""")

code("""t = tasks[(tasks["alpha"] == 0.05) & (tasks["prompts"] == n_max)].copy()
t["cell"] = [f"{'✓' if c else '✗'} +{e}" for c, e in zip(t["covered"], t["extra"])]
display(t.pivot_table(index=["target", "true_size"], columns=["distance", "method"], values="cell", aggfunc="first"))""")

md("""## Longer runs: every `results-n*` folder""")

code("""for folder in sorted(EXPERIMENT.glob("results-n*")):
    s = pd.read_csv(folder / "summary.csv")
    t = pd.read_csv(folder / "tasks.csv", keep_default_na=False)
    print(folder.name)
    display(headline(s))
    display(s[(s["target_kind"] == "all") & (s["alpha"] == 0.05)].pivot_table(index=["distance", "method"], columns="prompts",
                                                                             values=["coverage", "mean_extra"]))""")

nb = nbf.v4.new_notebook()
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
out = Path(__file__).resolve().parents[2] / "notebooks" / "coverage-real.ipynb"
nbf.write(nb, out)
print(out)
