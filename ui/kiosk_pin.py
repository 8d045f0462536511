"""Setting the kiosk's admin PIN before a kiosk runs for the first time.

A kiosk with a PIN everybody can guess (the old default 0000) is no lock at all, so
kiosk mode does not start until the person setting it up chose one.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    QLineEdit,
    QRegularExpression,
    QRegularExpressionValidator,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.settings import PIN_DIGITS, AppSettings

MIN_DIGITS, MAX_DIGITS = PIN_DIGITS


class SetPinDialog(QDialog):
    """Asks for a new admin PIN twice; stores it in the settings when both match."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.setModal(True)
        self.setMinimumWidth(440)  # wrapped labels get their full height only at a known width
        self.settings = settings
        lay = QVBoxLayout(self)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{MAX_DIGITS}}}"), self)
        self.first, self.second = QLineEdit(), QLineEdit()
        self.first_label, self.second_label = QLabel(), QLabel()
        for label, field in ((self.first_label, self.first), (self.second_label, self.second)):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            field.setMaxLength(MAX_DIGITS)
            field.setValidator(digits)
            label.setBuddy(field)
            lay.addWidget(label)
            lay.addWidget(field)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        lay.insertWidget(0, self.prompt)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def problem(self) -> str:
        """What is wrong with the two entries, or '' when they make a valid PIN."""
        pin = self.first.text()
        if not (pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
            return self.tr("The PIN must be %1 to %2 digits.").replace(
                "%1", str(MIN_DIGITS)).replace("%2", str(MAX_DIGITS))
        if pin != self.second.text():
            return self.tr("The two PINs differ. Enter the same PIN twice.")
        return ""

    def check(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            self.error.show()
            self.adjustSize()  # room for the message's wrapped lines
            self.second.clear()
            self.first.setFocus()
            return
        self.settings.kiosk_pin = self.first.text()
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set the kiosk's admin PIN"))
        self.prompt.setText(self.tr(
            "Kiosk mode needs an admin PIN before it starts: staff enter it to leave the "
            "kiosk. Choose %1 to %2 digits and keep them private."
        ).replace("%1", str(MIN_DIGITS)).replace("%2", str(MAX_DIGITS)))
        self.first_label.setText(self.tr("New PIN"))
        self.second_label.setText(self.tr("The same PIN again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def ensure_kiosk_pin(settings: AppSettings, parent: QWidget | None = None,
                     run: Callable[[SetPinDialog], int] = lambda d: d.exec()) -> bool:
    """True when a PIN was set before or is set now; False when the person declined."""
    if settings.kiosk_pin_is_set:
        return True
    dialog = SetPinDialog(settings, parent)
    try:
        return run(dialog) == QDialog.DialogCode.Accepted and settings.kiosk_pin_is_set
    finally:
        dialog.deleteLater()
