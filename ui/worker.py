"""The guide worker: one long-lived QObject in one QThread for the app's life.

It owns the store connection it opened itself (SQLite connections are per
thread), the model, the engine and the conversation. The GUI talks to it only
through queued signals (``GuideClient``) and one ``threading.Event`` for Stop,
which the engine checks every token, so the GUI thread never waits on the model,
the database or the disk.

The model loads as a ``BackgroundJob`` (``ui/background.py``) that reports to the worker
by a queued signal, so questions asked meanwhile are answered from facts at once
instead of queueing behind the load.
"""

from __future__ import annotations

import copy
import logging
import sys
import threading
import time
from typing import Any

from shopguide.guide.events import Cards, Done, Failed, Token
from ui import background
from ui.background import BackgroundJob
from ui.backend import Backend, StoreInfo, default_backend
from ui.qt import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

GUI_SWITCH_INTERVAL_S = 0.001
LOADER = "model-loader"  # the model load's job name


class _Reports(QObject):
    """The worker's reports, declared once: the worker emits them in its thread, and the
    client, which inherits the same signals, re-emits them in the GUI thread."""

    # store
    storeReady = Signal(object)  # StoreInfo: name, path, starter suggestions
    storeFailed = Signal(str)
    storeChecked = Signal(bool)  # damaged? SQLite's quick check, after the store is ready
    # model
    modelLoading = Signal(str)  # spec
    modelProgress = Signal(int)  # 0..100, or -1 while the runtime cannot say
    modelReady = Signal(str)  # model name
    modelFailed = Signal(str)  # a message for the merchant
    # one answer, in the engine's order: cards, token*, done | failed
    cards = Signal(object)  # Cards
    token = Signal(str)
    done = Signal(object)  # Done
    failed = Signal(str)
    # after an answer
    speed = Signal(float)  # tokens/s of the last answer that used the model
    answerSaved = Signal(object)  # message id the rating buttons refer to (None if unsaved)
    conversationChanged = Signal(object)  # a snapshot for the sidebar's "Save to notes"
    rated = Signal(object, int)


# The reports' names, for relaying: every signal _Reports declares.
RELAYED = tuple(name for name, value in vars(_Reports).items() if isinstance(value, Signal))


