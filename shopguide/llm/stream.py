"""One answer being generated: an iterator of text pieces, cancellable from any thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from time import perf_counter
from typing import TYPE_CHECKING

import torch

from shopguide.llm.detok import StopMatcher
from shopguide.llm.sampling import TokenChooser
from shopguide.llm.settings import GenerationSettings

if TYPE_CHECKING:
    from shopguide.llm.model import LoadedModel

FINISH_REASONS = ("stop", "eos", "length", "cancelled")


class GenerationStream:
    """Iterate for text pieces (whole characters, stop strings never shown).

    The model runs inside ``__next__``, in the thread that iterates: the app's
    worker thread. ``cancel`` (a ``threading.Event``) is checked before every
    token, so setting it from the GUI thread ends the stream after at most one
    more token. After the last piece: ``finish_reason`` is one of ``"stop"``
    (a stop string), ``"eos"`` (end-of-text), ``"length"`` (max_new_tokens or
    the context is full) or ``"cancelled"``; ``n_tokens`` counts generated
    tokens (end-of-text excluded); ``first_token_s`` is the time from the first
    ``next()`` to the first token (tokenizing + prompt pass); ``tokens_per_s``
    is the decode rate after the first token.

    ``guard`` (optional) is asked about each candidate token with the answer text
    it would make (the bytes of an unfinished character as lone surrogates, as
    ``errors="surrogateescape"`` decodes them); a token it refuses is not written,
    and the most likely one it accepts is (see ``TokenChooser``).
    ``guard_refusals`` counts the steps where it changed the model's choice. A guard with
    a ``completion(text) -> str`` method may also dictate what follows (the rest of a
    product name the model began): those characters are written as the model's own,
    counted in ``forced_tokens``. ``banned`` token ids are never written (see ``TokenChooser``); ``once`` ids are written at
    most once (a reference said a second time is how a small model starts to loop); once a
    token of ``switches`` is written, the ids it maps to are masked until another one is (a
    product's name written: the other products' facts are masked until their name is).
    """

    def __init__(
        self,
        model: LoadedModel,
        prompt_ids: list[int],
        settings: GenerationSettings,
        cancel: threading.Event | None,
        truncated: bool = False,
        guard: Callable[[str], bool] | None = None,
        banned: Sequence[int] = (),
        once: Sequence[int] = (),
        switches: Mapping[int, Sequence[int]] | None = None,
    ) -> None:
        self.model = model
        self.banned = tuple(banned)
        self.once = frozenset(once)
        self.switches = dict(switches or {})
        self.prompt_ids = prompt_ids
        self.settings = settings
        self.cancel = cancel if cancel is not None else threading.Event()
        self.prompt_truncated = truncated
        self.guard = guard
        self.guard_refusals = 0
        self.forced_tokens = 0  # written by the guard's completion, not chosen by the model
        self.chosen_logprobs: list[float] = []
        self._raw, self._raw_n = b"", 0  # see _written
        self.finish_reason: str | None = None
        self.n_tokens = 0
        self.token_ids: list[int] = []
        self.first_token_s: float | None = None
        self.total_s: float | None = None
        self.text = ""
        self._gen = self._run()

    @property
    def prompt_tokens(self) -> int:
        return len(self.prompt_ids)

    @property
    def done(self) -> bool:
        return self.finish_reason is not None

    @property
    def tokens_per_s(self) -> float:
        if self.first_token_s is None or self.total_s is None or self.n_tokens < 2:
            return 0.0
        span = self.total_s - self.first_token_s
        return (self.n_tokens - 1) / span if span > 0 else 0.0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        return next(self._gen)

    def close(self) -> None:
        """Stop now from the iterating thread (another thread sets ``cancel`` instead)."""
        self._gen.close()

    def read_all(self) -> str:
        for _ in self:
            pass
        return self.text

    def _written(self) -> bytes:
        """The generated tokens' bytes, extended as tokens are written (the guard and the
        name completion both read them, every step)."""
        token_bytes = self.model.tokenizer.token_bytes  # type: ignore[attr-defined]
        if self._raw_n < len(self.token_ids):
            self._raw += b"".join(token_bytes(i) for i in self.token_ids[self._raw_n:])
            self._raw_n = len(self.token_ids)
        return self._raw

    def _allow(self) -> Callable[[int], bool]:
        """The guard's question for one candidate token: the text so far plus its piece."""
        guard, tok = self.guard, self.model.tokenizer
        assert guard is not None
        token_bytes = getattr(tok, "token_bytes", None)
        ids = self.token_ids

        def allow(candidate: int) -> bool:
            if token_bytes is not None:
                raw = self._written() + token_bytes(candidate)
                return guard(raw.decode("utf-8", "surrogateescape"))
            return guard(tok.decode([*ids, candidate]))

        return allow

    def _forced(self, complete: Callable[[str], str]) -> list[int]:
        """Tokens the guard wants written next (the rest of a product name begun), if any."""
        if getattr(self.model.tokenizer, "token_bytes", None) is None:
            return []
        rest = complete(self._written().decode("utf-8", "surrogateescape"))
        return list(self.model.tokenizer.encode(rest)) if rest else []

    def _run(self) -> Iterator[str]:
        t0 = perf_counter()
        m, s = self.model, self.settings
        ids = self.prompt_ids
        max_new = max(0, min(s.max_new_tokens, m.context_length - len(ids)))
        chooser = TokenChooser(s, m.vocab_size, ids, m.eos_ids, m.torch_device, self.banned)
        chooser.track_confidence = self.guard is not None
        self.chosen_logprobs = chooser.logprobs  # the model's own choices; forced ones excluded
        eos = frozenset(m.eos_ids)
        detok = m.tokenizer.detokenizer()
        stops = StopMatcher(s.stop)
        cancel = self.cancel
        text, shown = "", 0
        reason = "length"
        allow = self._allow() if self.guard is not None else None
        try:
            if cancel.is_set() or max_new == 0:
                reason = "cancelled" if cancel.is_set() else "length"
                return
            with torch.inference_mode():
                session = m.backend.start(len(ids) + max_new)
                logits = session.prefill(ids)
            forced: list[int] = []
            complete = getattr(self.guard, "completion", None)
            while True:
                if complete is not None and not forced:
                    forced = self._forced(complete)
                if forced:
                    token = forced.pop(0)
                    self.forced_tokens += 1
                else:
                    with torch.inference_mode():
                        token = chooser.choose(logits, self.n_tokens, allow)
                        self.guard_refusals = chooser.refused
                if self.first_token_s is None:
                    self.first_token_s = perf_counter() - t0
                if token in eos:
                    reason = "eos"
                    break
                self.n_tokens += 1
                self.token_ids.append(token)
                if token in self.once:
                    chooser.ban(token)
                if token in self.switches:
                    chooser.ban_for_now(self.switches[token])
                piece = detok.push(token)
                if piece:
                    text += piece
                    hit = stops.find(text, shown)
                    if hit >= 0:
                        text, reason = text[:hit], "stop"
                        break
                    safe = stops.safe_end(text)
                    if safe > shown:
                        self.text = text[:safe]
                        yield text[shown:safe]
                        shown = safe
                if self.n_tokens >= max_new:
                    break
                if cancel.is_set():
                    reason = "cancelled"
                    break
                with torch.inference_mode():
                    logits = session.step(token)
            if reason != "stop":
                text += detok.flush()
                hit = stops.find(text, shown)
                if hit >= 0:
                    text, reason = text[:hit], "stop"
            self.text = text
            if len(text) > shown:
                yield text[shown:]
        except GeneratorExit:
            reason = "cancelled"
            raise
        except BaseException:
            reason = "error"  # e.g. out of memory: the exception reaches the consumer as it is
            raise
        finally:
            self.finish_reason = reason
            self.total_s = perf_counter() - t0
