"""What the engine yields for one answer: the UI, the CLI and the tests consume the same stream.

Order for one turn: exactly one `Cards`, then zero or more `Token`s, then
exactly one `Done` or `Failed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from shopguide.store.models import FaqEntry, Product


@dataclass(frozen=True)
class ProductCard:
    product: Product
    kind: str = "product"


@dataclass(frozen=True)
class FaqCard:
    faq: FaqEntry
    kind: str = "faq"


@dataclass(frozen=True)
class ComparisonCard:
    """A comparison table; the product cards it compares follow it in the list."""

    skus: tuple[str, ...]
    kind: str = "comparison"


Card = Union[ProductCard, FaqCard, ComparisonCard]


@dataclass(frozen=True)
class Cards:
    cards: tuple[Card, ...]
    lang: str
    intent: str


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class Done:
    text: str
    grounded: bool
    sources: tuple[str, ...] = ()  # SKUs and FAQ ids the answer may draw on
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    cancelled: bool = False
    used_model: bool = False


@dataclass(frozen=True)
class Failed:
    error: str


Event = Union[Cards, Token, Done, Failed]
