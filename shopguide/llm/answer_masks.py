"""The masks of one answer that follow its text: what may be written next, given what was.

One ``AnswerMasks`` per hypothesis: the greedy stream has one, a beam search forks one per
hypothesis it keeps (``fork``), so every hypothesis is masked as if it were the only answer.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from shopguide.llm.sampling import TokenChooser
from shopguide.llm.utf8 import Utf8Masks, Utf8Track

if TYPE_CHECKING:
    from shopguide.llm.stream import GenerationStream


class AnswerMasks:
    """The chooser and the stream's stateful masks (``GenerationStream``'s ``once``,
    ``switches``, ``followers``, ``gates``, ``guard``, ``whole_chars``) for one answer."""

    def __init__(self, stream: GenerationStream, chooser: TokenChooser) -> None:
        self.stream = stream
        self.chooser = chooser
        self.closed = list(stream.gates)
        chooser.hold([i for held, _ in self.closed for i in held])
        self.guard = stream.guard
        if (watch := getattr(self.guard, "watch", None)) is not None:
            watch(chooser.masked_now, lambda: chooser.mask_version)
        if self.guard is not None and (first := self.guard.start()) is not None:
            chooser.ban_next(first)
        whole = stream.whole_chars
        utf8 = Utf8Masks.of(stream.model) if whole else None
        self.chars = Utf8Track(utf8, whole if callable(whole) else None) if utf8 else None
        if self.chars is not None:
            chooser.ban_next(self.chars.start())

    def advance(self, token: int) -> None:
        """``token`` (not end-of-text) is written: the masks for the next one."""
        s, chooser = self.stream, self.chooser
        if token in s.once:
            chooser.ban(token)
        if token in s.switches:
            chooser.ban_for_now(s.switches[token])
        if token in s.followers:
            chooser.ban_next(s.followers[token], weak=True)
        if self.guard is not None and (after := self.guard.after(token)) is not None:
            chooser.ban_next(after)
        if (weak := getattr(self.guard, "weak", None)) is not None and weak.size:
            chooser.ban_next(weak, weak=True)
        if self.chars is not None:
            chooser.ban_next(self.chars.after(token))
        if any(token in opening for _, opening in self.closed):
            self.closed = [g for g in self.closed if token not in g[1]]
            chooser.hold([i for held, _ in self.closed for i in held])

    def fork(self) -> AnswerMasks:
        """A copy that goes on apart from this one."""
        twin = copy.copy(self)
        twin.chooser = chooser = self.chooser.fork()
        twin.closed = list(self.closed)
        twin.chars = copy.copy(self.chars)
        twin.guard = _forked(self.guard, chooser)
        return twin


def _forked(guard: Any, chooser: TokenChooser) -> Any:
    """The guard's copy, reading the forked chooser's masks (a ``PairGuard``'s ``fork``)."""
    if guard is None:
        return None
    return guard.fork(chooser.masked_now, lambda: chooser.mask_version)
