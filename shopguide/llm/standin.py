"""Build a random GPT-2 checkpoint in a folder: the layout transformers saves, made without it.

Used by the test fixture (a tiny model, built in milliseconds) and by
``shopguide bench`` as a stand-in of the bundled model's size until the
trained model ships. The folder holds config.json, model.safetensors, a real
byte-level BPE tokenizer (tokenizer.json, vocab.json, merges.txt) and
tokenizer_config.json, so both transformers' Auto classes and this runtime
load it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path

import torch

from shopguide.bench_data import sample_texts

EOS = "<|endoftext|>"

SAMPLE_TEXT = sample_texts()


def train_tokenizer(texts: Iterable[str], vocab_size: int):
    """A byte-level BPE like GPT-2's, trained on ``texts``; ``<|endoftext|>`` is id 0."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[EOS],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer)
    return tok


def save_tokenizer(tok, folder: Path, context_length: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tok.save(str(folder / "tokenizer.json"))
    tok.model.save(str(folder))  # vocab.json + merges.txt, for GPT-2 tokenizers without tokenizer.json
    (folder / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "GPT2Tokenizer",
                "bos_token": EOS,
                "eos_token": EOS,
                "unk_token": EOS,
                "add_bos_token": False,
                "add_prefix_space": False,
                "model_max_length": context_length,
            },
            indent=2,
        )
    )
    (folder / "special_tokens_map.json").write_text(
        json.dumps({"bos_token": EOS, "eos_token": EOS, "unk_token": EOS}, indent=2)
    )


def gpt2_config(vocab_size: int, n_positions: int, n_embd: int, n_layer: int, n_head: int) -> dict:
    eos_id = 0
    return {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": vocab_size,
        "n_positions": n_positions,
        "n_embd": n_embd,
        "n_layer": n_layer,
        "n_head": n_head,
        "n_inner": None,
        "activation_function": "gelu_new",
        "layer_norm_epsilon": 1e-5,
        "resid_pdrop": 0.0,
        "embd_pdrop": 0.0,
        "attn_pdrop": 0.0,
        "initializer_range": 0.02,
        "scale_attn_weights": True,
        "use_cache": True,
        "bos_token_id": eos_id,
        "eos_token_id": eos_id,
        "tie_word_embeddings": True,
    }


def random_gpt2_weights(config: dict, seed: int, std: float) -> dict[str, torch.Tensor]:
    """Weights under the names GPT2LMHeadModel saves (lm_head tied, so not saved)."""
    from shopguide.llm.gpt2 import GPT2Shape

    g = torch.Generator().manual_seed(seed)
    out: dict[str, torch.Tensor] = {}
    for name, shape in GPT2Shape.from_config(config).expected_shapes().items():
        if name.endswith(("ln_1.weight", "ln_2.weight", "ln_f.weight")):
            t = 1.0 + 0.1 * torch.randn(shape, generator=g)
        elif name.endswith("bias"):
            t = 0.02 * torch.randn(shape, generator=g)
        else:
            t = std * torch.randn(shape, generator=g)
        out["transformer." + name] = t.contiguous()
    return out


def build_random_gpt2(
    folder: Path,
    *,
    texts: Iterable[str] = SAMPLE_TEXT,
    vocab_size: int = 400,
    n_positions: int = 128,
    n_embd: int = 32,
    n_layer: int = 2,
    n_head: int = 2,
    seed: int = 0,
    std: float = 0.15,
) -> Path:
    """Write a complete random GPT-2 folder and return it. The vocabulary is the tokenizer's."""
    from safetensors.torch import save_file

    folder = Path(folder)
    tok = train_tokenizer(texts, vocab_size)
    save_tokenizer(tok, folder, n_positions)
    config = gpt2_config(tok.get_vocab_size(), n_positions, n_embd, n_layer, n_head)
    (folder / "config.json").write_text(json.dumps(config, indent=2))
    weights = random_gpt2_weights(config, seed, std)
    save_file(weights, str(folder / "model.safetensors"), metadata={"format": "pt"})
    return folder


def synthetic_corpus(n_lines: int = 6000, seed: int = 0) -> list[str]:
    """Bilingual shop-like lines, varied enough to train a vocabulary of several thousand."""
    rng = random.Random(seed)
    # Common CJK characters: a block of the unified range is enough for a vocabulary test bed.
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    words = (
        "shoe shoes running jacket rain price stock aisle size color brand return policy "
        "receipt days warm light cotton wool black white blue red green small medium large "
        "customer budget under over help welcome store open close hours gift card member"
    ).split()
    lines = []
    for _ in range(n_lines):
        zh = "".join(rng.choice(hanzi) for _ in range(rng.randint(4, 14)))
        en = " ".join(rng.choice(words) for _ in range(rng.randint(3, 9)))
        price = rng.randint(9, 2999)
        lines.append(f"Q: {zh}？\nA: {en} ¥{price}, aisle {rng.choice('ABCDE')}{rng.randint(1, 9)}.\n")
    return lines
