"""A country named in a question is also read as "abroad" in the words policies use, so a
shipping question naming a destination meets the row about shipping to other countries."""

from __future__ import annotations

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.store.models import FaqEntry
from shopguide.text import resources


def test_countries_in_both_languages_mean_abroad() -> None:
    by_term = {s.term: s for s in resources.places()}
    for term, lang in (("canada", "en"), ("mexico", "en"), ("uk", "en"), ("加拿大", "zh"),
                       ("英国", "zh")):
        assert term in by_term and by_term[term].lang == lang, term
    assert "abroad" in by_term["canada"].means and "海外" in by_term["加拿大"].means
    assert not any("," in term for term in by_term)  # "korea, republic of" is nobody's word


@pytest.fixture
def engine(fresh_store):
    from shopguide.guide.engine import Engine

    fresh_store.set_settings(name="Shop", language="en", currency="USD")
    fresh_store.save_faq(FaqEntry("delivery_time", "How long does delivery take?",
                                  "Orders arrive in 2-4 business days.", ("when will it arrive",)))
    fresh_store.save_faq(FaqEntry("international", "Do you ship outside the United States?",
                                  "We ship to US addresses only.",
                                  ("international shipping", "ship abroad")))
    fresh_store.save_faq(FaqEntry("zh_overseas", "可以寄到海外吗？", "目前只发国内地址。", ()))
    return Engine(fresh_store)


@pytest.mark.parametrize("question, row", [
    ("do you guys ship to canada?", "international"),
    ("can it be delivered to mexico ?", "international"),
    ("do you deliver to the uk?", "international"),
    ("how long does delivery take?", "delivery_time"),
    ("能寄到加拿大吗", "zh_overseas"),
])
def test_a_destination_country_finds_the_row_about_shipping_abroad(engine, question, row):
    plan = engine.plan(question, Conversation())
    assert plan.faq is not None and plan.faq.id == row, (question, plan.faq)
