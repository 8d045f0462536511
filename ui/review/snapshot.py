"""What the review window shows, read in one go on the job's thread.

Plain data only (the core's dataclasses and lists), so it crosses to the GUI thread
without a store attached. Customer data never reaches it: the core masks every question
and answer before grouping (``shopguide/review/masking.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shopguide.review import Action, Group, Summary, actions, review_groups, summarize

DEFAULT_DAYS = 30


@dataclass
class Snapshot:
    groups: list[Group]
    actions: list[Action]
    faq: list[tuple[str, str]]  # (id, question): the rows "is this policy" picks from
    categories: list[str]  # every category path, parents too
    summary: Summary


def load_snapshot(store: Any, days: int = DEFAULT_DAYS) -> Snapshot:
    vocab = store.vocabulary()
    return Snapshot(
        groups=review_groups(store),
        actions=actions(store, limit=200),
        faq=[(f.id, f.question) for f in store.all_faq()],
        categories=sorted(vocab.category_paths, key=str.casefold),
        summary=summarize(store, days),
    )


def search_products(store: Any, text: str, limit: int = 30) -> list[tuple[str, str]]:
    """(SKU, name) of the products best matching ``text``; an exact SKU first."""
    text = text.strip()
    found: list[tuple[str, str]] = []
    exact = store.product(text) if text else None
    if exact is not None:
        found.append((exact.sku, exact.name))
    for product, _score in store.search_products(text or None, limit=limit):
        if product.sku not in {sku for sku, _ in found}:
            found.append((product.sku, product.name))
    return found[:limit]
