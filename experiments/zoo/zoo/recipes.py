"""What each profile builds. `fast` is the committed fixture set; `full` is the regenerated zoo.

Budgets follow the world: a base trains for S steps at learning rate L; light children train for
<= 10% of S at L/10; heavy derivatives (labelled hard cases) train long on the new domain."""

TINY = dict(hidden=32, layers=2, heads=4, kv_heads=2, intermediate=64)
TINY_STUDENT = dict(hidden=48, layers=1, heads=4, kv_heads=2, intermediate=96)
TINY_GPT2 = dict(hidden=32, layers=2, heads=4, intermediate=128)

SMALL = dict(hidden=64, layers=4, heads=4, kv_heads=2, intermediate=192)
SMALL_QWEN = dict(hidden=96, layers=3, heads=6, kv_heads=2, intermediate=256)
SMALL_MISTRAL = dict(hidden=64, layers=4, heads=4, kv_heads=1, intermediate=224)
SMALL_STUDENT = dict(hidden=48, layers=2, heads=4, kv_heads=2, intermediate=128)
SMALL_GPT2 = dict(hidden=64, layers=4, heads=4, intermediate=256)
SMALL_BERT = dict(hidden=64, layers=4, heads=4, intermediate=256)


def honest(relation):
    return {"status": "honest", "relation": relation}


MISSING = {"status": "missing"}


def wrong(base_model, relation=None):
    return {"status": "wrong", "base_model": base_model, "relation": relation}


def fast():
    S, L = 400, 3e-3
    light = dict(steps=30, lr=3e-4)
    heavy = dict(steps=200, lr=1e-3, data="python", hard_case="heavy-derivative", shared_data_group="python-heavy")
    return {
        "name": "fast", "corpus_scale": 0.25, "batch": 8, "seq": 64, "log_every": 2, "pair_sample": 20,
        "tokenizers": {"bpe-512": dict(kind="bpe", vocab=512)},
        "models": [
            dict(id="tiny-llama-a", op="base", arch="llama", shape=TINY, tokenizer="bpe-512", data="man", steps=S, lr=L,
                 seed=101, card=MISSING, gguf=["F16", "Q8_0"]),
            dict(id="tiny-llama-b", op="base", arch="llama", shape=TINY, tokenizer="bpe-512", data="man", steps=S, lr=L,
                 seed=202, card=MISSING, note="same config, tokenizer and data as tiny-llama-a, other seed: independent"),
            dict(id="tiny-llama-a-ft", op="finetune", parents=["tiny-llama-a"], data="licences", seed=111, card=honest("finetune"), **light),
            dict(id="tiny-llama-a-perm", op="permute", parents=["tiny-llama-a"], seed=112, card=MISSING),
            dict(id="tiny-llama-a-int8", op="int8", parents=["tiny-llama-a"], card=honest("quantized")),
            dict(id="tiny-llama-a-bf16", op="cast", dtype="bfloat16", parents=["tiny-llama-a"], card=honest("quantized")),
            dict(id="tiny-llama-a-ft-sharded-renamed", op="tamper_names", parents=["tiny-llama-a-ft"], shard="48KB",
                 card=wrong([])),
            dict(id="tiny-llama-a-distilled", op="distill", parents=["tiny-llama-a"], arch="llama", shape=TINY_STUDENT,
                 data="man", steps=200, lr=L, seed=113, card=wrong(["tiny-llama-b"], "finetune")),
            dict(id="tiny-llama-a-py-heavy", op="finetune", parents=["tiny-llama-a"], seed=114, card=MISSING, **heavy),
            dict(id="tiny-llama-b-py-heavy", op="finetune", parents=["tiny-llama-b"], seed=214, card=honest("finetune"), **heavy),
            dict(id="tiny-gpt2-a", op="base", arch="gpt2", shape=TINY_GPT2, tokenizer="bpe-512", data="man", steps=S, lr=L,
                 seed=301, card=MISSING),
            dict(id="tiny-gpt2-a-ft", op="finetune", parents=["tiny-gpt2-a"], data="licences", seed=311, card=honest("finetune"), **light),
        ],
        "tasks": [
            dict(target="tiny-llama-a-ft", pool=["tiny-llama-a", "tiny-llama-b", "tiny-llama-b-py-heavy", "tiny-gpt2-a",
                                                 "tiny-gpt2-a-ft"]),
            dict(target="tiny-llama-a-distilled", pool=["tiny-llama-a", "tiny-llama-b", "tiny-llama-b-py-heavy",
                                                        "tiny-gpt2-a", "tiny-gpt2-a-ft"]),
            dict(target="tiny-llama-a-py-heavy", pool=["tiny-llama-a", "tiny-llama-b", "tiny-llama-b-py-heavy",
                                                       "tiny-gpt2-a", "tiny-gpt2-a-ft"]),
            dict(target="tiny-gpt2-a-ft", pool=["tiny-llama-a", "tiny-llama-b", "tiny-llama-a-ft", "tiny-llama-b-py-heavy",
                                                "tiny-llama-a-distilled"]),
            # every other causal fixture as a candidate (pool of 11, many relatives, the trap and the twin)
            dict(target="tiny-llama-a-ft", pool="all"),
            dict(target="tiny-llama-b-py-heavy", pool="all"),
        ],
    }


