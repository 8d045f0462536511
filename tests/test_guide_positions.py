"""Positions among the products shown (guide/positions.py), read with resources/lang/positions.csv."""

from __future__ import annotations

import pytest

from shopguide.guide.positions import shown_refs
from shopguide.text import resources
from shopguide.text.analyzer import Analyzer

AN = Analyzer()


def refs(text: str, compares: bool = False) -> list[int]:
    norm = AN.normalize(text)
    return shown_refs(norm, AN.tokens(norm, normalized=True), compares)[0]


@pytest.mark.parametrize("text, compares, expected", [
    ("第二个怎么样", False, [1]),
    ("第三款呢", False, [2]),
    ("第二呢", False, [1]),
    ("第十个", False, [9]),
    ("前两款哪个轻", False, [0, 1]),
    ("后三个呢", False, [-3, -2, -1]),
    ("最后那款有货吗", False, [-1]),
    ("1号和3号比一下", True, [0, 2]),
    ("第二个跟最后一个比较", True, [1, -1]),
    ("the second one", False, [1]),
    ("the first two please", False, [0, 1]),
    ("the last three", False, [-3, -2, -1]),
    ("compare 1 and 3", True, [0, 2]),
    ("compare two or last", True, [1, -1]),
    ("is #2 in stock", False, [1]),
    ("what about number 3", False, [2]),
])
def test_positions_in_both_languages(text: str, compares: bool, expected: list[int]) -> None:
    assert refs(text, compares) == expected


@pytest.mark.parametrize("text", [
    "第一次买跑鞋",  # the first time
    "我们后台怎么处理",  # 后 + 台 is no "last one"
    "前台在哪",
    "a 5th wheel rv",
    "first time buyer",
    "1和3",  # a pair only in a comparison
])
def test_words_that_are_no_position(text: str) -> None:
    assert refs(text) == []


def test_counts_in_a_comparison_are_no_positions() -> None:
    """"两双和三双" compares quantities (two pairs, three pairs), not the 2nd and 3rd shown."""
    assert refs("比较一下两双和三双", compares=True) == []
    assert refs("2号和3号比一下", compares=True) == [1, 2]


def test_the_words_come_from_the_resource_file() -> None:
    words = resources.positions()
    assert "第" in words["mark"]["zh"] and "款" in words["measure"]["zh"]
    assert "bottom" in words["last"]["en"] and "versus" in words["pair"]["en"]


def test_question_shape_words_come_from_the_cues() -> None:
    """The words that end a yes/no question, make a superlative a pick among the shown, and
    make one Chinese character a colour are cues.csv's, read by the query."""
    from shopguide.guide.query import _pick_tail, _yes_no

    assert {"吗", "么"} <= set(resources.cue_words("yes_no_end", "zh"))
    norm = AN.normalize("这双有货吗")
    assert _yes_no(norm, AN.tokens(norm, normalized=True))
    norm = AN.normalize("这双多少钱")
    assert not _yes_no(norm, AN.tokens(norm, normalized=True))
    assert _pick_tail("the cheapest one", len("the cheapest"))
    assert _pick_tail("最便宜的是哪个", len("最便宜"))
    assert not _pick_tail("the cheapest onesie", len("the cheapest"))
    assert set(resources.cue_words("color_mark", "zh")) == {"色", "的"}
