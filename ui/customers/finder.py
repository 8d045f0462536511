"""Finding a customer: a debounced search box over the lazily paged list, with a count.

Keyboard: typing searches once the clerk pauses; Enter searches at once; Down
moves to the results (selecting the first); Escape clears the search.
"""

from __future__ import annotations

from typing import Any

from ui.customers.delegate import CustomerDelegate
from ui.customers.list_model import CustomerListModel
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

SEARCH_DELAY_MS = 250  # typing "138" should run one search, not three


class CustomerFinder(QWidget):
    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._focus_first = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.count_label = QLabel()
        self.model = CustomerListModel(store, parent=self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(CustomerDelegate(self.list))
        self.list.setUniformItemSizes(True)  # 100,000 rows are never measured one by one
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)

        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)

        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._debounce.timeout.connect(self.apply_search)
        self.search.installEventFilter(self)
        self.model.countChanged.connect(self._update_count)
        self.model.pageLoaded.connect(self._page_loaded)
        self.model.loadFailed.connect(self._load_failed)
        self.retranslate()

    def apply_search(self) -> None:
        """Run the search now (the debounce timer calls this after typing stops)."""
        self._debounce.stop()
        self.model.set_search(self.search.text())
        self._update_count()

    def show_search(self, text: str) -> None:
        """Put ``text`` in the box and search for it at once."""
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        self.apply_search()

    def shutdown(self) -> None:
        self._debounce.stop()
        self.model.close()

    def _page_loaded(self) -> None:
        if self._focus_first and self.model.rowCount():
            self._focus_first = False
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))

    def _update_count(self, *_: object) -> None:
        n = self.model.total
        if n is None:
            self.count_label.setText(self.tr("Searching…"))
        elif self.model.search_text:
            self.count_label.setText(self.tr("%n customer(s) found", "", n))
        else:
            self.count_label.setText(self.tr("%n customer(s)", "", n))

    def _load_failed(self, _reason: str) -> None:
        self.count_label.setText(self.tr("⚠ The customer list could not be read."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_search()  # Enter searches at once, Down goes to the results
                if key == Qt.Key.Key_Down:
                    self._focus_first = True
                    if not self.model.loading:
                        self._page_loaded()
                return key == Qt.Key.Key_Down
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_search()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, phone or tag"))
        self.search.setAccessibleName(self.tr("Search customers by name, phone or tag"))
        self.new_button.setText(self.tr("&New customer…"))
        self.new_button.setAccessibleName(self.tr("New customer"))
        self.list.setAccessibleName(self.tr("Customers"))
        self._update_count()
