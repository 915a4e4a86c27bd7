"""Writes notebooks/zoo.ipynb (cells only; execute it with nbconvert, see notebooks/README.md)."""
from pathlib import Path

import nbformat as nbf

cells = []
md = lambda s: cells.append(nbf.v4.new_markdown_cell(s))
code = lambda s: cells.append(nbf.v4.new_code_cell(s))

md("""# The pedigree model zoo

Tiny transformer models with **known lineage**, made by `experiments/zoo/` (see its README for the one
command that regenerates them). This notebook reads only the small committed result files under
`experiments/zoo/results/<profile>/` — `lineage.json`, `losses.csv`, `pairs.csv`, `tasks.json`, `checks.csv` —
so it runs without the models themselves.

Profiles: `fast` is the committed fixture set (`src/test/resources/zoo/`), `full` the regenerated zoo
(`experiments/zoo/build/`). Linkage rule (shared/spec/README.md): two models are related when their
ancestor sets meet — chains are transitive, siblings are linked, a merge is linked to every parent.""")

code("""import json
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 200)
root = Path("..") / "experiments" / "zoo" / "results"
profiles = [p for p in ("full", "fast") if (root / p / "lineage.json").exists()]
print("profiles with results:", profiles)

def load(profile):
    folder = root / profile
    lineage = json.loads((folder / "lineage.json").read_text())
    models = pd.DataFrame(lineage["models"]).set_index("id", drop=False)
    return (lineage, models, pd.read_csv(folder / "losses.csv"), pd.read_csv(folder / "pairs.csv"),
            json.loads((folder / "tasks.json").read_text()), pd.read_csv(folder / "checks.csv"))""")

md("## What each model is")
code("""def describe(models):
    table = pd.DataFrame({
        "arch": models["architecture"],
        "hidden/layers/vocab": models["config"].map(lambda c: f"{c['hidden']}/{c['layers']}/{c['vocab']}"),
        "parents": models["parents"].map(lambda p: ", ".join(p) or "-"),
        "relation": models["relation"],
        "hard case": models["hard_case"].fillna(""),
        "steps": models["steps"], "lr": models["lr"],
        "card": models["declared"].map(lambda d: d["card_status"] + ("" if d["card_truthful"] else " (lie/omission)")),
        "eval loss man/lic/py": models["eval_loss"].map(lambda e: f"{e['man']:.2f}/{e['licences']:.2f}/{e['python']:.2f}"),
    })
    return table

for profile in profiles:
    lineage, models, *_ = load(profile)
    print(f"== {profile}: {len(models)} models; corpora:",
          {k: (v['files'], v['chars']) for k, v in lineage['corpora'].items()})
    display(describe(models))""")

md("""## Lineage trees

One panel per independent root (a base trained from scratch). Depth runs left to right; a merge has an
edge from each parent. Grey text under a node is how it was made; red names mark model cards that lie
about or omit the model's origin.""")
code("""def depth(models, node, memo):
    if node not in memo:
        parents = models.loc[node, "parents"]
        memo[node] = 0 if not parents else 1 + max(depth(models, p, memo) for p in parents)
    return memo[node]

def draw_forest(models, title):
    children = {m: [] for m in models.index}
    for m, parents in models["parents"].items():
        for p in parents:
            children[p].append(m)
    roots = [m for m in models.index if not models.loc[m, "parents"]]
    sizes = []
    for r in roots:
        seen, todo = set(), [r]
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n); todo.extend(children[n])
        sizes.append(len(seen))
    fig, axes = plt.subplots(len(roots), 1, figsize=(15, sum(0.42 * s + 0.9 for s in sizes)),
                             gridspec_kw={"height_ratios": [s + 1 for s in sizes]}, squeeze=False)
    memo = {}
    widest = max(depth(models, m, memo) for m in models.index)
    for ax, r in zip(axes[:, 0], roots):
        order, todo, seen = [], [r], set()
        while todo:  # depth-first so a subtree stays together
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n); order.append(n)
            todo.extend(sorted(children[n], reverse=True))
        y = {n: -i for i, n in enumerate(order)}
        x = {n: depth(models, n, memo) for n in order}
        for n in order:
            for p in models.loc[n, "parents"]:
                if p in y:
                    ax.annotate("", xy=(x[n], y[n]), xytext=(x[p], y[p]),
                                arrowprops=dict(arrowstyle="->", color="#888", lw=1,
                                                connectionstyle="angle,angleA=0,angleB=90,rad=0"))
        for n in order:
            row = models.loc[n]
            lie = not row["declared"]["card_truthful"]
            ax.plot(x[n], y[n], "o", color={"none": "#1f77b4"}.get(row["relation"], "#2ca02c"), ms=7)
            label = f" {n}  [{row['relation']}{', ' + row['hard_case'] if isinstance(row['hard_case'], str) else ''}]"
            ax.text(x[n] + 0.05, y[n] + 0.12, label, fontsize=8.5, color="#c00" if lie else "black", va="center")
        ax.set_xlim(-0.3, widest + 2.6)
        ax.set_ylim(min(y.values()) - 0.7, 0.7)
        ax.axis("off")
        ax.set_title(f"{r}  ({models.loc[r, 'architecture']}, {len(order)} models)", loc="left", fontsize=10)
    fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    plt.show()

for profile in profiles:
    _, models, *_ = load(profile)
    draw_forest(models, f"lineage ({profile})")""")

