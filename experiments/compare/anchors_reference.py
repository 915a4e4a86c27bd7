# Runs MPK's own anchors.py (extracted from its repository with stubs for its logging and settings
# modules) on a tokenizer.json: prints the EAS anchor ids with the tokenizer and without it.
# Usage: PYTHONPATH=<dir with provenancekit stubs> python anchors_reference.py TOKENIZER_JSON VOCAB_SIZE
import sys, json
from tokenizers import Tokenizer
from provenancekit.core.signals.anchors import get_anchor_ids
tok = Tokenizer.from_file(sys.argv[1])
class T:
    def encode(self, s, add_special_tokens=False):
        return tok.encode(s, add_special_tokens=add_special_tokens).ids
vocab = list(tok.get_vocab(with_added_tokens=True).keys())
n = int(sys.argv[2])
print(json.dumps(get_anchor_ids(T(), vocab, n)))
print(json.dumps(get_anchor_ids(None, vocab, n)))
