"""A model that breaks mid-answer costs the shopper nothing: the facts answer instead."""

from __future__ import annotations

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Cards, Done, Failed, Token


class _BrokenModel:
    context_length = 256

    def count_tokens(self, text: str) -> int:
        return len(text)

    def stream(self, prompt, settings=None, cancel=None):
        raise RuntimeError("CUDA out of memory")


def test_a_failing_model_falls_back_to_the_composed_answer(guide_store):
    conv = Conversation()
    events = list(Engine(guide_store, _BrokenModel()).answer("running shoes", conv))
    assert isinstance(events[0], Cards) and events[0].cards
    assert not any(isinstance(e, Failed) for e in events)
    done = events[-1]
    assert isinstance(done, Done) and not done.used_model and done.grounded
    assert done.text and "".join(e.text for e in events if isinstance(e, Token)).strip() == done.text
    assert conv.history and conv.history[-1][0] == "running shoes"  # the turn is remembered
