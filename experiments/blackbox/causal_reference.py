"""Reference greedy continuations for the ONNX causal-LM backend test (OnnxCausalLanguageModelTest).

Runs the zoo model from its safetensors weights with transformers (not ONNX Runtime), greedy, K=16,
no early stop, and prints the token ids and the log-probability of each chosen token.

    /work/venv/bin/python experiments/blackbox/causal_reference.py src/test/resources/zoo/models/tiny-llama-a
"""
import sys

import torch
from tokenizers import Tokenizer
from transformers import AutoModelForCausalLM

PROMPTS = [
    "The captain pushed their cake late that evening, and everyone",
    "def parse_config(path):",
    "map delete 0xed5",
]

model_dir = sys.argv[1]
model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
tokenizer = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
for prompt in PROMPTS:
    ids = tokenizer.encode(prompt).ids
    seq = list(ids)
    chosen = []
    with torch.no_grad():
        for _ in range(16):
            logits = model(torch.tensor([seq])).logits[0, -1]
            logprobs = torch.log_softmax(logits.double(), dim=-1)
            token = int(torch.argmax(logits))
            chosen.append(round(float(logprobs[token]), 5))
            seq.append(token)
    print(prompt)
    print("  ids", seq[len(ids):])
    print("  logprobs", chosen)
