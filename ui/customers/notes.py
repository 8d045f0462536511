"""The notes timeline: add, edit, pin and delete (after a confirmation) a customer's notes.

Pinned notes come first, then the newest. Every action works from the keyboard:
Ctrl+Enter adds from the composer; in the list F2 edits, Delete deletes, and
Ctrl+P pins or unpins the current note.
"""

from __future__ import annotations

from typing import Any

from shopguide.store.models import Customer, Note
from ui.customers import dialogs
from ui.dates import moment_text
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

NoteIdRole = Qt.ItemDataRole.UserRole + 1


class NotesTimeline(QWidget):
    notesChanged = Signal()

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._customer: Customer | None = None
        self._notes: list[Note] = []

        self.composer = QPlainTextEdit()
        self.composer.setTabChangesFocus(True)
        self.composer.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.add_button = QPushButton()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)  # where one note ends and the next begins
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.edit_button = QPushButton()
        self.pin_button = QPushButton()
        self.delete_button = QPushButton()
        self.empty = QLabel()
        self.empty.setWordWrap(True)

        compose_row = QHBoxLayout()
        compose_row.addWidget(self.composer, 1)
        compose_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        for b in (self.edit_button, self.pin_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(compose_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)

        self.add_button.clicked.connect(self._add_from_composer)
        self.edit_button.clicked.connect(self._edit_current)
        self.pin_button.clicked.connect(self._toggle_pin_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self._edit_current())
        self.composer.textChanged.connect(self._update_buttons)
        # Keys handled where the focus is (an event filter, not window shortcuts, so they
        # never clash with the main window's and work as soon as the widget has focus).
        self.composer.installEventFilter(self)
        self.list.installEventFilter(self)
        self.retranslate()
        self.set_customer(None)

    # --- data -------------------------------------------------------------------------------

    def set_customer(self, customer: Customer | None) -> None:
        self._customer = customer
        self.composer.clear()
        self.composer.setEnabled(customer is not None)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        cid = self._customer.id if self._customer else None
        self._notes = self._store.notes(cid) if cid else []
        self._render(select_id)

    def _render(self, select_id: int | None = None) -> None:
        """Fill the list from the notes already read (a language change re-renders only)."""
        cid = self._customer.id if self._customer else None
        self.list.clear()
        for note in self._notes:
            item = QListWidgetItem(self._item_text(note))
            item.setData(NoteIdRole, note.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._item_text(note))
            self.list.addItem(item)
            if note.id == select_id:
                self.list.setCurrentItem(item)
        self.empty.setVisible(cid is not None and not self._notes)
        self._update_buttons()

    def add_note(self, text: str, pinned: bool = False) -> Note | None:
        text = text.strip()
        if not text or self._customer is None:
            return None
        note = self._store.add_note(self._customer.id, text, pinned=pinned)
        self.reload(select_id=note.id)
        self.notesChanged.emit()
        return note

    def current_note(self) -> Note | None:
        item = self.list.currentItem()
        if item is None:
            return None
        note_id = item.data(NoteIdRole)
        return next((n for n in self._notes if n.id == note_id), None)

    def notes(self) -> list[Note]:
        return list(self._notes)

    def select_note(self, note_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(NoteIdRole) == note_id:
                self.list.setCurrentRow(i)
                return

    # --- actions ----------------------------------------------------------------------------

    def _add_from_composer(self) -> None:
        if self.add_note(self.composer.toPlainText()):
            self.composer.clear()

    def _edit_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        text = dialogs.ask_text(self, self.tr("Edit note"), self.tr("Note:"), note.text)
        if text and text != note.text:
            self._store.update_note(note.id, text=text)
            self.reload(select_id=note.id)
            self.notesChanged.emit()

    def _toggle_pin_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        self._store.update_note(note.id, pinned=not note.pinned)
        self.reload(select_id=note.id)
        self.notesChanged.emit()

    def _delete_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        preview = note.text if len(note.text) <= 60 else note.text[:59] + "…"
        if not dialogs.confirm(self, self.tr("Delete note"),
                               self.tr("Delete this note?\n\n%1").replace("%1", preview)):
            return
        row = self.list.currentRow()
        self._store.delete_note(note.id)
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.notesChanged.emit()

    # --- presentation -----------------------------------------------------------------------

    def _item_text(self, note: Note) -> str:
        when = moment_text(note.created)
        pinned = self.tr("Pinned")
        head = f"📌 {pinned} · {when}" if note.pinned else when
        if note.updated > note.created:
            head += " · " + self.tr("edited")
        return f"{head}\n{note.text}"

    def _update_buttons(self, *_: object) -> None:
        note = self.current_note()
        for b in (self.edit_button, self.pin_button, self.delete_button):
            b.setEnabled(note is not None)
        self.pin_button.setText(self.tr("Un&pin") if note and note.pinned else self.tr("&Pin"))
        self.add_button.setEnabled(
            self._customer is not None and bool(self.composer.toPlainText().strip()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key, mods = event.key(), event.modifiers()  # type: ignore[attr-defined]
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if watched is self.composer and ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add_from_composer()
            return True
        if watched is self.list:
            action = {Qt.Key.Key_F2: self._edit_current, Qt.Key.Key_Delete: self._delete_current
                      }.get(key) if not ctrl else (self._toggle_pin_current
                                                   if key == Qt.Key.Key_P else None)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            current = self.current_note()
            self._render(select_id=current.id if current else None)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.composer.setPlaceholderText(self.tr("Write a note… (Ctrl+Enter adds it)"))
        self.composer.setAccessibleName(self.tr("New note"))
        self.add_button.setText(self.tr("&Add note"))
        self.add_button.setAccessibleName(self.tr("Add note"))
        self.list.setAccessibleName(self.tr("Notes, pinned first, newest first"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected note"))
        self.edit_button.setToolTip(self.tr("Edit the selected note (F2)"))
        self.pin_button.setAccessibleName(self.tr("Pin or unpin the selected note"))
        self.pin_button.setToolTip(self.tr("Pin or unpin the selected note (Ctrl+P)"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected note"))
        self.delete_button.setToolTip(self.tr("Delete the selected note (Delete)"))
        self.empty.setText(self.tr("No notes yet."))
        self._update_buttons()
