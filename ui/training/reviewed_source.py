"""The fine-tune's third source: the questions the merchant reviewed (issue 17).

A check box beside the store and the CSV, with how many reviewed questions the chosen
store file holds (counted off the GUI thread when the store path changes). The pairs live
in the store file's review log, so a store folder of CSV files has none: the box is then
off and says why. Checked, the run gets ``shopguide train --reviewed``.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QCheckBox, QEvent, QTimer, QWidget, Signal
from ui.review.jobs import run_job

COUNT_DELAY_MS = 300


def count_reviewed(store: object) -> int:
    from shopguide.review import reviewed_pairs

    return len(reviewed_pairs(store))


class ReviewedSource(QCheckBox):
    counted = Signal(int)  # -1: not a store file (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finetuneReviewed")
        self.path = ""
        self.count: int | None = None  # None: not counted (yet); -1: no store file
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        self.retranslate_ui()

    def set_store(self, path: str) -> None:
        """The store path as typed; counted a moment after the typing stops."""
        self.path = path.strip()
        self._timer.start()

    def count_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        store = Path(self.path).expanduser() if self.path else None
        if store is None or not store.is_file():
            self._counted(generation, -1)
            return
        run_job(self, "count-pairs", store, count_reviewed,
                lambda n: self._counted(generation, int(n)),  # type: ignore[call-overload]
                lambda _message: self._counted(generation, -1))

    def _counted(self, generation: int, n: int) -> None:
        if generation != self._generation:
            return  # the path changed since
        self.count = n
        if n <= 0:
            self.setChecked(False)
        self.setEnabled(n > 0)
        self.retranslate_ui()
        self.counted.emit(n)

    def retranslate_ui(self) -> None:
        n = self.count
        if n is None or n > 0:
            self.setText(self.tr("Also learn the questions you reviewed (%1)").replace(
                "%1", str(n)) if n else self.tr("Also learn the questions you reviewed"))
            self.setToolTip("")
        elif n == 0:
            self.setText(self.tr("Also learn the questions you reviewed (%1)").replace("%1", "0"))
            self.setToolTip(self.tr(
                "No question reviewed yet: Conversation → Review unanswered questions…."))
        else:
            self.setText(self.tr("Also learn the questions you reviewed"))
            self.setToolTip(self.tr("The reviewed questions are kept in a store file "
                                    "(.sqlite): choose one to learn from them."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
