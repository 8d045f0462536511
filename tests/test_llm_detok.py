"""Whole characters out of byte-level tokens, and stop strings that are never shown in part."""

from __future__ import annotations

import json

import pytest

from shopguide.llm import GenerationSettings
from shopguide.llm.detok import DiffDetokenizer, StopMatcher
from shopguide.llm.tokenizer import load_fast_tokenizer

TEXT = "您好！云跃缓震跑鞋 ¥459，库存12双，在A3通道。Rain jackets: aisle B2 谢谢光临"


@pytest.fixture(scope="module")
def tok(tiny_model_dir):
    return load_fast_tokenizer(tiny_model_dir, json.loads((tiny_model_dir / "config.json").read_text()))


def _split_chars(tok, ids) -> int:
    def whole(b: bytes) -> bool:
        try:
            b.decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False

    return sum(not whole(tok.token_bytes(i)) for i in ids)


@pytest.mark.parametrize("kind", ["byte-level", "diff"])
def test_pieces_are_whole_characters_and_join_to_the_text(tok, kind):
    ids = tok.encode(TEXT)
    assert _split_chars(tok, ids) > 0  # the tiny vocabulary splits some characters over tokens
    detok = tok.detokenizer() if kind == "byte-level" else DiffDetokenizer(tok.decode)
    pieces = [detok.push(i) for i in ids] + [detok.flush()]
    assert all("\ufffd" not in p for p in pieces)
    assert "".join(pieces) == TEXT
    # A split character shows up once complete, not before: some pushes give nothing.
    assert "" in pieces[:-1]


@pytest.mark.parametrize("kind", ["byte-level", "diff"])
def test_invalid_bytes_decode_as_a_one_shot_decode_does(tok, kind):
    # Half a character, then ASCII: the one-shot decode shows a replacement character.
    ids = tok.encode("谢")
    broken = ids[:1] + tok.encode(" ok") + ids[:1]
    if _split_chars(tok, ids) == 0:
        pytest.skip("this vocabulary holds 谢 as one token")
    detok = tok.detokenizer() if kind == "byte-level" else DiffDetokenizer(tok.decode)
    text = "".join(detok.push(i) for i in broken) + detok.flush()
    assert text == tok.decode(broken)
    assert "\ufffd" in text


def _feed(matcher: StopMatcher, pieces):
    """Mimics the stream: returns (shown pieces, final text, stopped)."""
    text, shown, out = "", 0, []
    for piece in pieces:
        text += piece
        hit = matcher.find(text, shown)
        if hit >= 0:
            out.append(text[shown:hit])
            return out, text[:hit], True
        safe = matcher.safe_end(text)
        if safe > shown:
            out.append(text[shown:safe])
            shown = safe
    out.append(text[shown:])
    return out, text, False


def test_stop_string_split_over_pieces_is_never_shown():
    out, text, stopped = _feed(StopMatcher(["\nQ:"]), ["Yes, aisle A3.", "\n", "Q", ":", " more"])
    assert stopped and text == "Yes, aisle A3."
    assert "".join(out) == "Yes, aisle A3." and not any("\n" in p for p in out)


def test_text_held_back_as_a_possible_stop_is_shown_when_it_is_not_one():
    out, text, stopped = _feed(StopMatcher(["\nQ:"]), ["A3", "\nQ", "uiet corner"])
    assert not stopped and "".join(out) == "A3\nQuiet corner" == text
    assert out[0] == "A3"  # "\nQ" waited for the next piece


def test_earliest_of_several_stops_wins():
    m = StopMatcher(["。", "\n"])
    assert m.find("好的\n谢谢。", 0) == 2


def test_settings_reject_nonsense():
    with pytest.raises(ValueError, match="max_new_tokens"):
        GenerationSettings(max_new_tokens=0)
    with pytest.raises(ValueError, match="top_p"):
        GenerationSettings(top_p=0)
    with pytest.raises(ValueError, match="temperature"):
        GenerationSettings(temperature=-1)
    assert GenerationSettings(stop="\n").stop == ("\n",)
    assert GenerationSettings(do_sample=True, temperature=0).greedy
