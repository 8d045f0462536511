"""One action for the selected group: choose it, fill in its target, preview, apply.

Apply is enabled only once the preview of exactly these choices has come back: the
merchant always sees how the question will be answered before anything is saved. Any
change to the choice or its fields takes the preview away again.
"""

from __future__ import annotations

from typing import Any

from ui.qt import (
    QComboBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.review.pickers import ProductPicker, SearchCombo

# The choices, in the order the merchant meets them: (key, the core's action).
CHOICES = (("kind", "synonym"), ("product", "synonym"), ("policy", "faq-alternate"),
           ("new", "new-answer"), ("not-carried", "not-carried"), ("ignore", "ignore"))


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ActionPanel(QWidget):
    """The action's form; the window runs the preview and the apply it asks for."""

    previewRequested = Signal(str, object)  # action, params
    applyRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._previewed: tuple[str, tuple] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.choice_label = QLabel()
        self.choice = QComboBox()
        for key, _action in CHOICES:
            self.choice.addItem("", key)
        self.choice_label.setBuddy(self.choice)
        row = QHBoxLayout()
        row.addWidget(self.choice_label)
        row.addWidget(self.choice, 1)
        lay.addLayout(row)

        self.forms = QStackedWidget()
        self.category = SearchCombo()
        self.product = ProductPicker()
        self.faq = SearchCombo()
        self.new_question, self.new_answer = QLineEdit(), _text_box()
        self.reply = _text_box()
        self.ignore_note = QLabel()
        self.ignore_note.setWordWrap(True)
        self.form_labels: dict[str, QLabel] = {}
        for key, fields in (("kind", [("category", self.category)]),
                            ("product", [("product", self.product)]),
                            ("policy", [("faq", self.faq)]),
                            ("new", [("question", self.new_question),
                                     ("answer", self.new_answer)]),
                            ("not-carried", [("reply", self.reply)])):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for name, field in fields:
                label = QLabel()
                label.setBuddy(field)
                self.form_labels[name] = label
                form.addRow(label, field)
            self.forms.addWidget(page)
        self.forms.addWidget(self.ignore_note)
        lay.addWidget(self.forms)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.preview_button, self.apply_button = QPushButton(), QPushButton()
        self.preview_button.setObjectName("reviewPreview")
        self.apply_button.setObjectName("reviewApply")
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        lay.addLayout(buttons)

        self.choice.currentIndexChanged.connect(self._choice_changed)
        for combo in (self.category, self.product, self.faq):
            combo.valueChanged.connect(self._changed)
        self.new_question.textChanged.connect(self._changed)
        for box in (self.new_answer, self.reply):
            box.textChanged.connect(self._changed)
        self.preview_button.clicked.connect(self._preview)
        self.apply_button.clicked.connect(self._apply)
        self.retranslate_ui()
        self._changed()

    # --- what the merchant chose ---------------------------------------------
    def key(self) -> str:
        return str(self.choice.currentData())

    def choose(self, key: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(key))

    def request(self) -> tuple[str, dict[str, Any]] | None:
        """(the core's action, its parameters), or None while something is missing."""
        key = self.key()
        action = dict(CHOICES)[key]
        if key == "kind":
            return (action, {"category": self.category.value()}) if self.category.value() else None
        if key == "product":
            return (action, {"product": self.product.value()}) if self.product.value() else None
        if key == "policy":
            return (action, {"faq": self.faq.value()}) if self.faq.value() else None
        if key == "new":
            answer = self.new_answer.toPlainText().strip()
            question = self.new_question.text().strip()
            return (action, {"answer": answer, "question": question or None}) if answer else None
        if key == "not-carried":
            reply = self.reply.toPlainText().strip()
            return (action, {"answer": reply}) if reply else None
        return action, {}

    def reset(self, question: str, products: list[tuple[str, str]]) -> None:
        """A new group selected: its question in the form, the products its answer showed."""
        self.new_question.setText(question)
        self.new_answer.clear()
        self.reply.clear()
        self.product.suggest(products)
        self._changed()

    # --- preview, then apply --------------------------------------------------
    def _signature(self) -> tuple[str, tuple] | None:
        req = self.request()
        return None if req is None else (req[0], tuple(sorted(req[1].items())))

    def _preview(self) -> None:
        req = self.request()
        if req is not None:
            self.previewRequested.emit(*req)

    def preview_shown(self, action: str, params: dict[str, Any]) -> None:
        """The window showed the preview of these choices: they may now be applied."""
        self._previewed = (action, tuple(sorted(params.items())))
        self._update_buttons()

    def _apply(self) -> None:
        req = self.request()
        if req is not None and self._previewed == self._signature():
            self.applyRequested.emit(*req)

    def _choice_changed(self) -> None:
        self.forms.setCurrentIndex(self.choice.currentIndex())
        self._changed()

    def _changed(self) -> None:
        self._previewed = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.request() is not None
        self.preview_button.setEnabled(ready)
        self.apply_button.setEnabled(ready and self._previewed is not None
                                     and self._previewed == self._signature())

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)

    # --- words ---------------------------------------------------------------
    def retranslate_ui(self) -> None:
        names = {
            "kind": self.tr("Means this kind of product"),
            "product": self.tr("Means this product"),
            "policy": self.tr("Is this policy"),
            "new": self.tr("New answer"),
            "not-carried": self.tr("We don't carry this"),
            "ignore": self.tr("Ignore"),
        }
        for i, (key, _action) in enumerate(CHOICES):
            self.choice.setItemText(i, names[key])
        self.choice_label.setText(self.tr("&Action:"))
        self.form_labels["category"].setText(self.tr("&Category:"))
        self.form_labels["product"].setText(self.tr("&Product:"))
        self.form_labels["faq"].setText(self.tr("&Policy:"))
        self.form_labels["question"].setText(self.tr("&Question:"))
        self.form_labels["answer"].setText(self.tr("A&nswer:"))
        self.form_labels["reply"].setText(self.tr("The store's &reply:"))
        self.category.lineEdit().setPlaceholderText(self.tr("type to search the categories"))
        self.product.lineEdit().setPlaceholderText(self.tr("type a name or SKU to search"))
        self.faq.lineEdit().setPlaceholderText(self.tr("type to search the policies"))
        self.reply.setPlaceholderText(self.tr("e.g. We don't sell these; the shop next door does."))
        self.ignore_note.setText(self.tr(
            "The group leaves the list and is not shown again."))
        self.preview_button.setText(self.tr("Pre&view"))
        self.apply_button.setText(self.tr("&Save"))
        self.apply_button.setToolTip(self.tr("Preview first: you see the new answer before it "
                                             "is saved."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
