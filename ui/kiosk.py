"""Kiosk mode: full screen, large targets, no customer data, idle wipe, PIN to leave.

The window refuses every way out (Esc, Alt+F4, the close button, Ctrl+Q) except
the admin PIN. After the idle time a visible 10-second countdown runs; any touch,
click or key stops it, otherwise the conversation (and any half-typed question)
is wiped for the next shopper.
"""

from __future__ import annotations

import hmac

from ui.main_window import MainWindow
from ui.qt import (
    QApplication,
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFrame,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QShortcut,
    QTimer,
    QVBoxLayout,
    QWidget,
    Qt,
    Signal,
)

COUNTDOWN_S = 10
MAX_PIN_TRIES = 5

_USER_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Fires ``idle`` after ``seconds`` without user input anywhere in the app."""

    idle = Signal()
    activity = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_seconds(self, seconds: float) -> None:
        self.timer.setInterval(int(seconds * 1000))
        self.restart()

    def restart(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT:
            self.timer.start()
            self.activity.emit()
        return False


class CountdownOverlay(QFrame):
    """A banner over the chat: 'Still there? Clearing in 10 s' with an obvious way to stay."""

    stayRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.remaining = COUNTDOWN_S
        lay = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setObjectName("countdownLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.stay = QPushButton()
        self.stay.setObjectName("stayButton")
        self.stay.setDefault(True)  # Enter keeps the conversation, as the big button does
        self.stay.clicked.connect(self.stayRequested)
        lay.addWidget(self.label)
        lay.addWidget(self.stay, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self.retranslate_ui()

    def set_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(
            self.tr("Are you still there? This conversation will be cleared in %1 s.").replace(
                "%1", str(self.remaining)
            )
        )
        self.label.setAccessibleName(self.label.text())
        self.stay.setText(self.tr("I'm still here"))
        self.stay.setAccessibleName(self.tr("Keep this conversation"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PinDialog(QDialog):
    """Asks for the admin PIN; ``accepted`` only fires for the right one."""

    def __init__(self, pin: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setModal(True)
        self._pin = pin
        self.tries = 0
        lay = QVBoxLayout(self)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.field.setMaxLength(12)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setWordWrap(True)
        self.error.hide()
        # A finger-sized dialog whose wrapped text gets its height at a known width; it grows
        # when a message appears instead of pushing its buttons out of view.
        self.setMinimumWidth(520)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        for w in (self.prompt, self.field, self.error, self.buttons):
            lay.addWidget(w)
        self.retranslate_ui()

    def check(self) -> None:
        if self.tries >= MAX_PIN_TRIES:
            return
        if hmac.compare_digest(self.field.text().encode(), self._pin.encode()):
            self.accept()
            return
        self.tries += 1
        self.field.clear()
        self.error.setText(
            self.tr("Too many wrong PINs. Ask the store manager.")
            if self.tries >= MAX_PIN_TRIES
            else self.tr("Wrong PIN. Try again.")
        )
        self.error.show()
        self.adjustSize()  # room for the message: the buttons stay in view
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.tries < MAX_PIN_TRIES
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Staff only"))
        self.prompt.setText(self.tr("Enter the admin PIN to leave kiosk mode."))
        self.field.setAccessibleName(self.tr("Admin PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class KioskWindow(MainWindow):
    """MainWindow in kiosk mode. Never creates the customer sidebar."""

    wiped = Signal()
    staffRequested = Signal()

    def __init__(self, *args: object, tick_ms: int = 1000, **kwargs: object) -> None:
        kwargs["mode"] = "kiosk"
        kwargs["sidebar_factory"] = None
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._may_close = False
        # Model names, tokens/s and store paths are staff matters (clerk mode shows them).
        self.statusBar().hide()
        self.pin_dialog: PinDialog | None = None
        self.overlay = CountdownOverlay(self.centralWidget())
        self.overlay.stayRequested.connect(self.cancel_countdown)
        self.staff_notice = QLabel(self.centralWidget())
        self.staff_notice.setObjectName("staffNotice")
        self.staff_notice.setWordWrap(True)
        self.staff_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff_notice.hide()
        self._staff_timer = QTimer(self)
        self._staff_timer.setSingleShot(True)
        self._staff_timer.setInterval(15000)
        self._staff_timer.timeout.connect(self.staff_notice.hide)
        self.countdown = QTimer(self)
        self.countdown.setInterval(tick_ms)
        self.countdown.timeout.connect(self._tick)
        self.idle = IdleWatcher(self.settings.kiosk_idle_s, self)
        self.idle.idle.connect(self.start_countdown)
        self.idle.activity.connect(self._on_activity)
        self.staff_button.clicked.connect(self.ask_staff)
        self.admin_shortcut = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        self.admin_shortcut.activated.connect(self.request_exit)
        self.idle.restart()

    # --- idle wipe ---------------------------------------------------------
    def has_something_to_wipe(self) -> bool:
        return bool(self.chat.turns) or bool(self.chat.input_bar.input.toPlainText())

    def start_countdown(self) -> None:
        if not self.has_something_to_wipe() or self.countdown.isActive():
            self.idle.restart()
            return
        self.overlay.set_remaining(COUNTDOWN_S)
        self._place_overlays()
        self.overlay.show()
        self.overlay.raise_()
        self.countdown.start()

    def _tick(self) -> None:
        remaining = self.overlay.remaining - 1
        if remaining > 0:
            self.overlay.set_remaining(remaining)
            return
        self.countdown.stop()
        self.overlay.hide()
        self.wipe()

    def cancel_countdown(self) -> None:
        if self.countdown.isActive():
            self.countdown.stop()
            self.overlay.hide()
        self.idle.restart()

    def _on_activity(self) -> None:
        if self.countdown.isActive():
            self.cancel_countdown()

    def wipe(self) -> None:
        """Everything the last shopper left: turns, the half-typed question, the notice."""
        self.new_conversation()
        self.staff_notice.hide()
        if self.languages is not None and self.settings.language != self.languages.language:
            self.set_language(self.settings.language)
        self.idle.restart()
        self.wiped.emit()

    # --- staff -------------------------------------------------------------
    def _staff_text(self) -> str:
        return self.tr(
            "Please wait here: a staff member will come to help you. "
            "You can also ask at the service desk."
        )

    def ask_staff(self) -> None:
        self.staff_notice.setText(self._staff_text())
        self._place_overlays()
        self.staff_notice.show()
        self.staff_notice.raise_()
        self._staff_timer.start()
        QApplication.beep()
        self.staffRequested.emit()

    # --- leaving -----------------------------------------------------------
    def request_exit(self) -> None:
        if self.pin_dialog is not None and self.pin_dialog.isVisible():
            return
        self.pin_dialog = PinDialog(self.settings.kiosk_pin, self)
        self.pin_dialog.accepted.connect(self._leave)
        self.pin_dialog.open()

    def _leave(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4 and the close button land here
            QTimer.singleShot(0, self.request_exit)
            return
        self.countdown.stop()
        self.idle.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc stops an answer (shortcut) but never leaves
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_overlays()

    def _place_overlays(self) -> None:
        area = self.centralWidget().rect()
        w = min(area.width() - 40, 900)
        for widget in (self.overlay, self.staff_notice):
            widget.setFixedWidth(max(w, 200))
            widget.adjustSize()
            widget.move((area.width() - widget.width()) // 2, area.height() // 3)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "staff_notice"):
            self.staff_notice.setText(self._staff_text())
        super().changeEvent(event)