md("""## Training losses

Bases train for many steps at a high learning rate; children train briefly at a tenth of it (light
fine-tunes) or long on the Python domain (heavy derivatives, the hard cases). Losses are on the model's own
training domain, so a fine-tune onto a new domain starts high.""")
code("""for profile in profiles:
    lineage, models, losses, *_ = load(profile)
    bases = [m for m in models.index if models.loc[m, "relation"] == "none"]
    trained_children = [m for m in losses["model"].unique() if m not in bases]
    fig, axes = plt.subplots(1, 2, figsize=(15, 4.5))
    for m in bases:
        part = losses[losses["model"] == m]
        axes[0].plot(part["step"], part["loss"], label=m, lw=1)
    axes[0].set(title=f"bases ({profile})", xlabel="step", ylabel="training loss"); axes[0].legend(fontsize=8)
    for m in trained_children:
        part = losses[losses["model"] == m]
        axes[1].plot(part["step"], part["loss"], label=f"{m} ({models.loc[m, 'data']})", lw=1)
    axes[1].set(title=f"children ({profile})", xlabel="step", ylabel="training loss")
    axes[1].legend(fontsize=7, ncol=2)
    fig.tight_layout(); plt.show()""")

md("""## Evaluation loss by domain

Mean next-token loss on held-out windows of each domain (the last 5% of each corpus). The shared-data
traps show here: children of unrelated bases trained hard on the same Python text end up with nearly the
same Python loss — their outputs converge although their weights share no origin.""")
code("""for profile in profiles:
    _, models, *_ = load(profile)
    causal = models[models["format"] == "hf-safetensors"]
    ev = pd.DataFrame(causal["eval_loss"].tolist(), index=causal.index)
    ax = ev.plot.barh(figsize=(10, 0.28 * len(ev) + 1.5), width=0.8)
    ax.invert_yaxis(); ax.set(title=f"held-out loss per domain ({profile})", xlabel="loss")
    plt.tight_layout(); plt.show()""")

md("## Labelled pairs and MPS tasks")
code("""for profile in profiles:
    _, models, _, pairs, tasks, checks = load(profile)
    counts = pairs.groupby(["related", "category"]).size().rename("pairs").reset_index()
    print(f"== {profile}: {len(pairs)} pairs, {pairs['related'].sum()} related")
    display(counts)
    display(pd.DataFrame([{"target": t["target"], "pool": len(t["pool"]), "true set": ", ".join(t["true_set"]) or "(empty)"}
                          for t in tasks]))""")

md("""## Output agreement and the shared-data trap

`logit-agreement.csv` (written by `python -m zoo.probe`): for every labelled pair whose models share a
tokenizer, next-token log-probabilities on held-out man-page and Python windows — their raw Pearson
correlation, the correlation after removing each model's prompt-independent part (its mean
log-probability vector over the windows), and top-1 agreement. The shared-data trap pair (children of
two unrelated bases, both trained hard on the same Python text) is drawn as a star.""")
code("""for profile in profiles:
    path = root / profile / "logit-agreement.csv"
    if not path.exists():
        continue
    agreement = pd.read_csv(path)
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8), sharey=True)
    for ax, column in zip(axes, ["raw_logprob_corr", "centered_logprob_corr", "top1_agreement"]):
        for (related, category), part in agreement[agreement["domain"] == "python"].groupby(["related", "category"]):
            marker = "*" if category == "shared-data-trap" else ("o" if related else "x")
            ax.scatter(part[column], [category] * len(part), marker=marker, s=80 if marker == "*" else 25,
                       color="#2ca02c" if related else "#d62728")
        ax.set(title=f"{column} (python windows, {profile})")
        ax.grid(alpha=0.3)
    fig.tight_layout(); plt.show()
    summary = agreement.pivot_table(index=["related", "category"], columns="domain",
                                    values=["raw_logprob_corr", "centered_logprob_corr", "top1_agreement"],
                                    aggfunc="median").round(3)
    display(summary)""")

md("""## Checks recorded by the build

Exported ONNX graphs against torch (max |logit difference| on a padded batch of another shape than the
trace), permuted copies against their parent (same function), and GGUF files read back with gguf-py
against the torch weights (the F16 / Q8_0 rounding error).""")
code("""for profile in profiles:
    *_, checks = load(profile)
    display(checks.groupby("check")["value"].agg(["count", "max"]))""")

nb = nbf.v4.new_notebook()
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, Path(__file__).resolve().parents[2] / "notebooks" / "zoo.ipynb")
