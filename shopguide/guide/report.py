"""The JSON shapes of ``shopguide ask --json`` (one object per turn), per data-formats.md."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from shopguide.guide.events import Card, Cards, ComparisonCard, Done, Event, Failed, FaqCard, Token


def card_json(card: Card) -> dict[str, Any]:
    if isinstance(card, ComparisonCard):
        return {"kind": "comparison", "skus": list(card.skus)}
    if isinstance(card, FaqCard):
        f = card.faq
        return {"kind": "faq", "id": f.id, "question": f.question, "answer": f.answer}
    p = card.product
    return {"kind": "product", "sku": p.sku, "name": p.name, "category": p.category,
            "brand": p.brand, "price": p.price, "currency": p.currency, "stock": p.stock,
            "aisle": p.aisle, "sizes": list(p.sizes), "colors": list(p.colors)}


def turn_json(question: str, events: Iterable[Event]) -> dict[str, Any]:
    """Consume one turn's events into the documented object (plus ``error`` on failure)."""
    out: dict[str, Any] = {"question": question, "lang": None, "intent": None, "cards": [],
                           "answer": "", "grounded": False, "by": "composed", "timings": {}}
    pieces: list[str] = []
    for ev in events:
        if isinstance(ev, Cards):
            out["lang"], out["intent"] = ev.lang, ev.intent
            out["cards"] = [card_json(c) for c in ev.cards]
        elif isinstance(ev, Token):
            pieces.append(ev.text)
        elif isinstance(ev, Done):
            out["answer"] = ev.text
            out["grounded"] = ev.grounded
            out["by"] = "model" if ev.used_model else "composed"
            out["timings"] = {"first_token_ms": ev.timings.get("first_token_ms", 0.0),
                              "total_ms": ev.timings.get("total_ms", 0.0)}
        elif isinstance(ev, Failed):
            out["answer"] = "".join(pieces)
            out["error"] = ev.error
    return out
