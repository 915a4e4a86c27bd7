"""The linkage rule of shared/spec/README.md applied to the recorded lineage: two models are linked
when their ancestor sets (each including the model itself) meet. That makes chains transitive and
siblings linked, links a merge to every parent, and does not link two parents through their merge."""
import csv
import itertools
import json
import random
from pathlib import Path

DIRECT_CATEGORY = {"finetune": "finetune", "adapter": "lora-merged", "quantized": "quantized", "cast": "cast",
                   "pruned": "pruned", "layer-dropped": "layer-dropped", "vocab-extended": "vocab-extended",
                   "distilled": "distilled", "permuted": "permuted", "merge": "merge", "tampered": "tampered",
                   "reinit-embeddings": "reinit-embeddings", "format-conversion": "format-conversion",
                   "continued-pretraining": "heavy-derivative"}


def ancestors(models: dict, model_id: str) -> set:
    seen, todo = set(), [model_id]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(models[current]["parents"])
    return seen


def related(models, a, b) -> bool:
    return bool(ancestors(models, a) & ancestors(models, b))


def category(models, a, b) -> str:
    ma, mb = models[a], models[b]
    anc_a, anc_b = ancestors(models, a), ancestors(models, b)
    if anc_a & anc_b:
        if b in ma["parents"] or a in mb["parents"]:
            child = ma if b in ma["parents"] else mb
            if child.get("hard_case") == "heavy-derivative":
                return "heavy-derivative"
            return DIRECT_CATEGORY[child["relation"]]
        if a in anc_b or b in anc_a:
            return "chain"
        return "sibling"
    if ma.get("shared_data_group") and ma.get("shared_data_group") == mb.get("shared_data_group"):
        return "shared-data-trap"
    if ma["config_group"] == mb["config_group"]:
        return "independent-same-config"
    if ma["architecture"] == mb["architecture"]:
        return "same-architecture"
    return "cross-family"


def all_pairs(models):
    ids = sorted(models)
    return [(a, b, related(models, a, b), category(models, a, b)) for a, b in itertools.combinations(ids, 2)]


def select_pairs(models, seed: int, per_category: int):
    """A seeded sample of at most `per_category` pairs of every related category and of the hard
    unrelated ones (shared-data traps, same-config twins), then easy unrelated pairs (same
    architecture, cross-family) until about half the pairs are unrelated."""
    rng = random.Random(seed)
    by_category = {}
    for pair in all_pairs(models):
        by_category.setdefault(pair[3], []).append(pair)
    for pairs in by_category.values():
        rng.shuffle(pairs)
    easy_names = ("same-architecture", "cross-family")
    chosen = [p for name in sorted(by_category) if name not in easy_names for p in by_category[name][:per_category]]
    missing = sum(1 for p in chosen if p[2]) - sum(1 for p in chosen if not p[2])
    easy = [by_category.get(name, []) for name in easy_names]
    while missing > 0 and any(easy):  # alternate between the easy categories
        for pool in easy:
            if pool and missing > 0:
                chosen.append(pool.pop(0))
                missing -= 1
    return sorted(chosen)


def task(models, target: str, pool: list) -> dict:
    return {"target": target, "pool": sorted(pool),
            "true_set": sorted(c for c in pool if related(models, target, c))}


def make_tasks(models, profile) -> list:
    """MPS tasks over the causal LMs that have an ONNX export. Explicit pools (fast profile, "all" =
    every other causal model), or for each listed target: its parents and root first, a few other
    relatives, shared-data traps and same-config twins, then unrelated models up to the pool size;
    plus one task whose pool holds no relative of its target."""
    causal = sorted(m for m, r in models.items() if r.get("onnx"))
    if "tasks" in profile:
        return [task(models, t["target"], [c for c in causal if c != t["target"]] if t["pool"] == "all" else t["pool"])
                for t in profile["tasks"]]
    out = []
    size = profile["task_pool_size"]
    for number, target in enumerate(profile["task_targets"]):
        rng = random.Random(1000 + number)
        record = models[target]
        relatives = [c for c in causal if c != target and related(models, target, c)]
        first = list(dict.fromkeys(c for c in record["parents"] + record["roots"] if c in relatives))
        rest = [c for c in relatives if c not in first]
        rng.shuffle(rest)
        others = [c for c in causal if not related(models, target, c)]
        traps = [c for c in others if category(models, target, c) == "shared-data-trap"]
        twins = [c for c in others if category(models, target, c) == "independent-same-config"]
        rng.shuffle(traps)
        rng.shuffle(twins)
        hard = (traps[:2] + twins)[:4]
        easy = [c for c in others if c not in hard]
        rng.shuffle(easy)
        pool = (first + rest)[:max(3, len(first))] + hard
        pool += easy[:size - len(pool)]
        out.append(task(models, target, pool))
    target = profile["null_task_target"]
    pool = [c for c in causal if not related(models, target, c)]
    random.Random(99).shuffle(pool)
    out.append(task(models, target, pool[:size]))
    return out


def write_labels(out: Path, models: dict, profile: dict):
    """pairs.csv and tasks.json, from the model records alone (so `python -m zoo.relabel` can redo
    them from lineage.json without training anything)."""
    with open(out / "pairs.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["model_a", "model_b", "related", "category"])
        for a, b, rel, cat in select_pairs(models, seed=17, per_category=profile["pair_sample"]):
            writer.writerow([a, b, str(rel).lower(), cat])
    (out / "tasks.json").write_text(json.dumps(make_tasks(models, profile), indent=1) + "\n")
