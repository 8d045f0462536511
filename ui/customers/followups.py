"""Follow-ups: what the shop promised to do for a customer, and by when.

Each is a checkable row (checked = done; Space toggles it). An overdue one says
"Overdue" in its text and carries a warning icon as well as a warning colour, so
it reads the same without colour vision.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from shopguide.store.models import Customer, FollowUp
from ui.dates import date_format, day_text
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QDate,
    QDateEdit,
    QEvent,
    QFont,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPalette,
    QPushButton,
    QStyle,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 2
DEFAULT_DAYS_AHEAD = 7


class FollowUpsView(QWidget):
    followupsChanged = Signal()

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._customer: Customer | None = None
        self._items: list[FollowUp] = []
        self._filling = False
        self.today = date.today  # replaceable in tests: what "overdue" is measured against

        self.due = QDateEdit()
        self.due.setDisplayFormat(date_format())  # as every date in the window
        self.due.setCalendarPopup(True)
        self.text = QLineEdit()
        self.add_button = QPushButton()
        self._due_label = QLabel()
        self._due_label.setBuddy(self.due)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.done_button = QPushButton()
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        add_row = QHBoxLayout()  # the text gets a line of its own: a promise is a sentence
        add_row.addWidget(self._due_label)
        add_row.addWidget(self.due)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(add_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self._add_from_form)
        self.text.returnPressed.connect(self._add_from_form)
        self.text.textChanged.connect(self._update_buttons)
        self.done_button.clicked.connect(self._toggle_current)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemChanged.connect(self._item_checked)
        self.retranslate()
        self.set_customer(None)

    # --- data -------------------------------------------------------------------------------

    def set_customer(self, customer: Customer | None) -> None:
        self._customer = customer
        self.text.clear()
        d = self.today() + timedelta(days=DEFAULT_DAYS_AHEAD)
        self.due.setDate(QDate(d.year, d.month, d.day))
        for w in (self.due, self.text):
            w.setEnabled(customer is not None)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self._items = self._store.followups(self._customer.id) if self._customer else []
        self._render(select_id)

    def _render(self, select_id: int | None = None) -> None:
        """Fill the list from the follow-ups already read (a language change re-renders only)."""
        today = self.today()
        self._filling = True
        try:
            self.list.clear()
            for f in self._items:
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(FollowUpIdRole, f.id)
                self._paint(item, f, today)
                self.list.addItem(item)
                if f.id == select_id:
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False
        n_open = sum(not f.done for f in self._items)
        n_late = sum(f.overdue(today) for f in self._items)
        self.summary.setText(
            self.tr("%1 open, %2 overdue").replace("%1", str(n_open)).replace("%2", str(n_late))
            if self._customer else "")
        self._update_buttons()

    def _paint(self, item: QListWidgetItem, f: FollowUp, today: date) -> None:
        overdue = f.overdue(today)
        due = day_text(f.due)
        if f.done:
            status = self.tr("Done")
        elif overdue:
            days = (today - f.due).days
            status = self.tr("Overdue by %n day(s)", "", days)
        elif f.due == today:
            status = self.tr("Due today")
        else:
            status = self.tr("Due")
        text = f"{status} · {due} — {f.text}"
        item.setText(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        item.setData(OverdueRole, overdue)
        item.setCheckState(Qt.CheckState.Checked if f.done else Qt.CheckState.Unchecked)
        font = QFont(item.font())
        font.setStrikeOut(f.done)
        font.setBold(overdue)
        item.setFont(font)
        if overdue:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setForeground(QBrush(self._warning_color()))
        elif f.done:
            item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text))

    def _warning_color(self) -> QColor:
        """A red that reads on the list's background, light theme or dark."""
        self.list.ensurePolished()  # the theme's style sheet sets the palette
        dark = self.list.palette().color(QPalette.ColorRole.Text).lightness() > 128
        return QColor("#ff8a80") if dark else QColor("#b3261e")

    def followups(self) -> list[FollowUp]:
        return list(self._items)

    def add_followup(self, due: date, text: str) -> FollowUp | None:
        text = text.strip()
        if not text or self._customer is None:
            return None
        f = self._store.add_followup(self._customer.id, due, text)
        self.reload(select_id=f.id)
        self.followupsChanged.emit()
        return f

    def set_done(self, followup_id: int, done: bool = True) -> None:
        self._store.set_followup_done(followup_id, done)
        self.reload(select_id=followup_id)
        self.followupsChanged.emit()

    def current_followup(self) -> FollowUp | None:
        item = self.list.currentItem()
        if item is None:
            return None
        fid = item.data(FollowUpIdRole)
        return next((f for f in self._items if f.id == fid), None)

    # --- actions ----------------------------------------------------------------------------

    def _add_from_form(self) -> None:
        qd = self.due.date()
        if self.add_followup(date(qd.year(), qd.month(), qd.day()), self.text.text()):
            self.text.clear()

    def _toggle_current(self) -> None:
        f = self.current_followup()
        if f is not None:
            self.set_done(f.id, not f.done)

    def _item_checked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        fid = item.data(FollowUpIdRole)
        f = next((x for x in self._items if x.id == fid), None)
        done = item.checkState() == Qt.CheckState.Checked
        if f is not None and f.done != done:
            self.set_done(f.id, done)

    def _update_buttons(self, *_: object) -> None:
        f = self.current_followup()
        self.done_button.setEnabled(f is not None)
        self.done_button.setText(
            self.tr("Mark &open") if f is not None and f.done else self.tr("Mark &done"))
        self.add_button.setEnabled(self._customer is not None and bool(self.text.text().strip()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            current = self.current_followup()
            self._render(select_id=current.id if current else None)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.due.setDisplayFormat(date_format())  # the new language's date format
        self._due_label.setText(self.tr("D&ue"))
        self.due.setAccessibleName(self.tr("Follow-up due date"))
        self.text.setPlaceholderText(self.tr("What to do, e.g. call when size 43 arrives"))
        self.text.setAccessibleName(self.tr("Follow-up text"))
        self.add_button.setText(self.tr("Add &follow-up"))
        self.add_button.setAccessibleName(self.tr("Add follow-up"))
        self.list.setAccessibleName(self.tr("Follow-ups; Space marks the selected one done"))
        self.done_button.setAccessibleName(self.tr("Mark the selected follow-up done or open"))
        self._update_buttons()
