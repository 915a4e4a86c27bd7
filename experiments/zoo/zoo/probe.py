"""Output agreement of every labelled pair that shares a tokenizer, on held-out text of two domains:
how close the shared-data traps come to true relatives under raw next-token statistics, and what
removing each model's prompt-independent part does. Writes logit-agreement.csv next to pairs.csv.

    python -m zoo.probe --out experiments/zoo/build
"""
import argparse
import csv
import json
from pathlib import Path

import torch
from tokenizers import Tokenizer

from . import corpus, recipes, tokenizer_training
from .build import PIN_FOLDER
from .architectures import CAUSAL, model_class


def pearson(a: torch.Tensor, b: torch.Tensor) -> float:
    a, b = a.flatten().double(), b.flatten().double()
    a, b = a - a.mean(), b - b.mean()
    return float((a @ b) / (a.norm() * b.norm()))


@torch.no_grad()
def log_probs(model, windows):
    return torch.log_softmax(model(input_ids=windows).logits.float(), -1).reshape(-1, model.config.vocab_size)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--windows", type=int, default=32)
    parser.add_argument("--seq", type=int, default=48)
    args = parser.parse_args()
    torch.set_num_threads(1)
    lineage = json.loads((args.out / "lineage.json").read_text())
    records = {m["id"]: m for m in lineage["models"]}
    profile = recipes.PROFILES[lineage["profile"]]()
    corpora = corpus.load(profile["name"], profile["corpus_scale"], PIN_FOLDER)

    def usable(model_id):  # HF causal LMs that transformers can load as written
        r = records[model_id]
        return r["format"] == "hf-safetensors" and r["architecture"] in CAUSAL and r["op"] != "tamper_names"

    with open(args.out / "pairs.csv") as f:
        pairs = [row for row in csv.DictReader(f) if usable(row["model_a"]) and usable(row["model_b"])
                 and records[row["model_a"]]["tokenizer"] == records[row["model_b"]]["tokenizer"]]
    cache, windows = {}, {}

    def outputs(model_id, domain):
        key = (model_id, domain)
        if key not in cache:
            r = records[model_id]
            folder = args.out / r["path"]
            if (r["tokenizer"], domain) not in windows:
                tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
                text = corpora[domain]["text"]
                held_out = text[int(len(text) * 0.95):]
                ids = []
                for piece in tokenizer_training.chunks(held_out, 20000):
                    ids.extend(tokenizer.encode(piece, add_special_tokens=False).ids)
                ids = torch.tensor(ids)
                step = (len(ids) - args.seq) // args.windows
                windows[(r["tokenizer"], domain)] = torch.stack([ids[i * step:i * step + args.seq]
                                                                 for i in range(args.windows)])
            model = model_class(r["architecture"]).from_pretrained(folder, dtype=torch.float32).eval()
            cache[key] = log_probs(model, windows[(r["tokenizer"], domain)])
        return cache[key]

    rows = []
    for pair in pairs:
        for domain in ("man", "python"):
            a, b = outputs(pair["model_a"], domain), outputs(pair["model_b"], domain)
            rows.append([pair["model_a"], pair["model_b"], pair["related"], pair["category"], domain,
                         round(pearson(a, b), 5),
                         round(pearson(a - a.mean(0, keepdim=True), b - b.mean(0, keepdim=True)), 5),
                         round(float((a.argmax(-1) == b.argmax(-1)).double().mean()), 5)])
    with open(args.out / "logit-agreement.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["model_a", "model_b", "related", "category", "domain", "raw_logprob_corr",
                         "centered_logprob_corr", "top1_agreement"])
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {args.out / 'logit-agreement.csv'}")


if __name__ == "__main__":
    main()
