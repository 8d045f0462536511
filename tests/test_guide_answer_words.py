"""The composed answers' words are resources/lang/answers.toml's, the same keys and fields in
both languages."""

from __future__ import annotations

import string

from shopguide.guide import availability, compose
from shopguide.guide.answer_words import say, say_one
from shopguide.store.models import Product
from shopguide.text import resources


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


# What compose.py fills in; a field outside this (a typo) would fail at the shopper's turn.
FIELDS = {"name", "bits", "n", "aisle", "size", "lo", "hi", "what", "cond", "cons", "ceiling",
          "who", "said", "lines", "names", "i", "price", "place", "stock", "where", "tags",
          "line", "thing", "carry", "categories", "clause", "quote", "store", "topic", "budget"}


def test_both_languages_have_every_key_and_only_known_fields() -> None:
    words = resources.answers()
    assert set(words) == {"zh", "en"}
    assert set(words["zh"]) == set(words["en"])
    for key, zh in words["zh"].items():
        en = words["en"][key]
        assert type(zh) is type(en), key
        zh_all = zh if isinstance(zh, tuple) else (zh,)
        en_all = en if isinstance(en, tuple) else (en,)
        # A phrasing may leave a field out ("Take a look at these: "), never invent one.
        for text in zh_all + en_all:
            assert _fields(text) <= FIELDS, (key, text)


def test_the_answers_read_the_file(monkeypatch) -> None:
    """A merchant's change to a wording shows in the composed answer."""
    words = {lang: dict(by) for lang, by in resources.answers().items()}
    words["en"]["out_of_stock"] = "sold out for now"
    words["zh"]["identity"] = "我是{store}的助手。"
    monkeypatch.setattr(resources, "answers", lambda: words)
    p = Product("RS-1", "Cloud Runner", "Shoes", 79.0, "USD", stock=0, aisle="A3")
    assert "sold out for now" in compose.product_line(p, "en")
    assert compose.compose_social("identity", "zh", "Nova", "你是谁") == "我是Nova的助手。"


def test_phrasings_are_chosen_by_the_question() -> None:
    a = say_one("greeting", "en", "hello", store="Nova")
    assert a == say_one("greeting", "en", "hello", store="Nova")
    assert {say_one("greeting", "en", s, store="Nova") for s in ("hi", "hello", "hey there",
                                                                  "good morning")} == {
        t.format(store="Nova") for t in resources.answers()["en"]["greeting"]}
    assert say("in_stock_n", "zh", n=3) == "有货3件"


def test_an_empty_cue_list_fails_loudly_rather_than_matching_everything(monkeypatch) -> None:
    """An availability cue list emptied by mistake would compile to "(?:)", which matches any
    text: every out-of-scope question would name a 'thing' the store lacks."""
    import pytest

    real = resources.cue_words
    monkeypatch.setattr(resources, "cue_words",
                        lambda act, lang=None: () if act == "availability" else real(act, lang))
    availability._availability.cache_clear()
    try:
        with pytest.raises(resources.ResourceError):
            compose.compose_not_found("what's the weather", "en", ["Shoes"])
    finally:
        availability._availability.cache_clear()
