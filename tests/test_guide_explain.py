"""`shopguide ask --explain`: how a turn was read (words, constraints, candidates with their
scores) and why the answer is what it is, in both languages."""

from __future__ import annotations

import json

import pytest

from shopguide.cli import main


@pytest.fixture
def shop(guide_store, tmp_path):
    return str(guide_store.path)


def _run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_explain_in_chinese_shows_the_reading_and_the_candidates(shop, capsys) -> None:
    out = _run(capsys, "--store", shop, "ask", "--no-model", "--explain", "500元以内适合扁平足的跑鞋")
    lines = [line for line in out.splitlines() if line.startswith("  | ")]
    text = "\n".join(lines)
    assert "words      扁平足 跑鞋" in text or ("扁平足" in text and "跑鞋" in text)
    assert "max_price 500.0" in text and "category 鞋/跑鞋" in text
    assert "product 1  SH-2" in text  # the flat-feet shoe, with its score
    assert "decision   find:" in text


def test_explain_in_english_says_why_a_policy_answers(shop, capsys) -> None:
    out = _run(capsys, "--store", shop, "ask", "--no-model", "--explain",
               "can I get my money back if I don't like it?")
    assert "topics ['returns']" in out
    assert "decision   policy: FAQ 'returns'" in out


def test_explain_says_why_nothing_answers(shop, capsys) -> None:
    out = _run(capsys, "--store", shop, "ask", "--no-model", "--explain", "do you sell golf clubs?")
    assert "decision   out_of_scope: nothing matches well enough" in out


def test_explain_in_json(shop, capsys) -> None:
    out = _run(capsys, "--store", shop, "ask", "--no-model", "--json", "--explain", "跑鞋", "第二个呢")
    turns = [json.loads(line) for line in out.splitlines()]
    assert len(turns) == 2 and all(isinstance(t["explain"], list) for t in turns)
    assert any("refs [1]" in line for line in turns[1]["explain"])
