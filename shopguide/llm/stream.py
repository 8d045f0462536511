"""One answer being generated: an iterator of text pieces, cancellable from any thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from time import perf_counter
from typing import TYPE_CHECKING, Any

from shopguide.llm.answer_masks import AnswerMasks
from shopguide.llm.beam import Beam, Candidate, search
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

    ``banned`` token ids are never written (see ``TokenChooser``); ``once`` ids are written at
    most once (a reference said a second time is how a small model starts to loop); once a
    token of ``switches`` is written, the ids it maps to are masked until another one is (a
    product's name written: the other products' facts are masked until their name is).
    With ``settings.wording_seed``, ``references`` (the tag ids) are chosen greedily and the
    words around them sampled. ``gates``: (held, opening) pairs; the ``held`` ids are masked
    until one of the ``opening`` ids is written (the end of a product answer is held until a
    product's fact is written, its facts until its name is). ``followers``: token → ids that
    may not come right after it (a space never follows a space; should these and the
    guard's masks leave nothing, these are lifted first, then the guard's). ``guard``: told
    each token written (``start()``, then ``after(token)``), it gives the ids masked for the
    next one (None: none), reading what the chooser masks if it can ``watch``; the word
    orders the model was taught (``guide.pair_guard.PairGuard``). ``whole_chars``: no token
    that would break a UTF-8 character is written (``llm.utf8``; a byte-level vocabulary
    only), so the text never holds U+FFFD; a function of one character, it also says which
    characters are never completed byte by byte. Off, decoding is plain greedy or sampled,
    as transformers' ``generate``. ``beam``: the answer is the likeliest complete one a beam
    search under the same masks finds (``llm.beam``), given whole when the search ends, the
    others in ``candidates``; without it, each token is yielded as it is chosen.
    """

    def __init__(
        self,
        model: LoadedModel,
        prompt_ids: list[int],
        settings: GenerationSettings,
        cancel: threading.Event | None,
        truncated: bool = False,
        banned: Sequence[int] = (),
        once: Sequence[int] = (),
        switches: Mapping[int, Sequence[int]] | None = None,
        references: Sequence[int] = (),
        gates: Sequence[tuple[Sequence[int], Sequence[int]]] = (),
        followers: Mapping[int, Sequence[int]] | None = None,
        guard: Any = None,
        whole_chars: bool | Callable[[str], bool] = False,
        beam: Beam | None = None,
    ) -> None:
        self.model = model
        self.gates = [(tuple(held), frozenset(opening)) for held, opening in gates]
        self.references = tuple(references)
        self.banned = tuple(banned)
        self.once = frozenset(once)
        self.switches = dict(switches or {})
        self.followers = dict(followers or {})
        self.guard = guard
        self.whole_chars = whole_chars
        self.beam = beam
        self.candidates: list[Candidate] = []
        self.prompt_ids = prompt_ids
        self.settings = settings
        self.cancel = cancel if cancel is not None else threading.Event()
        self.prompt_truncated = truncated
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
        if self.beam is not None:
            return 0.0  # a beam's answer comes whole: there is no decode rate after it
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

    def _run(self) -> Iterator[str]:
        t0 = perf_counter()
        m, s = self.model, self.settings
        ids = self.prompt_ids
        max_new = max(0, min(s.max_new_tokens, m.context_length - len(ids)))
        chooser = TokenChooser(s, m.vocab_size, ids, m.eos_ids, self.banned,
                               self.references)
        eos = frozenset(m.eos_ids)
        detok = m.tokenizer.detokenizer()
        stops = StopMatcher(s.stop)
        cancel = self.cancel
        text, shown = "", 0
        reason = "length"
        try:
            if cancel.is_set() or max_new == 0:
                reason = "cancelled" if cancel.is_set() else "length"
                return
            session = m.backend.start(len(ids) + max_new)
            logits = session.prefill(ids)
            masks = AnswerMasks(self, chooser)
            if self.beam is not None:
                reason = yield from self._searched(session, logits, masks, max_new, t0)
                return
            while True:
                token = chooser.choose(logits, self.n_tokens)
                if self.first_token_s is None:
                    self.first_token_s = perf_counter() - t0
                if token in eos:
                    reason = "eos"
                    break
                self.n_tokens += 1
                self.token_ids.append(token)
                masks.advance(token)

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

    def _searched(self, session: Any, logits: Any, masks: AnswerMasks, max_new: int,
                  t0: float) -> Generator[str, None, str]:
        """The beam's likeliest accepted answer, given whole once the search ends (its other
        complete answers in ``candidates``); returns the finish reason: the answer's own, or
        "eos" with no text when no complete answer was accepted. ``first_token_s`` is the
        time to the answer, the whole search."""
        found = search(self.model, session, logits, masks, max_new, self.beam,
                       self.settings.stop, self.cancel)
        self.first_token_s = perf_counter() - t0
        self.candidates = found
        if self.cancel.is_set():
            return "cancelled"
        if not found:
            return "eos"
        best = found[0]
        self.token_ids, self.n_tokens, self.text = list(best.ids), len(best.ids), best.text
        if best.text:
            yield best.text
        return best.reason
