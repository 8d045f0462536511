"""Tokenized examples and length-bucketed batches, with the loss mask on the answer only."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import torch

IGNORE = -100


@dataclass
class Tokenized:
    ids: list[int]
    n_context: int  # the first n_context tokens carry no loss


def tokenize_pairs(tokenizer, pairs: Sequence[tuple[str, str]], max_len: int) -> list[Tokenized]:
    """Context and target are tokenized apart, as at inference (the prompt ends at ``A:``)."""
    eos = tokenizer.eos_token_id
    ctx_ids = tokenizer([c for c, _ in pairs], add_special_tokens=False)["input_ids"]
    tgt_ids = tokenizer([t for _, t in pairs], add_special_tokens=False)["input_ids"]
    out: list[Tokenized] = []
    for c, t in zip(ctx_ids, tgt_ids):
        t = list(t) + [eos]
        if len(t) >= max_len:
            continue  # an answer longer than the window teaches nothing useful
        c = list(c)[-(max_len - len(t)) :]  # keep the question end of an over-long context
        out.append(Tokenized(c + t, len(c)))
    return out


def batch_order(n_items: int, lengths: Sequence[int], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffled batches of similar length, so little compute goes to padding; deterministic."""
    rng = random.Random(seed)
    idx = list(range(n_items))
    rng.shuffle(idx)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for i in range(0, len(idx), pool):
        chunk = sorted(idx[i : i + pool], key=lambda j: lengths[j])
        batches.extend(chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(items: Sequence[Tokenized], pad_id: int) -> dict[str, torch.Tensor]:
    width = max(len(it.ids) for it in items)
    ids = torch.full((len(items), width), pad_id, dtype=torch.long)
    labels = torch.full((len(items), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for row, it in enumerate(items):
        n = len(it.ids)
        ids[row, :n] = torch.tensor(it.ids)
        labels[row, it.n_context : n] = torch.tensor(it.ids[it.n_context :])
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}
