"""Writes notebooks/coverage-real.ipynb (cells only; execute it with nbconvert, see notebooks/README.md).

The notebook reads the CSVs under experiments/coverage-real/results/ (tasks.csv, members.csv, summary.csv,
depth.csv) and draws whatever distances and prompt counts they hold.
"""
from pathlib import Path

import nbformat as nbf

cells = []
md = lambda s: cells.append(nbf.v4.new_markdown_cell(s))
code = lambda s: cells.append(nbf.v4.new_code_cell(s))

md("""# Coverage of the MPS test on the real zoo

Figures for `experiments/coverage-real/` (its README says how the CSVs were made and how to regenerate them).
Each of the zoo's tasks is a target, a pool of 14 candidates and a true set (the pool's models related to the
target: ancestor sets intersect). The paper-faithful MPS test is run on the measured m × N distance matrix for
each distance and number of prompts N (the first N prompts of one queried set), and its provenance set P is
read at α ∈ {0.01, 0.05, 0.1}.

**Coverage** = share of tasks with true set ⊆ P (Clopper–Pearson 95% intervals); **extra** = |P \\ true set|,
unrelated models admitted. Merge and distilled targets are shown apart from single-parent ones.""")

code("""from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

%config InlineBackend.figure_formats = ["png"]
plt.rcParams.update({"figure.dpi": 72, "axes.grid": True, "grid.alpha": 0.3, "font.size": 9})
pd.set_option("display.width", 200)
pd.set_option("display.max_colwidth", 120)

RESULTS = Path("..") / "experiments" / "coverage-real" / "results"
tasks = pd.read_csv(RESULTS / "tasks.csv", keep_default_na=False)
members = pd.read_csv(RESULTS / "members.csv", keep_default_na=False)
summary = pd.read_csv(RESULTS / "summary.csv")
depth = pd.read_csv(RESULTS / "depth.csv")
DISTANCES = list(dict.fromkeys(summary["distance"]))
print("distances:", DISTANCES, "| prompts N:", sorted(summary["prompts"].unique()), "| tasks:", tasks["target"].nunique())""")

md("""### Check: the summary agrees with the per-task rows""")

code("""all_rows = summary[summary["target_kind"] == "all"]
for _, s in all_rows.iterrows():
    cell = tasks[(tasks["distance"] == s["distance"]) & (tasks["prompts"] == s["prompts"]) & (tasks["alpha"] == s["alpha"])]
    assert len(cell) == s["tasks"], s
    assert int(cell["covered"].sum()) == s["covered"], s
    assert abs(cell["extra"].mean() - s["mean_extra"]) < 1e-3, s
    assert abs(cell["set_size"].mean() - s["mean_size"]) < 1e-3, s
print(f"{len(all_rows)} summary rows recomputed from tasks.csv: all agree")""")

md("""## Headline: α = 0.05 at the largest N""")

code("""n_max = summary["prompts"].max()
head = summary[(summary["alpha"] == 0.05) & (summary["prompts"] == n_max)]
display(head[["distance", "target_kind", "tasks", "covered", "coverage", "coverage_low", "coverage_high",
              "mean_true_size", "mean_size", "mean_extra", "extra_rate"]].reset_index(drop=True))""")

md("""## Coverage, set size and extra members against N (all tasks)""")

code("""fig, axes = plt.subplots(len(DISTANCES), 3, figsize=(12, 3.2 * len(DISTANCES)), squeeze=False)
for row, d in zip(axes, DISTANCES):
    s = summary[(summary["distance"] == d) & (summary["target_kind"] == "all")]
    for alpha, g in s.groupby("alpha"):
        row[0].errorbar(g["prompts"], g["coverage"], yerr=[g["coverage"] - g["coverage_low"], g["coverage_high"] - g["coverage"]],
                        marker="o", capsize=3, label=f"α = {alpha}")
        row[1].plot(g["prompts"], g["mean_size"], marker="o", label=f"α = {alpha}")
        row[2].plot(g["prompts"], g["mean_extra"], marker="o", label=f"α = {alpha}")
    row[1].axhline(s["mean_true_size"].iloc[0], ls="--", c="grey", label="mean true-set size")
    row[0].set_ylim(-0.05, 1.05)
    for ax, title in zip(row, ["coverage (true set ⊆ P)", "mean |P|", "mean extra |P \\\\ true|"]):
        ax.set_title(f"{d}: {title}")
        ax.set_xlabel("prompts N")
    row[1].legend(fontsize=8)
fig.tight_layout()""")

