"""The clerk's customer sidebar: find a customer, serve them, keep their relationship notes.

Top: a search box (name, phone or tag; debounced) over a lazily paged list.
Below: the selected customer's profile, notes, purchases and follow-ups.
Selecting a customer emits ``customerSelected(Customer)``; "Stop serving"
emits ``customerSelected(None)``. The main window connects that to the engine.

Threads: the customer list is read page by page on a background thread (see
``pager.py``): a broad search ranks thousands of matches. Everything else the
sidebar reads or writes uses its own Store connection on the GUI thread: one
customer, their timeline, one row written, each an indexed query of a few
milliseconds at 100,000 customers. The privacy panel's export and erasure are the
exception: they run on a thread of their own (``privacy_jobs.py``), since an erasure
also cleans every backup copy. Customer data never goes to the log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shopguide.guide.note_proposal import propose_note_from as _propose
from shopguide.store import open_store
from shopguide.store.errors import StoreError
from shopguide.store.models import Customer, Note
from ui.customers import dialogs
from ui.customers.finder import CustomerFinder
from ui.customers.followups import FollowUpsView
from ui.customers.list_model import CustomerRole
from ui.customers.notes import NotesTimeline
from ui.customers.privacy_panel import PrivacyPanel
from ui.customers.profile import ProfileEditor
from ui.customers.purchases import PurchasesView
from ui.qt import (
    QAbstractItemView,
    QCloseEvent,
    QCoreApplication,
    QEvent,
    QFont,
    QHBoxLayout,
    QIcon,
    QItemSelectionModel,
    QLabel,
    QLocale,
    QMessageBox,
    QModelIndex,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)


class CustomerSidebar(QWidget):
    customerSelected = Signal(object)  # Customer, or None when no one is being served

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        """``store``: an open Store used on this thread, or a store file's path, which the
        sidebar then opens for itself (its own connection) and closes on ``shutdown``."""
        super().__init__(parent)
        self.setObjectName("customerSidebar")
        self._owns_store = isinstance(store, (str, Path))
        if self._owns_store:
            store = open_store(store, create=False)
        self._store = store
        self._current: Customer | None = None
        self._restoring = False

        # --- finding (the parts tests and the window reach are named here too) ---
        self.finder = CustomerFinder(store)
        self.search = self.finder.search
        self.new_button = self.finder.new_button
        self.count_label = self.finder.count_label
        self.model = self.finder.model
        self.list = self.finder.list

        # --- serving ---
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.stop_button = QPushButton()
        self.profile = ProfileEditor(store)
        self.notes = NotesTimeline(store)
        self.purchases = PurchasesView(store)
        self.followups = FollowUpsView(store)
        self.privacy = PrivacyPanel(store)
        self.tabs = QTabWidget()
        # Five tabs in a narrow sidebar: every tab stays in view, eliding its label if it
        # must, rather than hiding the last ones behind scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        profile_scroll = QScrollArea()
        profile_scroll.setWidgetResizable(True)
        profile_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        profile_scroll.setWidget(self.profile)
        self.tabs.addTab(profile_scroll, "")
        self.tabs.addTab(self.notes, "")
        self.tabs.addTab(self.purchases, "")
        self.tabs.addTab(self.followups, "")
        self.tabs.addTab(self.privacy, "")

        serve = QWidget()
        serve_layout = QVBoxLayout(serve)
        serve_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.stop_button)
        serve_layout.addLayout(head)
        serve_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.finder)
        self.splitter.addWidget(serve)
        # Half the height for the list: a clerk scans several customers before picking one.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.new_button.clicked.connect(lambda: self.new_customer())
        self.stop_button.clicked.connect(self.clear_selection)
        self.privacy.customerErased.connect(self._customer_erased)
        self.privacy.busyChanged.connect(lambda _busy: self._lock_while_erased())
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.pageLoaded.connect(self._page_loaded)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.profile.saved.connect(self._profile_saved)
        self.notes.notesChanged.connect(self._update_tabs)
        self.purchases.purchasesChanged.connect(self._update_tabs)
        self.followups.followupsChanged.connect(self._update_tabs)
        self.retranslate()
        self._show(None)

    # --- public API (the main window's contract) ---------------------------------------------

    def selected_customer(self) -> Customer | None:
        return self._current

    def select_customer(self, customer_id: str) -> Customer | None:
        """Serve ``customer_id``. When the list has not loaded them, it is searched for
        their name, and they are highlighted once that page arrives."""
        row = self.model.row_of(customer_id)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.EnsureVisible)
            return self._current
        customer = self._store.customer(customer_id)
        if customer is None or not self._confirm_leave():
            return None
        self.finder.show_search(customer.name)
        self._show(customer)
        self.customerSelected.emit(customer)
        return customer

    def clear_selection(self) -> None:
        if not self._confirm_leave():
            return
        self.list.selectionModel().clearCurrentIndex()
        self.list.clearSelection()
        self._show(None)
        self.customerSelected.emit(None)

    def _customer_erased(self, customer_id: str) -> None:
        """The privacy panel erased the person: stop serving them and drop their row.
        (The erasure runs off the GUI thread: the clerk may have moved on to someone
        else meanwhile, who stays served.)"""
        if self._current is None or self._current.id == customer_id:
            self.list.selectionModel().clearCurrentIndex()
            self.list.clearSelection()
            self._show(None)
            self.customerSelected.emit(None)
        self.model.reload()

    def new_customer(self, name: str = "") -> Customer | None:
        """Ask for a new customer's profile, save it and serve them. None if cancelled."""
        dialog = dialogs.NewCustomerDialog(self, name)
        if not dialogs.run(dialog) or dialog.result_customer is None:
            return None
        try:
            saved = self._store.save_customer(dialog.result_customer)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("New customer"), str(exc))
            return None
        self.model.reload()  # the search may show the same text, but not yet this person
        self.list.selectionModel().clearCurrentIndex()
        return self.select_customer(saved.id)

    def propose_note_from(self, conversation: Any) -> Note | None:
        """"Save to notes": propose a note from ``conversation``; the clerk edits and saves it."""
        customer = self._current
        served = getattr(customer, "id", None)  # whose turns: the walk-in's if none was chosen
        if customer is None:
            if not dialogs.confirm(
                self, self.tr("Save to notes"),
                self.tr("No customer is selected. Create a new customer for this note?"),
            ):
                return None
            customer = self.new_customer()
            if customer is None:
                return None
        text = _propose(conversation, self._lang(), self._store.settings().currency,
                        customer_id=served)
        dialog = dialogs.SaveNoteDialog(self, customer, text)
        if not dialogs.run(dialog) or not dialog.text():
            return None
        note = self.notes.add_note(dialog.text(), pinned=dialog.pin.isChecked())
        self.tabs.setCurrentWidget(self.notes)
        return note

    def apply_search(self) -> None:
        """Run the search now (the debounce timer calls this after typing stops)."""
        self.finder.apply_search()

    def shutdown(self) -> None:
        """Stop the list's background reads and close the sidebar's own connection
        (the window calls this when it closes; the app's aboutToQuit does too)."""
        self.finder.shutdown()
        if self._owns_store and self._store.conn is not None:
            self._store.close()

    def _page_loaded(self) -> None:
        """Highlight who is being served once their row arrives, without re-emitting."""
        if self.list.hasFocus() and not self._current:
            return  # the clerk went to the results (Down): the finder picked the first
        row = self.model.row_of(self._current.id) if self._current else -1
        if row >= 0 and self.list.currentIndex().row() != row:
            self._restoring = True
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._restoring = False
            self.list.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- reacting -----------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring:
            return
        customer = current.data(CustomerRole) if current.isValid() else None
        if customer is None or (self._current and customer.id == self._current.id):
            return
        if not self._confirm_leave():
            self._restoring = True  # back to who was being served, without re-emitting
            self.list.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._restoring = False
            return
        self._show(customer)
        self.customerSelected.emit(customer)

    def _confirm_leave(self) -> bool:
        """Unsaved profile edits: save, discard, or stay. False means stay."""
        if not self.profile.is_dirty() or self._current is None:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to this customer's profile?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.profile.save() is not None  # an invalid form keeps the clerk here
        return answer == QMessageBox.StandardButton.Discard

    def _profile_saved(self, customer: Customer) -> None:
        self._current = customer
        self.model.update_customer(customer)
        self._update_title()
        self.customerSelected.emit(customer)  # the engine personalises with the new values

    def _show(self, customer: Customer | None) -> None:
        self._current = customer
        self.profile.set_customer(customer)
        self.notes.set_customer(customer)
        self.purchases.set_customer(customer)
        self.followups.set_customer(customer)
        self.privacy.set_customer(customer)
        self.tabs.setEnabled(customer is not None)
        self.stop_button.setEnabled(customer is not None)
        self._update_title()
        self._update_tabs()
        self._lock_while_erased()

    def _lock_while_erased(self) -> None:
        """While a person is being erased their profile, notes, purchases and follow-ups
        are read-only: a save racing the erasure would fail or bring data back."""
        erasing = self.privacy.erasing_id()
        locked = erasing is not None and getattr(self._current, "id", None) == erasing
        for i in range(self.tabs.count()):
            if self.tabs.widget(i) is not self.privacy:
                self.tabs.setTabEnabled(i, not locked)
        if locked:
            self.tabs.setCurrentWidget(self.privacy)

    def _update_title(self) -> None:
        if self._current is None:
            self.title.setText(self.tr("No customer selected"))
        else:
            self.title.setText(self.tr("Serving: %1").replace("%1", self._current.name))
        self.title.setAccessibleName(self.title.text())

    def _update_tabs(self) -> None:
        n_notes = len(self.notes.notes())
        n_buys = len(self.purchases.purchases())
        items = self.followups.followups()
        late = sum(f.overdue(self.followups.today()) for f in items)
        n_open = sum(not f.done for f in items)
        # Short labels with the count after them, so five tabs fit a 500-pixel sidebar in
        # English too (with "(1 overdue)" in the label the English tabs were cut to "Pr…").
        # Overdue ones show as a warning icon on the tab, and are said in words in its
        # tooltip, its accessible description and the list's own heading.
        self.tabs.setTabText(0, self.tr("Profile"))
        self.tabs.setTabText(1, self.tr("Notes %1").replace("%1", str(n_notes)))
        self.tabs.setTabText(2, self.tr("Purchases %1").replace("%1", str(n_buys)))
        self.tabs.setTabText(3, self.tr("Follow-ups %1").replace("%1", str(n_open)))
        self.tabs.setTabIcon(3, self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning) if late else QIcon())
        self.tabs.setTabText(4, self.tr("Privacy"))
        for i in range(self.tabs.count()):  # the full label when elided
            self.tabs.setTabToolTip(i, self.tabs.tabText(i))
        if late:
            said = (self.tr("Follow-ups %1 (%2 overdue)").replace("%1", str(n_open))
                    .replace("%2", str(late)))
            self.tabs.setTabToolTip(3, said)
            self.tabs.tabBar().setAccessibleDescription(said)
        else:
            self.tabs.tabBar().setAccessibleDescription("")

    def _lang(self) -> str:
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    # --- closing and language -----------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("S&top serving"))
        self.stop_button.setAccessibleName(self.tr("Stop serving this customer"))
        self.stop_button.setToolTip(
            self.tr("Answers stop using this customer's sizes, brands and budget"))
        self.tabs.setAccessibleName(self.tr("Customer details"))
        self._update_title()
        self._update_tabs()
