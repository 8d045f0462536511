"""Picking among the products just shown: "哪个最便宜？", "which one is the lightest?".

The answer is one of the shown products, chosen by a fact the catalog holds (the price, or
a weight the description states); when the catalog does not say (no weights), the answer
says so rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    zh = {"cheapest": "刚才这几款里最便宜的是：", "priciest": "刚才这几款里最贵的是：",
          "lightest": "刚才这几款里最轻的是："}
    en = {"cheapest": "The least expensive of those: ", "priciest": "The most expensive of those: ",
          "lightest": "The lightest of those: "}
    return (zh if lang == "zh" else en)[kind]


def cannot_tell(kind: str, lang: str) -> str:
    if lang == "zh":
        return "这几款的资料里没有都写明重量，我没法比较哪款最轻；可以请店员帮您称一下，或者看看商品详情。"
    return ("Not every one of those lists its weight, so I can't say which is lightest; a "
            "colleague can weigh them for you, or ask me about any one of them.")
