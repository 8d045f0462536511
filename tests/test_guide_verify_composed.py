"""The verifier never rejects an answer composed from the facts: every sentence of the
composed answer to every query of both evaluation sets (follow-ups replayed) passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopguide import config
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.evaluate import load_cases
from shopguide.guide.verify import check_sentence, split_sentences

HOME_KITCHEN = Path(__file__).parent / "data" / "home_kitchen"


def _engine(tmp_path_factory: pytest.TempPathFactory, source: Path) -> Engine:
    from shopguide.store import open_store
    from shopguide.store.importer import import_path

    store = open_store(tmp_path_factory.mktemp("composed") / "s.sqlite")
    import_path(store, source)
    return Engine(store)


def _failures(engine: Engine, queries: Path) -> tuple[int, list[tuple[str, str, str]]]:
    checked, failed = 0, []
    for case in load_cases(queries):
        conv = Conversation()
        for earlier in case.after:
            for _ in engine.answer(earlier, conv, save=False):
                pass
        plan = engine.plan(case.q, conv)
        facts = plan.facts()
        for s in split_sentences(plan.composed):
            checked += 1
            why = check_sentence(s, facts)
            if why:
                failed.append((case.id, s, why))
    return checked, failed


def test_composed_answers_pass_on_the_demo_set(tmp_path_factory) -> None:
    engine = _engine(tmp_path_factory, config.demo_store_dir())
    checked, failed = _failures(engine, config.resource("eval", "demo.jsonl"))
    assert checked > 250 and not failed, failed[:5]


def test_composed_answers_pass_on_the_home_kitchen_set(tmp_path_factory) -> None:
    engine = _engine(tmp_path_factory, HOME_KITCHEN)
    checked, failed = _failures(engine, HOME_KITCHEN / "queries.jsonl")
    assert checked > 100 and not failed, failed[:5]
