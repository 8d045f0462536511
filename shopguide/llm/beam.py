"""Beam search under the answer's masks: the likeliest complete answers, not the likeliest
next tokens.

Greedy decoding commits to each token's likeliest choice. A small model that opens an answer
in a form the masks then close ("[P1]:" when every clause is masked because the catalog is
silent) has nowhere to go, although the answer it was taught ("The catalog doesn't say…")
is the likeliest *whole* answer by far. A beam keeps the ``width`` likeliest partial answers
(sum of log-probabilities under the same masks as greedy decoding, each hypothesis with its
own ``AnswerMasks``) and collects the complete ones that ``accept`` lets count (an answer
that never references what the turn owes is no candidate, however likely).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from shopguide.llm.answer_masks import AnswerMasks
from shopguide.llm.detok import StopMatcher


@dataclass(frozen=True)
class Beam:
    """``width`` hypotheses kept at each step; ``keep`` complete answers gathered before the
    search may stop (it stops once no live hypothesis can beat the ``keep``-th); ``accept``:
    whether a complete answer (its raw text) counts at all; ``max_tokens``: the search's own
    limit, below the settings' ``max_new_tokens`` (what it finds past it is cut)."""

    width: int = 4
    keep: int = 3
    accept: Callable[[str], bool] | None = None
    max_tokens: int | None = None

    def __post_init__(self) -> None:
        if self.width < 1 or self.keep < 1:
            raise ValueError(f"a beam needs width and keep of at least 1, not {self}")


@dataclass
class Candidate:
    """A complete answer: its text (stop string cut), token ids, log-probability, and why it
    ended ("eos", "stop" or "length")."""

    text: str
    ids: list[int]
    score: float
    reason: str


class _Hypothesis:
    __slots__ = ("ids", "score", "masks", "row", "logits")

    def __init__(self, ids: list[int], score: float, masks: AnswerMasks, row: int,
                 logits: np.ndarray | None) -> None:
        self.ids, self.score, self.masks = ids, score, masks
        self.row, self.logits = row, logits

    def fork(self) -> _Hypothesis:
        return _Hypothesis(list(self.ids), self.score, self.masks.fork(), self.row, self.logits)


class _Forked:
    """The hypotheses' network state where the backend has no batched rows: a session each,
    forked where a hypothesis is continued twice (its KV cache copied, the prompt's too)."""

    def __init__(self, session: Any) -> None:
        self.sessions = [session]

    def step(self, tokens: list[int], rows: list[int]) -> list[np.ndarray]:
        uses = Counter(rows)
        sessions = []
        for row in rows:
            uses[row] -= 1
            sessions.append(self.sessions[row] if uses[row] == 0 else self.sessions[row].fork())
        self.sessions = sessions
        return [s.step(t) for s, t in zip(sessions, tokens)]


def search(model: Any, session: Any, logits: np.ndarray, masks: AnswerMasks, max_new: int,
           beam: Beam, stops: Sequence[str], cancel: threading.Event) -> list[Candidate]:
    """The accepted complete answers, likeliest first (empty: none was accepted, or
    ``cancel`` was set). ``session``: the one that ran the prompt (its ``rows`` batch the
    hypotheses where the backend has them)."""
    eos = frozenset(model.eos_ids)
    stop = StopMatcher(stops)
    steps = min(max_new, beam.max_tokens or max_new)
    rows = getattr(session, "rows", None)
    net = rows(steps) if rows is not None else _Forked(session)
    live = [_Hypothesis([], 0.0, masks, 0, logits)]
    done: list[Candidate] = []

    def finish(h: _Hypothesis, score: float, reason: str) -> None:
        text = _text(model, h.ids)
        if (hit := stop.find(text, 0)) >= 0:
            text, reason = text[:hit], "stop"
        if beam.accept is None or beam.accept(text):
            done.append(Candidate(text, list(h.ids), score, reason))

    for n in range(steps):
        if cancel.is_set():
            return []
        chosen = _best(live, n, beam.width, eos, finish)
        grown = _grow(chosen, model, stop)
        for h in [h for h in grown if h.logits is None]:  # a stop string was written
            finish(h, h.score, "stop")
        live = [h for h in grown if h.logits is not None]
        done.sort(key=lambda c: -c.score)
        if not live or (len(done) >= beam.keep and live[0].score <= done[beam.keep - 1].score):
            break  # log-probabilities only fall: no live hypothesis can overtake
        if n == steps - 1:
            for h in live:
                finish(h, h.score, "length")
            break
        out = net.step([h.ids[-1] for h in live], [h.row for h in live])
        for row, (h, row_logits) in enumerate(zip(live, out)):
            h.row, h.logits = row, row_logits
    return sorted(done, key=lambda c: -c.score)


_Option = tuple[float, "_Hypothesis", int]  # (score, hypothesis, next token)


def _best(live: list[_Hypothesis], n: int, width: int, eos: frozenset[int],
          finish: Callable[[_Hypothesis, float, str], None]) -> list[_Option]:
    """The ``width`` likeliest continuations of the live hypotheses; end-of-text among them
    completes its hypothesis (and takes no place in the beam)."""
    options: list[_Option] = []
    for h in live:
        logp = _log_softmax(h.masks.chooser.mask(h.logits.copy(), n))
        # end-of-text takes no place in the beam: each hypothesis offers that many more
        k = min(width + len(eos), int(np.isfinite(logp).sum()))
        if k == 0:
            continue
        top = np.argpartition(-logp, k - 1)[:k]
        options += [(h.score + float(logp[t]), h, int(t)) for t in top]
    options.sort(key=lambda o: -o[0])
    chosen: list[_Option] = []
    for score, h, token in options:
        if len(chosen) == width:
            break
        if token in eos:
            finish(h, score, "eos")
        else:
            chosen.append((score, h, token))
    return chosen


def _grow(chosen: list[_Option], model: Any, stop: StopMatcher) -> list[_Hypothesis]:
    """Each chosen continuation as a hypothesis of its own (its network state still its
    parent's row): a parent's last child takes the parent itself, the others fork its masks
    before it moves on. ``logits`` None: the text now holds a stop string."""
    uses = Counter(id(h) for _, h, _ in chosen)
    grown = []
    for score, h, token in chosen:
        uses[id(h)] -= 1
        child = h if uses[id(h)] == 0 else h.fork()
        child.ids.append(token)
        child.score = score
        child.masks.chooser.note(token)
        child.masks.advance(token)
        # A stop string is a few characters: the last tokens' text holds it if any does.
        stopped = stop.stops and stop.find(_text(model, child.ids[-_TAIL:]), 0) >= 0
        child.logits = None if stopped else child.logits
        grown.append(child)
    return grown


_TAIL = 12


def _text(model: Any, ids: list[int]) -> str:
    detok = model.tokenizer.detokenizer()
    return "".join(detok.push(i) for i in ids) + detok.flush()


def _log_softmax(x: np.ndarray) -> np.ndarray:
    finite = np.isfinite(x)
    if not finite.any():
        return x
    z = x.astype(np.float64) - x[finite].max()
    return z - np.log(np.exp(z[finite]).sum())
