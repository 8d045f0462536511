"""ui/background.py: one-shot jobs report in the thread that made them, say what failed in
the owner's words (never raising in the thread), and leave the registry when reported."""

from __future__ import annotations

import threading

import pytest

from ui import background
from ui.background import BackgroundJob
from ui.qt import QThread


def test_a_result_arrives_in_the_creating_thread(qtbot):
    seen: list[tuple[object, bool]] = []
    worker_threads: list[str] = []

    def work() -> int:
        worker_threads.append(threading.current_thread().name)
        return 42

    job = BackgroundJob("test-ok", work, str)
    job.succeeded.connect(lambda r: seen.append((r, QThread.currentThread() is job.thread())))
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        job.start()
    assert seen == [(42, True)] and worker_threads == ["test-ok"]
    qtbot.waitUntil(lambda: job not in background._RUNNING, timeout=2000)


def test_a_failure_is_described_by_the_owner_and_the_type_only_is_logged(qtbot, caplog):
    def work() -> None:
        raise ValueError("王芳 13812345678")  # a message that could hold customer data

    job = BackgroundJob("test-fail", work, lambda exc: f"could not: {type(exc).__name__}")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["could not: ValueError"]
    assert "13812345678" not in caplog.text and "ValueError" in caplog.text


def test_a_describe_that_fails_still_gives_a_message(qtbot):
    def describe(exc: BaseException) -> str:
        raise RuntimeError("bad describe")

    job = BackgroundJob("test-describe", lambda: 1 / 0, describe)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["ZeroDivisionError"]


def test_running_and_waiting_by_name(qtbot):
    release = threading.Event()
    job = BackgroundJob("test-wait", lambda: release.wait(5), str).start()
    try:
        assert job in background.running("test-") and not background.running("privacy-")
        assert background.wait_for_running(0.05, "test-wait") is False
        release.set()
        assert background.wait_for_running(5, "test-wait") is True
    finally:
        release.set()
    with pytest.raises(RuntimeError):
        job.start()  # a job runs once


def test_a_job_nobody_keeps_is_released_after_its_report_not_during_it(qtbot):
    """The registry may hold a job's last reference: it lets go on the next turn of the event
    loop, after the report's slots have run, never inside the delivery."""
    seen: list[bool] = []

    def on_result(_result: object) -> None:
        seen.append(any(j.name == "test-orphan" for j in background._RUNNING))

    job = BackgroundJob("test-orphan", lambda: 7, str)
    job.succeeded.connect(on_result)
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        job.start()
    del job  # the registry is now the only owner
    assert seen == [True]  # still registered while its report was being handled
    qtbot.waitUntil(lambda: not any(j.name == "test-orphan" for j in background._RUNNING),
                    timeout=2000)


def test_a_job_is_released_only_once_its_thread_has_ended(qtbot):
    """A thread holds its job for a moment after reporting (its frame, ``Thread._target``): if
    the registry let go first, the job would be freed in that thread, a QObject destroyed
    outside its own thread (seen as segfaults painting a later window)."""
    lingering = threading.Event()

    class Slow(BackgroundJob):
        def _run(self) -> None:
            super()._run()
            lingering.wait(5)  # the report is on its way; the thread has not ended

    job = Slow("test-lingering", lambda: 7, str)
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        job.start()
    del job
    qtbot.wait(3 * background.RELEASE_RETRY_MS)
    kept = [j for j in background._RUNNING if j.name == "test-lingering"]
    assert kept and kept[0].is_running()  # reported, still ending: kept
    lingering.set()
    kept[0].wait(5)
    del kept
    qtbot.waitUntil(lambda: not any(j.name == "test-lingering" for j in background._RUNNING),
                    timeout=2000)
