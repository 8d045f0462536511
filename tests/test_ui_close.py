"""Closing the window while the worker is slow to stop: no frozen GUI, no destroyed running QThread."""

from __future__ import annotations

import time

from tests.fixtures.qt import FakeStore, fake_backend
from ui import worker as worker_mod


class SlowToCloseStore(FakeStore):
    """Releasing the store takes a while (a long checkpoint, a slow disk)."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def close(self) -> None:
        time.sleep(self.delay)
        super().close()


def test_close_hides_at_once_and_finishes_when_the_worker_stops(qtbot, make_window):
    store = SlowToCloseStore(1.0)
    window = make_window(backend=fake_backend(store=store))
    window.show()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    # close() returned while the worker is still releasing the store: nothing waited for it.
    assert window.client.thread.isRunning() and not store.closed
    assert not window.isVisible() and closed == []
    qtbot.waitUntil(lambda: closed == [True], timeout=10000)
    assert store.closed and window.client.thread.isFinished()
    assert window.client.thread not in worker_mod.lingering()


def test_a_worker_that_outlasts_the_grace_period_is_kept_until_it_ends(qtbot, make_window):
    store = SlowToCloseStore(1.5)
    window = make_window(backend=fake_backend(store=store))
    window.CLOSE_GRACE_MS = 100
    window.show()
    with qtbot.waitSignal(window.closed, timeout=5000):
        window.close()
    # The window let go while the thread still ran; the thread stays referenced (never destroyed
    # while running) until it ends on its own.
    thread = window.client.thread
    assert thread.isRunning() and thread in worker_mod.lingering()
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=10000)
    assert store.closed
    qtbot.waitUntil(lambda: thread not in worker_mod.lingering(), timeout=2000)


def test_shutdown_that_times_out_reports_it_and_keeps_the_thread(qtbot, make_window):
    store = SlowToCloseStore(1.0)
    window = make_window(backend=fake_backend(store=store))
    assert window.client.shutdown(timeout_ms=10) is False
    assert window.client.thread in worker_mod.lingering()
    assert worker_mod.wait_for_lingering(10000) is True
    assert store.closed and window.client.thread not in worker_mod.lingering()


def test_exit_waits_for_a_model_load_under_way(qtbot):
    import threading

    from ui.background import BackgroundJob

    release = threading.Event()
    loader = BackgroundJob(worker_mod.LOADER, lambda: release.wait(5), str, daemon=True).start()
    try:
        assert worker_mod.wait_for_lingering(100) is False  # still loading: not safe to finalise
        threading.Timer(0.2, release.set).start()
        assert worker_mod.wait_for_lingering(5000) is True
        assert not loader.is_running()
    finally:
        release.set()
