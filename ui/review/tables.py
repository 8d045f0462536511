"""The two lists of the review window: the groups to review, and the actions taken.

Read-only table widgets filled from a snapshot (at most a few hundred rows: the core
returns groups most asked first, and the log's newest 200 actions).
"""

from __future__ import annotations

from shopguide.review import Action, Group
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.review.words import ReviewWords

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, columns):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, key: object = None, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    if key is not None:
        item.setData(ID_ROLE, key)
    return item


class GroupTable(QWidget):
    """Question · times asked · last asked · why listed; ``selected(group)`` on a choice."""

    selected = Signal(object)  # Group or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        self.table = _table(4)
        self.table.setObjectName("reviewGroups")
        # Why it is listed shares the width with the question, which it must not squeeze.
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retranslate_ui()

    def set_groups(self, groups: list[Group]) -> None:
        keep = self.current_id()
        self.groups = list(groups)
        self._fill()
        row = next((i for i, g in enumerate(self.groups) if g.id == keep), 0)
        if self.groups:
            self.table.selectRow(row)
        else:
            self.selected.emit(None)

    def current_id(self) -> str | None:
        group = self.current()
        return group.id if group else None

    def current(self) -> Group | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.groups[rows[0].row()] if rows and rows[0].row() < len(self.groups) else None

    def _selection_changed(self) -> None:
        self.selected.emit(self.current())

    def _fill(self) -> None:
        w = ReviewWords()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.groups))
        for row, g in enumerate(self.groups):
            self.table.setItem(row, 0, _item(g.question, g.id, "\n".join(g.phrasings)))
            count = _item(str(g.count), tip=w.times(g.count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 1, count)
            self.table.setItem(row, 2, _item(w.when(g.last_asked)))
            # The reasons' names only: the counts are in the tooltip and the detail.
            self.table.setItem(row, 3, _item(", ".join(map(w.reason, g.reasons)),
                                             tip=w.reasons(g.reasons)))
        self.table.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Asked"), self.tr("Last asked"), self.tr("Why listed")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ActionTable(QWidget):
    """The review's log, newest first; Undo for an action still in force."""

    undoRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions: list[Action] = []
        self.table = _table(4)
        self.table.setObjectName("reviewActions")
        # What was done can be long (a new answer's text): it shares the width too.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("reviewUndo")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo_button)
        lay.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.undo_button.clicked.connect(self._undo)
        self.retranslate_ui()

    def set_actions(self, actions: list[Action]) -> None:
        self.actions = list(actions)
        self._fill()
        if self.actions:
            self.table.selectRow(0)
        self._update_button()

    def select_action(self, action_id: int) -> None:
        for row, a in enumerate(self.actions):
            if a.id == action_id:
                self.table.selectRow(row)

    def current(self) -> Action | None:
        rows = self.table.selectionModel().selectedRows()
        return self.actions[rows[0].row()] if rows and rows[0].row() < len(self.actions) else None

    def _undo(self) -> None:
        action = self.current()
        if action is not None and action.undone is None:
            self.undoRequested.emit(action.id)

    def _update_button(self) -> None:
        action = self.current()
        self.undo_button.setEnabled(action is not None and action.undone is None)

    def _fill(self) -> None:
        w = ReviewWords()
        self.table.setRowCount(len(self.actions))
        for row, a in enumerate(self.actions):
            state = (self.tr("undone %1").replace("%1", w.when(a.undone)) if a.undone
                     else self.tr("in force"))
            self.table.setItem(row, 0, _item(a.question, a.id))
            self.table.setItem(row, 1, _item(w.action(a.action, a.detail)))
            self.table.setItem(row, 2, _item(w.when(a.created)))
            self.table.setItem(row, 3, _item(state))

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Action"), self.tr("When"), self.tr("State")])
        self.undo_button.setText(self.tr("&Undo"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
