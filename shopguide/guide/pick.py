"""Picking among the products just shown: "哪个最便宜？", "which one is the lightest?".

The answer is one of the shown products, chosen by a fact the catalog holds (the price, or
a weight the description states); when the catalog does not say (no weights), the answer
says so rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shopguide.guide.answer_words import say
from shopguide.store.models import Product

_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)\s*(公斤|千克|kg|克|g)(?![a-z])", re.I)
_GRAMS = {"公斤": 1000.0, "千克": 1000.0, "kg": 1000.0, "克": 1.0, "g": 1.0}


def weight_grams(p: Product) -> float | None:
    """The weight the product's own text states ("整帐仅约1.2公斤", "weighs about 1.2 kg")."""
    for text in (p.description, p.description_zh, p.description_en):
        m = _WEIGHT.search(text or "")
        if m:
            return float(m.group(1)) * _GRAMS[m.group(2).lower()]
    return None


def pick(shown: Sequence[Product], kind: str) -> Product | None:
    """The shown product that is cheapest / priciest / lightest, or None if the facts cannot
    tell (some shown product states no weight)."""
    if not shown:
        return None
    if kind == "cheapest":
        return min(shown, key=lambda p: p.price)
    if kind == "priciest":
        return max(shown, key=lambda p: p.price)
    weighed = [(weight_grams(p), p) for p in shown]
    if any(w is None for w, _ in weighed):
        return None
    return min(weighed, key=lambda t: t[0] or 0.0)[1]


def lead(kind: str, lang: str) -> str:
    """How the answer opens before the chosen product ("The least expensive of those: ")."""
    return say(f"pick_{kind}", lang)


def cannot_tell(kind: str, lang: str) -> str:
    """The pick cannot be told from the catalog (only weight can be missing)."""
    return say("pick_cannot_tell", lang)