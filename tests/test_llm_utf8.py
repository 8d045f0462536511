"""Decoding with ``whole_chars`` never writes a broken UTF-8 character (llm/utf8.py)."""

from __future__ import annotations

import pytest

from shopguide.llm import GenerationSettings, load_model
from shopguide.llm.utf8 import Utf8Masks, Utf8Track, advance

# A toy byte vocabulary: "a", the three bytes of "２" (EF BC 92) alone and as a tail, the
# first two bytes of "叶" (E5 8F B6), a tail that ends one character and begins another,
# the tail of "中" (E4 B8 AD), the end (no bytes), a space.
TOKENS = [b"a", b"\xef", b"\xbc", b"\x92", b"\xbc\x92", b"\xe5\x8f", b"\xb6", b"\xb6\xe4",
          b"\xb8\xad", b"", b" "]


@pytest.mark.parametrize("head, data, after", [
    (b"", b"abc", b""), (b"", "中".encode(), b""), (b"", b"\xe4", b"\xe4"),
    (b"\xe4", b"\xb8", b"\xe4\xb8"), (b"\xe4\xb8", b"\xad", b""),
    (b"", b"\xad", None),  # a continuation byte where no character was begun
    (b"\xe4", b"a", None),  # a new character where one was owed
    (b"", b"\xff", None),  # a byte that never begins a character
    (b"\xe0", b"\x80", None),  # an overlong form
    (b"\xe5\x8f", b"\xb6\xe4", b"\xe4"),  # ends one character and begins the next
])
def test_what_is_left_unfinished_after_each_token(head: bytes, data: bytes,
                                                  after: bytes | None) -> None:
    assert advance(head, data) == after


def test_only_tokens_that_keep_characters_whole_may_follow() -> None:
    masks = Utf8Masks(lambda i: TOKENS[i], len(TOKENS))
    track = Utf8Track(masks)
    assert set(track.start()) == {2, 3, 4, 6, 7, 8}  # a tail where no character was begun
    banned = set(track.after(5))  # "叶" begun: one byte owed
    assert {6, 7} & banned == set() and {0, 1, 5, 9, 10} <= banned  # nor the end, nor a space
    assert set(track.after(7)) >= {0, 9}  # "叶" ended, "中" begun: its tail must come
    assert set(track.after(8)) == set(track.start())  # "中" whole


def test_a_refused_character_is_not_written_byte_by_byte() -> None:
    masks = Utf8Masks(lambda i: TOKENS[i], len(TOKENS))
    track = Utf8Track(masks, str.isdigit)
    track.start()
    assert 4 in track.after(1)  # EF then "BC 92" would write "２"
    assert 3 in track.after(2) and track.head == b"\xef\xbc"  # EF BC then "92" too


def test_a_sampled_answer_holds_no_broken_character(tiny_model_dir) -> None:
    """A random model, sampled near-uniformly from a Chinese prompt: unmasked, it writes
    broken characters; with whole_chars, none (the last may be cut by the length limit)."""
    model = load_model(str(tiny_model_dir))
    settings = GenerationSettings(max_new_tokens=80, do_sample=True, temperature=30.0,
                                  top_k=0, top_p=1.0, seed=11, stop=())
    prompt = "Q: 有没有500元以内适合扁平足的跑鞋？\nA:"
    assert "\ufffd" in model.stream(prompt, settings).read_all()
    for seed in range(4):
        s = model.stream(prompt, GenerationSettings(**{**settings.__dict__, "seed": seed}),
                         whole_chars=True)
        text = s.read_all()
        assert "\ufffd" not in (text[:-1] if s.finish_reason == "length" else text), text
