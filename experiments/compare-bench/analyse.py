"""Accuracy by category, ROC and precision-recall curves with bootstrap bands, for compare-bench.

Reads results/pairs.csv (written by `./pedigree experiment compare-bench`), writes results/accuracy.csv,
results/auc.csv, results/summary.md and the figures results/roc.svg, results/pr.svg, results/scores.svg.
Run: /work/venv/bin/python experiments/compare-bench/analyse.py   (from the repository root)
"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SEED = 20261123
BOOTSTRAPS = 2000
GRID = np.linspace(0, 1, 101)


def mpk_call(label, weak):
    """MPK's label as a verdict; `weak` says what a Weak Match counts as."""
    if not isinstance(label, str) or label.startswith("Insufficient"):
        return "inconclusive"
    if label.startswith("Confirmed") or label.startswith("High-Confidence"):
        return "related"
    if label.startswith("Weak"):
        return weak
    return "unrelated"


def load():
    df = pd.read_csv(RESULTS / "pairs.csv", keep_default_na=False, na_values=[""])
    df["source"] = np.where(df["category"].str.startswith("real-"), "real encoders", "zoo")
    df = df.sort_values(["source", "category", "model_a", "model_b"], ascending=[False, True, True, True]).reset_index(drop=True)
    # No p-value (no unit group could be tested) is no evidence: score 0, like p = 1.
    df["our_score"] = df["neg_log10_p"].fillna(0.0).clip(lower=0.0)
    df["mpk_score"] = df["mpk_identity"].fillna(0.0)
    df["mpk_verdict"] = df["mpk_label"].map(lambda s: mpk_call(s, "related"))
    df["mpk_verdict_weak_unrelated"] = df["mpk_label"].map(lambda s: mpk_call(s, "unrelated"))
    # Related pairs whose weights share no initialisation (a distilled student) cannot be seen in weights.
    df["decidable"] = ~((df["label"] == "related") & (df["shared_init"] == "no")) & (df["note"].fillna("") == "")
    return df


def accuracy(df):
    rows = []
    labelled = df[df["label"] != "unknown"]
    groups = [(c, g) for c, g in labelled.groupby("category", sort=True)]
    groups.append(("ALL labelled", labelled))
    groups.append(("ALL decidable from weights", labelled[labelled["decidable"]]))
    for cat, g in groups:
        rows.append({
            "category": cat, "label": "/".join(sorted(g["label"].unique())), "pairs": len(g),
            "ours_correct": int((g["verdict"] == g["label"]).sum()),
            "ours_inconclusive": int((g["verdict"] == "inconclusive").sum()),
            "ours_errors": int((g["verdict"] == "error").sum()),
            "mpk_correct": int((g["mpk_verdict"] == g["label"]).sum()),
            "mpk_correct_weak_as_unrelated": int((g["mpk_verdict_weak_unrelated"] == g["label"]).sum()),
        })
    out = pd.DataFrame(rows)
    out["ours_accuracy"] = (out["ours_correct"] / out["pairs"]).round(3)
    out["mpk_accuracy"] = (out["mpk_correct"] / out["pairs"]).round(3)
    return out


def roc(y, s):
    """ROC points over every distinct threshold (ties step diagonally), and its area."""
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tp = np.r_[0, np.cumsum(y)[last]]
    fp = np.r_[0, np.cumsum(1 - y)[last]]
    tpr, fpr = tp / max(tp[-1], 1), fp / max(fp[-1], 1)
    return fpr, tpr, float(np.trapezoid(tpr, fpr))


def pr(y, s):
    """Precision-recall points over every distinct threshold, and the average precision."""
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tp = np.cumsum(y)[last]
    fp = np.cumsum(1 - y)[last]
    precision = tp / (tp + fp)
    recall = tp / max(y.sum(), 1)
    ap = float(np.sum(np.diff(np.r_[0, recall]) * precision))
    return np.r_[0, recall], np.r_[precision[0], precision], ap


def band(curves):
    lo, mid, hi = np.percentile(np.array(curves), [2.5, 50, 97.5], axis=0)
    return lo, hi


def curves(df, subset):
    labelled = df[df["label"] != "unknown"]
    if subset == "decidable from weights":
        labelled = labelled[labelled["decidable"]]
    y = (labelled["label"] == "related").to_numpy(int)
    rng = np.random.default_rng(SEED)
    boots = [rng.integers(0, len(y), len(y)) for _ in range(BOOTSTRAPS)]
    out, drawn = [], {}
    for name, col in (("ours (-log10 p)", "our_score"), ("MPK identity score", "mpk_score")):
        s = labelled[col].to_numpy(float)
        fpr, tpr, auc = roc(y, s)
        rec, prec, ap = pr(y, s)
        aucs, aps, roc_grid, pr_grid = [], [], [], []
        for idx in boots:
            yb, sb = y[idx], s[idx]
            if yb.min() == yb.max():
                continue
            f, t, a = roc(yb, sb)
            r, p, q = pr(yb, sb)
            aucs.append(a)
            aps.append(q)
            roc_grid.append(np.interp(GRID, f, t))
            # precision at each recall: the best precision at that recall or beyond (the usual interpolation)
            pmax = np.maximum.accumulate(p[::-1])[::-1]
            pr_grid.append(np.interp(GRID, r, pmax))
        out.append({"score": name, "pairs_used": subset, "pairs": len(y), "related": int(y.sum()), "roc_auc": round(auc, 4),
                    "roc_auc_lo": round(np.percentile(aucs, 2.5), 4), "roc_auc_hi": round(np.percentile(aucs, 97.5), 4),
                    "average_precision": round(ap, 4), "ap_lo": round(np.percentile(aps, 2.5), 4),
                    "ap_hi": round(np.percentile(aps, 97.5), 4), "bootstraps": len(aucs), "seed": SEED})
        drawn[name] = (fpr, tpr, band(roc_grid), rec, prec, band(pr_grid))
    return pd.DataFrame(out), drawn


