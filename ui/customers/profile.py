"""The customer's profile form: name, contact, tags, language, sizes, brands, budget, consent.

The same form serves the sidebar (with Save / Revert) and the "New customer"
dialog (without them). Invalid input is reported under the form, naming the
field and the part that could not be read, and nothing is saved until it is fixed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from shopguide.store.models import Customer
from ui.customers.fields import (
    FieldError,
    check_email,
    check_phone,
    format_list,
    format_sizes,
    parse_list,
    parse_sizes,
)
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

_MAX_BUDGET = 10_000_000.0
_LANGS = ("", "zh", "en")


class MoneySpinBox(QDoubleSpinBox):
    """Cents only when there are any: a budget of 300 reads "300", not "300.00"."""

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(value)
        if round(value * 100) % 100 == 0:
            text = text.split(self.locale().decimalPoint())[0]
        return text


class ProfileEditor(QWidget):
    """Edits one customer. ``saved`` carries the customer as the store returned it."""

    saved = Signal(object)
    dirtyChanged = Signal(bool)

    def __init__(self, store: Any = None, with_buttons: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._customer: Customer | None = None
        self._loading = False
        self._dirty = False

        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.tags = QLineEdit()
        self.language = QComboBox()
        self.language.addItems(["", "", ""])
        self.sizes = QLineEdit()
        self.brands = QLineEdit()
        self.budget_min = self._money_box()
        self.budget_max = self._money_box()
        self.consent = QCheckBox()
        budget_row = QHBoxLayout()
        budget_row.setContentsMargins(0, 0, 0, 0)
        self._to_label = QLabel()
        budget_row.addWidget(self.budget_min, 1)
        budget_row.addWidget(self._to_label)
        budget_row.addWidget(self.budget_max, 1)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[QLabel] = []
        for field in (self.name, self.phone, self.email, self.tags, self.language, self.sizes,
                      self.brands):
            label = QLabel()
            label.setBuddy(field)
            self._labels.append(label)
            self.form.addRow(label, field)
        self._budget_label = QLabel()
        self._budget_label.setBuddy(self.budget_min)
        self.form.addRow(self._budget_label, budget_row)
        self.form.addRow("", self.consent)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("font-weight: bold;")  # with a ⚠: not colour alone
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        if with_buttons:
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.revert_button)
            buttons.addWidget(self.save_button)
            layout.addLayout(buttons)
            self.save_button.clicked.connect(self.save)
            self.revert_button.clicked.connect(self.revert)
            self.save_button.setDefault(True)
        layout.addStretch(1)

        for edit in (self.name, self.phone, self.email, self.tags, self.sizes, self.brands):
            edit.textEdited.connect(self._changed)
            if with_buttons:
                edit.returnPressed.connect(self.save)
        self.language.currentIndexChanged.connect(self._changed)
        self.budget_min.valueChanged.connect(self._changed)
        self.budget_max.valueChanged.connect(self._changed)
        self.consent.toggled.connect(self._changed)
        self.retranslate()
        self.set_customer(None)

    @staticmethod
    def _money_box() -> QDoubleSpinBox:
        box = MoneySpinBox()
        box.setRange(0.0, _MAX_BUDGET)
        box.setDecimals(2)
        box.setSingleStep(50.0)
        box.setGroupSeparatorShown(False)
        return box

    # --- loading and reading ----------------------------------------------------------------

    @property
    def customer(self) -> Customer | None:
        return self._customer

    def set_customer(self, customer: Customer | None) -> None:
        self._loading = True
        try:
            self._customer = customer
            c = customer or Customer(id="", name="")
            self.name.setText(c.name)
            self.phone.setText(c.phone or "")
            self.email.setText(c.email or "")
            self.tags.setText(format_list(c.tags))
            lang = c.preferred_language if c.preferred_language in _LANGS else ""
            self.language.setCurrentIndex(_LANGS.index(lang or ""))
            self.sizes.setText(format_sizes(c.sizes))
            self.brands.setText(format_list(c.brands))
            self.budget_min.setValue(c.budget_min or 0.0)
            self.budget_max.setValue(c.budget_max or 0.0)
            self.consent.setChecked(c.consent_marketing)
            self.error.hide()
        finally:
            self._loading = False
        self._set_dirty(False)

    def customer_from_form(self) -> Customer:
        """The customer as the form now reads; raises FieldError for what cannot be read."""
        name = " ".join(self.name.text().split())
        if not name:
            raise FieldError("name", "", "required")
        lo = self.budget_min.value() or None  # 0 shows as "no limit"
        hi = self.budget_max.value() or None
        if lo is not None and hi is not None and lo > hi:
            raise FieldError("budget", f"{lo:g}-{hi:g}", "budget")
        base = self._customer or Customer(id="", name=name)
        return replace(
            base,
            name=name,
            phone=check_phone(self.phone.text()),
            email=check_email(self.email.text()),
            tags=parse_list(self.tags.text()),
            preferred_language=_LANGS[self.language.currentIndex()] or None,
            sizes=parse_sizes(self.sizes.text()),
            brands=parse_list(self.brands.text()),
            budget_min=lo,
            budget_max=hi,
            consent_marketing=self.consent.isChecked(),
        )

    def validated(self) -> Customer | None:
        """The form's customer, or None after showing what is wrong."""
        try:
            customer = self.customer_from_form()
        except FieldError as exc:
            self.show_error(exc)
            return None
        self.error.hide()
        return customer

    def show_error(self, exc: FieldError) -> None:
        messages = {
            "required": self.tr("Name: a name is required."),
            "size": self.tr("Sizes: “%1” is not kind=size (for example shoe=38; top=M)."),
            "email": self.tr("Email: “%1” is not an email address."),
            "phone": self.tr("Phone: “%1” is not a phone number."),
            "budget": self.tr("Budget: the lower limit is above the upper limit."),
        }
        text = messages.get(exc.reason, str(exc)).replace("%1", exc.part)
        self.error.setText("⚠ " + text)
        self.error.show()
        widget = {"name": self.name, "sizes": self.sizes, "email": self.email,
                  "phone": self.phone, "budget": self.budget_min}.get(exc.field)
        if widget is not None:
            widget.setFocus()

    # --- saving -----------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> Customer | None:
        """Validate and save through the store; returns the saved customer or None."""
        if self._customer is None or self._store is None:
            return None
        customer = self.validated()
        if customer is None:
            return None
        saved = self._store.save_customer(customer)
        self.set_customer(saved)
        self.saved.emit(saved)
        return saved

    def revert(self) -> None:
        self.set_customer(self._customer)

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        enabled = self._customer is not None
        for w in (self.name, self.phone, self.email, self.tags, self.language, self.sizes,
                  self.brands, self.budget_min, self.budget_max, self.consent):
            w.setEnabled(enabled)
        self.save_button.setEnabled(enabled and dirty)
        self.revert_button.setEnabled(enabled and dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    # --- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = (
            (self.tr("&Name"), self.tr("Customer name")),
            (self.tr("&Phone"), self.tr("Phone number")),
            (self.tr("E&mail"), self.tr("Email address")),
            (self.tr("&Tags"), self.tr("Tags, separated by semicolons")),
            (self.tr("&Language"), self.tr("Preferred language")),
            (self.tr("Si&zes"), self.tr("Sizes, for example shoe=38; top=M")),
            (self.tr("&Brands"), self.tr("Preferred brands, separated by semicolons")),
        )
        fields = (self.name, self.phone, self.email, self.tags, self.language, self.sizes,
                  self.brands)
        for label, field, (text, accessible) in zip(self._labels, fields, texts):
            label.setText(text)
            field.setAccessibleName(accessible)
        self.tags.setPlaceholderText(self.tr("VIP; runner"))
        self.sizes.setPlaceholderText(self.tr("shoe=38; top=M"))
        self.brands.setPlaceholderText(self.tr("brand; brand"))
        self.language.setItemText(0, self.tr("Not set"))
        self.language.setItemText(1, self.tr("Chinese (中文)"))
        self.language.setItemText(2, self.tr("English"))
        self._budget_label.setText(self.tr("B&udget"))
        self._to_label.setText(self.tr("to"))
        for box, name in ((self.budget_min, self.tr("Lowest budget")),
                          (self.budget_max, self.tr("Highest budget"))):
            box.setSpecialValueText(self.tr("no limit"))
            box.setAccessibleName(name)
        self.consent.setText(self.tr("Agrees to receive mar&keting messages"))
        self.consent.setAccessibleName(self.tr("Consent to marketing messages"))
        self.save_button.setText(self.tr("&Save profile"))
        self.save_button.setAccessibleName(self.tr("Save profile"))
        self.revert_button.setText(self.tr("&Revert"))
        self.revert_button.setAccessibleName(self.tr("Discard profile changes"))