class GuideWorker(_Reports):
    """Runs in the worker thread. Every public slot is invoked through a queued signal."""

    def __init__(self, backend: Backend | None = None, mode: str = "clerk") -> None:
        super().__init__()
        self._backend = backend or default_backend()
        self.mode = mode
        self.cancel = threading.Event()
        self._store: Any = None
        self._model: Any = None
        self._engine: Any = None
        self._conversation: Any = None
        self._loader: BackgroundJob | None = None
        self._pending_spec: str | None = None
        self._closing = threading.Event()

    # --- start-up --------------------------------------------------------
    @Slot(str)
    def start(self, model_spec: str) -> None:
        self.model_spec = model_spec
        """Open the store, then start loading the model in the background."""
        try:
            self._store = self._backend.open_store()
            info = StoreInfo(
                name=self._backend.store_name(self._store),
                path=getattr(self._store, "path", None),
                suggestions=self._backend.suggestions(self._store),
                readonly=bool(getattr(self._store, "readonly", False)),
                empty=_is_empty(self._store),
            )
        except Exception as exc:  # a store we cannot open: say so, keep the window alive
            log.exception("store could not be opened")
            self.storeFailed.emit(str(exc))
            return
        self._engine = self._backend.make_engine(self._store, None)
        self._conversation = self._backend.conversation_for(self._store, self.mode)
        self.storeReady.emit(info)
        if model_spec:
            self.load_model(model_spec)
        self._check_file()
        self._warm()

    def _check_file(self) -> None:
        """SQLite's quick check reads every page once (~1 s at 1M products): on a thread and a
        connection of its own, after the store is ready, so the window answers meanwhile; a
        damaged file is reported when the check ends (``storeChecked``)."""
        path = getattr(self._store, "path", None)
        if path is None:
            return
        job = BackgroundJob("store-check", lambda: _is_damaged_file(path),
                            lambda exc: type(exc).__name__)
        job.succeeded.connect(self.storeChecked.emit)
        job.failed.connect(lambda _message: self.storeChecked.emit(True))
        job.start()

    def _warm(self) -> None:
        """While the model loads on its own thread, this one is idle: read the store's
        vocabulary and the dictionaries now, not at the shopper's first question."""
        warm = getattr(self._engine, "warm", None)
        if not callable(warm):
            return
        try:
            warm()
        except Exception as exc:  # noqa: BLE001 - the first question will say what is wrong
            log.warning("warming the engine failed: %s", type(exc).__name__)

    @Slot(str)
    def load_model(self, spec: str) -> None:
        if self._loader is not None and self._loader.is_running():
            # One load at a time: the newest request starts when this one reports ("Use this
            # model" pressed while the bundled one is still loading must not be lost).
            self._pending_spec = spec
            return
        self.modelLoading.emit(spec)
        self.modelProgress.emit(-1)
        # Created here, in the worker's thread: its report arrives here too.
        job = BackgroundJob(LOADER, lambda: self._load(spec),
                            lambda exc: self._backend.describe_load_error(exc, spec), daemon=True)
        job.succeeded.connect(self._on_model_loaded)
        job.failed.connect(self._on_model_failed)
        self._loader = job.start()

    def _load(self, spec: str) -> tuple[Any, str]:
        """On the job's thread: the model and its name; progress as it goes."""
        last = [-2]

        def progress(fraction: float) -> None:
            pct = int(max(0.0, min(1.0, fraction)) * 100)
            if pct != last[0]:  # only when the shown value changes (Orange's rule)
                last[0] = pct
                self.modelProgress.emit(pct)

        model = self._backend.load_model(spec, progress)
        return model, self._backend.model_name(model, spec)

    def _superseded(self) -> bool:
        """A report that no longer counts: the window is closing, or a newer load was asked
        for meanwhile (what was asked last is what counts; it starts now)."""
        if self._closing.is_set():
            return True
        pending, self._pending_spec = self._pending_spec, None
        if pending is not None:
            # The job has reported, so it is done, though its thread may not have returned
            # yet: still "running", it made load_model park the request again, and the
            # model asked for last was never loaded (a flaky test under load found it).
            self._loader = None
            self.load_model(pending)
            return True
        return False

    @Slot(object)
    def _on_model_loaded(self, result: tuple[Any, str]) -> None:
        if self._superseded():
            return
        self._model, name = result
        before, self._engine = self._engine, self._backend.make_engine(self._store, self._model)
        share = getattr(self._engine, "share_vocabulary", None)
        if callable(share) and before is not None:
            share(before)  # warmed while the model loaded: not read again
        self.modelReady.emit(name)

    @Slot(str)
    def _on_model_failed(self, error: str) -> None:
        if not self._superseded():
            self.modelFailed.emit(error)

    # --- answering -------------------------------------------------------
    @Slot(str, object)
    def ask(self, text: str, customer: object) -> None:
        if self._engine is None:
            self.failed.emit("The store is not open.")
            return
        saw_end = False
        parts: list[str] = []
        tokens = 0
        first_token_at: float | None = None
        if self.mode == "kiosk":
            customer = None  # a kiosk never personalises, whatever was sent
        try:
            self._backend.prepare_turn(self._store, self._conversation, customer, self.mode)
            events = self._engine.answer(
                text,
                self._conversation,
                customer=customer,
                cancel=self.cancel,
                **self._backend.answer_kwargs,
            )
            for event in events:
                if isinstance(event, Cards):
                    self.cards.emit(event)
                elif isinstance(event, Token):
                    if self.cancel.is_set():
                        continue  # the engine will report Done(cancelled) next
                    first_token_at = first_token_at or time.perf_counter()
                    tokens += 1
                    parts.append(event.text)
                    self.token.emit(event.text)
                elif isinstance(event, Done):
                    saw_end = True
                    self._report_speed(event, tokens, first_token_at)
                    self.done.emit(event)
                elif isinstance(event, Failed):
                    saw_end = True
                    self.failed.emit(event.error)
        except Exception as exc:
            log.exception("the engine failed while answering")  # no question text: may be personal
            saw_end = True
            self.failed.emit(str(exc) or type(exc).__name__)
        if not saw_end:  # an engine that stopped without its last event still ends the turn
            self.done.emit(
                Done(text="".join(parts), grounded=False, cancelled=self.cancel.is_set())
            )
        try:
            message_id = self._backend.last_message_id(self._store, self._conversation)
        except Exception:
            log.exception("could not read back the saved answer")
            message_id = None
        self.answerSaved.emit(message_id)
        self.conversationChanged.emit(self._snapshot())

    def _report_speed(self, done: Done, tokens: int, first_token_at: float | None) -> None:
        if not done.used_model:
            return
        rate = done.timings.get("tokens_per_s") if done.timings else None
        if rate is None and first_token_at is not None and tokens > 1:
            elapsed = time.perf_counter() - first_token_at
            rate = (tokens - 1) / elapsed if elapsed > 0 else None
        if rate:
            self.speed.emit(float(rate))

    def _snapshot(self) -> object:
        try:
            return copy.deepcopy(self._conversation)
        except Exception:  # noqa: BLE001 - one holding a connection cannot be deep-copied
            return copy.copy(self._conversation)

    @Slot()
    def new_conversation(self) -> None:
        if self._store is not None:
            self._conversation = self._backend.conversation_for(self._store, self.mode)
            self.conversationChanged.emit(self._snapshot())

    @Slot(object, int)
    def rate(self, message_id: object, value: int) -> None:
        """Store the shopper's or clerk's rating with the message (DB writes stay here)."""
        if self._store is None or message_id is None:
            return
        try:
            self._backend.rate_message(self._store, message_id, value)
        except Exception:
            log.exception("could not store a rating")
            return
        self.rated.emit(message_id, value)

    @Slot()
    def close(self) -> None:
        """Runs in the worker thread just before it quits: release what it owns here."""
        self._closing.set()
        self._engine = None
        self._model = None
        try:
            if self._store is not None:
                self._backend.close_store(self._store)
                self._store = None
        finally:
            # The worker ends its own loop, after releasing: a quit() sent from the GUI thread
            # next to this call could end the loop before this queued call ran, and the store
            # would never be closed (no checkpoint; seen as a flaky close test).
            # (isMainThread, not the application's thread: a worker driven without an
            # application, as in some tests, has none to ask.)
            if not QThread.isMainThread():
                QThread.currentThread().quit()