def full():
    S, L = 800, 2e-3
    light = dict(steps=60, lr=2e-4)            # 7.5% of the base's steps, a tenth of its learning rate
    heavy = dict(steps=300, lr=1e-3, data="python", hard_case="heavy-derivative", shared_data_group="python-heavy")
    base = dict(op="base", data="man", steps=S, lr=L)
    models = [
        # bases; llama and gpt2 twice (same config, tokenizer and data, other seed): the hard negatives
        dict(id="llama-a", arch="llama", shape=SMALL, tokenizer="bpe-2048", seed=1001, card=MISSING, gguf=["F16", "Q8_0"], **base),
        dict(id="llama-b", arch="llama", shape=SMALL, tokenizer="bpe-2048", seed=1002, card=MISSING, **base),
        dict(id="qwen2-a", arch="qwen2", shape=SMALL_QWEN, tokenizer="bpe-2048", seed=2001, card=MISSING, **base),
        dict(id="mistral-a", arch="mistral", shape=SMALL_MISTRAL, tokenizer="bpe-2048", seed=3001, card=MISSING, **base),
        dict(id="gpt2-a", arch="gpt2", shape=SMALL_GPT2, tokenizer="bpe-1536", seed=4001, card=MISSING, **base),
        dict(id="gpt2-b", arch="gpt2", shape=SMALL_GPT2, tokenizer="bpe-1536", seed=4002, card=MISSING, **base),
        dict(id="bert-a", arch="bert", shape=SMALL_BERT, tokenizer="wordpiece-2048", seed=5001, card=MISSING,
             **{**base, "steps": 600}),
        # llama-a's family: every derivation kind
        dict(id="llama-a-ft-lic", op="finetune", parents=["llama-a"], data="licences", seed=1101, card=honest("finetune"),
             gguf=["Q8_0"], **light),
        dict(id="llama-a-ft-py", op="finetune", parents=["llama-a"], data="python", seed=1102, card=honest("finetune"), **light),
        dict(id="llama-a-ft-lic-ft-py", op="finetune", parents=["llama-a-ft-lic"], data="python", seed=1103,
             card=wrong(["llama-a"], "finetune"), **light),
        dict(id="llama-a-ft-lic-ft-py-ft-man", op="finetune", parents=["llama-a-ft-lic-ft-py"], data="man", seed=1104,
             card=honest("finetune"), **light),
        dict(id="llama-a-lora-lic", op="lora", parents=["llama-a"], data="licences", seed=1105, steps=60, lr=1e-3,
             rank=8, card=honest("adapter")),
        dict(id="llama-a-fp16", op="cast", dtype="float16", parents=["llama-a"], card=honest("quantized")),
        dict(id="llama-a-bf16", op="cast", dtype="bfloat16", parents=["llama-a"], card=MISSING),
        dict(id="llama-a-int8", op="int8", parents=["llama-a"], card=honest("quantized")),
        dict(id="llama-a-int4", op="int4", parents=["llama-a"], card=wrong(["llama-b"], "quantized")),
        dict(id="llama-a-pruned", op="prune", parents=["llama-a"], sparsity=0.5, data="man", seed=1106, steps=60, lr=2e-4,
             card=honest("finetune")),
        dict(id="llama-a-dropped", op="drop", parents=["llama-a"], drop=[2], data="man", seed=1107, steps=60, lr=2e-4,
             card=MISSING),
        dict(id="llama-a-vocab-ext", op="vocab_extend", parents=["llama-a"], new_tokens=64, data="python", seed=1108,
             steps=80, lr=5e-4, card=honest("finetune")),
        dict(id="llama-a-reinit-emb", op="reinit_embeddings", parents=["llama-a"], data="man", seed=1109, steps=80, lr=1e-3,
             card=MISSING, hard_case="reinitialised-embeddings"),
        dict(id="llama-a-distilled-qwen2", op="distill", parents=["llama-a"], arch="qwen2", shape=SMALL_STUDENT, data="man",
             steps=400, lr=L, seed=1110, card=wrong(["qwen2-a"], "finetune")),
        dict(id="llama-a-perm", op="permute", parents=["llama-a"], seed=1111, card=MISSING),
        dict(id="llama-a-merge", op="merge", parents=["llama-a-ft-lic", "llama-a-ft-py"], card=honest("merge")),
        dict(id="llama-a-ft-lic-tampered-config", op="tamper_config", parents=["llama-a-ft-lic"], shard="150KB",
             card=wrong([])),
        dict(id="llama-a-ft-lic-tampered-names", op="tamper_names", parents=["llama-a-ft-lic"], shard="150KB",
             card=wrong(["mistral-a"], "finetune")),
        dict(id="llama-a-py-heavy", op="finetune", parents=["llama-a"], seed=1112, card=MISSING, **heavy),
        # the twin's family and the shared-data traps of the other families
        dict(id="llama-b-ft-lic", op="finetune", parents=["llama-b"], data="licences", seed=1201, card=honest("finetune"), **light),
        dict(id="llama-b-py-heavy", op="finetune", parents=["llama-b"], seed=1202, card=honest("finetune"), **heavy),
        dict(id="llama-ab-merge", op="merge", parents=["llama-a-ft-lic", "llama-b-ft-lic"], card=honest("merge"),
             hard_case="merge-of-unrelated-lineages"),
        dict(id="qwen2-a-ft-lic", op="finetune", parents=["qwen2-a"], data="licences", seed=2101, card=honest("finetune"), **light),
        dict(id="qwen2-a-int8", op="int8", parents=["qwen2-a"], card=MISSING),
        dict(id="qwen2-a-perm", op="permute", parents=["qwen2-a"], seed=2102, card=MISSING),
        dict(id="qwen2-a-py-heavy", op="finetune", parents=["qwen2-a"], seed=2103, card=honest("finetune"), **heavy),
        dict(id="mistral-a-ft-py", op="finetune", parents=["mistral-a"], data="python", seed=3101, card=honest("finetune"), **light),
        dict(id="mistral-a-bf16", op="cast", dtype="bfloat16", parents=["mistral-a"], card=honest("quantized")),
        dict(id="mistral-a-py-heavy", op="finetune", parents=["mistral-a"], seed=3102, card=MISSING, **heavy),
        dict(id="gpt2-a-ft-lic", op="finetune", parents=["gpt2-a"], data="licences", seed=4101, card=honest("finetune"), **light),
        dict(id="gpt2-a-ft-lic-fp16", op="cast", dtype="float16", parents=["gpt2-a-ft-lic"], card=honest("quantized")),
        dict(id="gpt2-a-lora-py", op="lora", parents=["gpt2-a"], data="python", seed=4102, steps=60, lr=1e-3, rank=8,
             card=MISSING),
        dict(id="gpt2-b-ft-lic", op="finetune", parents=["gpt2-b"], data="licences", seed=4201, card=honest("finetune"), **light),
        dict(id="gpt2-b-py-heavy", op="finetune", parents=["gpt2-b"], seed=4202, card=honest("finetune"), **heavy),
        dict(id="bert-a-ft-lic", op="finetune", parents=["bert-a"], data="licences", seed=5101, card=honest("finetune"),
             **{**light, "steps": 45}),
        dict(id="bert-a-int8", op="int8", parents=["bert-a"], card=honest("quantized")),
    ]
    causal = [m["id"] for m in models if m.get("arch", "") != "bert" and not m["id"].startswith("bert")]
    return {
        "name": "full", "corpus_scale": 1.0, "batch": 8, "seq": 64, "log_every": 5, "pair_sample": 10,
        "tokenizers": {"bpe-2048": dict(kind="bpe", vocab=2048), "bpe-1536": dict(kind="bpe", vocab=1536),
                       "wordpiece-2048": dict(kind="wordpiece", vocab=2048)},
        "models": models,
        "task_targets": ["llama-a-ft-lic", "llama-a-ft-lic-ft-py-ft-man", "llama-a-distilled-qwen2", "llama-a-merge",
                         "llama-a-py-heavy", "llama-a-perm", "llama-a-int4", "llama-a-dropped", "llama-ab-merge",
                         "qwen2-a-ft-lic", "mistral-a-py-heavy", "gpt2-a-ft-lic", "gpt2-b-py-heavy"],
        "task_pool_size": 14,
        "null_task_target": "gpt2-b-ft-lic",
        "causal": causal,
    }


PROFILES = {"fast": fast, "full": full}


def smoke():
    """The full recipe with every step count cut to a few: checks every code path in a minute or two."""
    profile = full()
    profile.update(name="smoke", corpus_scale=0.05)
    for model in profile["models"]:
        if model.get("steps"):
            model["steps"] = 3
    return profile


PROFILES["smoke"] = smoke
