"""Writes notebooks/compare-bench.ipynb (cells only; execute it with nbconvert, see notebooks/README.md)."""
from pathlib import Path

import nbformat as nbf

cells = []
md = lambda s: cells.append(nbf.v4.new_markdown_cell(s))
code = lambda s: cells.append(nbf.v4.new_code_cell(s))

md("""# compare-bench: every labelled zoo pair and the real encoders through `compare`

Reads only the committed `experiments/compare-bench/results/pairs.csv` (one row per pair, written by
`./pedigree experiment compare-bench`, see that folder's README) and uses the same functions as
`experiments/compare-bench/analyse.py`, so the numbers here are the README's.

Our score is −log10 of the combined permutation p-value (its floor is set by the 999 relabellings per
unit group and the number of groups); MPK's is its identity score (weighted EAS, NLF, LEP, END, WVC).
Our *verdict* also needs an agreeing unit group; MPK's *label* also says "Confirmed Match" whenever
the metadata fingerprints match at tier ≤ 2, whatever the weights say.""")

code("""import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path("..") / "experiments" / "compare-bench"))
import analyse

pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 200)
df = analyse.load()
print(len(df), "pairs:", df.groupby(["source", "label"]).size().to_dict())""")

md("## Accuracy by category (MPK: Confirmed / High-Confidence / Weak → related, Not Matched → unrelated)")
code("""acc = analyse.accuracy(df)
acc""")

md("""## Score distributions by category
Green related, red unrelated, grey unknown (the real encoder pairs other than the int8 twins).
Dotted lines: MPK's Weak (0.65) and High-Confidence (0.75) thresholds.""")
code("""cats = sorted(df["category"].unique(), key=lambda c: (c.startswith("real-"), c))
colour = {"related": "tab:green", "unrelated": "tab:red", "unknown": "tab:grey"}
rng = np.random.default_rng(analyse.SEED)
fig, axes = plt.subplots(1, 2, figsize=(13, 8), sharey=True)
for ax, col, title in ((axes[0], "our_score", "ours: -log10 p"), (axes[1], "mpk_score", "MPK identity score")):
    for i, cat in enumerate(cats):
        g = df[df["category"] == cat]
        ax.scatter(g[col], i + rng.uniform(-0.2, 0.2, len(g)), s=16, c=g["label"].map(colour), alpha=0.8)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
axes[1].axvline(0.65, color="grey", ls=":")
axes[1].axvline(0.75, color="grey", ls=":")
axes[0].set_yticks(range(len(cats)), cats)
plt.tight_layout()
plt.show()""")

md("""## ROC and precision–recall, with 95% bootstrap bands
Labelled pairs only (zoo + the real int8 twins); bootstrap over pairs, seeded. The second block of
rows drops the related pairs that share no initialisation in the zoo's lineage (the distilled student;
the two-line merge against the line it did not start from).""")
code("""aucs, drawn = analyse.curves(df, "all labelled")
aucs = pd.concat([aucs, analyse.curves(df, "decidable from weights")[0]], ignore_index=True)
display(aucs)
fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 5))
for (name, (fpr, tpr, rband, rec, prec, pband)), c in zip(drawn.items(), ("tab:blue", "tab:orange")):
    a1.fill_between(analyse.GRID, *rband, color=c, alpha=0.2)
    a1.plot(fpr, tpr, color=c, label=name)
    a2.fill_between(analyse.GRID, *pband, color=c, alpha=0.2)
    a2.step(rec, prec, where="post", color=c, label=name)
a1.plot([0, 1], [0, 1], ":", color="grey")
a1.set(xlabel="false-positive rate", ylabel="true-positive rate", title="ROC")
a2.set(xlabel="recall", ylabel="precision", title="precision-recall", ylim=(0, 1.02))
a1.legend(); a2.legend()
plt.show()""")

md("""## The pairs each method gets wrong
Ours: verdict ≠ label (inconclusive counts as wrong). MPK: label mapped as above.""")
code("""lab = df[df["label"] != "unknown"]
cols = ["model_a", "model_b", "label", "category", "shared_init", "verdict", "p_value", "units_matched_share", "mpk_identity", "mpk_label", "note"]
print("ours wrong or inconclusive:")
display(lab[lab["verdict"] != lab["label"]][cols])
print("MPK wrong:")
display(lab[lab["mpk_verdict"] != lab["label"]][cols])""")

md("""## The real encoders, all pairs
Only the int8 twins have a known answer. The others are `unknown`: a different language or vocabulary
does not prove independent weights (a model can be re-trained on a new tokenizer from another's
initialisation), and a shared language does not prove a shared one.""")
code("""real = df[df["source"] == "real encoders"]
display(real[["model_a", "model_b", "label", "category", "verdict", "p_value", "units_matched_share", "groups_agreeing",
              "groups_tested", "mpk_identity", "mpk_label", "wall_s", "process_cpu_s"]])
names = sorted(set(real["model_a"]) | set(real["model_b"]))
if len(real):
    fig, axes = plt.subplots(1, 2, figsize=(14, 6))
    for ax, col, title in ((axes[0], "our_score", "ours: -log10 p"), (axes[1], "mpk_score", "MPK identity score")):
        m = pd.DataFrame(np.nan, index=names, columns=names)
        for r in real.itertuples():
            m.loc[r.model_a, r.model_b] = m.loc[r.model_b, r.model_a] = getattr(r, col)
        im = ax.imshow(m.to_numpy(float), cmap="viridis")
        ax.set_xticks(range(len(names)), names, rotation=70, fontsize=8)
        ax.set_yticks(range(len(names)), names, fontsize=8)
        ax.set_title(title + " (blank: not run)")
        plt.colorbar(im, ax=ax, shrink=0.7)
    plt.tight_layout()
    plt.show()""")

nb = nbf.v4.new_notebook()
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
out = Path(__file__).resolve().parents[2] / "notebooks" / "compare-bench.ipynb"
nbf.write(nb, out)
print("wrote", out)
