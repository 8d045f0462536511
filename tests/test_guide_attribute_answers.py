"""A question about the product being discussed is the model's only when its answer cites the
clause that states it, or says plainly that the catalog is silent: a fact cited for a
question it does not answer ("does it come in a tube?" → "…: shake well before use") reads
as an answer and is not one."""

from __future__ import annotations

import re

import pytest

from shopguide.guide import masks
from shopguide.guide import tagged_answer as ta
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Done
from shopguide.guide.refs import References
from shopguide.store.models import Product
from tests.fixtures.guide import FakeModel


@pytest.fixture
def store(fresh_store):
    fresh_store.set_settings(name="数码", language="zh", currency="CNY")
    fresh_store.save_product(Product(
        "HD-1", "希捷 移动硬盘", "数码/移动硬盘", 819, "CNY", "希捷", 4, "B1", (), (),
        ("移动硬盘",), "希捷移动硬盘，读写很快。标配：硬盘+数据线，不送保护套。"))
    return fresh_store


def second_turn(store, raw: str, question: str) -> tuple[Done, FakeModel]:
    """Show the drive (composed, no model yet), then ask ``question`` with a model that
    writes ``raw``."""
    conv = Conversation()
    for _ in Engine(store).answer("移动硬盘", conv):
        pass
    model = FakeModel(raw)
    done = [ev for ev in Engine(store, model).answer(question, conv) if isinstance(ev, Done)]
    return done[0], model


def tag_holding(model: FakeModel, text: str) -> str:
    """The reference the prompt gave ``text`` under."""
    facts = re.findall(r"(\[P1\.[dt]\d+\]) ([^\[\n]*)", model.prompts[0])
    return next(tag for tag, said in facts if text in said)


def test_an_answer_citing_the_clause_that_states_it_is_the_models(store) -> None:
    _, probe = second_turn(store, "[P1]：[P1.d1]。", "这个有保护套吗")
    tag = tag_holding(probe, "不送保护套")
    done, model = second_turn(store, f"没有，[P1]：{tag}。", "这个有保护套吗")
    assert done.used_model and "不送保护套" in done.text
    # The product's other sentences were masked: the answering one is the one to cite.
    ids = masks.tag_ids(model)
    assert ids[tag] not in model.masks["banned"]
    assert all(ids[t] in model.masks["banned"] for t in ("[P1.d1]", "[P1.d2]", "[P1.d3]") if t != tag)


def test_a_clause_that_does_not_answer_leaves_the_composed_answer(store) -> None:
    _, probe = second_turn(store, "[P1]：[P1.d1]。", "这个有保护套吗")
    other = tag_holding(probe, "读写很快")
    done, _ = second_turn(store, f"[P1]：{other}。", "这个有保护套吗")
    assert not done.used_model and "不送保护套" in done.text


def test_when_the_catalog_is_silent_only_saying_so_is_the_models(store) -> None:
    done, model = second_turn(store, "[P1]：[P1.d1]。", "这个能防水吗")
    assert not done.used_model and "没有写" in done.text  # the composed "doesn't say"
    tags = masks.tag_ids(model)
    assert all(tags[f"[P1.d{i}]"] in model.masks["banned"] for i in (1, 2))
    # no fact of it at all: a price is no answer to "can it get wet?"; the name stays
    assert tags["[P1.price]"] in model.masks["banned"] and tags["[P1]"] not in model.masks["banned"]
    done, _ = second_turn(store, "[P1]的资料里没有写到这一点，可以请店员帮您确认。", "这个能防水吗")
    assert done.used_model and done.text.startswith("希捷 移动硬盘的资料里没有写到")


def test_what_an_attribute_answer_owes() -> None:
    refs = References({"[P1]": "Drive", "[P1.d1]": "Fast reads", "[P1.d2]": "No case included",
                       "[P1.t1]": "portable"})
    assert ta.attribute_debt("No case included.", refs) == "the fact [P1.d2]"
    assert ta.attribute_debt("portable", refs) == "the fact [P1.t1]"
    assert ta.attribute_debt("Ships with a sleeve", refs) is None  # not among the facts
    assert ta.attribute_debt(None, refs) == ta.SILENCE
    assert ta.pays("the fact [P1.d2]", "No: [P1] [P1.d2].")
    assert not ta.pays("the fact [P1.d2]", "[P1]: [P1.d1].")
    assert ta.pays(ta.SILENCE, "The catalog doesn't say that about the [P1].")
    assert not ta.pays(ta.SILENCE, "[P1] is [P1.price].")
