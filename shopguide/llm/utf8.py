"""Decoding never writes a broken character.

A byte-level BPE vocabulary holds tokens that are parts of a UTF-8 character (a Chinese
character is three bytes and often spans two tokens). A small model sometimes follows a
character's first bytes with a token that does not complete it, or opens a token with bytes
that continue nothing: the text then holds U+FFFD ("有货�"), and the sentence is lost. What
may come next follows from the bytes of the character begun and not finished (its *head*):
each token that would break it, or leave a head no token of the vocabulary can finish, is
masked. The masks are made once per head and vocabulary.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

_RULES: WeakKeyDictionary[Any, Utf8Masks | None] = WeakKeyDictionary()


def advance(head: bytes, data: bytes) -> bytes | None:
    """The unfinished character's bytes after ``data`` is written behind ``head`` (b"": every
    character whole); None where ``data`` breaks one (a continuation byte where none is owed,
    a new character where one is, a byte no character has, an overlong or surrogate form)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(head + data)
    except UnicodeDecodeError:
        return None
    return decoder.getstate()[0]


class Utf8Masks:
    """For one vocabulary, the tokens masked after each head (``banned``)."""

    def __init__(self, token_bytes: Callable[[int], bytes], vocab_size: int) -> None:
        self.token_bytes = token_bytes
        self.vocab_size = vocab_size
        # Only a token that opens with a continuation byte may go on a character begun.
        self.tails = [i for i in range(vocab_size)
                      if (b := token_bytes(i)) and 0x80 <= b[0] < 0xC0]
        self._alive: dict[bytes, bool] = {b"": True}
        self._banned: dict[tuple[bytes, Any], np.ndarray] = {}

    @classmethod
    def of(cls, model: Any) -> Utf8Masks | None:
        """The masks for ``model``'s vocabulary; None where its tokens are not bytes."""
        try:
            return _RULES[model]
        except (KeyError, TypeError):
            pass
        tok = getattr(model, "tokenizer", None)
        rule = cls(tok.token_bytes, int(model.vocab_size)) \
            if getattr(tok, "byte_level", False) else None
        try:
            _RULES[model] = rule
        except TypeError:
            pass
        return rule

    def alive(self, head: bytes) -> bool:
        """Whether some token of the vocabulary can finish the character ``head`` begins."""
        if head not in self._alive:
            self._alive[head] = False  # (heads only grow: no cycle)
            self._alive[head] = any(
                (h := advance(head, self.token_bytes(i))) is not None and self.alive(h)
                for i in self.tails)
        return self._alive[head]

    def banned(self, head: bytes, refuse: Callable[[str], bool] | None = None) -> np.ndarray:
        """The tokens that may not follow ``head``: those that break a character or leave one
        that cannot be finished, and those that would finish it as a character ``refuse``
        refuses ("２" is three bytes: "EF BC" then "92" writes a digit that no mask of whole
        tokens sees)."""
        key = (head, refuse)
        if key not in self._banned:
            ok = np.zeros(self.vocab_size, dtype=bool)
            for i in (self.tails if head else range(self.vocab_size)):
                data = self.token_bytes(i)
                after = advance(head, data)
                if after is None or (head and not data) or not self.alive(after):
                    continue
                if head and refuse is not None and after != head + data and \
                        refuse((head + data).decode("utf-8", "ignore")[:1]):
                    continue
                ok[i] = True
            self._banned[key] = np.flatnonzero(~ok).astype(np.int64)
        return self._banned[key]


class Utf8Track:
    """Follows one answer's bytes: ``after(token)`` gives the tokens masked for the next.
    ``refuse``: characters never written, not even byte by byte (a digit: figures come from
    references only)."""

    def __init__(self, masks: Utf8Masks, refuse: Callable[[str], bool] | None = None) -> None:
        self.masks, self.refuse, self.head = masks, refuse, b""

    def start(self) -> np.ndarray:
        return self.masks.banned(b"", self.refuse)

    def after(self, token: int) -> np.ndarray:
        # A token written though masked (every other was masked too) starts afresh.
        self.head = advance(self.head, self.masks.token_bytes(token)) or b""
        return self.masks.banned(self.head, self.refuse)
