"""What a customer bought: a read-only table (date, product, quantity, price) and a total,
plus a small form to record a sale at the counter (price filled in from the catalog)."""

from __future__ import annotations

from datetime import date
from typing import Any

from shopguide.guide.prompt import format_price
from shopguide.store.models import Customer, Product, Purchase
from ui.dates import day_text
from ui.qt import (
    QAbstractItemView,
    QDoubleSpinBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

_COLUMNS = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PurchasesView(QWidget):
    purchasesChanged = Signal()

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._customer: Customer | None = None
        self._items: list[Purchase] = []
        self._products: dict[str, Product] = {}
        self._currency = store.settings().currency

        self.table = QTableWidget(0, _COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)  # long product names wrap instead of being cut
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.sku = QLineEdit()
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        self.price = QDoubleSpinBox()
        self.price.setRange(0.0, 10_000_000.0)
        self.price.setDecimals(2)
        self.add_button = QPushButton()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QHBoxLayout()
        form.addWidget(self.sku, 2)
        form.addWidget(self.quantity)
        form.addWidget(self.price, 1)
        form.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(form)
        layout.addWidget(self.problem)

        self.sku.editingFinished.connect(self._fill_price)
        self.sku.textChanged.connect(self._update_buttons)
        self.sku.returnPressed.connect(self._add_from_form)
        self.add_button.clicked.connect(self._add_from_form)
        self.retranslate()
        self.set_customer(None)

    def set_customer(self, customer: Customer | None) -> None:
        self._customer = customer
        self.sku.clear()
        self.problem.hide()
        for w in (self.sku, self.quantity, self.price):
            w.setEnabled(customer is not None)
        self.reload()

    def purchases(self) -> list[Purchase]:
        return list(self._items)

    def reload(self) -> None:
        self._items = self._store.purchases(self._customer.id) if self._customer else []
        self._products = {p.sku: p for p in self._store.products([x.sku for x in self._items])}
        self._render()

    def _render(self) -> None:
        """Fill the table from what was read; product names follow the UI language."""
        lang = self._lang()
        names = {sku: p.display_name(lang) for sku, p in self._products.items()}
        self.table.setRowCount(len(self._items))
        for row, p in enumerate(self._items):
            product = names.get(p.sku)
            cells = (
                day_text(p.date),
                f"{product} ({p.sku})" if product else p.sku,
                str(p.quantity),
                format_price(p.price * p.quantity, self._currency),
            )
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col in (2, 3):
                    cell.setTextAlignment(_RIGHT)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        spent = sum(p.price * p.quantity for p in self._items)
        self.total.setText(
            self.tr("%n purchase(s), %1 in total", "", len(self._items)).replace(
                "%1", format_price(spent, self._currency)) if self._customer else "")
        self._update_buttons()

    def add_purchase(self, sku: str, quantity: int, price: float, day: date | None = None
                     ) -> Purchase | None:
        sku = sku.strip()
        if not sku or self._customer is None:
            return None
        p = self._store.add_purchase(self._customer.id, sku, quantity, price, day or date.today())
        self.reload()
        self.purchasesChanged.emit()
        return p

    def _fill_price(self) -> bool:
        """Look the SKU up; fill in its price. False (and a message) for an unknown SKU."""
        sku = self.sku.text().strip()
        product = self._store.product(sku) if sku else None
        if sku and product is None:
            self.problem.setText(self.tr("⚠ No product with SKU “%1” in the catalog.").replace(
                "%1", sku))
            self.problem.show()
            return False
        self.problem.hide()
        if product is not None:
            self.price.setValue(product.price)
        return True

    def _add_from_form(self) -> None:
        if not self._fill_price():
            return
        if self.add_purchase(self.sku.text(), self.quantity.value(), self.price.value()):
            self.sku.clear()
            self.quantity.setValue(1)
            self.price.setValue(0.0)

    def _update_buttons(self, *_: object) -> None:
        self.add_button.setEnabled(self._customer is not None and bool(self.sku.text().strip()))

    def _lang(self) -> str:
        from ui.qt import QLocale

        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Product"), self.tr("Qty"), self.tr("Amount")])
        self.table.setAccessibleName(self.tr("Purchases, newest first"))
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.sku.setAccessibleName(self.tr("SKU of the product bought"))
        self.quantity.setAccessibleName(self.tr("Quantity"))
        self.price.setAccessibleName(self.tr("Unit price"))
        self.price.setSpecialValueText(self.tr("Price"))  # 0 until a SKU fills it in
        self.add_button.setText(self.tr("&Record purchase"))
        self.add_button.setAccessibleName(self.tr("Record purchase"))
