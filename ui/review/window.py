"""The review window: questions shoppers asked that ShopGuide could not answer, one action
each (previewed, then saved, undoable), and how it is going.

It only draws and reacts. Every read and write is a ``StoreJob`` on its own thread and
connection; the window is told by queued signals and never waits on the database. While
a write runs the form is disabled, so two actions never race for one group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shopguide import review as core
from shopguide.review import Action, Group
from shopguide.review.actions import clean
from ui.qt import (
    QComboBox,
    QDialog,
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.review.action_panel import ActionPanel
from ui.review.charts import SummaryView
from ui.review.detail import GroupDetail, PreviewView
from ui.background import StoreJob
from ui.review.jobs import run_job
from ui.review.snapshot import DEFAULT_DAYS, Snapshot, load_snapshot
from ui.review.tables import ActionTable, GroupTable
from ui.review.words import ReviewWords

DAY_CHOICES = (7, 30, 90)


class ReviewWindow(QDialog):
    """Not modal: the clerk can keep serving while the review is open."""

    loaded = Signal(object)  # Snapshot
    previewed = Signal(object)  # the core's preview: {question, before, after}
    applied = Signal(object)  # Action
    undone = Signal(object)  # Action
    failed = Signal(str)

    def __init__(self, store_path: str | Path, parent: QWidget | None = None,
                 days: int = DEFAULT_DAYS, use_charts: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.store_path = Path(store_path)
        self.days = days
        self.snapshot: Snapshot | None = None
        self.last_action: Action | None = None
        self._busy = 0
        self._load_generation = 0
        self._message = ("", False)  # (text, is an error)
        self._build(use_charts)
        self.retranslate_ui()
        self.resize(1180, 780)
        self.refresh()

    # --- construction ----------------------------------------------------------
    def _build(self, use_charts: bool | None) -> None:
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)

        self.groups = GroupTable()
        self.detail = GroupDetail()
        self.panel = ActionPanel()
        self.panel.product.store_path = self.store_path
        self.preview = PreviewView()
        right = QWidget()
        rl = QVBoxLayout(right)
        self.action_title = QLabel()
        self.action_title.setStyleSheet("font-weight: bold;")
        for w in (self.detail, self.action_title, self.panel, self.preview):
            rl.addWidget(w)
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.groups)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([660, 540])  # the list reads best wide: questions are long
        self.empty = QLabel()
        self.empty.setObjectName("reviewEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.addWidget(self.empty)
        pl.addWidget(self.splitter, 1)
        self.tabs.addTab(page, "")

        self.history = ActionTable()
        self.tabs.addTab(self.history, "")

        self.summary = SummaryView(use_charts=use_charts)
        summary_page = QWidget()
        sl = QVBoxLayout(summary_page)
        top = QHBoxLayout()
        self.days_label = QLabel()
        self.days_box = QComboBox()
        for n in DAY_CHOICES:
            self.days_box.addItem("", n)
        self.days_box.setCurrentIndex(max(0, self.days_box.findData(self.days)))
        self.days_label.setBuddy(self.days_box)
        top.addWidget(self.days_label)
        top.addWidget(self.days_box)
        top.addStretch(1)
        sl.addLayout(top)
        sl.addWidget(self.summary, 1)
        self.tabs.addTab(summary_page, "")

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_last = QPushButton()
        self.undo_last.setObjectName("reviewUndoLast")
        self.undo_last.hide()
        self.refresh_button = QPushButton()
        self.close_button = QPushButton()
        bottom.addWidget(self.status, 1)
        for b in (self.undo_last, self.refresh_button, self.close_button):
            bottom.addWidget(b)
        lay.addLayout(bottom)

        self.groups.selected.connect(self._group_selected)
        self.panel.previewRequested.connect(self.preview_action)
        self.panel.applyRequested.connect(self.apply_action)
        self.history.undoRequested.connect(self.undo_action)
        self.undo_last.clicked.connect(self._undo_last)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close)
        self.days_box.currentIndexChanged.connect(self._days_changed)

    # --- jobs ---------------------------------------------------------------------
    def _run(self, kind: str, work: Any, done: Any) -> StoreJob:
        """Start one store call; ``done(result)`` in this thread, a failure in the status."""
        def succeeded(result: object) -> None:
            self._job_ended()
            done(result)

        def failed(message: str) -> None:
            self._job_ended()
            self._job_failed(message)

        self._busy += 1
        self._update_busy()
        return run_job(self, kind, self.store_path, work, succeeded, failed)

    def _job_ended(self) -> None:
        self._busy = max(0, self._busy - 1)
        self._update_busy()

    def _job_failed(self, message: str) -> None:
        self._say(message, error=True)
        self.failed.emit(message)

    def _update_busy(self) -> None:
        busy = self._busy > 0
        self.panel.set_busy(busy or self.groups.current() is None)
        self.history.setEnabled(not busy)
        self.undo_last.setEnabled(not busy)
        self.refresh_button.setEnabled(not busy)
        if busy and not self._message[1]:
            self.status.setText(self.tr("Working…"))
        elif not busy:
            self._show_message()

    def busy(self) -> bool:
        return self._busy > 0

    # --- reading ----------------------------------------------------------------
    def refresh(self) -> None:
        self._load_generation += 1
        generation, days = self._load_generation, self.days
        self._run("load", lambda store: load_snapshot(store, days),
                  lambda snap, g=generation: self._on_loaded(g, snap))

    def _on_loaded(self, generation: int, snapshot: object) -> None:
        if generation != self._load_generation:
            return  # a newer read replaced this one
        assert isinstance(snapshot, Snapshot)
        self.snapshot = snapshot
        self.panel.category.set_items([(p, p) for p in snapshot.categories])
        self.panel.faq.set_items([(f"{q} · {fid}", fid) for fid, q in snapshot.faq])
        self.groups.set_groups(snapshot.groups)
        self.history.set_actions(snapshot.actions)
        self.summary.show_summary(snapshot.summary)
        self.retranslate_ui()
        self.loaded.emit(snapshot)

    def _days_changed(self) -> None:
        self.days = int(self.days_box.currentData() or DEFAULT_DAYS)
        self.refresh()

    def _group_selected(self, group: object) -> None:
        g = group if isinstance(group, Group) else None
        self.detail.show_group(g)
        self.preview.show_result(None)
        if g is not None:
            products = [(c["sku"], c["name"]) for c in g.cards if c.get("kind") == "product"]
            self.panel.reset(clean(g.question), products)
        self._update_busy()

    # --- writing ----------------------------------------------------------------
    def preview_action(self, action: str, params: dict[str, Any]) -> None:
        group = self.groups.current()
        if group is None:
            return
        self._say("")
        self._run("preview", lambda store: core.preview_action(store, group, action, **params),
                  lambda result, a=action, p=dict(params): self._on_previewed(a, p, result))

    def _on_previewed(self, action: str, params: dict[str, Any], result: object) -> None:
        assert isinstance(result, dict)
        self.preview.show_result(result)
        self.panel.preview_shown(action, params)
        self.previewed.emit(result)

    def apply_action(self, action: str, params: dict[str, Any]) -> None:
        group = self.groups.current()
        if group is None:
            return
        self._run("apply", lambda store: core.apply_action(store, group, action, **params),
                  self._on_applied)

    def _on_applied(self, done: object) -> None:
        assert isinstance(done, Action)
        self.last_action = done
        self.preview.show_result(None)
        self._say(self.tr("Saved: %1 — “%2”. Shoppers get the new answer now.")
                  .replace("%1", ReviewWords().action(done.action, done.detail))
                  .replace("%2", done.question))
        self.undo_last.show()
        self.applied.emit(done)
        self.refresh()

    def _undo_last(self) -> None:
        if self.last_action is not None:
            self.undo_action(self.last_action.id)

    def undo_action(self, action_id: int) -> None:
        self._run("undo", lambda store: core.undo_action(store, action_id), self._on_undone)

    def _on_undone(self, done: object) -> None:
        assert isinstance(done, Action)
        if self.last_action is not None and self.last_action.id == done.id:
            self.last_action = None
            self.undo_last.hide()
        self._say(self.tr("Undone: %1 — “%2”.")
                  .replace("%1", ReviewWords().action(done.action, done.detail))
                  .replace("%2", done.question))
        self.undone.emit(done)
        self.refresh()

    # --- words ------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self._message = (text, error)
        self._show_message()

    def _show_message(self) -> None:
        text, error = self._message
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet("color: #b3261e;" if error else "")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Questions to review"))
        n = len(self.snapshot.groups) if self.snapshot else 0
        self.tabs.setTabText(0, self.tr("Questions (%1)").replace("%1", str(n)))
        self.tabs.setTabText(1, self.tr("Done"))
        self.tabs.setTabText(2, self.tr("How it is going"))
        self.empty.setText(self.tr("Nothing to review: every question asked was answered, "
                                   "or has an action already."))
        self.empty.setVisible(self.snapshot is not None and not self.snapshot.groups)
        self.action_title.setText(self.tr("What should it have answered?"))
        self.days_label.setText(self.tr("&Period:"))
        for i, days in enumerate(DAY_CHOICES):
            self.days_box.setItemText(i, self.tr("last %1 days").replace("%1", str(days)))
        self.undo_last.setText(self.tr("Undo that"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