def draw(drawn, aucs):
    colours = {"ours (-log10 p)": "tab:blue", "MPK identity score": "tab:orange"}
    for kind in ("roc", "pr"):
        fig, ax = plt.subplots(figsize=(5.5, 5))
        for name, (fpr, tpr, rband, rec, prec, pband) in drawn.items():
            row = aucs[aucs["pairs_used"] == "all labelled"].set_index("score").loc[name]
            if kind == "roc":
                ax.fill_between(GRID, *rband, color=colours[name], alpha=0.2, step=None)
                ax.plot(fpr, tpr, color=colours[name],
                        label=f"{name}: AUC {row.roc_auc:.3f} [{row.roc_auc_lo:.3f}, {row.roc_auc_hi:.3f}]")
            else:
                ax.fill_between(GRID, *pband, color=colours[name], alpha=0.2)
                ax.step(rec, prec, where="post", color=colours[name],
                        label=f"{name}: AP {row.average_precision:.3f} [{row.ap_lo:.3f}, {row.ap_hi:.3f}]")
        if kind == "roc":
            ax.plot([0, 1], [0, 1], color="grey", lw=0.8, ls=":")
            ax.set(xlabel="false-positive rate", ylabel="true-positive rate", title="ROC, labelled zoo + real int8 pairs")
        else:
            ax.set(xlabel="recall", ylabel="precision", title="Precision-recall, labelled pairs", ylim=(0, 1.02))
        ax.legend(loc="lower right" if kind == "roc" else "lower left", fontsize=8)
        ax.text(0.01, -0.16, f"shaded: 95% bootstrap band ({BOOTSTRAPS} resamples of pairs, seed {SEED})",
                transform=ax.transAxes, fontsize=7)
        fig.tight_layout()
        fig.savefig(RESULTS / f"{kind}.svg")
        plt.close(fig)


def draw_scores(df):
    fig, axes = plt.subplots(1, 2, figsize=(11, 7), sharey=True)
    cats = sorted(df["category"].unique(), key=lambda c: (c.startswith("real-"), c))
    colour = {"related": "tab:green", "unrelated": "tab:red", "unknown": "tab:grey"}
    rng = np.random.default_rng(SEED)
    for ax, col, title in ((axes[0], "our_score", "ours: -log10 p (capped by the permutation count)"),
                           (axes[1], "mpk_score", "MPK identity score")):
        for i, cat in enumerate(cats):
            g = df[df["category"] == cat]
            ax.scatter(g[col], i + rng.uniform(-0.2, 0.2, len(g)), s=14, c=g["label"].map(colour), alpha=0.8)
        ax.set(title=title)
        ax.grid(axis="x", alpha=0.3)
    axes[1].axvline(0.75, color="grey", ls=":", lw=0.8)
    axes[1].axvline(0.65, color="grey", ls=":", lw=0.8)
    axes[0].set_yticks(range(len(cats)), cats, fontsize=8)
    for label, c in colour.items():
        axes[0].scatter([], [], c=c, label=label)
    axes[0].legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(RESULTS / "scores.svg")
    plt.close(fig)


def markdown(df):
    """A pipe table (pandas' own needs the tabulate package)."""
    cells = [[("" if pd.isna(v) else f"{v:.3g}" if isinstance(v, float) else str(v)) for v in row] for row in df.itertuples(index=False)]
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells])


def main():
    df = load()
    acc = accuracy(df)
    acc.to_csv(RESULTS / "accuracy.csv", index=False)
    aucs, drawn = curves(df, "all labelled")
    aucs = pd.concat([aucs, curves(df, "decidable from weights")[0]], ignore_index=True)
    aucs.to_csv(RESULTS / "auc.csv", index=False)
    draw(drawn, aucs)
    draw_scores(df)
    real = df[df["source"] == "real encoders"][["model_a", "model_b", "label", "category", "verdict", "p_value",
                                                 "units_matched_share", "mpk_identity", "mpk_label"]]
    summary = ["## Accuracy by category", "", markdown(acc), "", "## AUCs (95% bootstrap CI)", "",
               markdown(aucs), "", "## Real encoder pairs", "", markdown(real), ""]
    (RESULTS / "summary.md").write_text("\n".join(summary))
    print("\n".join(summary))


if __name__ == "__main__":
    main()
