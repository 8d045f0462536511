"""Choosing the next token from logits, in the order transformers applies its processors.

repetition penalty → (min length) → temperature → top-k → top-p → sample. Greedy
decoding applies the penalty too, as ``generate()`` does, so the two agree.

NumPy, whichever runtime computed the logits (the torch ones hand over a float32
vector): a seeded answer is then the same on every runtime, and choosing a token
never needs torch. ``choose`` edits the logits in place.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np

from shopguide.llm.settings import GenerationSettings

_IDS = np.int64


class TokenChooser:
    def __init__(
        self,
        settings: GenerationSettings,
        vocab_size: int,
        prompt_ids: Sequence[int],
        eos_ids: Sequence[int],
        banned: Sequence[int] = (),
        references: Sequence[int] = (),
    ) -> None:
        self.s = settings
        # Tokens never written (reference tags that point at no fact of the prompt; digits
        # outside references): masked before anything else, so no setting can bring them back.
        self.banned = np.array(sorted({i for i in banned if 0 <= i < vocab_size}), dtype=_IDS)
        self.for_now = np.empty(0, dtype=_IDS)
        self.held = np.empty(0, dtype=_IDS)
        self.mask_version = 0  # counts the changes to banned and for_now
        self.next_only = np.empty(0, dtype=_IDS)
        self.next_weak = np.empty(0, dtype=_IDS)
        self.penalty = float(settings.repetition_penalty)
        self.eos = np.array(list(eos_ids), dtype=_IDS)
        # The penalised ids, gathered and scattered: cheaper than masking the whole vocabulary.
        seen = sorted({i for i in prompt_ids if 0 <= i < vocab_size})
        self._seen = set(seen)
        self._seen_buf = np.empty(len(seen) + settings.max_new_tokens, dtype=_IDS)
        self._seen_buf[: len(seen)] = seen
        self._n_seen = len(seen)
        # Sampled wording around greedy references (see GenerationSettings.wording_seed).
        self.wording = settings.greedy and settings.wording_seed is not None and \
            settings.temperature > 0
        self.references = np.array(sorted({*references, *eos_ids}), dtype=_IDS)
        self._reference_set = frozenset(int(i) for i in self.references)
        seed = settings.wording_seed if self.wording else (
            settings.seed if not settings.greedy else None)
        self.rng = np.random.default_rng(None if seed is None else int(seed))

    def ban_for_now(self, tokens: Sequence[int]) -> None:
        """Mask ``tokens`` from now until the next call (replacing the ones masked before)."""
        self.for_now = np.array(list(tokens), dtype=_IDS)
        self.mask_version += 1

    def ban_next(self, tokens: Sequence[int], weak: bool = False) -> None:
        """Mask ``tokens`` for the next token only (what may not follow the one just written;
        several calls before one token add up). Should they leave nothing to write (every
        other token masked already), the ``weak`` ones are lifted, then all."""
        more = tokens if isinstance(tokens, np.ndarray) else np.array(list(tokens), dtype=_IDS)
        if weak:
            self.next_weak = np.concatenate((self.next_weak, more)) if self.next_weak.size else more
        else:
            self.next_only = np.concatenate((self.next_only, more)) if self.next_only.size else more

    def hold(self, tokens: Sequence[int]) -> None:
        """Mask ``tokens`` until the next call (the stream's gates that are still closed)."""
        self.held = np.array(sorted(set(tokens)), dtype=_IDS)

    def ban(self, token: int) -> None:
        """Never write ``token`` again in this answer (a reference already used)."""
        if not (self.banned == token).any():
            self.banned = np.append(self.banned, np.array([token], dtype=_IDS))
            self.mask_version += 1

    def masked_now(self) -> set[int]:
        """The tokens masked whatever is written next: used references and the facts
        switched off while another product is spoken of (not the gates' holds: a fact held
        until a name is written is to come); they change when ``mask_version`` does."""
        return set(np.concatenate((self.banned, self.for_now)).tolist())

    def fork(self) -> TokenChooser:
        """A copy that goes on apart from this one (another hypothesis of a beam search)."""
        twin = copy.copy(self)
        twin._seen = set(self._seen)
        twin._seen_buf = self._seen_buf.copy()
        if self.wording or not self.s.greedy:  # (a greedy chooser never draws)
            twin.rng = copy.deepcopy(self.rng)
        return twin

    def mask(self, logits: np.ndarray, n_generated: int) -> np.ndarray:
        """Every mask and the repetition penalty applied to ``logits`` (edited in place and
        returned): what the next token is chosen from. Clears the next-token masks."""
        s = self.s
        logits[self.banned] = -np.inf
        logits[self.for_now] = -np.inf
        logits[self.held] = -np.inf
        if self.next_only.size or self.next_weak.size:
            self._mask_next(logits)
        if self.penalty != 1.0 and self._n_seen:
            idx = self._seen_buf[: self._n_seen]
            vals = logits[idx]
            logits[idx] = np.where(vals < 0, vals * self.penalty, vals / self.penalty)
        if n_generated < s.min_new_tokens:
            logits[self.eos] = -np.inf
        return logits

    def choose(self, logits: np.ndarray, n_generated: int) -> int:
        """``logits``: float32 vector over the vocabulary for the next position (edited)."""
        s = self.s
        self.mask(logits, n_generated)
        token = int(np.argmax(logits))
        if self.wording and token not in self._reference_set:
            # Own words: drawn among own words, so a reference or the end comes only where
            # greedy decoding would put it.
            logits[self.references] = -np.inf
            token = self._sample(logits)
        elif not s.greedy:
            token = self._sample(logits)
        self.note(token)
        return token

    def note(self, token: int) -> None:
        """``token`` is written (the repetition penalty counts it from now on)."""
        if token not in self._seen and self.penalty != 1.0:
            self._seen.add(token)
            if self._n_seen < self._seen_buf.size:
                self._seen_buf[self._n_seen] = token
                self._n_seen += 1

    def _mask_next(self, logits: np.ndarray) -> None:
        """The next-token masks; should they leave nothing, the firm ones alone, else none."""
        firm, weak = self.next_only, self.next_weak
        self.next_only = self.next_weak = np.empty(0, dtype=_IDS)
        for masks in ((firm, weak), (firm,)):
            left = np.isfinite(logits)
            for ids in masks:
                left[ids] = False
            if left.any():
                for ids in masks:
                    logits[ids] = -np.inf
                return

    def _filtered(self, logits: np.ndarray) -> np.ndarray:
        """Temperature, top-k and top-p applied: the logits sampling draws from."""
        s = self.s
        logits = logits / np.float32(s.temperature)
        if 0 < s.top_k < logits.size:
            kth = np.partition(logits, -s.top_k)[-s.top_k]
            logits[logits < kth] = -np.inf
        if s.top_p < 1.0:
            order = np.argsort(logits, kind="stable")  # ascending, as transformers sorts
            cum = np.cumsum(_softmax(logits[order]))
            drop = cum <= (1.0 - s.top_p)
            drop[-1] = False  # always keep the most likely token
            logits[order[drop]] = -np.inf
        return logits

    def _sample(self, logits: np.ndarray) -> int:
        cdf = np.cumsum(_softmax(self._filtered(logits)))
        # Inverse CDF with the store's seed: the same draw on every runtime and platform.
        pick = int(np.searchsorted(cdf, self.rng.random() * cdf[-1], side="right"))
        return min(pick, cdf.size - 1)


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x.astype(np.float64) - np.max(x))
    return z / z.sum()
