"""Searchable pickers for an action's target: a category, an FAQ row, a product.

Categories and FAQ rows are few (hundreds at most) and come with the window's snapshot, so
their combo boxes filter in memory as the merchant types. Products can be a million: the
product picker searches the store as the merchant types, off the GUI thread, a quarter of
a second after the last key, and drops an answer a newer search has replaced.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QComboBox, QCompleter, QSizePolicy, Qt, QTimer, QWidget, Signal
from ui.review.jobs import run_job
from ui.review.snapshot import search_products

SEARCH_DELAY_MS = 250


class SearchCombo(QComboBox):
    """An editable combo box whose typing filters its items by any part of their text.

    Each item's data is the value an action needs (a category path, an FAQ row's id);
    ``value()`` is that of the chosen item, or '' when the typed text names none."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        # The form's field column grows only for fields that ask to: long paths and
        # policy questions need the width.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.currentIndexChanged.connect(lambda _i: self.valueChanged.emit())
        self.editTextChanged.connect(lambda _t: self.valueChanged.emit())

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """(shown text, value) pairs; keeps the choice when it is still among them."""
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        for text, value in items:
            self.addItem(text, value)
        index = self.findData(keep) if keep else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(False)
        self.valueChanged.emit()

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            return str(self.itemData(index) or "")
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.itemData(index) or "") if index >= 0 else ""

    def choose(self, value: str) -> bool:
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


def product_text(sku: str, name: str) -> str:
    return f"{name} · {sku}"


class ProductPicker(SearchCombo):
    """A product, found by name or SKU in the store as the merchant types."""

    searched = Signal()  # a search's results are in (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path: Path | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.lineEdit().textEdited.connect(lambda _t: self._timer.start())

    def suggest(self, products: list[tuple[str, str]]) -> None:
        """The products the answer showed: the likeliest targets, before any search."""
        self.set_items([(product_text(sku, name), sku) for sku, name in products])

    def search_now(self) -> None:
        if self.store_path is None:
            return
        self._generation += 1
        generation, text = self._generation, self.currentText().strip()
        # A typed "Name · SKU" (a chosen item, edited) searches by its SKU.
        query = text.rsplit(" · ", 1)[-1] if " · " in text else text
        run_job(self, "products", self.store_path, lambda s: search_products(s, query),
                lambda found: self._show(generation, text, list(found or [])),
                lambda _message: self.searched.emit())  # nothing new; the merchant types on

    def _show(self, generation: int, typed: str, found: list[tuple[str, str]]) -> None:
        if generation != self._generation:
            return  # a newer search replaced this one
        self.blockSignals(True)
        self.clear()
        for sku, name in found:
            self.addItem(product_text(sku, name), sku)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)
        self.valueChanged.emit()
        if found and self.hasFocus():
            self.completer().complete()
        self.searched.emit()

