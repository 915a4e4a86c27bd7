"""The linkage rule of shared/spec/README.md applied to the recorded lineage: two models are linked
when their ancestor sets (each including the model itself) meet. That makes chains transitive and
siblings linked, links a merge to every parent, and does not link two parents through their merge."""
import itertools
import random

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
    if ma["root_config"] == mb["root_config"]:
        return "independent-same-config"
    if ma["architecture"] == mb["architecture"]:
        return "same-architecture"
    return "cross-family"


def all_pairs(models):
    ids = sorted(models)
    return [(a, b, related(models, a, b), category(models, a, b)) for a, b in itertools.combinations(ids, 2)]


def select_pairs(models, seed: int, per_category: int):
    """Every pair of the small categories, a seeded sample of the large ones; about half related."""
    rng = random.Random(seed)
    by_category = {}
    for pair in all_pairs(models):
        by_category.setdefault(pair[3], []).append(pair)
    chosen = []
    for name in sorted(by_category):
        pairs = by_category[name]
        rng.shuffle(pairs)
        chosen.extend(pairs[:per_category])
    positives = [p for p in chosen if p[2]]
    negatives = [p for p in chosen if not p[2]]
    if len(negatives) > len(positives):  # trim the common negatives, never the hard ones
        hard = [p for p in negatives if p[3] in ("shared-data-trap", "independent-same-config")]
        easy = [p for p in negatives if p not in hard]
        negatives = hard + easy[:max(0, len(positives) - len(hard))]
    return sorted(positives + negatives)


def task(models, target: str, pool: list) -> dict:
    return {"target": target, "pool": sorted(pool),
            "true_set": sorted(c for c in pool if related(models, target, c))}
