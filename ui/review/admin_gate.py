"""The admin PIN in front of the review window.

The review shows what shoppers typed (masked, but still the store's private business) and
changes how the store answers, so clerk mode asks for the same admin PIN that leaves the
kiosk. A store whose PIN was never chosen asks for one first: a lock on the default PIN
is no lock.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.kiosk import PinDialog
from ui.kiosk_pin import MAX_DIGITS, MIN_DIGITS, SetPinDialog
from ui.qt import QDialog, QWidget
from ui.settings import AppSettings


class AdminPinDialog(PinDialog):
    """The kiosk's PIN dialog (tries counted, constant-time check), worded for the review."""

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Staff only"))
        self.prompt.setText(self.tr("Enter the admin PIN to review shoppers' questions."))
        self.field.setAccessibleName(self.tr("Admin PIN"))


class AdminSetPinDialog(SetPinDialog):
    """Choose the admin PIN, when none was ever set, before the review opens."""

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Set the admin PIN"))
        self.prompt.setText(self.tr(
            "Reviewing shoppers' questions needs an admin PIN, the same one that leaves "
            "kiosk mode. Choose %1 to %2 digits and keep them private."
        ).replace("%1", str(MIN_DIGITS)).replace("%2", str(MAX_DIGITS)))


def admin_unlocked(settings: AppSettings, parent: QWidget | None,
                   then: Callable[[], None]) -> QDialog:
    """Ask for the admin PIN (or to choose one) without blocking; ``then()`` runs once the
    right PIN was given. Returns the dialog, already open."""
    dialog: QDialog
    if settings.kiosk_pin_is_set:
        dialog = AdminPinDialog(settings.kiosk_pin, parent)
    else:
        dialog = AdminSetPinDialog(settings, parent)
    dialog.accepted.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