class GuideClient(_Reports):
    """Lives in the GUI thread: starts the worker thread and sends it requests.

    Requests are signals connected to the worker's slots, so Qt queues them into
    the worker thread; ``stop()`` only sets an Event and never waits. The
    worker's reports are relayed by signals of the same names that fire in the
    GUI thread, so a listener (a widget, a test's ``waitSignals``) sees them in
    order and already on the thread that may touch widgets.
    """

    _start = Signal(str)
    _load = Signal(str)
    _ask = Signal(str, object)
    _new = Signal()
    _rate = Signal(object, int)
    _close = Signal()

    def __init__(
        self, backend: Backend | None = None, mode: str = "clerk", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("guide-worker")
        self.worker = GuideWorker(backend, mode)
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.start)
        self._load.connect(self.worker.load_model)
        self._ask.connect(self.worker.ask)
        self._new.connect(self.worker.new_conversation)
        self._rate.connect(self.worker.rate)
        self._close.connect(self.worker.close)
        for name in RELAYED:
            getattr(self.worker, name).connect(getattr(self, name))
        self.busy = False
        self._closing = False
        self.model_spec = ""
        self._old_switch: float | None = None
        self.done.connect(self._idle)
        self.failed.connect(self._idle)

    def start(self, model_spec: str) -> None:
        if self._closing:
            # Shut down before it started (a SIGTERM at start-up: the app's start timer can
            # still fire after aboutToQuit): a thread started now would outlive the app, and
            # destroying a running QThread aborts the process.
            return
        self.model_spec = model_spec
        # The worker runs Python between the model's native calls and holds the GIL
        # meanwhile; a 1 ms switch interval (default 5 ms) bounds how long the GUI
        # thread waits for it at each of its own Python calls.
        if self._old_switch is None:
            self._old_switch = sys.getswitchinterval()
            sys.setswitchinterval(min(self._old_switch, GUI_SWITCH_INTERVAL_S))
        self.thread.start()
        self._start.emit(model_spec)

    def load_model(self, spec: str) -> None:
        self.model_spec = spec
        self._load.emit(spec)

    def ask(self, text: str, customer: object = None) -> None:
        # Cleared here, not in the worker: a Stop pressed before the worker picks the
        # question up must still stop it.
        self.worker.cancel.clear()
        self.busy = True
        self._ask.emit(text, customer)

    def stop(self) -> None:
        self.worker.cancel.set()

    def new_conversation(self) -> None:
        self.stop()
        self._new.emit()

    def rate(self, message_id: object, value: int) -> None:
        self._rate.emit(message_id, value)

    def _idle(self, *_: object) -> None:
        self.busy = False

    def request_shutdown(self) -> bool:
        """Ask the worker to stop and release its store; never waits. True if already ended."""
        if self._old_switch is not None:
            sys.setswitchinterval(self._old_switch)
            self._old_switch = None
        if not self.thread.isRunning():
            self._closing = True  # and it never starts now
            return True
        if not self._closing:
            self._closing = True
            self.stop()
            self._close.emit()  # the worker quits its thread when it has closed
        return False

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop any answer, let the worker release its store, end the thread; True if it ended.

        A thread still running after ``timeout_ms`` is kept referenced (see ``lingering``),
        so its QThread is never destroyed while it runs: that would abort the process.
        """
        if self.request_shutdown():
            return True
        if self.thread.wait(timeout_ms):
            return True
        _keep_until_finished(self.thread)
        return False


_LINGERING: set[QThread] = set()


def _keep_until_finished(thread: QThread) -> None:
    if thread in _LINGERING:
        return
    _LINGERING.add(thread)
    thread.finished.connect(lambda: _LINGERING.discard(thread))
    log.warning("the guide worker is still stopping; waiting for it in the background")


def lingering() -> list[QThread]:
    """Worker threads asked to stop that have not ended yet."""
    return [t for t in _LINGERING if t.isRunning()]


def wait_for_lingering(timeout_ms: int) -> bool:
    """At process exit (no window left to keep responsive): wait for stopping workers, and
    for a model load still running (a daemon thread inside torch's import or a weights read
    when the interpreter finalises aborts the process: seen as exit -6 on a quick SIGTERM)."""
    deadline = time.monotonic() + timeout_ms / 1000
    for thread in lingering():
        left = max(0, int((deadline - time.monotonic()) * 1000))
        if not thread.wait(left):
            return False
    return background.wait_for_running(max(0.0, deadline - time.monotonic()), LOADER)


def _is_damaged_file(path: Any) -> bool:
    """SQLite's quick check on a read-only connection of its own (it reads every page once)."""
    import sqlite3
    from pathlib import Path

    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    except sqlite3.Error:  # "malformed": damaged all the same
        return True
    finally:
        conn.close()


def _is_empty(store: Any) -> bool:
    try:
        return not store.count_products() and not store.count_faq()
    except (AttributeError, TypeError):  # a stand-in store without counts
        return False
    except Exception:  # noqa: BLE001 - a damaged store: the first answer will say so
        log.exception("could not count the store's records")
        return False
