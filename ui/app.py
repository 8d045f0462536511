"""Starts the window: ``shopguide`` (no subcommand) lands here via ``cli._run_gui``.

Order matters for "on screen before the model loads": the window is shown
first, and the worker thread (store, then model) starts from the event loop's
first turn, so nothing slow runs before the first paint.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

from shopguide.config import APP_NAME
from shopguide.logging_setup import setup_logging
from ui import startup_trace
from ui.backend import Backend, default_backend
from ui.i18n import LanguageManager
from ui.main_window import MainWindow, SidebarFactory, default_sidebar
from ui.qt import QApplication, QCoreApplication, QGuiApplication, QMessageBox, QTimer
from ui.resources import icon, stylesheet
from ui.settings import AppSettings
from ui.worker import GuideClient

log = logging.getLogger(__name__)


def create_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(icon("app"))
    return app  # type: ignore[return-value]


def build_window(
    settings: AppSettings,
    backend: Backend,
    languages: LanguageManager | None,
    mode: str = "clerk",
    sidebar_factory: SidebarFactory | None = default_sidebar,
    tick_ms: int = 1000,
) -> MainWindow:
    """The window for ``mode`` with its worker client (not started yet)."""
    client = GuideClient(backend, mode)
    if mode == "kiosk":
        from ui.kiosk import KioskWindow

        window: MainWindow = KioskWindow(client, settings, languages, tick_ms=tick_ms)
    else:
        window = MainWindow(
            client, settings, languages, mode="clerk", sidebar_factory=sidebar_factory
        )
    client.setParent(window)
    return window


def show_kiosk(window: MainWindow) -> None:
    """Full screen on any X server: without a window manager the full-screen request goes
    unanswered and the window kept its default size in a corner, so it is first given the
    screen's whole geometry itself."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


def run(args: argparse.Namespace) -> int:
    app = create_app()
    setup_logging()  # the core's one formatter: rotating file, contact details masked
    settings = AppSettings()
    mode = getattr(args, "mode", None) or settings.mode
    lang = getattr(args, "lang", None) or settings.language
    languages = LanguageManager(app)
    languages.set_language(lang)
    model_spec = getattr(args, "model", None) or settings.model_spec
    # The whole application's look, before the first dialog (the kiosk's PIN dialog opens
    # before the window and was left unstyled).
    app.setStyleSheet(stylesheet(settings.theme, mode == "kiosk", settings.font_size))
    if mode == "kiosk":
        from ui.kiosk_pin import ensure_kiosk_pin

        if not ensure_kiosk_pin(settings):
            log.warning("kiosk mode not started: no admin PIN was set")
            return 2
    window = build_window(settings, default_backend(args, settings.generation), languages, mode)
    window.chat.ui_lang = lang
    window.retranslate_ui()
    if mode == "kiosk":
        show_kiosk(window)
    else:
        geometry = settings.window_geometry()
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1200, 800)
        window.show()
    QTimer.singleShot(0, lambda: window.client.start(model_spec))
    startup_trace.install(app, window)  # only with SHOPGUIDE_STARTUP_TRACE (shopguide bench)
    app.aboutToQuit.connect(window.client.shutdown)
    _quit_on_sigterm(app)
    _explain_errors_in_slots(window)
    log.info("ShopGuide started in %s mode", mode)
    code = int(app.exec())
    return _after_exec(code)


def _after_exec(code: int) -> int:
    """No window is left to keep responsive: wait for a worker still stopping. One that
    never stops must not reach Python's teardown, where destroying its running QThread
    aborts the process; leave at once instead (the store commits in transactions)."""
    from ui.worker import wait_for_lingering

    if wait_for_lingering(10000):
        return code
    log.error("the guide worker did not stop; leaving without it")
    logging.shutdown()
    os._exit(code)


def _explain_errors_in_slots(window: MainWindow) -> None:
    """An exception in a slot (a click that writes to a busy, full or read-only store) would
    print a traceback to a terminal nobody reads and leave the clerk guessing. The store's own
    errors say what and what to do: show that; anything else is logged (type and place only,
    by the hook already installed) and named in one line."""
    from shopguide.store.errors import StoreError

    previous = sys.excepthook

    def hook(exc_type, exc, tb):  # type: ignore[no-untyped-def]
        previous(exc_type, exc, tb)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        text = str(exc) if isinstance(exc, StoreError) else QCoreApplication.translate(
            "MainWindow",
            "Something went wrong (%1); nothing more was done. The log has the details.",
        ).replace("%1", exc_type.__name__)
        QMessageBox.warning(window, "ShopGuide", text)

    sys.excepthook = hook


def _quit_on_sigterm(app: QApplication) -> None:
    """``systemctl stop`` ends a kiosk with SIGTERM: close cleanly (worker stopped, the
    --demo copy removed) instead of dying mid-write. Python runs signal handlers only
    when it gets control, so a slow timer gives it a turn while Qt's loop waits."""
    # exit(), not quit(): Qt 6's quit() first asks every window to close, and the kiosk
    # window refuses without the PIN, which would leave systemctl waiting.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)
