"""Fact cards shown above an answer: products, a comparison table, a store policy.

Every figure here comes from the database record the engine handed over, never
from the model's text. Store data is set as plain text so a product name with
``<`` in it can never turn into markup.
"""

from __future__ import annotations

from pathlib import Path

from shopguide.guide.events import Cards, ComparisonCard, FaqCard, ProductCard
from shopguide.guide.prompt import format_price
from shopguide.guide.refs import policy_text
from shopguide.store.models import FaqEntry, Product
from shopguide.guide.compose import colors_in, faq_phrasing
from ui.qt import (
    QAbstractButton,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPixmap,
    QResizeEvent,
    QScrollArea,
    QShowEvent,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Qt,
)


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


class ProductCardWidget(QFrame):
    """Name, price, stock badge, aisle, sizes, colors, and the image when there is one."""

    IMAGE_PX = 96

    def __init__(self, product: Product, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = product
        self.lang = lang
        self.setObjectName("productCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # cards are reachable from the keyboard
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        self.image = QLabel()
        self.image.setObjectName("productImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pix = _load_image(product.image)
        if pix is not None:
            self.image.setPixmap(
                pix.scaled(
                    self.IMAGE_PX * 2,
                    self.IMAGE_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            lay.addWidget(self.image)
        else:
            self.image.hide()
        self.name = _label(product.display_name(lang), "productName")
        self.price = _label(format_price(product.price, product.currency), "productPrice")
        self.stock = _label("", "stockBadge", wrap=False)
        self.brand = _label(product.brand or "", "productBrand")
        self.brand.setVisible(bool(product.brand))
        self.aisle = _label("", "productDetail")
        self.sizes = _label("", "productDetail")
        self.colors = _label("", "productDetail")
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.addWidget(self.price)
        row.addStretch(1)
        row.addWidget(self.stock, 0, Qt.AlignmentFlag.AlignLeft)
        self._price_row = row
        for w in (self.name, self.brand):
            lay.addWidget(w)
        lay.addLayout(row)
        for w in (self.aisle, self.sizes, self.colors):
            lay.addWidget(w)
        lay.addStretch(1)
        self.retranslate_ui()  # the width comes from the style sheet (in em, so it scales)

    def retranslate_ui(self) -> None:
        p = self.product
        if p.stock is None:
            badge, state = self.tr("Stock unknown"), "unknown"
        elif p.stock > 0:
            badge, state = self.tr("In stock: %1").replace("%1", str(p.stock)), "in"
        else:
            badge, state = self.tr("Out of stock"), "out"
        self.stock.setText(badge)
        self.stock.setProperty("stock", state)  # the style sheet colours the badge by state
        self.stock.style().unpolish(self.stock)
        self.stock.style().polish(self.stock)
        self.aisle.setText(self.tr("Aisle: %1").replace("%1", p.aisle) if p.aisle else "")
        self.aisle.setVisible(bool(p.aisle))
        self.sizes.setText(self.tr("Sizes: %1").replace("%1", compact_sizes(p.sizes)))
        self.sizes.setVisible(bool(p.sizes))
        # The asker's words for the colours (黑色 → black), as the answer says them.
        self.colors.setText(self.tr("Colors: %1").replace("%1", " · ".join(colors_in(p, self.lang))))
        self.colors.setVisible(bool(p.colors))
        parts = [p.display_name(self.lang), self.price.text(), badge]
        if p.aisle:
            parts.append(self.aisle.text())
        self.setAccessibleName(self.tr("Product"))
        self.setAccessibleDescription(", ".join(parts))


    def _fit_price_row(self) -> None:
        """The stock badge beside the price when both fit the card's width, else under it
        ("¥1,299.00" and "Stock unknown" side by side were cut at the card's edge)."""
        room = self.contentsRect().width() - self.layout().contentsMargins().left() * 2
        side = self.price.sizeHint().width() + self.stock.sizeHint().width() + 12
        self._price_row.setDirection(QBoxLayout.Direction.LeftToRight if side <= room
                                     else QBoxLayout.Direction.TopToBottom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)
        self._fit_price_row()


def compact_sizes(sizes: tuple[str, ...]) -> str:
    """``36 · 37 · … · 46`` reads better as ``36–46``; runs of whole numbers are joined."""
    if len(sizes) >= 3 and all(s.isdigit() for s in sizes):
        nums = [int(s) for s in sizes]
        if nums == list(range(nums[0], nums[0] + len(nums))):
            return f"{nums[0]}–{nums[-1]}"
    return " · ".join(sizes)


def _load_image(path: str | None) -> QPixmap | None:
    if not path:
        return None
    file = Path(path)
    if not file.is_file():
        return None
    pix = QPixmap(str(file))
    return None if pix.isNull() else pix


class PolicyCardWidget(QFrame):
    """A store policy or buying guide, restated exactly as the store wrote it."""

    def __init__(self, faq: FaqEntry, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.faq = faq
        self.setObjectName("policyCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        lay = QVBoxLayout(self)
        self.kind = _label("", "cardKind")
        self.question = _label(faq_phrasing(faq, lang), "policyQuestion")
        # A bilingual answer (one language per line): the asker's lines.
        self.answer = _label(policy_text(faq.answer, lang), "policyAnswer")
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.kind, self.question, self.answer):
            lay.addWidget(w)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.kind.setText(self.tr("Store policy"))
        self.setAccessibleName(self.tr("Store policy"))
        self.setAccessibleDescription(f"{self.faq.question} {self.faq.answer}")


class ComparisonTable(QTableWidget):
    """Products side by side: one column per product, one row per attribute."""

    def __init__(self, products: list[Product], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(products), parent)
        self.products = products
        self.lang = lang
        self.setObjectName("comparisonTable")
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The corner is Qt's select-all button, shown once both headers are laid out: a
        # read-only comparison has no use for it, but a screen reader still meets it.
        self.setCornerButtonEnabled(False)
        self.corner = self.findChild(QAbstractButton)
        if self.corner is not None:
            self.corner.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # inert while disabled
        self.retranslate_ui()

    def _rows(self) -> list[tuple[str, list[str]]]:
        ps = self.products

        def stock(p: Product) -> str:
            if p.stock is None:
                return self.tr("Unknown")
            return str(p.stock) if p.stock > 0 else self.tr("Out of stock")

        return [
            (self.tr("Price"), [format_price(p.price, p.currency) for p in ps]),
            (self.tr("Brand"), [p.brand or "—" for p in ps]),
            (self.tr("Stock"), [stock(p) for p in ps]),
            (self.tr("Aisle"), [p.aisle or "—" for p in ps]),
            (self.tr("Sizes"), [compact_sizes(p.sizes) or "—" for p in ps]),
            (self.tr("Colors"), [" · ".join(colors_in(p, self.lang)) or "—" for p in ps]),
        ]

    def retranslate_ui(self) -> None:
        rows = self._rows()
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels([p.display_name(self.lang) for p in self.products])
        self.setVerticalHeaderLabels([r[0] for r in rows])
        for r, (_, values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        self.setAccessibleName(self.tr("Comparison table"))
        if self.corner is not None:
            self.corner.setAccessibleName(self.accessibleName())
        self.fit()

    def fit(self) -> None:
        """Show every row: the height follows the rows, whose height follows the font."""
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        h = header.sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(h + 2 * self.frameWidth() + 2)


class CardsView(QWidget):
    """All cards of one answer: comparison table first, then product cards in a row, then policies."""

    def __init__(self, cards: Cards, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardsView")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        products = [c.product for c in cards.cards if isinstance(c, ProductCard)]
        by_sku = {p.sku: p for p in products}
        self.product_cards: list[ProductCardWidget] = []
        self.policy_cards: list[PolicyCardWidget] = []
        self.comparison: ComparisonTable | None = None
        for card in cards.cards:
            if isinstance(card, ComparisonCard) and self.comparison is None:
                compared = [by_sku[s] for s in card.skus if s in by_sku]
                if len(compared) >= 2:
                    self.comparison = ComparisonTable(compared, lang)
                    lay.addWidget(self.comparison)
        if products:
            row_host = QWidget()
            row = QHBoxLayout(row_host)
            row.setContentsMargins(0, 0, 0, 0)
            for p in products:
                w = ProductCardWidget(p, lang)
                self.product_cards.append(w)
                row.addWidget(w)
            row.addStretch(1)
            scroller = QScrollArea()
            scroller.setObjectName("productRow")
            scroller.setWidget(row_host)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroller.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
            self.product_row: QScrollArea | None = scroller
            self._row_host = row_host
            lay.addWidget(scroller)
        else:
            self.product_row = None
        for card in cards.cards:
            if isinstance(card, FaqCard):
                w = PolicyCardWidget(card.faq, lang)
                self.policy_cards.append(w)
                lay.addWidget(w)
        self.setVisible(bool(cards.cards))

    def focusables(self) -> list[QWidget]:
        first: list[QWidget] = [self.comparison] if self.comparison is not None else []
        return [*first, *self.product_cards, *self.policy_cards]

    def fit(self) -> None:
        """Size the table and the card row to their content at the current font."""
        if self.comparison is not None:
            self.comparison.fit()
        if self.product_row is not None:
            bar = self.product_row.horizontalScrollBar().sizeHint().height()
            self.product_row.setFixedHeight(self._row_host.sizeHint().height() + bar + 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()  # only now does the window's style sheet (and font) apply to the cards

    def answer_restates(self, text: str) -> None:
        """A policy the answer quotes in full is not printed twice: the card keeps its title."""
        said = "".join(text.split())
        for card in self.policy_cards:
            # Bilingual answers are one paragraph per language; the engine restates one.
            paragraphs = ["".join(p.split()) for p in card.faq.answer.splitlines() if p.strip()]
            if any(p and p in said for p in paragraphs):
                card.answer.hide()

    def retranslate_ui(self) -> None:
        for w in (*self.product_cards, *self.policy_cards):
            w.retranslate_ui()
        if self.comparison is not None:
            self.comparison.retranslate_ui()
        if self.isVisible():
            self.fit()
