"""Word tables for the synthetic stores: trades, kinds of goods, brands, features.

The tables are data (``resources/training/synth_vocab.json``): every entry is a
(Chinese, English) pair so a store can be generated in either language, or in both (a
product with ``name_en`` beside a Chinese ``name``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from shopguide.config import resource

Pair = tuple[str, str]


@dataclass(frozen=True)
class Kind:
    """One kind of goods: its category, the noun for it, and what it usually costs."""

    category: Pair
    noun: Pair
    price: tuple[float, float]  # in CNY; USD stores divide by ~7
    sizes: str  # "shoe", "clothes", "bed", "volume", "" (none)
    features: tuple[Pair, ...]


@dataclass(frozen=True)
class Trade:
    name: Pair
    kinds: tuple[Kind, ...]
    brands: tuple[Pair, ...]
    guide: tuple[Pair, Pair]  # a buying-guide FAQ (question, answer) for the trade


def _pair(value: Any) -> Pair:
    return (str(value[0]), str(value[1]))


def _pairs(values: Any) -> tuple[Pair, ...]:
    return tuple(_pair(v) for v in values)


def _kind(d: dict[str, Any]) -> Kind:
    return Kind(_pair(d["category"]), _pair(d["noun"]), (float(d["price"][0]), float(d["price"][1])),
                str(d["sizes"]), _pairs(d["features"]))


_DATA = json.loads(resource("training", "synth_vocab.json").read_text(encoding="utf-8"))

TRADES: tuple[Trade, ...] = tuple(
    Trade(_pair(t["name"]), tuple(_kind(k) for k in t["kinds"]), _pairs(t["brands"]),
          (_pair(t["guide"][0]), _pair(t["guide"][1])))
    for t in _DATA["trades"])
ADJ: tuple[Pair, ...] = _pairs(_DATA["adjectives"])
COLORS: tuple[Pair, ...] = _pairs(_DATA["colors"])
SIZES: dict[str, list[str]] = {k: [str(x) for x in v] for k, v in _DATA["sizes"].items()}
STORE_NAMES: tuple[Pair, ...] = _pairs(_DATA["store_names"])
# Whom a product suits ("适合老人"): what the shopper's need names and one description says.
WHO: tuple[Pair, ...] = _pairs(_DATA["who"])
CUSTOMER_ZH: tuple[str, ...] = tuple(_DATA["customers_zh"])
CUSTOMER_EN: tuple[str, ...] = tuple(_DATA["customers_en"])
