"""Generation settings: plain data, no torch, so the UI can build them cheaply."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shopguide.guide.prompt import STOP_STRINGS


@dataclass(frozen=True)
class GenerationSettings:
    """How to decode one answer. The defaults suit ShopGuide's one-line answers.

    ``stop`` strings end the answer and are not emitted. ``min_new_tokens``
    keeps end-of-text away until that many tokens exist (the benchmark uses it
    to time a fixed length, as transformers' ``generate`` does).
    """

    max_new_tokens: int = 96
    do_sample: bool = False
    temperature: float = 0.8
    top_p: float = 0.95
    top_k: int = 50
    # 1.0: the penalty also counts the prompt's tokens, so anything above 1 works against
    # copying names and figures from the facts, which is the whole job here.
    repetition_penalty: float = 1.0
    seed: int | None = None
    # Greedy decoding whose own words are drawn with this seed: a reference tag (and the
    # end) is written only where it is the most likely token, as greedy would; the words
    # around the references are sampled. The same question gets the same answer, and
    # different questions do not all get the one most likely frame ("还有其他问题随时问我。"
    # closed half the answers).
    wording_seed: int | None = None
    stop: tuple[str, ...] = STOP_STRINGS
    min_new_tokens: int = 0

    def __post_init__(self) -> None:
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be at least 1, not {self.max_new_tokens}")
        if self.temperature < 0:
            raise ValueError(f"temperature must not be negative, not {self.temperature}")
        if not 0.0 < self.top_p <= 1.0:
            raise ValueError(f"top_p must be in (0, 1], not {self.top_p}")
        if self.top_k < 0:
            raise ValueError(f"top_k must not be negative (0 turns it off), not {self.top_k}")
        if self.repetition_penalty <= 0:
            raise ValueError(f"repetition_penalty must be positive, not {self.repetition_penalty}")
        if isinstance(self.stop, str):
            # A bare string would be read as a tuple of characters: a silent, costly mistake.
            object.__setattr__(self, "stop", (self.stop,))
        object.__setattr__(self, "stop", tuple(s for s in self.stop if s))

    @property
    def greedy(self) -> bool:
        return not self.do_sample or self.temperature == 0.0


def prompt_limit(model: Any, reserve: int) -> int:
    """Tokens a prompt may use: the context less what the answer is given (``reserve``), and
    no more than the longest prompts the model was trained on (``trained_prompt_tokens``,
    from its card), past which its positions are untrained."""
    budget = int(model.context_length) - reserve
    trained = getattr(model, "trained_prompt_tokens", None)
    return min(budget, trained) if trained else budget
