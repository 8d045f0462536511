"""A byte-level BPE tokenizer trained on the corpus, saved as GPT-2 tokenizer files.

Byte level means no character is ever unknown (any Chinese character falls back
to its UTF-8 bytes); a vocabulary of a few thousand is enough for the common
Chinese characters of the corpus to become single tokens.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

EOS = "<|endoftext|>"


def train_tokenizer(texts: Iterable[str], folder: Path, vocab_size: int = 6000,
                    min_frequency: int = 2, tags: Iterable[str] = ()) -> Path:
    """Train on ``texts`` and write tokenizer.json, vocab.json, merges.txt, tokenizer_config.json.
    ``tags`` (reference tags, ``guide/refs.py``) become whole tokens that decode to their
    own text: the model writes a tag in one step, and the runtime can mask it."""
    from tokenizers import ByteLevelBPETokenizer

    tok = ByteLevelBPETokenizer(add_prefix_space=False, trim_offsets=True)
    tok.train_from_iterator(texts, vocab_size=vocab_size, min_frequency=min_frequency,
                            special_tokens=[EOS], show_progress=False)
    tags = list(tags)
    if tags:
        tok.add_tokens(tags)
    folder.mkdir(parents=True, exist_ok=True)
    tok.save(str(folder / "tokenizer.json"))
    tok.save_model(str(folder))  # vocab.json + merges.txt, the files GPT-2 tooling expects
    config = {
        "tokenizer_class": "GPT2Tokenizer",
        "model_max_length": 1024,
        "bos_token": EOS,
        "eos_token": EOS,
        "unk_token": EOS,
        "pad_token": EOS,
        "add_prefix_space": False,
        "clean_up_tokenization_spaces": False,
    }
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    (folder / "special_tokens_map.json").write_text(
        json.dumps({"bos_token": EOS, "eos_token": EOS, "unk_token": EOS, "pad_token": EOS}, indent=2),
        encoding="utf-8",
    )
    return folder


def load_tokenizer(folder: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(folder))
