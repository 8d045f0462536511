"""The privacy panel's dialogs: export, erase (with typed confirmation), the privacy log.

``run`` is a module function so tests fill a dialog in and accept it without a modal loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shopguide.privacy import log as plog
from ui.customers.dialogs import run  # noqa: F401  (re-exported: the panel and its tests use privacy_dialogs.run)
from ui.dates import moment_text
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def inform(parent: QWidget, title: str, text: str, warning: bool = False) -> None:
    """A message the clerk must see (tests replace this to read it)."""
    if warning:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


class ExportDialog(QDialog):
    """Where to, which format, and why (the reason goes to the privacy log)."""

    def __init__(self, parent: QWidget | None, folder: Path, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export customer data"))
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName(self.tr("Export folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.format = QComboBox()
        self.format.addItem(self.tr("JSON and readable report"), "both")
        self.format.addItem(self.tr("JSON only"), "json")
        self.format.addItem(self.tr("Readable report only"), "report")
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "zh" else 1)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the customer asked for a copy"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form = QFormLayout()
        form.addRow(self.tr("&Folder:"), row)
        form.addRow(self.tr("F&ormat:"), self.format)
        form.addRow(self.tr("Report &language:"), self.language)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("The files hold the customer's personal data: hand them only "
                              "to the customer, and delete your copy afterwards."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def values(self) -> tuple[Path, str, str, str]:
        return (Path(self.folder.text().strip() or "."), str(self.format.currentData()),
                str(self.language.currentData()), self.reason.text().strip())


class EraseDialog(QDialog):
    """Erasure cannot be undone: the clerk gives a reason and types the customer's name."""

    def __init__(self, parent: QWidget | None, name: str, n_purchases: int) -> None:
        super().__init__(parent)
        self._name = name
        self.setWindowTitle(self.tr("Erase customer"))
        text = QLabel(self.tr(
            "This deletes %1's profile, notes, follow-ups, consent records and saved "
            "conversations for good, and scrubs the store file so they cannot be "
            "recovered. It cannot be undone.").replace("%1", name))
        text.setWordWrap(True)
        self.keep_purchases = QCheckBox(self.tr(
            "&Keep the %n purchase(s) for sales totals, without the person", "",
            n_purchases))
        self.keep_purchases.setChecked(n_purchases > 0)
        self.keep_purchases.setEnabled(n_purchases > 0)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. the customer asked to be forgotten"))
        self.typed = QLineEdit()
        self.typed.setAccessibleName(self.tr("Type the customer's name to confirm"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Type the &name to confirm:"), self.typed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(self.tr("&Erase"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        for edit in (self.reason, self.typed):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.keep_purchases)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def ready(self) -> bool:
        return bool(self.reason.text().strip()) and \
            self.typed.text().strip().casefold() == self._name.strip().casefold()

    def _update(self) -> None:
        self.erase_button.setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():  # Enter in a field must not bypass the confirmation
            super().accept()


class PrivacyLogDialog(QDialog):
    """The privacy log, newest first: when, what, reference, reason. Read-only."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None, store: Any, customer_id: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy log"))
        self.resize(720, 420)
        self.only_customer = QCheckBox(self.tr("Only entries about the selected customer"))
        self.only_customer.setEnabled(customer_id is not None)
        self.only_customer.setChecked(customer_id is not None)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("Reference"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        explain = QLabel(self.tr("The log names no one: a reference stands for a customer, and "
                                 "the selected customer's entries can be found by it."))
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.only_customer)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._store = store
        self._customer_id = customer_id
        self.only_customer.toggled.connect(lambda _on: self.reload())
        self.reload()

    def reload(self) -> None:
        who = self._customer_id if self.only_customer.isChecked() else None
        events = plog.entries(self._store, 1000, customer_id=who)
        self.table.setRowCount(len(events))
        for row, e in enumerate(events):
            cells = (moment_text(e.time),
                     f"{self._verb(e.verb)} {e.detail}".strip(), e.ref or "—", e.reason)
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _verb(self, verb: str) -> str:
        names = {plog.EXPORT: self.tr("Export"), plog.ERASE: self.tr("Erasure"),
                 plog.CONSENT_GRANT: self.tr("Consent given"),
                 plog.CONSENT_WITHDRAW: self.tr("Consent withdrawn"),
                 plog.RETENTION: self.tr("Retention")}
        return names.get(verb, verb)
