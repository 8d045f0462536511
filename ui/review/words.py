"""The review window's words for the core's keys (reasons, actions, cards), translated.

The core names reasons and actions by key (``out_of_scope``, ``faq-alternate``); the CLI
words them from ``resources/review/labels.csv``, the window through Qt's translations like
every other visible string (context ``ReviewWords``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ui.dates import moment_text
from ui.qt import QObject


class ReviewWords(QObject):
    """Create one where text is needed: ``self.tr`` reads the language installed now."""

    def reason(self, key: str) -> str:
        return {
            "out_of_scope": self.tr("answered as out of scope"),
            "not_found": self.tr("nothing found"),
            "not_helpful": self.tr("rated not helpful"),
            "rephrased": self.tr("asked again in other words"),
        }.get(key, key)

    def reasons(self, reasons: dict[str, int]) -> str:
        return ", ".join(f"{self.reason(k)} ({n})" if n > 1 else self.reason(k)
                         for k, n in reasons.items())

    def times(self, n: int) -> str:
        return self.tr("asked %n time(s)", "", n)

    def action(self, action: str, detail: dict[str, Any] | None = None) -> str:
        detail = detail or {}
        if action == "synonym":
            means = " / ".join(detail.get("means") or ())
            return self.tr("Means: %1").replace("%1", means)
        if action == "faq-alternate":
            return self.tr("Is the policy %1").replace("%1", str(detail.get("faq", "")))
        if action == "new-answer":
            return self.tr("New answer: %1").replace("%1", str(detail.get("answer", "")))
        if action == "not-carried":
            return self.tr("Not carried: %1").replace("%1", str(detail.get("answer", "")))
        if action == "ignore":
            return self.tr("Ignored")
        return action

    def cards(self, cards: list[dict[str, Any]]) -> str:
        """What the answer showed, one card a line; a comparison is its products again."""
        lines = []
        for card in cards:
            if card.get("kind") == "product":
                lines.append(self.tr("Product: %1 (%2)").replace("%1", str(card.get("name")))
                             .replace("%2", str(card.get("sku"))))
            elif card.get("kind") == "faq":
                lines.append(self.tr("Policy: %1").replace("%1", str(card.get("question"))))
        return "\n".join(lines) or self.tr("No cards")

    def when(self, moment: datetime) -> str:
        return moment_text(moment)
