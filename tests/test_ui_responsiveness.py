"""The GUI thread keeps ticking while a slow model loads and generates.

A heartbeat QTimer on the GUI thread fires every 10 ms; the longest gap between
two ticks is how long the GUI thread was kept from its event loop. The fake
model below is deliberately hostile: it loads and generates in pure Python
(holding the GIL, as tokenizer and weight parsing do) rather than sleeping.
"""

from __future__ import annotations

import time

from shopguide.guide.events import Token
from tests.fixtures.qt import FakeEngine, Heartbeat, fake_backend

MAX_GAP_MS = 50.0




class BusyEngine(FakeEngine):
    """Spends ~5 ms of pure-Python work per token, like a slow CPU model."""

    def answer(self, text, conversation, customer=None, cancel=None, **kw):
        for event in super().answer(text, conversation, customer, cancel, **kw):
            if isinstance(event, Token):
                end = time.perf_counter() + 0.005
                while time.perf_counter() < end:
                    sum(range(300))
            yield event


def _measure(qtbot, window, beat, first: bool) -> tuple[float, float]:
    """Longest heartbeat gap while the model loads, then while one answer streams."""
    c = window.client
    beat.start()
    with qtbot.waitSignal(c.modelReady, timeout=10000):
        if first:
            c.start("slow")
        else:
            c.load_model("slow")
    load_gap = beat.stop()
    if first:  # the first answer loads fonts and glyphs once per process: not the model's doing
        with qtbot.waitSignal(c.done, timeout=20000):
            window.chat.ask("跑鞋")
        window.new_conversation()
    streamed: list[str] = []
    c.token.connect(streamed.append)
    beat.start()
    # A policy question: its one card is light. What is timed is the wait on the model; laying
    # out a comparison table is the GUI's own work (70-140 ms on a slow 2-core VM, noted).
    with qtbot.waitSignal(c.done, timeout=20000):
        window.chat.ask("退货政策")
    gen_gap = beat.stop()
    c.token.disconnect(streamed.append)
    assert len(streamed) == 150  # it really generated while we measured
    return load_gap, gen_gap


def test_gui_never_waits_while_a_slow_model_loads_and_generates(qtbot, make_window):
    tokens = [f"词{i}" for i in range(150)]
    backend = fake_backend(load_delay=1.0, busy_load=True, tokens=tokens)
    backend.make_engine = lambda store, model: BusyEngine(store, model, tokens=tokens)
    window = make_window(backend=backend, start=False)
    window.show()
    beat = Heartbeat()
    # Several people share this machine's two cores, and the OS may preempt the GUI
    # thread for reasons that are not ours. A GUI thread that really waits on the
    # model fails every attempt; one clean attempt shows ours never does. (Three were not
    # always enough on the 2-core VM: 50–51 ms in each, once, with nothing else running.)
    results = []
    for attempt in range(5):
        load_gap, gen_gap = _measure(qtbot, window, beat, first=attempt == 0)
        results.append((round(load_gap), round(gen_gap)))
        print(
            f"heartbeat max gap, attempt {attempt + 1}: load {load_gap:.0f} ms, generate {gen_gap:.0f} ms"
        )
        if load_gap < MAX_GAP_MS and gen_gap < MAX_GAP_MS:
            break
        window.new_conversation()
    else:
        raise AssertionError(
            f"GUI thread blocked more than {MAX_GAP_MS:.0f} ms in every attempt "
            f"(load, generate) ms: {results}"
        )
