"""GGUF export of Llama-architecture models with the gguf package's writer, laid out the way
llama.cpp's converter lays them out (tensor names blk.N.*, q/k rows reordered for its RoPE kernel)."""
import json

import gguf
import numpy as np
import torch

NAMES = {"model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
         "lm_head.weight": "output.weight"}
BLOCK = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
         "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
         "mlp.down_proj": "ffn_down", "input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm"}


def gguf_name(hf_name: str) -> str:
    if hf_name in NAMES:
        return NAMES[hf_name]
    _, _, index, rest = hf_name.split(".", 3)
    module, _, kind = rest.rpartition(".")
    return f"blk.{index}.{BLOCK[module]}.{kind}"


def rope_rows(weight: np.ndarray, heads: int) -> np.ndarray:
    """llama.cpp's reordering of q/k rows: per head, rows viewed as (2, head_dim/2) and transposed,
    turning HF's half-split rotary pairs into interleaved pairs."""
    out_dim = weight.shape[0]
    return weight.reshape(heads, 2, out_dim // heads // 2, *weight.shape[1:]).swapaxes(1, 2).reshape(weight.shape)


def export(model, tokenizer_json: str, path, *, name: str, file_type: str, base_models=()):
    """file_type: 'F16' or 'Q8_0'. Norms stay F32 as llama.cpp keeps 1-D tensors."""
    cfg = model.config
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name(name)
    writer.add_context_length(cfg.max_position_embeddings)
    writer.add_embedding_length(cfg.hidden_size)
    writer.add_block_count(cfg.num_hidden_layers)
    writer.add_feed_forward_length(cfg.intermediate_size)
    writer.add_head_count(cfg.num_attention_heads)
    writer.add_head_count_kv(cfg.num_key_value_heads)
    writer.add_layer_norm_rms_eps(cfg.rms_norm_eps)
    rope = getattr(cfg, "rope_parameters", None) or {}
    writer.add_rope_freq_base(float(rope.get("rope_theta", getattr(cfg, "rope_theta", 10000.0))))
    writer.add_rope_dimension_count(cfg.hidden_size // cfg.num_attention_heads)
    writer.add_vocab_size(cfg.vocab_size)
    ftype = {"F16": gguf.LlamaFileType.MOSTLY_F16, "Q8_0": gguf.LlamaFileType.MOSTLY_Q8_0}[file_type]
    writer.add_file_type(ftype)
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)
    writer.add_base_model_count(len(base_models))
    for i, base in enumerate(base_models):
        writer.add_base_model_name(i, base["name"])
        writer.add_base_model_organization(i, base["organization"])
        writer.add_base_model_repo_url(i, base["repo_url"])
    _tokenizer(writer, tokenizer_json, cfg)
    for hf_name, tensor in model.state_dict().items():
        data = tensor.float().numpy()
        if hf_name.endswith("q_proj.weight"):
            data = rope_rows(data, cfg.num_attention_heads)
        elif hf_name.endswith("k_proj.weight"):
            data = rope_rows(data, cfg.num_key_value_heads)
        name_out = gguf_name(hf_name)
        if data.ndim == 1:
            writer.add_tensor(name_out, data.astype(np.float32))
        elif file_type == "F16":
            writer.add_tensor(name_out, data.astype(np.float16))
        elif data.shape[-1] % 32:  # rows that do not fill Q8_0 blocks stay F16, as llama.cpp's converter does
            writer.add_tensor(name_out, data.astype(np.float16))
        else:
            qtype = gguf.GGMLQuantizationType.Q8_0
            writer.add_tensor(name_out, gguf.quants.quantize(data, qtype), raw_dtype=qtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def _tokenizer(writer, tokenizer_json: str, cfg):
    spec = json.loads(tokenizer_json)
    vocab = spec["model"]["vocab"]
    added = {t["content"]: t["id"] for t in spec.get("added_tokens", [])}
    tokens = [None] * cfg.vocab_size
    for token, index in {**vocab, **added}.items():
        if index < cfg.vocab_size:
            tokens[index] = token
    types = [gguf.TokenType.CONTROL if t in added else gguf.TokenType.NORMAL for t in tokens]
    for i, token in enumerate(tokens):
        if token is None:  # rows beyond the tokenizer (padding) get placeholder names as llama.cpp does
            tokens[i], types[i] = f"[PAD{i}]", gguf.TokenType.UNUSED
    merges = [m if isinstance(m, str) else " ".join(m) for m in spec["model"]["merges"]]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(cfg.bos_token_id)
    writer.add_eos_token_id(cfg.eos_token_id)
    writer.add_pad_token_id(cfg.pad_token_id)


def reread_max_error(path, model, file_type: str) -> float:
    """Reads the file back with gguf's reader, undoes the row reordering, and returns the max
    |difference| from the torch weights (the quantisation error, 0-ish for F16)."""
    reader = gguf.GGUFReader(str(path))
    state = {gguf_name(k): v.float().numpy() for k, v in model.state_dict().items()}
    cfg = model.config
    worst = 0.0
    for tensor in reader.tensors:
        values = gguf.quants.dequantize(tensor.data, tensor.tensor_type).reshape(state[tensor.name].shape)
        expected = state[tensor.name]
        if tensor.name.endswith("attn_q.weight"):
            expected = rope_rows(expected, cfg.num_attention_heads)
        elif tensor.name.endswith("attn_k.weight"):
            expected = rope_rows(expected, cfg.num_key_value_heads)
        worst = max(worst, float(np.abs(values - expected).max()))
    return worst