md("""## By target kind (single-parent, merge, distilled) at α = 0.05""")

code("""kinds = [k for k in dict.fromkeys(summary["target_kind"]) if k != "all"]
fig, axes = plt.subplots(1, 2 * len(DISTANCES), figsize=(4 * 2 * len(DISTANCES), 3.2), squeeze=False)
axes = axes[0]
for i, d in enumerate(DISTANCES):
    s = summary[(summary["distance"] == d) & (summary["alpha"] == 0.05)]
    for k in kinds:
        g = s[s["target_kind"] == k]
        axes[2 * i].plot(g["prompts"], g["coverage"], marker="o", label=f"{k} ({g['tasks'].iloc[0]} tasks)")
        axes[2 * i + 1].plot(g["prompts"], g["mean_extra"], marker="o", label=k)
    axes[2 * i].set_title(f"{d}: coverage, α = 0.05"); axes[2 * i].set_ylim(-0.05, 1.05)
    axes[2 * i + 1].set_title(f"{d}: mean extra, α = 0.05")
    axes[2 * i].legend(fontsize=8)
    for ax in axes[2 * i: 2 * i + 2]:
        ax.set_xlabel("prompts N")
fig.tight_layout()""")

md("""## True members found against derivation distance from the target

Steps = generations up from the target to the nearest common ancestor plus generations down to the member
(a parent is 1, a grandparent or a sibling 2).""")

code("""fig, axes = plt.subplots(1, len(DISTANCES), figsize=(4.5 * len(DISTANCES), 3.2), squeeze=False)
for ax, d in zip(axes[0], DISTANCES):
    s = depth[(depth["distance"] == d) & (depth["prompts"] == n_max)]
    for alpha, g in s.groupby("alpha"):
        ax.errorbar(g["steps"], g["recall"], yerr=[g["recall"] - g["recall_low"], g["recall_high"] - g["recall"]],
                    marker="o", capsize=3, label=f"α = {alpha}")
    ax.set_title(f"{d}, N = {n_max}"); ax.set_xlabel("derivation steps"); ax.set_ylabel("share of true members in P")
    ax.set_ylim(-0.05, 1.05); ax.legend(fontsize=8)
fig.tight_layout()
display(depth[(depth["prompts"] == n_max) & (depth["alpha"] == 0.05)].reset_index(drop=True))""")

md("""## Per task at α = 0.05, largest N: which unrelated models got in""")

code("""t = tasks[(tasks["alpha"] == 0.05) & (tasks["prompts"] == n_max)]
display(t[["distance", "target", "target_kind", "true_size", "set_size", "covered", "extra", "members", "excluded"]].reset_index(drop=True))""")

md("""## Extra members and their growth with N (α = 0.05)""")

code("""display(tasks[tasks["alpha"] == 0.05].pivot_table(index=["distance", "target"], columns="prompts", values="extra"))""")

md("""## Longer runs: every `results-n*` folder (a distance queried with more prompts)

The centred-logits distance centres each model's logits on its mean over the prompts queried, so a run with
400 prompts gives slightly different matrices at N ≤ 200 than the 200-prompt run above.""")

code("""for folder in sorted(RESULTS.parent.glob("results-n*")):
    s = pd.read_csv(folder / "summary.csv")
    s = s[s["target_kind"] == "all"]
    print(folder.name)
    display(s.pivot_table(index=["distance", "prompts"], columns="alpha", values=["coverage", "mean_size", "mean_extra"]))""")

nb = nbf.v4.new_notebook()
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
out = Path(__file__).resolve().parents[2] / "notebooks" / "coverage-real.ipynb"
nbf.write(nb, out)
print(out)
