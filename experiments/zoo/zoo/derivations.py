"""Mechanical transformations of a trained model: quantisation round trips, pruning, layer dropping,
hidden-unit / neuron / head permutation, weight averaging, embedding re-initialisation, LoRA."""
import copy
import re

import torch

from .architectures import new_model, layer_prefix


def clone(model):
    return copy.deepcopy(model)


def matrices(model, include_embeddings=True):
    """Names of the 2-D weights a quantiser or pruner touches."""
    names = []
    for name, param in model.named_parameters():
        if param.dim() != 2:
            continue
        if not include_embeddings and ("embed" in name or "wte" in name or "wpe" in name or "lm_head" in name):
            continue
        names.append(name)
    return names


@torch.no_grad()
def int8_round_trip(model):
    """Symmetric per-output-row absmax int8, dequantised back to float32 (what bitsandbytes-style
    LLM.int8 weights look like after loading)."""
    out = clone(model)
    for name, param in out.named_parameters():
        if param.dim() == 2:
            scale = param.abs().amax(dim=1, keepdim=True).clamp_min(1e-12) / 127.0
            param.copy_(torch.round(param / scale).clamp(-127, 127) * scale)
    return out


@torch.no_grad()
def int4_round_trip(model, group: int = 32):
    """Symmetric 4-bit, one absmax scale per block of `group` inputs (GPTQ/Q4_0-like granularity)."""
    out = clone(model)
    for name, param in out.named_parameters():
        if param.dim() == 2 and param.shape[1] % group == 0:
            blocks = param.view(param.shape[0], -1, group)
            scale = blocks.abs().amax(dim=2, keepdim=True).clamp_min(1e-12) / 7.0
            blocks.copy_(torch.round(blocks / scale).clamp(-8, 7) * scale)
    return out


@torch.no_grad()
def magnitude_prune(model, sparsity: float):
    """Zeroes the smallest |w| per block matrix; returns the pruned copy and the masks for healing."""
    out = clone(model)
    masks = {}
    named = dict(out.named_parameters())
    for name in matrices(out, include_embeddings=False):
        param = named[name]
        k = int(param.numel() * sparsity)
        threshold = param.abs().flatten().kthvalue(k).values
        mask = (param.abs() > threshold).to(param.dtype)
        param.mul_(mask)
        masks[name] = mask
    return out, masks


def drop_layers(model, arch: str, drop: list):
    """A model with the listed blocks removed and the rest renumbered."""
    config = copy.deepcopy(model.config)
    total = config.num_hidden_layers
    keep = [i for i in range(total) if i not in drop]
    config.num_hidden_layers = len(keep)
    if getattr(config, "layer_types", None):
        config.layer_types = [config.layer_types[i] for i in keep]
    prefix = layer_prefix(arch)
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.")
    state = {}
    for name, tensor in model.state_dict().items():
        match = pattern.match(name)
        if match:
            old = int(match.group(1))
            if old in drop:
                continue
            name = f"{prefix}{keep.index(old)}." + name[match.end():]
        state[name] = tensor.clone()
    out = new_model(arch, config)
    out.load_state_dict(state)
    return out


@torch.no_grad()
def average(models, weights=None):
    """Linear weight merge (model soup / task arithmetic with equal weights)."""
    weights = weights or [1.0 / len(models)] * len(models)
    out = clone(models[0])
    states = [m.state_dict() for m in models]
    merged = {k: sum(w * s[k].float() for w, s in zip(weights, states)) for k in states[0]}
    out.load_state_dict(merged)
    return out


@torch.no_grad()
def reinit_embeddings(model, seed: int):
    out = clone(model)
    generator = torch.Generator().manual_seed(seed)
    std = getattr(out.config, "initializer_range", 0.02)
    embedding = out.get_input_embeddings().weight
    embedding.copy_(torch.randn(embedding.shape, generator=generator) * std)
    return out


def _perm(n, generator):
    return torch.randperm(n, generator=generator)


@torch.no_grad()
def permute_llama_like(model, seed: int):
    """Function-preserving permutation of a Llama/Qwen2/Mistral model: residual hidden units (all
    RMSNorm weights, embedding columns, every projection's input or output side), MLP neurons per
    layer, and attention heads per layer (key/value heads, with their groups of query heads)."""
    out = clone(model)
    cfg = out.config
    generator = torch.Generator().manual_seed(seed)
    hidden = _perm(cfg.hidden_size, generator)
    heads, kv_heads = cfg.num_attention_heads, cfg.num_key_value_heads
    head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // heads
    group = heads // kv_heads
    record = {"hidden": hidden.tolist(), "layers": []}
    base = out.model
    base.embed_tokens.weight.copy_(base.embed_tokens.weight[:, hidden])
    base.norm.weight.copy_(base.norm.weight[hidden])
    if not cfg.tie_word_embeddings:
        out.lm_head.weight.copy_(out.lm_head.weight[:, hidden])
    for layer in base.layers:
        attn, mlp = layer.self_attn, layer.mlp
        layer.input_layernorm.weight.copy_(layer.input_layernorm.weight[hidden])
        layer.post_attention_layernorm.weight.copy_(layer.post_attention_layernorm.weight[hidden])
        kv_order = _perm(kv_heads, generator)
        q_heads = torch.cat([kv * group + _perm(group, generator) for kv in kv_order.tolist()])
        q_rows = (q_heads[:, None] * head_dim + torch.arange(head_dim)).flatten()
        kv_rows = (kv_order[:, None] * head_dim + torch.arange(head_dim)).flatten()
        for proj, rows in ((attn.q_proj, q_rows), (attn.k_proj, kv_rows), (attn.v_proj, kv_rows)):
            proj.weight.copy_(proj.weight[rows][:, hidden])
            if proj.bias is not None:
                proj.bias.copy_(proj.bias[rows])
        attn.o_proj.weight.copy_(attn.o_proj.weight[hidden][:, q_rows])
        neurons = _perm(mlp.gate_proj.weight.shape[0], generator)
        mlp.gate_proj.weight.copy_(mlp.gate_proj.weight[neurons][:, hidden])
        mlp.up_proj.weight.copy_(mlp.up_proj.weight[neurons][:, hidden])
        mlp.down_proj.weight.copy_(mlp.down_proj.weight[hidden][:, neurons])
        record["layers"].append({"kv_heads": kv_order.tolist(), "q_heads": q_heads.tolist(),
                                 "neurons": neurons.tolist()})
    return out, record


@torch.no_grad()
def max_logit_difference(a, b, vocab: int, seed: int, batch=4, seq=48):
    generator = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, vocab, (batch, seq), generator=generator)
    return (a(input_ids=ids).logits - b(input_ids=ids).logits).abs().max().item()


def lora_targets(arch: str):
    if arch == "gpt2":
        return ["c_attn", "c_proj", "c_fc"]
    if arch == "bert":
        return ["query", "key", "value", "dense"]
    return ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
