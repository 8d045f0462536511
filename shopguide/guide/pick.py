"""Picking among the products just shown: "哪个最便宜？", "which one is the lightest?",
"哪款容量最大".

The answer is one of the shown products, chosen by a fact the catalog holds (the price, or
a weight the description states); when the catalog does not say (no weights), the answer
says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from shopguide.guide.answer_words import say
from shopguide.guide.quantity import quantities, weights
from shopguide.store.models import Product

def weight_grams(p: Product) -> float | None:
    """The weight the product's own text states ("整帐仅约1.2公斤", "weighs about 1.2 kg")."""
    for text in (p.description, p.description_zh, p.description_en):
        found = weights(text or "")
        if found:
            return found[0]
    return None


def _capacity(p: Product, unit: str) -> float | None:
    """The most the product states it holds in ``unit`` ("litre": its volume, millilitres
    counted as litres; "people"), from its name and description."""
    text = " ".join(t for t in (p.name, p.name_en, p.name_zh, p.description, p.description_en,
                                p.description_zh) if t)
    values = [q.high / (1000.0 if q.unit == "ml" else 1.0) for q in quantities(text)
              if q.unit == unit or (unit == "litre" and q.unit == "ml")]
    return max(values) if values else None


def _by_capacity(shown: Sequence[Product], kind: str) -> Product | None:
    """The biggest (smallest) by the first measure every shown product states: volume, then
    people; None when no measure is stated by all of them."""
    for unit in ("litre", "people"):
        sized = [(_capacity(p, unit), p) for p in shown]
        if all(v is not None for v, _ in sized):
            choose = max if kind == "biggest" else min
            return choose(sized, key=lambda t: t[0] or 0.0)[1]
    return None


def pick(shown: Sequence[Product], kind: str) -> Product | None:
    """The shown product that is cheapest / priciest / lightest / biggest / smallest, or None
    if the facts cannot tell (some shown product states no weight, or no measure)."""
    if not shown:
        return None
    if kind == "cheapest":
        return min(shown, key=lambda p: p.price)
    if kind == "priciest":
        return max(shown, key=lambda p: p.price)
    if kind in ("biggest", "smallest"):
        return _by_capacity(shown, kind)
    weighed = [(weight_grams(p), p) for p in shown]
    if any(w is None for w, _ in weighed):
        return None
    return min(weighed, key=lambda t: t[0] or 0.0)[1]


def lead(kind: str, lang: str) -> str:
    """How the answer opens before the chosen product ("The least expensive of those: ")."""
    return say(f"pick_{kind}", lang)


def cannot_tell(kind: str, lang: str) -> str:
    """The pick cannot be told from the catalog (a weight or a measure is missing)."""
    return say("pick_cannot_tell" if kind == "lightest" else "pick_cannot_tell_measure", lang)