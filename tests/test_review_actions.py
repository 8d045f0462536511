"""Each action: its preview changes nothing, applying it changes the answer at once (also
for an engine already running), undo puts the store back, and the effect survives an
export → import round trip."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from shopguide.review import (ReviewError, apply_action, find_group, preview_action,
                              review_groups, undo_action)
from shopguide.review.actions import answer
from tests.fixtures.review import store_state


def _shown(turn) -> list[str]:
    return [c.get("sku") or c.get("id") for c in turn["cards"] if c["kind"] != "comparison"]


def _products(turn) -> list[str]:
    return [c["sku"] for c in turn["cards"] if c["kind"] == "product"]


def _faq(turn) -> str | None:
    return next((c["id"] for c in turn["cards"] if c["kind"] == "faq"), None)


REPLY = "We don't sell boats; Lakeside Paddle Co. next door does."
# question, action, parameters, what the answer is after it
CASES = {
    "synonym-product": ("something to keep my coffee hot", "synonym", {"product": "BT-1"},
                        lambda t: _products(t)[:1] == ["BT-1"]),
    "synonym-category": ("hot coffee mug", "synonym", {"category": "Camping/Bottles"},
                         lambda t: t["intent"] == "find" and "BT-1" in _products(t)),
    "faq-alternate": ("when do you shut on saturday", "faq-alternate", {"faq": "hours"},
                      lambda t: t["intent"] == "policy" and _faq(t) == "hours"),
    "new-answer": ("do you do gift wrapping?", "new-answer",
                   {"answer": "Yes: gift wrapping is free at the till."},
                   lambda t: t["intent"] == "policy" and t["answer"].startswith("Yes: gift")),
    "not-carried": ("do you sell kayaks?", "not-carried", {"answer": REPLY},
                    lambda t: t["intent"] == "out_of_scope" and t["cards"] == []
                    and t["answer"] == REPLY),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_preview_apply_undo(case, review_store, shoppers_ask) -> None:
    question, action, params, fixed = CASES[case]
    from shopguide.guide.engine import Engine
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.report import turn_json

    running = Engine(review_store)  # the window's engine, built before the action
    shoppers_ask([question])
    [group] = review_groups(review_store)
    before_turn = answer(review_store, question)
    assert not fixed(before_turn)  # the premise: it fails today
    state = store_state(review_store)

    shown = preview_action(review_store, group, action, **params)
    assert fixed(shown["after"]) and shown["before"]["answer"] == group.answer
    assert store_state(review_store) == state  # nothing saved
    assert not fixed(answer(review_store, question))  # and nothing cached from the preview

    done = apply_action(review_store, group, action, **params)
    assert done.action == action and done.changes
    assert store_state(review_store) != state
    assert fixed(answer(review_store, question))
    assert fixed(turn_json(question, running.answer(question, Conversation())))  # at once
    assert review_groups(review_store) == []  # settled: off the list
    [listed] = review_groups(review_store, include_done=True)
    assert listed.action is not None and listed.action.id == done.id

    undone = undo_action(review_store, done.id)
    assert undone.undone is not None
    assert store_state(review_store) == state
    assert _shown(answer(review_store, question)) == _shown(before_turn)
    assert not fixed(turn_json(question, running.answer(question, Conversation())))
    assert [g.id for g in review_groups(review_store)] == [group.id]  # back on the list


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_effect_survives_export_and_import(case, review_store, shoppers_ask,
                                              tmp_path: Path) -> None:
    from shopguide.store import open_store
    from shopguide.store.exporter import export_store
    from shopguide.store.importer import import_path

    question, action, params, fixed = CASES[case]
    shoppers_ask([question])
    [group] = review_groups(review_store)
    apply_action(review_store, group, action, **params)
    export_store(review_store, tmp_path / "folder")
    with open_store(tmp_path / "copy.sqlite") as copy:
        import_path(copy, tmp_path / "folder")
        assert fixed(answer(copy, question))
        assert store_state(copy) == store_state(review_store)


def test_ignore_hides_the_group_until_undone(review_store, shoppers_ask) -> None:
    shoppers_ask(["hydration pack"])
    shoppers_ask(["do you sell kayaks?"])
    groups = {g.question: g for g in review_groups(review_store)}
    state = store_state(review_store)
    done = apply_action(review_store, groups["hydration pack"], "ignore")
    assert [g.question for g in review_groups(review_store)] == ["do you sell kayaks?"]
    assert store_state(review_store) == state  # hiding writes nothing of the store's
    shoppers_ask(["hydration pack"])  # asked again: still ignored
    assert [g.question for g in review_groups(review_store)] == ["do you sell kayaks?"]
    undo_action(review_store, done.id)
    assert {g.question for g in review_groups(review_store)} == set(groups)


def test_a_group_that_fails_again_after_its_action_comes_back(review_store,
                                                              shoppers_ask) -> None:
    shoppers_ask(["do you sell kayaks?"])
    [group] = review_groups(review_store)
    # An action that does not fix it: a synonym to words the catalog does not have.
    apply_action(review_store, group, "synonym", means="nothing the catalog has")
    assert review_groups(review_store) == []
    shoppers_ask(["do you sell kayaks?"], at=datetime.now(timezone.utc))  # after the action
    [again] = review_groups(review_store)
    assert again.id == group.id and again.count == 1  # only the turn after the action


def test_undo_puts_back_the_row_an_action_replaced(review_store, shoppers_ask) -> None:
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.guide.report import turn_json

    review_store.save_synonym("hot coffee mug", ["Sleeping Bags"])
    running = Engine(review_store)
    q = "hot coffee mug"
    was = _products(turn_json(q, running.answer(q, Conversation())))
    shoppers_ask([q], rate=[-1])
    [group] = review_groups(review_store)
    state = store_state(review_store)
    done = apply_action(review_store, group, "synonym", product="BT-1")
    assert _products(turn_json(q, running.answer(q, Conversation())))[:1] == ["BT-1"]
    undo_action(review_store, done.id)
    assert store_state(review_store) == state  # the merchant's own synonym is back
    # The running engine sees the synonym's old words again (same count, same rowids).
    assert _products(turn_json(q, running.answer(q, Conversation()))) == was


def test_undo_is_refused_when_the_row_changed_since(review_store, shoppers_ask) -> None:
    from shopguide.store.models import FaqEntry

    shoppers_ask(["when do you shut on saturday"])
    [group] = review_groups(review_store)
    done = apply_action(review_store, group, "faq-alternate", faq="hours")
    hours = review_store.faq("hours")
    review_store.save_faq(FaqEntry(hours.id, hours.question, "Open 8 to 8 now.",
                                   hours.alternates, hours.tags))
    state = store_state(review_store)
    with pytest.raises(ReviewError, match="changed since"):
        undo_action(review_store, done.id)
    assert store_state(review_store) == state
    with pytest.raises(ReviewError, match="already undone"):
        undo_action(review_store, undo_action_after_restore(review_store, done.id, hours))


def undo_action_after_restore(store, action_id, hours) -> int:
    """Put the row back as the action left it, undo, and return the id (now undone)."""
    from shopguide.review.log import get
    from shopguide.store.models import FaqEntry

    after = get(store, action_id).changes[0]["after"]
    store.save_faq(FaqEntry(hours.id, after["question"], after["answer"],
                            tuple(after["alternates"]), tuple(after["tags"])))
    undo_action(store, action_id)
    return action_id


@pytest.mark.parametrize("action, params, message", [
    ("synonym", {}, "one of --means, --category, --product"),
    ("synonym", {"product": "NOPE-1"}, "no product with SKU"),
    ("synonym", {"category": "Boats"}, "no category"),
    ("faq-alternate", {"faq": "nope"}, "no FAQ row"),
    ("new-answer", {}, "write the answer"),
    ("new-answer", {"answer": "x", "faq_id": "hours"}, "exists"),
    ("teach", {}, "unknown review action"),
])
def test_a_request_that_cannot_be_done_changes_nothing(action, params, message, review_store,
                                                       shoppers_ask) -> None:
    shoppers_ask(["do you sell kayaks?"])
    [group] = review_groups(review_store)
    state = store_state(review_store)
    with pytest.raises(ReviewError, match=message):
        apply_action(review_store, group, action, **params)
    with pytest.raises(ReviewError, match=message):
        preview_action(review_store, group, action, **params)
    assert store_state(review_store) == state
    assert review_store.conn.execute("SELECT count(*) FROM review_actions").fetchone()[0] == 0


def test_a_group_is_found_by_id_or_key(review_store, shoppers_ask) -> None:
    shoppers_ask(["do you sell kayaks?"])
    [group] = review_groups(review_store)
    assert find_group(review_store, group.id).key == find_group(review_store, group.key).key
    with pytest.raises(ReviewError, match="no question group"):
        find_group(review_store, "g00000000")
