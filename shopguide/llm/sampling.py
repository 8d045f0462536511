"""Choosing the next token from logits, in the order transformers applies its processors.

repetition penalty → (min length) → temperature → top-k → top-p → sample. Greedy
decoding applies the penalty too, as ``generate()`` does, so the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from shopguide.llm.settings import GenerationSettings


class TokenChooser:
    def __init__(
        self,
        settings: GenerationSettings,
        vocab_size: int,
        prompt_ids: Sequence[int],
        eos_ids: Sequence[int],
        device: torch.device,
    ) -> None:
        self.s = settings
        self.penalty = float(settings.repetition_penalty)
        self.eos = torch.tensor(list(eos_ids), dtype=torch.long, device=device)
        self.seen: torch.Tensor | None = None
        if self.penalty != 1.0:
            self.seen = torch.zeros(vocab_size, dtype=torch.bool, device=device)
            if prompt_ids:
                ids = torch.tensor(list(prompt_ids), dtype=torch.long, device=device)
                self.seen[ids.clamp_(0, vocab_size - 1)] = True
        self.generator: torch.Generator | None = None
        if not settings.greedy and settings.seed is not None:
            self.generator = torch.Generator(device=device)
            self.generator.manual_seed(int(settings.seed))

    def choose(self, logits: torch.Tensor, n_generated: int) -> int:
        """``logits``: float32 vector over the vocabulary for the next position."""
        s = self.s
        if self.seen is not None:
            penalised = torch.where(logits < 0, logits * self.penalty, logits / self.penalty)
            logits = torch.where(self.seen, penalised, logits)
        if n_generated < s.min_new_tokens and self.eos.numel():
            logits = logits.clone() if self.seen is None else logits
            logits[self.eos] = float("-inf")
        if s.greedy:
            token = int(torch.argmax(logits))
        else:
            token = self._sample(logits)
        if self.seen is not None:
            self.seen[token] = True
        return token

    def _sample(self, logits: torch.Tensor) -> int:
        s = self.s
        logits = logits / s.temperature
        if 0 < s.top_k < logits.numel():
            kth = torch.topk(logits, s.top_k).values[-1]
            logits = logits.masked_fill(logits < kth, float("-inf"))
        if s.top_p < 1.0:
            sorted_logits, order = torch.sort(logits, descending=False)
            cum = sorted_logits.softmax(-1).cumsum(-1)
            drop = cum <= (1.0 - s.top_p)
            drop[-1] = False  # always keep the most likely token
            logits = logits.masked_fill(drop.scatter(0, order, drop), float("-inf"))
        probs = torch.softmax(logits, dim=-1)
        return int(torch.multinomial(probs, 1, generator=self.generator))
