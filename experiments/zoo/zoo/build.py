"""Builds a zoo profile: corpora -> tokenizers -> models (trained and derived, in recipe order) ->
HF directories, ONNX and GGUF exports -> lineage.json, pairs.csv, tasks.json, losses.csv.

    python -m zoo.build --profile full --out experiments/zoo/build
"""
import argparse
import collections
import csv
import hashlib
import json
import os
import re
import shutil
import time
from pathlib import Path

import torch
from peft import LoraConfig, get_peft_model
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer

from . import corpus, derivations, gguf_export, lineage, onnx_export, recipes, tokenizer_training
from .architectures import CAUSAL, make_config, model_class, new_model
from .training import LossLog, evaluate, train

ORG = "pedigree-zoo"
PIN_FOLDER = Path(__file__).resolve().parent.parent / "corpus"  # experiments/zoo/corpus/<profile>.json


def setup_determinism():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")


class Zoo:
    def __init__(self, profile: dict, out: Path):
        self.p = profile
        self.out = out
        self.log = LossLog(profile["log_every"])
        self.models = {}       # id -> torch model (float32 values; casts hold the cast values)
        self.tokenizers = {}   # name -> (Tokenizer, kind)
        self.model_tokenizer = {}  # model id -> (Tokenizer, kind, name)
        self.records = collections.OrderedDict()
        self.streams = {}
        self.checks = []
        self.seconds = {}

    # ---- data -------------------------------------------------------------------------------
    def prepare(self):
        self.corpora = corpus.load(self.p["name"], self.p["corpus_scale"], PIN_FOLDER)
        manifest = {name: {"files": c["files"], "sha256": c["sha256"], "chars": len(c["text"])}
                    for name, c in self.corpora.items()}
        (self.out / "corpus-manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
        everything = [chunk for c in self.corpora.values() for chunk in tokenizer_training.chunks(c["text"])]
        for name, spec in self.p["tokenizers"].items():
            path = self.out / "tokenizers" / name / "tokenizer.json"
            if path.exists():  # written by the prepare step of this build (parallel workers share it)
                tokenizer = Tokenizer.from_file(str(path))
            else:
                tokenizer = tokenizer_training.train(spec["kind"], everything, spec["vocab"])
                path.parent.mkdir(parents=True, exist_ok=True)
                tokenizer.save(str(path))
            self.tokenizers[name] = (tokenizer, spec["kind"])

    def stream(self, tokenizer_name, tokenizer, domain, split="train"):
        key = (tokenizer_name, domain)
        if key not in self.streams:
            text = self.corpora[domain]["text"]
            ids = []
            for piece in tokenizer_training.chunks(text, 20000):
                ids.extend(tokenizer.encode(piece, add_special_tokens=False).ids)
            ids = torch.tensor(ids, dtype=torch.long)
            cut = int(len(ids) * 0.95)
            self.streams[key] = {"train": ids[:cut], "eval": ids[cut:]}
        return self.streams[key][split]

    @staticmethod
    def special_ids(tokenizer, kind):
        if kind == "bpe":
            eos = tokenizer.token_to_id("<|endoftext|>")
            return {"bos": eos, "eos": eos, "pad": tokenizer.token_to_id("<pad>")}
        return {"bos": None, "eos": None, "pad": tokenizer.token_to_id("[PAD]"), "mask": tokenizer.token_to_id("[MASK]")}

    # ---- training helpers ------------------------------------------------------------------
    def objective(self, arch):
        return "causal" if arch in CAUSAL else "mlm"

    def fit(self, model, model_id, spec, arch, tok_name, tokenizer, kind, phase="train", **extra):
        data = self.stream(tok_name, tokenizer, spec["data"])
        specials = self.special_ids(tokenizer, kind)
        return train(model, data, steps=spec["steps"], lr=spec["lr"], seed=spec["seed"], batch=self.p["batch"],
                     seq=self.p["seq"], log=self.log, model_id=model_id, phase=phase,
                     objective=self.objective(arch), mask_token=specials.get("mask"),
                     specials=len(tokenizer_training.WORDPIECE_SPECIALS), **extra)

    # ---- one recipe entry --------------------------------------------------------------------
    def state_path(self, model_id):
        return self.out / "state" / f"{model_id}.json"

    def make(self, spec):
        """Builds one recipe entry, or takes it from its state file when an earlier run (or a parallel
        worker) finished it."""
        state_path = self.state_path(spec["id"])
        if state_path.exists():
            state = json.loads(state_path.read_text())
            self.records.update(state["records"])
            self.log.rows.extend(tuple(r) for r in state["losses"])
            self.checks.extend(tuple(c) for c in state["checks"])
            self.seconds[spec["id"]] = state["seconds"]
            return
        begun, first_loss, first_check = time.time(), len(self.log.rows), len(self.checks)
        known = set(self.records)
        for parent in spec.get("parents", []):
            self.ensure_loaded(parent)
        self.build(spec)
        self.seconds[spec["id"]] = round(time.time() - begun, 1)
        state_path.parent.mkdir(exist_ok=True)
        state = {"records": {k: v for k, v in self.records.items() if k not in known},
                 "losses": self.log.rows[first_loss:], "checks": self.checks[first_check:],
                 "seconds": self.seconds[spec["id"]]}
        temporary = state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state) + "\n")
        temporary.replace(state_path)

    def ensure_loaded(self, model_id):
        """A parent built by another process: read back from its HF directory (float32 values equal
        to the in-memory ones; casts come back as their rounded values)."""
        if model_id in self.models:
            return
        record = self.records[model_id]
        arch = record["architecture"]
        folder = self.out / record["path"]
        model = model_class(arch).from_pretrained(folder, dtype=torch.float32, attn_implementation="eager").eval()
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.models[model_id] = model
        self.model_tokenizer[model_id] = (record["tokenizer"], tokenizer, "wordpiece" if arch == "bert" else "bpe")

    def build(self, spec):
        op = spec["op"]
        parents = spec.get("parents", [])
        parent = self.records[parents[0]] if parents else None
        arch = spec.get("arch") or parent["architecture"]
        tok_name, tokenizer, kind = (self.model_tokenizer[parents[0]] if parents and op != "base"
                                     else (spec["tokenizer"],) + self.tokenizers[spec["tokenizer"]])
        record = {"id": spec["id"], "architecture": arch, "parents": parents, "op": op,
                  "seed": spec.get("seed"), "steps": spec.get("steps", 0), "lr": spec.get("lr"),
                  "data": spec.get("data"), "hard_case": spec.get("hard_case"),
                  "shared_data_group": spec.get("shared_data_group"), "note": spec.get("note")}
        source = self.models[parents[0]] if parents else None
        dtype = "float32"
        if op == "base":
            torch.manual_seed(spec["seed"])
            config = make_config(arch, spec["shape"], tokenizer.get_vocab_size(), self.special_ids(tokenizer, kind))
            model = self.fit(new_model(arch, config), spec["id"], spec, arch, tok_name, tokenizer, kind)
            relation, how = "none", f"trained from scratch on {spec['data']} ({spec['steps']} steps, lr {spec['lr']})"
        elif op == "finetune":
            model = self.fit(derivations.clone(source), spec["id"], spec, arch, tok_name, tokenizer, kind)
            heavy = spec.get("hard_case") == "heavy-derivative"
            relation = "continued-pretraining" if heavy else "finetune"
            how = f"full fine-tune of {parents[0]} on {spec['data']} ({spec['steps']} steps, lr {spec['lr']})"
        elif op == "lora":
            torch.manual_seed(spec["seed"])  # the adapter's random init must not depend on what ran before
            peft_model = get_peft_model(derivations.clone(source), LoraConfig(
                r=spec["rank"], lora_alpha=2 * spec["rank"], lora_dropout=0.0,
                target_modules=derivations.lora_targets(arch), fan_in_fan_out=arch == "gpt2"))
            self.fit(peft_model, spec["id"], spec, arch, tok_name, tokenizer, kind)
            model = peft_model.merge_and_unload()
            relation = "adapter"
            how = f"LoRA r={spec['rank']} on all projections of {parents[0]}, {spec['data']}, merged into the weights"
        elif op == "cast":
            dtype = spec["dtype"]
            model = derivations.clone(source).to(getattr(torch, dtype)).float()
            relation, how = "cast", f"{parents[0]} cast to {dtype}"
        elif op == "int8":
            model = derivations.int8_round_trip(source)
            relation, how = "quantized", f"{parents[0]} int8 per-row absmax quantise-dequantise, stored float32"
        elif op == "int4":
            model = derivations.int4_round_trip(source)
            relation, how = "quantized", f"{parents[0]} 4-bit group-32 absmax quantise-dequantise, stored float32"
        elif op == "prune":
            model, masks = derivations.magnitude_prune(source, spec["sparsity"])
            self.fit(model, spec["id"], spec, arch, tok_name, tokenizer, kind, phase="heal", masks=masks)
            relation = "pruned"
            how = f"{int(spec['sparsity'] * 100)}% magnitude pruning of every block matrix, healed {spec['steps']} steps with masks"
        elif op == "drop":
            model = derivations.drop_layers(source, arch, spec["drop"])
            self.fit(model, spec["id"], spec, arch, tok_name, tokenizer, kind, phase="heal")
            relation, how = "layer-dropped", f"layers {spec['drop']} of {parents[0]} removed, healed {spec['steps']} steps"
        elif op == "vocab_extend":
            tokenizer, added = self.extended_tokenizer(tokenizer, tok_name, spec["new_tokens"])
            tok_name = f"{tok_name}+{spec['id']}"
            model = derivations.clone(source)
            torch.manual_seed(spec["seed"])  # mean resizing samples the new rows
            model.resize_token_embeddings(tokenizer.get_vocab_size(), mean_resizing=True)
            self.fit(model, spec["id"], spec, arch, tok_name, tokenizer, kind)
            relation = "vocab-extended"
            how = f"{len(added)} tokens added to the tokenizer, embeddings resized (mean init), {spec['steps']} steps on {spec['data']}"
            record["added_tokens"] = added
        elif op == "reinit_embeddings":
            model = derivations.reinit_embeddings(source, spec["seed"])
            self.fit(model, spec["id"], spec, arch, tok_name, tokenizer, kind, phase="heal")
            relation = "reinit-embeddings"
            how = f"input embeddings of {parents[0]} re-initialised (normal, std 0.02), then {spec['steps']} steps on {spec['data']}"
        elif op == "distill":
            torch.manual_seed(spec["seed"])
            config = make_config(arch, spec["shape"], tokenizer.get_vocab_size(), self.special_ids(tokenizer, kind))
            model = self.fit(new_model(arch, config), spec["id"], spec, arch, tok_name, tokenizer, kind, teacher=source)
            relation = "distilled"
            how = f"new {arch} of another shape trained only on {parents[0]}'s logits (KL, T=2) over {spec['data']}"
        elif op == "permute":
            model, permutation = derivations.permute_llama_like(source, spec["seed"])
            diff = derivations.max_logit_difference(source, model, model.config.vocab_size, spec["seed"])
            assert diff < 1e-4, f"permutation changed the function of {spec['id']}: {diff}"
            record["permutation_max_abs_logit_diff"] = diff
            record["permutation"] = permutation
            relation = "permuted"
            how = f"{parents[0]} with hidden units, MLP neurons and attention heads permuted (seed {spec['seed']}); same function"
        elif op == "merge":
            model = derivations.average([self.models[p] for p in parents])
            relation, how = "merge", "uniform weight average of " + " and ".join(parents)
        elif op in ("tamper_config", "tamper_names"):
            model = derivations.clone(source)
            relation = "tampered"
            how = (f"copy of {parents[0]} saved in shards; " +
                   ("config.json claims model_type mistral" if op == "tamper_config"
                    else "every tensor renamed to another scheme and config model_type changed"))
        else:
            raise ValueError(op)
        model.eval()
        self.models[spec["id"]] = model
        self.model_tokenizer[spec["id"]] = (tok_name, tokenizer, kind)
        root = [r for r in lineage.ancestors({**self.records, spec["id"]: {"parents": parents}}, spec["id"])
                if r == spec["id"] or not self.records[r]["parents"]]
        cfg = model.config
        record.update({
            "relation": relation, "how": how, "tokenizer": tok_name, "dtype": dtype,
            "config": {"model_type": cfg.model_type, "hidden": cfg.hidden_size, "layers": cfg.num_hidden_layers,
                       "heads": cfg.num_attention_heads, "kv_heads": getattr(cfg, "num_key_value_heads", cfg.num_attention_heads),
                       "intermediate": getattr(cfg, "intermediate_size", None) or getattr(cfg, "n_inner", None),
                       "vocab": cfg.vocab_size},
            "root_config": (json.dumps(spec["shape"], sort_keys=True) + arch + tok_name) if op == "base"
            else self.records[parents[0]]["root_config"] if op not in ("distill",) else json.dumps(spec["shape"], sort_keys=True) + arch + tok_name + "distilled",
            "roots": sorted(r for r in root if r != spec["id"]) or [spec["id"]],
        })
        record["config_group"] = hashlib.sha1(record["root_config"].encode()).hexdigest()[:8]
        record["eval_loss"] = {d: evaluate(model, self.stream(tok_name, tokenizer, d, "eval"), batches=4, batch=8,
                                           seq=self.p["seq"], seed=7, objective=self.objective(arch),
                                           mask_token=self.special_ids(tokenizer, kind).get("mask"),
                                           specials=len(tokenizer_training.WORDPIECE_SPECIALS))
                               for d in ("man", "licences", "python")}
        self.records[spec["id"]] = record
        self.save(spec, record, model, tokenizer, kind)
        for file_type in spec.get("gguf", []):
            self.save_gguf(spec, record, model, tokenizer, file_type)

    def extended_tokenizer(self, tokenizer, name, count):
        """The most frequent Python identifiers that the tokenizer splits into three or more pieces."""
        words = collections.Counter(re.findall(r"[A-Za-z_]{4,}", self.corpora["python"]["text"]))
        added = []
        for word, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(tokenizer.encode(word, add_special_tokens=False).ids) >= 3:
                added.append(word)
            if len(added) == count:
                break
        extended = Tokenizer.from_str(tokenizer.to_str())
        extended.add_tokens(added)
        return extended, added

    # ---- saving ------------------------------------------------------------------------------
    def save(self, spec, record, model, tokenizer, kind):
        folder = self.out / "models" / spec["id"]
        if folder.exists():
            shutil.rmtree(folder)
        to_save = model.to(getattr(torch, record["dtype"])) if record["dtype"] != "float32" else model
        shard = spec.get("shard")
        to_save.save_pretrained(folder, max_shard_size=shard) if shard else to_save.save_pretrained(folder)
        model.float()
        tokenizer_training.hf_wrapper(tokenizer, kind).save_pretrained(folder)
        if spec["op"] in ("tamper_config", "tamper_names"):
            record["tampering"] = self.tamper(folder, spec["op"])
        record["declared"] = self.write_card(folder, spec, record)
        record["path"] = f"models/{spec['id']}"
        record["format"] = "hf-safetensors"
        record["files"] = sorted(p.name for p in folder.iterdir() if p.is_file())
        if record["architecture"] in CAUSAL:
            (folder / "onnx").mkdir(exist_ok=True)
            diff = onnx_export.export(model, folder / "onnx" / "model.onnx", model.config.vocab_size, seed=5)
            assert diff < 1e-4, f"ONNX export of {spec['id']} differs from torch by {diff}"
            record["onnx"] = {"path": f"models/{spec['id']}/onnx/model.onnx", "max_abs_logit_diff_vs_torch": diff}
            self.checks.append((spec["id"], "onnx-vs-torch-max-abs-logit-diff", diff))
        if "permutation_max_abs_logit_diff" in record:
            self.checks.append((spec["id"], "permuted-vs-parent-max-abs-logit-diff", record["permutation_max_abs_logit_diff"]))

    def tamper(self, folder: Path, op: str):
        config_path = folder / "config.json"
        config = json.loads(config_path.read_text())
        true_type = config["model_type"]
        if op == "tamper_config":
            config.update(model_type="mistral", architectures=["MistralForCausalLM"], sliding_window=None)
            config_path.write_text(json.dumps(config, indent=2) + "\n")
            return {"true_model_type": true_type, "declared_model_type": "mistral", "tensor_names": "unchanged"}
        rename = [(r"^model\.layers\.(\d+)\.self_attn\.(q|k|v|o)_proj\.", r"backbone.blocks.\1.attention.w\2."),
                  (r"^model\.layers\.(\d+)\.mlp\.gate_proj\.", r"backbone.blocks.\1.ffn.w1."),
                  (r"^model\.layers\.(\d+)\.mlp\.down_proj\.", r"backbone.blocks.\1.ffn.w2."),
                  (r"^model\.layers\.(\d+)\.mlp\.up_proj\.", r"backbone.blocks.\1.ffn.w3."),
                  (r"^model\.layers\.(\d+)\.input_layernorm\.", r"backbone.blocks.\1.attention_norm."),
                  (r"^model\.layers\.(\d+)\.post_attention_layernorm\.", r"backbone.blocks.\1.ffn_norm."),
                  (r"^model\.embed_tokens\.", "backbone.tok_embeddings."), (r"^model\.norm\.", "backbone.norm."),
                  (r"^lm_head\.", "output.")]

        def renamed(name):
            for pattern, replacement in rename:
                name, hits = re.subn(pattern, replacement, name)
                if hits:
                    return name
            return name
        index_path = folder / "model.safetensors.index.json"
        index = json.loads(index_path.read_text())
        for shard in sorted(set(index["weight_map"].values())):
            tensors = load_file(folder / shard)
            save_file({renamed(k): v for k, v in tensors.items()}, folder / shard, metadata={"format": "pt"})
        index["weight_map"] = {renamed(k): v for k, v in index["weight_map"].items()}
        index_path.write_text(json.dumps(index, indent=2) + "\n")
        config.update(model_type="zoo_lm", architectures=["ZooLMForCausalLM"])
        config_path.write_text(json.dumps(config, indent=2) + "\n")
        return {"true_model_type": true_type, "declared_model_type": "zoo_lm",
                "tensor_renames": [{"pattern": p, "replacement": r} for p, r in rename]}

    def write_card(self, folder: Path, spec, record):
        card = spec.get("card", recipes.MISSING)
        true_parents = [f"{ORG}/{p}" for p in record["parents"]]
        true_relation = {"finetune": "finetune", "continued-pretraining": "finetune", "adapter": "adapter",
                         "quantized": "quantized", "cast": "quantized", "merge": "merge"}.get(record["relation"])
        front = ["---", "license: other", "library_name: transformers", "tags: [pedigree-zoo]"]
        if card["status"] == "honest":
            declared = {"base_model": true_parents, "base_model_relation": card["relation"]}
        elif card["status"] == "wrong":
            declared = {"base_model": [f"{ORG}/{p}" for p in card["base_model"]],
                        "base_model_relation": card.get("relation")}
        else:
            declared = {"base_model": None, "base_model_relation": None}
        if declared["base_model"]:
            front.append("base_model:")
            front.extend(f"- {b}" for b in declared["base_model"])
        if declared["base_model_relation"]:
            front.append(f"base_model_relation: {declared['base_model_relation']}")
        front.append("---")
        story = ("Trained from scratch." if card["status"] == "wrong" and not card["base_model"]
                 else "A small language model." if card["status"] != "honest" else record["how"] + ".")
        (folder / "README.md").write_text("\n".join(front) + f"\n\n# {spec['id']}\n\n{story}\n")
        # a base with no claim tells the truth; a derivative with no claim hides its origin
        status = "no-claim-base" if card["status"] == "missing" and not true_parents else card["status"]
        return {**declared, "card_status": status, "card_truthful": status in ("honest", "no-claim-base"),
                "true_base_model": true_parents, "true_relation": record["relation"]}

    def save_gguf(self, spec, parent_record, model, tokenizer, file_type):
        gguf_id = f"{spec['id']}-gguf-{file_type.lower()}"
        folder = self.out / "gguf"
        folder.mkdir(exist_ok=True)
        path = folder / f"{gguf_id}.gguf"
        honest = file_type == "F16"  # the Q8_0 files carry no base-model metadata: a missing claim
        bases = ([{"name": spec["id"], "organization": ORG, "repo_url": f"https://example.invalid/{ORG}/{spec['id']}"}]
                 if honest else [])
        gguf_export.export(model, tokenizer.to_str(), path, name=gguf_id, file_type=file_type, base_models=bases)
        error = gguf_export.reread_max_error(path, model, file_type)
        self.checks.append((gguf_id, "gguf-reread-max-abs-weight-error", error))
        self.records[gguf_id] = {
            **{k: parent_record[k] for k in ("architecture", "tokenizer", "config", "root_config", "config_group",
                                             "roots", "eval_loss")},
            "id": gguf_id, "parents": [spec["id"]], "op": "gguf", "relation": "quantized" if file_type == "Q8_0" else "format-conversion",
            "how": f"{spec['id']} written as GGUF {file_type} (llama.cpp names, q/k rows reordered for its RoPE)",
            "steps": 0, "lr": None, "seed": None, "data": None, "hard_case": None, "shared_data_group": None, "note": None,
            "dtype": file_type, "path": f"gguf/{gguf_id}.gguf", "format": "gguf", "files": [path.name],
            "gguf_reread_max_abs_weight_error": error,
            "declared": {"base_model": [b["name"] for b in bases] or None, "base_model_relation": None,
                         "card_status": "honest" if honest else "missing", "card_truthful": honest,
                         "true_base_model": [f"{ORG}/{spec['id']}"], "true_relation": "quantized"}}

    # ---- outputs -----------------------------------------------------------------------------
    def write_outputs(self, seconds):
        public = {k: {f: v for f, v in r.items() if f not in ("root_config", "permutation")}
                  for k, r in self.records.items()}
        for k, r in self.records.items():
            if "permutation" in r:
                (self.out / "models" / k / "permutation.json").write_text(json.dumps(r["permutation"]) + "\n")
                public[k]["permutation_file"] = f"models/{k}/permutation.json"
        manifest = json.loads((self.out / "corpus-manifest.json").read_text())
        doc = {"profile": self.p["name"], "linkage_rule": "related iff the ancestor sets (each including the model) intersect",
               "torch": torch.__version__,
               "corpora": {n: {"files": len(m["files"]), "chars": m["chars"], "sha256": m["sha256"]} for n, m in manifest.items()},
               "tokenizers": {n: {"kind": k, "vocab": t.get_vocab_size(), "path": f"tokenizers/{n}/tokenizer.json"}
                              for n, (t, k) in self.tokenizers.items()},
               "training": {"batch": self.p["batch"], "seq": self.p["seq"], "optimizer": "AdamW(0.9,0.95), wd 0.01",
                            "schedule": "linear warm-up 5%, cosine to 10%"},
               "models": list(public.values())}
        (self.out / "lineage.json").write_text(json.dumps(doc, indent=1) + "\n")
        lineage.write_labels(self.out, public, self.p)
        with open(self.out / "losses.csv", "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["model", "phase", "step", "loss", "lr"])
            writer.writerows(self.log.rows)
        (self.out / "lineage-table.md").write_text(markdown_table(public))
        (self.out / "README.md").write_text(
            f"# pedigree zoo, profile `{self.p['name']}`\n\nGenerated by `experiments/zoo/build.sh"
            f"{' fast' if self.p['name'] == 'fast' else ''}` (see experiments/zoo/README.md); do not edit by hand.\n"
            "Truth about every model is in `lineage.json`; labelled pairs in `pairs.csv` (related per the linkage "
            "rule of shared/spec/README.md); MPS tasks in `tasks.json`; build checks in `checks.csv`.\n"
            "Models are HF directories under `models/` (causal LMs with `onnx/model.onnx`), GGUF files under "
            "`gguf/`, tokenizers under `tokenizers/`. Red flags in the card column mark model cards that lie "
            "or stay silent about the model's origin.\n\n" + markdown_table(public))
        # timings vary run to run, so they live outside the otherwise bit-identical outputs
        (self.out / "build-times.json").write_text(json.dumps(
            {"total_seconds": round(seconds, 1), "threads": torch.get_num_threads(),
             "per_model_seconds": self.seconds}, indent=1) + "\n")
        with open(self.out / "checks.csv", "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["model", "check", "value"])
            writer.writerows(self.checks)


def markdown_table(models) -> str:
    rows = ["| id | arch | shape (h/L/vocab) | parents | relation | how | card |", "|---|---|---|---|---|---|---|"]
    for r in models.values():
        c = r["config"]
        card = r["declared"]["card_status"] + ("" if r["declared"]["card_truthful"] else " (not true)")
        label = r["relation"] + (f" [{r['hard_case']}]" if r.get("hard_case") else "")
        rows.append(f"| {r['id']} | {r['architecture']} | {c['hidden']}/{c['layers']}/{c['vocab']} | "
                    f"{', '.join(r['parents']) or '-'} | {label} | {r['how']} | {card} |")
    return "\n".join(rows) + "\n"


def family_groups(specs, groups: int):
    """Splits the recipe into `groups` independent families of roughly equal training cost; entries
    with parents in two families (a cross-lineage merge) belong to no group and are built by the
    final pass."""
    roots = {}
    for spec in specs:
        parents = spec.get("parents", [])
        roots[spec["id"]] = {spec["id"]} if not parents else set().union(*(roots[p] for p in parents))
    cost = collections.Counter()
    for spec in specs:
        if len(roots[spec["id"]]) == 1:
            cost[next(iter(roots[spec["id"]]))] += spec.get("steps", 0) + 30
    load, owner = [0] * groups, {}
    for root, c in sorted(cost.items(), key=lambda kv: (-kv[1], kv[0])):
        g = load.index(min(load))
        owner[root] = g
        load[g] += c
    return {spec["id"]: owner[next(iter(roots[spec["id"]]))] if len(roots[spec["id"]]) == 1 else None
            for spec in specs}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(recipes.PROFILES), default="full")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--prepare-only", action="store_true", help="train and save the tokenizers, then stop")
    parser.add_argument("--group", type=int, help="build only this family group (a parallel worker)")
    parser.add_argument("--groups", type=int, default=1, help="number of family groups the workers split")
    args = parser.parse_args()
    setup_determinism()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    zoo = Zoo(recipes.PROFILES[args.profile](), args.out)
    zoo.prepare()
    if args.prepare_only:
        return
    owner = family_groups(zoo.p["models"], args.groups)
    for spec in zoo.p["models"]:
        if args.group is not None and owner[spec["id"]] != args.group:
            continue
        fresh = not zoo.state_path(spec["id"]).exists()
        zoo.make(spec)
        if fresh:
            print(f"{spec['id']:36s} {zoo.seconds[spec['id']]:6.1f}s  eval {zoo.records[spec['id']]['eval_loss']}",
                  flush=True)
    if args.group is None:
        zoo.write_outputs(time.time() - started)
        print(f"built {len(zoo.records)} models in {time.time() - started:.0f}s -> {args.out}")


if __name__ == "__main__":
    main()
