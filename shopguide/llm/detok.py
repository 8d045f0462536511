"""Incremental detokenizing: token ids in, whole characters out.

A byte-level BPE token can end in the middle of a UTF-8 sequence (a Chinese
character is three bytes and often spans two tokens). Both classes here hold
such a tail back until the character is complete, so no piece shown to a
shopper ever carries half a character, and the pieces join to exactly what a
one-shot decode of the same ids gives.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence
from functools import lru_cache


@lru_cache(maxsize=1)
def byte_decoder() -> dict[str, int]:
    """GPT-2's printable stand-ins for bytes, reversed (the table in OpenAI's encoder.py)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    bs += list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


class ByteLevelDetokenizer:
    """For byte-level BPE vocabularies: each token maps to fixed bytes, decoded incrementally.

    O(1) per token: no re-decoding of the text so far.
    """

    def __init__(self, token_bytes: Callable[[int], bytes]) -> None:
        self._token_bytes = token_bytes
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def push(self, token_id: int) -> str:
        return self._decoder.decode(self._token_bytes(token_id))

    def flush(self) -> str:
        return self._decoder.decode(b"", final=True)


class DiffDetokenizer:
    """For any tokenizer: decode a short window of recent ids and emit what is new.

    Text that ends in U+FFFD is held back: the next token may complete it.
    """

    def __init__(self, decode: Callable[[Sequence[int]], str]) -> None:
        self._decode = decode
        self._ids: list[int] = []
        self._prefix = 0  # start of the window decoded for context
        self._read = 0  # ids before this have been emitted

    def push(self, token_id: int) -> str:
        self._ids.append(token_id)
        prefix_text = self._decode(self._ids[self._prefix : self._read])
        new_text = self._decode(self._ids[self._prefix :])
        if len(new_text) > len(prefix_text) and not new_text.endswith("\ufffd"):
            self._prefix, self._read = self._read, len(self._ids)
            return new_text[len(prefix_text) :]
        return ""

    def flush(self) -> str:
        if self._read >= len(self._ids):
            return ""
        prefix_text = self._decode(self._ids[self._prefix : self._read])
        new_text = self._decode(self._ids[self._prefix :])
        self._read = len(self._ids)
        return new_text[len(prefix_text) :]


class StopMatcher:
    """Finds stop strings in a growing text, and tells how much is safe to show.

    Text that could be the start of a stop string is held back until the next
    piece settles it, so a stop string is never shown in part.
    """

    def __init__(self, stops: Sequence[str]) -> None:
        self.stops = tuple(s for s in stops if s)
        self._longest = max((len(s) for s in self.stops), default=0)

    def find(self, text: str, start: int) -> int:
        """Index of the earliest stop string beginning at or after ``start - longest + 1``."""
        if not self.stops:
            return -1
        lo = max(0, start - self._longest + 1)
        hits = [i for i in (text.find(s, lo) for s in self.stops) if i >= 0]
        return min(hits) if hits else -1

    def safe_end(self, text: str) -> int:
        """Length of the prefix of ``text`` that cannot become part of a stop string."""
        n = len(text)
        for k in range(min(self._longest - 1, n), 0, -1):
            tail = text[n - k :]
            if any(s.startswith(tail) for s in self.stops):
                return n - k
        return n
