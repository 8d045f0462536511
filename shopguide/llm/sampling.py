"""Choosing the next token from logits, in the order transformers applies its processors.

repetition penalty → (min length) → temperature → top-k → top-p → sample. Greedy
decoding applies the penalty too, as ``generate()`` does, so the two agree.
Call ``choose`` under ``torch.inference_mode()``: it edits the logits in place.
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
        banned: Sequence[int] = (),
        references: Sequence[int] = (),
    ) -> None:
        self.s = settings
        # Tokens never written (reference tags that point at no fact of the prompt; digits
        # outside references): masked before anything else, so no setting can bring them back.
        self.banned = torch.tensor(sorted({i for i in banned if 0 <= i < vocab_size}),
                                   dtype=torch.long, device=device)
        self.for_now = torch.empty(0, dtype=torch.long, device=device)
        self.penalty = float(settings.repetition_penalty)
        self.eos = torch.tensor(list(eos_ids), dtype=torch.long, device=device)
        # The penalised ids, gathered and scattered: cheaper than masking the whole vocabulary.
        seen = sorted({i for i in prompt_ids if 0 <= i < vocab_size})
        self._seen = set(seen)
        self._seen_buf = torch.empty(len(seen) + settings.max_new_tokens, dtype=torch.long,
                                     device=device)  # fmt: skip
        self._seen_buf[: len(seen)] = torch.tensor(seen, dtype=torch.long)
        self._n_seen = len(seen)
        self.generator: torch.Generator | None = None
        # Sampled wording around greedy references (see GenerationSettings.wording_seed).
        self.wording = settings.greedy and settings.wording_seed is not None and \
            settings.temperature > 0
        self.references = torch.tensor(sorted({*references, *eos_ids}), dtype=torch.long,
                                       device=device)
        self._reference_set = frozenset(int(i) for i in self.references.tolist())
        seed = settings.wording_seed if self.wording else (
            settings.seed if not settings.greedy else None)
        if seed is not None:
            self.generator = torch.Generator(device=device)
            self.generator.manual_seed(int(seed))

    def ban_for_now(self, tokens: Sequence[int]) -> None:
        """Mask ``tokens`` from now until the next call (replacing the ones masked before)."""
        self.for_now = torch.tensor(list(tokens), dtype=torch.long, device=self.banned.device)

    def ban(self, token: int) -> None:
        """Never write ``token`` again in this answer (a reference already used)."""
        if not bool((self.banned == token).any()):
            extra = torch.tensor([token], dtype=torch.long, device=self.banned.device)
            self.banned = torch.cat([self.banned, extra])

    def choose(self, logits: torch.Tensor, n_generated: int) -> int:
        """``logits``: float32 vector over the vocabulary for the next position (edited)."""
        s = self.s
        if self.banned.numel():
            logits.index_fill_(0, self.banned, float("-inf"))
        if self.for_now.numel():
            logits.index_fill_(0, self.for_now, float("-inf"))

        if self.penalty != 1.0 and self._n_seen:
            idx = self._seen_buf[: self._n_seen]
            vals = logits.index_select(0, idx)
            vals = torch.where(vals < 0, vals * self.penalty, vals / self.penalty)
            logits.index_copy_(0, idx, vals)
        if n_generated < s.min_new_tokens and self.eos.numel():
            logits.index_fill_(0, self.eos, float("-inf"))
        token = int(torch.argmax(logits))
        if self.wording and token not in self._reference_set:
            # Own words: drawn among own words, so a reference or the end comes only where
            # greedy decoding would put it.
            token = self._sample(logits.index_fill_(0, self.references, float("-inf")))
        elif not s.greedy:
            token = self._sample(logits)
        if token not in self._seen and self.penalty != 1.0:
            self._seen.add(token)
            if self._n_seen < self._seen_buf.numel():
                self._seen_buf[self._n_seen] = token
                self._n_seen += 1
        return token

    def _filtered(self, logits: torch.Tensor) -> torch.Tensor:
        """Temperature, top-k and top-p applied: the logits sampling draws from."""
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
        return logits

    def _sample(self, logits: torch.Tensor) -> int:
        probs = torch.softmax(self._filtered(logits), dim=-1)
        return int(torch.multinomial(probs, 1, generator=self.generator))
