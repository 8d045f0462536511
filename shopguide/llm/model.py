"""A loaded model: tokenizer + network + the settings the app needs to budget its prompts."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from shopguide.llm.settings import GenerationSettings, prompt_limit
from shopguide.llm.stream import GenerationStream
from shopguide.llm.tokenizer import TextTokenizer

if TYPE_CHECKING:
    from shopguide.llm.beam import Beam
    from shopguide.llm.gpt2 import LeanGPT2


class Session(Protocol):
    """One answer's network state. Logits come back as a float32 NumPy vector whatever the
    runtime, so choosing tokens (sampling.py) is the same code on every one."""

    def prefill(self, ids: list[int]) -> np.ndarray: ...
    def step(self, token: int) -> np.ndarray: ...
    def fork(self) -> Session: ...  # a copy that goes on apart (a beam's hypothesis)


class Backend(Protocol):
    name: str

    def start(self, length: int) -> Session: ...


class LeanBackend:
    """The plain-torch GPT-2 of gpt2.py with a KV cache allocated once per answer."""

    name = "lean-gpt2"

    def __init__(self, net: LeanGPT2) -> None:
        self.net = net

    def start(self, length: int) -> Session:
        return _LeanSession(self.net, length)


class _LeanSession:
    __slots__ = ("net", "cache", "pos")

    def __init__(self, net: LeanGPT2, length: int) -> None:
        self.net = net
        self.cache = net.new_cache(length)
        self.pos = 0

    def prefill(self, ids: list[int]) -> np.ndarray:
        import torch

        with torch.inference_mode():
            t = torch.tensor(ids, dtype=torch.long, device=self.net.device)
            logits = self.net.forward(t, 0, self.cache)
        self.pos = len(ids)
        return logits[0].float().cpu().numpy()

    def fork(self) -> _LeanSession:
        twin = _LeanSession.__new__(_LeanSession)
        twin.net, twin.cache, twin.pos = self.net, self.cache.clone(), self.pos
        return twin

    def step(self, token: int) -> np.ndarray:
        import torch

        with torch.inference_mode():
            logits = self.net.forward(token, self.pos, self.cache)
        self.pos += 1
        return logits[0].float().cpu().numpy()


class LoadedModel:
    """What ``load_model`` returns. Safe to share between threads; each stream has its own cache.

    ``count_tokens`` and ``context_length`` let the engine budget prompts;
    ``stream`` (a str or a ``guide.prompt.Prompt``) returns a ``GenerationStream``.
    """

    def __init__(
        self,
        *,
        name: str,
        path: Path,
        model_type: str,
        backend: Backend,
        tokenizer: TextTokenizer,
        context_length: int,
        vocab_size: int,
        num_parameters: int,
        device: Any,
        dtype: Any,
        hf_model: Any = None,
        trained_prompt_tokens: int | None = None,
        prompt_format: str | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.model_type = model_type
        self.backend = backend
        self.tokenizer = tokenizer
        self.context_length = context_length
        self.vocab_size = vocab_size
        self.num_parameters = num_parameters
        self._device = str(device)  # "cpu", "cuda:0": a torch.device or its name
        self.dtype = str(dtype).replace("torch.", "")
        self.hf_model = hf_model
        # How long a prompt the model was trained on (its card's corpus.prompt_tokens: p90,
        # else p99): past it the model saw few or no prompts and writes fragments (" [P2].").
        self.trained_prompt_tokens = trained_prompt_tokens
        # The prompt form it was trained on (its card's prompt_format): a model of an older
        # form is given no line it never saw (``guide.prompt.Prompt.stated``).
        self.prompt_format = prompt_format
        self.load_s: float | None = None

    @property
    def device(self) -> str:
        return self._device

    @property
    def eos_ids(self) -> tuple[int, ...]:
        return self.tokenizer.eos_ids

    def __repr__(self) -> str:
        return (
            f"LoadedModel({self.name!r}, {self.num_parameters / 1e6:.1f}M params, "
            f"context {self.context_length}, {self.device}/{self.dtype}, "
            f"{self.backend.name})"
        )

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text))

    def encode(self, text: str) -> list[int]:
        return self.tokenizer.encode(text)

    def decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids)

    def prompt_budget(self, settings: GenerationSettings) -> int:
        """Tokens the prompt may use so that the answer still fits in the context.

        An answer budget beyond half the context would starve the prompt of its
        facts, so at most half is reserved; such an answer ends when the context is full.
        A model whose card says how long its training prompts were is kept within them.
        """
        return prompt_limit(self, min(settings.max_new_tokens, self.context_length // 2))

    def render_prompt(self, prompt: Any, settings: GenerationSettings | None = None) -> str:
        """A ``Prompt`` rendered to fit: oldest conversation cut first, facts last."""
        settings = settings or GenerationSettings()
        return prompt.fit(self.count_tokens, self.prompt_budget(settings))

    def stream(
        self,
        prompt: Any,
        settings: GenerationSettings | None = None,
        cancel: threading.Event | None = None,
        banned: Sequence[int] = (),
        once: Sequence[int] = (),
        switches: Mapping[int, Sequence[int]] | None = None,
        references: Sequence[int] = (),
        gates: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
        followers: Mapping[int, Sequence[int]] | None = None,
        guard: Any = None,
        whole_chars: bool | Callable[[str], bool] = False,
        beam: Beam | None = None,
    ) -> GenerationStream:
        """Start an answer. ``prompt`` is a str or anything with ``fit`` (a guide ``Prompt``).

        A str longer than the budget loses its oldest tokens: a last resort, since
        it may cut facts. Pass a ``Prompt`` to have the conversation cut first.
        ``banned``, ``once``, ``switches``, ``references``, ``gates``, ``followers``,
        ``guard``, ``whole_chars``, ``beam``: see ``GenerationStream``.
        """
        settings = settings or GenerationSettings()
        text = prompt if isinstance(prompt, str) else self.render_prompt(prompt, settings)
        return self.stream_ids(self.tokenizer.encode(text), settings, cancel, banned, once,
                               switches, references, gates, followers, guard, whole_chars, beam)

    def stream_ids(
        self,
        ids: list[int],
        settings: GenerationSettings | None = None,
        cancel: threading.Event | None = None,
        banned: Sequence[int] = (),
        once: Sequence[int] = (),
        switches: Mapping[int, Sequence[int]] | None = None,
        references: Sequence[int] = (),
        gates: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
        followers: Mapping[int, Sequence[int]] | None = None,
        guard: Any = None,
        whole_chars: bool | Callable[[str], bool] = False,
        beam: Beam | None = None,
    ) -> GenerationStream:
        """Start from token ids (benchmarks, tests); cut from the left to fit, like ``stream``."""
        settings = settings or GenerationSettings()
        ids = list(ids)
        budget = self.prompt_budget(settings)
        truncated = len(ids) > budget
        if truncated:
            ids = ids[-budget:]
        if not ids:
            # An empty prompt: start from end-of-text, as GPT-2 was trained to.
            ids = list(self.eos_ids[:1]) or [0]
        return GenerationStream(self, ids, settings, cancel, truncated, banned, once,
                                switches, references, gates, followers, guard, whole_chars, beam)

    def stream_prompt(
        self,
        prompt: Any,
        settings: GenerationSettings | None = None,
        cancel: threading.Event | None = None,
    ) -> GenerationStream:
        """Same as ``stream`` for a ``Prompt``; the name says the structured cut is used."""
        return self.stream(prompt, settings, cancel)

    def generate(
        self,
        prompt: Any,
        settings: GenerationSettings | None = None,
        cancel: threading.Event | None = None,
    ) -> str:
        """The whole answer at once (tests, scripts); the app streams instead."""
        return self.stream(prompt, settings, cancel).read_all()
