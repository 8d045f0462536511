"""The sidebar's dialogs: confirm, edit a text, new customer, and "Save to notes".

``confirm`` and ``ask_text`` are module functions so tests can replace them
(and QMessageBox.question) without opening a modal dialog.
"""

from __future__ import annotations

from typing import Any

from shopguide.store.models import Customer
from ui.customers.profile import ProfileEditor
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


def run(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when accepted. Tests replace this to fill dialogs in."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No, with No the default: a stray Enter never deletes anything."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class TextDialog(QDialog):
    """A multi-line text with OK/Cancel; Ctrl+Enter accepts."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "",
                 accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.edit.setAccessibleName(accessible_name or label)
        self.edit.setTabChangesFocus(True)
        self.label.setBuddy(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addWidget(self.buttons)
        self.resize(460, 300)
        self.edit.setFocus()

    def keyPressEvent(self, event: Any) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """The edited text, or None when cancelled or left empty."""
    dialog = TextDialog(parent, title, label, text)
    if not run(dialog):
        return None
    return dialog.text() or None


class SaveNoteDialog(QDialog):
    """The proposed note, editable, for one customer; the clerk may pin it."""

    def __init__(self, parent: QWidget | None, customer: Customer, proposal: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save to notes"))
        self.label = QLabel(self.tr("Note for %1 — edit it before saving:").replace(
            "%1", customer.name))
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit(proposal)
        self.edit.setAccessibleName(self.tr("Proposed note"))
        self.edit.setTabChangesFocus(True)
        self.label.setBuddy(self.edit)
        self.pin = QCheckBox(self.tr("&Pin this note"))
        self.pin.setAccessibleName(self.tr("Pin this note"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._update_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.pin)
        layout.addWidget(self.buttons)
        self.resize(520, 320)
        self.edit.setFocus()
        self._update_save()

    def _update_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.text()))

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class NewCustomerDialog(QDialog):
    """The profile form in a dialog; accept only once the form reads cleanly."""

    def __init__(self, parent: QWidget | None, name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New customer"))
        self.form = ProfileEditor(store=None, with_buttons=False)
        # An empty customer enables the fields; the store gives it an id on save.
        self.form.set_customer(Customer(id="", name=name))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.resize(440, 420)
        self.form.name.setFocus()
        self.result_customer: Customer | None = None

    def _accept_if_valid(self) -> None:
        customer = self.form.validated()
        if customer is not None:
            self.result_customer = customer
            self.accept()
