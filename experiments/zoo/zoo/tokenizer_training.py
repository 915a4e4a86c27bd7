"""Tokenizers trained with the `tokenizers` library: a byte-level BPE (GPT-2 style) and a WordPiece (BERT style)."""
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

BPE_SPECIALS = ["<|endoftext|>", "<pad>"]
WORDPIECE_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def byte_level_bpe(texts, vocab_size: int) -> Tokenizer:
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=BPE_SPECIALS, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(texts, trainer=trainer)
    return tokenizer


def wordpiece(texts, vocab_size: int) -> Tokenizer:
    """A BERT WordPiece tokenizer. tokenizers' WordPieceTrainer is not deterministic (the order of its
    '##' continuation symbols, and so its merge tie-breaks, varies run to run), so the vocabulary comes
    from a character BPE trained on the same normalised, pre-tokenised text with a sorted initial
    alphabet (deterministic), each learned piece entering as word-initial `piece` and continuation
    `##piece`, in merge order, until the vocabulary is full."""
    normalizer = normalizers.BertNormalizer(lowercase=True)
    alphabet = sorted(set("".join(normalizer.normalize_str(t) for t in texts)) - set(" \t\n\r"))
    bpe = Tokenizer(models.BPE())
    bpe.normalizer = normalizer
    bpe.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[], show_progress=False,
                                  initial_alphabet=alphabet, limit_alphabet=len(alphabet))
    bpe.train_from_iterator(texts, trainer=trainer)
    pieces = [t for t, _ in sorted(bpe.get_vocab().items(), key=lambda kv: kv[1])]
    vocab = {}
    for token in WORDPIECE_SPECIALS + [form for piece in pieces for form in (piece, "##" + piece)]:
        if len(vocab) == vocab_size:
            break
        vocab.setdefault(token, len(vocab))
    tokenizer = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = normalizer
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.decoder = decoders.WordPiece()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return tokenizer


def train(kind: str, texts, vocab_size: int) -> Tokenizer:
    return {"bpe": byte_level_bpe, "wordpiece": wordpiece}[kind](texts, vocab_size)


def hf_wrapper(tokenizer: Tokenizer, kind: str) -> PreTrainedTokenizerFast:
    """The transformers-side tokenizer whose save_pretrained writes tokenizer.json and tokenizer_config.json."""
    if kind == "bpe":
        return PreTrainedTokenizerFast(tokenizer_object=tokenizer, bos_token="<|endoftext|>",
                                       eos_token="<|endoftext|>", pad_token="<pad>")
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", cls_token="[CLS]",
                                   sep_token="[SEP]", pad_token="[PAD]", mask_token="[MASK]")


def chunks(text: str, size: int = 2000):
    """The trainer takes an iterator of strings; paragraphs-sized pieces keep memory flat."""
    return [text[i:i + size] for i in range(0, len(text), size)]
