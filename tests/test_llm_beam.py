"""Beam search under the answer's masks (``llm/beam.py``): every hypothesis masked as the only
answer would be, each with its own network state, scored by its own log-probability."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from shopguide.llm import GenerationSettings, load_model
from shopguide.llm.beam import Beam

PROMPT = "Q: 有没有500元以内适合扁平足的跑鞋？\nA:"
SETTINGS = GenerationSettings(max_new_tokens=10, stop=())


@pytest.fixture(scope="module", params=["numpy", "lean", "transformers"])
def tiny(request, tiny_model_dir):
    return load_model(str(tiny_model_dir), backend=request.param)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    z = x.astype(np.float64) - x.max()
    return z - np.log(np.exp(z).sum())


def _forced_score(model, ids: list[int], end: bool) -> float:
    """The log-probability of ``ids`` (and end-of-text after them when ``end``), read through
    a session of its own."""
    prompt = model.tokenizer.encode(PROMPT)
    session = model.backend.start(len(prompt) + len(ids) + 1)
    logits, total = session.prefill(prompt), 0.0
    for token in ids:
        total += _log_softmax(logits)[token]
        logits = session.step(token)
    return total + (_log_softmax(logits)[model.eos_ids[0]] if end else 0.0)


def test_each_candidate_scores_its_own_log_probability(tiny) -> None:
    """Hypotheses forked from one another keep their own network state: every candidate's
    score is what its tokens score read alone (a shared cache would give other logits)."""
    stream = tiny.stream(PROMPT, SETTINGS, threading.Event(), beam=Beam(width=4, keep=4))
    stream.read_all()
    found = stream.candidates
    assert len(found) >= 2 and len({tuple(c.ids) for c in found}) == len(found)
    for c in found:
        assert c.score == pytest.approx(_forced_score(tiny, c.ids, c.reason == "eos"), abs=1e-3)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert stream.token_ids == found[0].ids and stream.text == found[0].text


def test_a_beam_one_wide_is_greedy_decoding(tiny) -> None:
    greedy = tiny.stream(PROMPT, SETTINGS, threading.Event())
    greedy.read_all()
    beam = tiny.stream(PROMPT, SETTINGS, threading.Event(), beam=Beam(width=1, keep=1))
    beam.read_all()
    assert beam.token_ids == greedy.token_ids and beam.text == greedy.text


class _Trap:
    """A session whose logits depend only on the tokens written: the likeliest first token
    ``a`` leads to a flat, unlikely rest; ``b`` is less likely, but ``b c`` then the end is
    almost sure. Greedy decoding takes ``a``; the likeliest whole answer is ``b c``."""

    def __init__(self, vocab: int, eos: int, a: int, b: int, c: int, said=()) -> None:
        self.vocab, self.eos, self.a, self.b, self.c = vocab, eos, a, b, c
        self.said = list(said)

    def _logits(self) -> np.ndarray:
        x = np.full(self.vocab, -30.0, dtype=np.float32)
        said = tuple(self.said)
        if not said:
            x[self.a], x[self.b] = 2.0, 1.5
        elif said == (self.b,):
            x[self.c] = 8.0
        elif said[0] == self.a:
            x[20:30] = 0.0
            x[self.eos] = 0.0
        else:
            x[self.eos] = 8.0
        return x

    def prefill(self, ids):
        return self._logits()

    def step(self, token):
        self.said.append(token)
        return self._logits()

    def fork(self):
        return _Trap(self.vocab, self.eos, self.a, self.b, self.c, self.said)


def test_a_beam_finds_the_likelier_whole_answer_greedy_decoding_misses(
        tiny_model, monkeypatch) -> None:
    eos = tiny_model.eos_ids[0]
    a, b, c = 10, 11, 12
    monkeypatch.setattr(tiny_model.backend, "start",
                        lambda n: _Trap(tiny_model.vocab_size, eos, a, b, c))
    greedy = tiny_model.stream(PROMPT, SETTINGS, threading.Event())
    greedy.read_all()
    assert greedy.token_ids[0] == a
    beam = tiny_model.stream(PROMPT, SETTINGS, threading.Event(), beam=Beam(width=3))
    beam.read_all()
    assert beam.token_ids == [b, c] and beam.finish_reason == "eos"
    # The masks hold in every hypothesis: with c banned, b leads nowhere likely.
    banned = tiny_model.stream(PROMPT, SETTINGS, threading.Event(), banned=[c],
                               beam=Beam(width=3))
    banned.read_all()
    assert banned.candidates and all(c not in f.ids for f in banned.candidates)
    # Only accepted answers count: refusing "b c" leaves the others.
    text = tiny_model.tokenizer.decode([b, c])
    picky = tiny_model.stream(PROMPT, SETTINGS, threading.Event(),
                              beam=Beam(width=3, accept=lambda t: t != text))
    picky.read_all()
    assert picky.candidates and all(f.ids != [b, c] for f in picky.candidates)


def test_a_token_written_once_is_masked_in_that_hypothesis_only(tiny) -> None:
    """``once``: each hypothesis masks what it wrote itself, not what its siblings wrote."""
    free = tiny.stream(PROMPT, SETTINGS, threading.Event(), beam=Beam(width=4, keep=4))
    free.read_all()
    common = {t for c in free.candidates for t in c.ids}
    stream = tiny.stream(PROMPT, SETTINGS, threading.Event(), once=sorted(common),
                         beam=Beam(width=4, keep=4))
    stream.read_all()
    assert stream.candidates
    for c in stream.candidates:
        assert all(c.ids.count(t) <= 1 for t in common)
    # Siblings share their first tokens: one hypothesis writing a token does not mask it in
    # the others.
    firsts = [c.ids[0] for c in stream.candidates if c.ids]
    assert len(firsts) > len(set(firsts))


class _Cancelling:
    """A session (forked ones too) that sets ``cancel`` once the search has taken a few
    steps: the GUI's cancel button pressed while the beam runs."""

    def __init__(self, session, cancel: threading.Event, steps: list[int]) -> None:
        self.session, self.cancel, self.steps = session, cancel, steps

    def prefill(self, ids):
        return self.session.prefill(ids)

    def step(self, token):
        self.steps[0] += 1
        if self.steps[0] >= 3:
            self.cancel.set()
        return self.session.step(token)

    def fork(self):
        return _Cancelling(self.session.fork(), self.cancel, self.steps)


def test_a_search_cancelled_midway_gives_nothing(tiny, monkeypatch) -> None:
    cancel, steps = threading.Event(), [0]
    start = tiny.backend.start
    monkeypatch.setattr(tiny.backend, "start", lambda n: _Cancelling(start(n), cancel, steps))
    stream = tiny.stream(PROMPT, GenerationSettings(max_new_tokens=40, stop=()), cancel,
                         beam=Beam(width=4, keep=40))
    assert stream.read_all() == "" and stream.finish_reason == "cancelled"
    assert stream.candidates == [] and 3 <= steps[0] < 3 + 4 * 2  # stopped within a step


def test_a_beam_needs_a_width() -> None:
    with pytest.raises(ValueError, match="width"):
        Beam(width=0)
