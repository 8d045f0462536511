"""The Qt binding must not leak or drop references on the hot paths the chat uses.

PySide6 6.12.0 under Python 3.11 dropped one reference to True on every
Signal.emit, aborting the app after a few hundred streamed tokens; pyproject
excludes that release and this test keeps any other such release out.
"""

from __future__ import annotations

import sys

from ui.qt import QObject, Signal


class _Emitter(QObject):
    piece = Signal(str)
    flag = Signal(bool)


def test_emitting_signals_keeps_singleton_refcounts(qapp):
    emitter = _Emitter()
    received: list[str] = []
    emitter.piece.connect(received.append)
    emitter.flag.connect(lambda _b: None)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for i in range(500):
        emitter.piece.emit(str(i))
        emitter.flag.emit(i % 2 == 0)
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert len(received) == 500
    # A few references may come and go with the interpreter's own work; a
    # per-emit drop shows as hundreds.
    assert all(abs(a - b) < 50 for a, b in zip(after, before)), (before, after)
