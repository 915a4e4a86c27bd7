"""Model configurations per architecture, kept tiny so the whole zoo trains on two CPU cores."""
from transformers import (BertConfig, BertForMaskedLM, GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM,
                          MistralConfig, MistralForCausalLM, Qwen2Config, Qwen2ForCausalLM)

CAUSAL = {"llama", "qwen2", "mistral", "gpt2"}
LLAMA_LIKE = {"llama", "qwen2", "mistral"}


def make_config(arch: str, shape: dict, vocab_size: int, special_ids: dict):
    hidden, layers, heads = shape["hidden"], shape["layers"], shape["heads"]
    kv_heads, inter, positions = shape.get("kv_heads", heads), shape["intermediate"], shape.get("positions", 128)
    if arch in LLAMA_LIKE:
        common = dict(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
                      num_key_value_heads=kv_heads, intermediate_size=inter, max_position_embeddings=positions,
                      tie_word_embeddings=shape.get("tied", False), bos_token_id=special_ids["bos"],
                      eos_token_id=special_ids["eos"], pad_token_id=special_ids["pad"])
        if arch == "llama":
            return LlamaConfig(**common)
        if arch == "qwen2":
            return Qwen2Config(**common, use_sliding_window=False)
        return MistralConfig(**common, sliding_window=positions)
    if arch == "gpt2":
        return GPT2Config(vocab_size=vocab_size, n_embd=hidden, n_layer=layers, n_head=heads, n_inner=inter,
                          n_positions=positions, bos_token_id=special_ids["bos"], eos_token_id=special_ids["eos"],
                          pad_token_id=special_ids["pad"], resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
    if arch == "bert":
        return BertConfig(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
                          intermediate_size=inter, max_position_embeddings=positions, pad_token_id=special_ids["pad"],
                          hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    raise ValueError(f"unknown architecture {arch}")


def model_class(arch: str):
    return {"llama": LlamaForCausalLM, "qwen2": Qwen2ForCausalLM, "mistral": MistralForCausalLM,
            "gpt2": GPT2LMHeadModel, "bert": BertForMaskedLM}[arch]


def new_model(arch: str, config):
    # eager attention: identical maths on every path and exportable by the legacy ONNX exporter
    config._attn_implementation = "eager"
    return model_class(arch)(config)


def layer_prefix(arch: str) -> str:
    """The state-dict prefix of the repeated blocks, for layer dropping."""
    return {"gpt2": "transformer.h.", "bert": "bert.encoder.layer."}.get(arch, "model.layers.")
