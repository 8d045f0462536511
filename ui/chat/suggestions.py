"""Starter suggestions: the store's own categories and FAQ questions, one click to ask."""

from __future__ import annotations

from ui.backend import Suggestions
from ui.qt import QEvent, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal


class SuggestionPanel(QWidget):
    chosen = Signal(str)

    PER_ROW = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions")
        self._data = Suggestions()
        self.lang = "zh"
        self._lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("suggestionsTitle")
        self.title.setWordWrap(True)
        self._lay.addWidget(self.title)
        self._rows: list[QWidget] = []
        self.buttons: list[QPushButton] = []
        self.retranslate_ui()
        self.hide()  # until the store's suggestions arrive: no heading over nothing

    def set_suggestions(self, data: Suggestions, lang: str | None = None) -> None:
        self._data = data
        self.lang = lang or self.lang
        self._rebuild()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self._rebuild()

    def _rebuild(self) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows.clear()
        self.buttons.clear()
        # A category chip says the category in the UI's language where the store's own
        # synonyms name it so ("running shoe" for 跑鞋; the engine reads the word back
        # through the same synonyms), else by the store's own name; FAQ chips use the UI's
        # language where the store wrote an alternate phrasing in it.
        texts = self._data.category_labels(self.lang) + self._data.questions(self.lang)
        for start in range(0, len(texts), self.PER_ROW):
            row = QWidget()
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            for text in texts[start : start + self.PER_ROW]:
                b = QPushButton(text)
                b.setObjectName("suggestionChip")
                b.setAccessibleName(self.tr("Ask: %1").replace("%1", text))
                b.clicked.connect(lambda _=False, t=text: self.chosen.emit(t))
                lay.addWidget(b)
                self.buttons.append(b)
            lay.addStretch(1)
            self._lay.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(texts))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Try asking:"))
        if self._data.categories or self._data.faq:
            self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
