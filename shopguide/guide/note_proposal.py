"""Propose a relationship note from a conversation ("Save to notes").

The clerk talked with a customer; the conversation already holds what they asked,
what the engine understood (size, budget, brands, categories, colours) and which
products were shown. This module turns that into a short note in the clerk's
interface language. The clerk edits it before it is saved, so it states facts
plainly and invents nothing: every line comes from the turns themselves.

Pure core logic (no Qt). ``summarize`` reads the engine's ``Conversation``
through duck typing, so a conversation snapshot (a deep copy sent by the worker)
and test doubles work the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from shopguide.guide.prompt import format_price

MAX_QUESTIONS = 6  # the latest ones; older asks are usually refined by later ones
MAX_PRODUCTS = 8
MAX_QUESTION_CHARS = 80


@dataclass(frozen=True)
class ShownProduct:
    sku: str
    name: str
    price: float | None = None
    currency: str | None = None


@dataclass(frozen=True)
class TurnSummary:
    """What one turn revealed. A later turn refines an earlier one."""

    question: str
    size: str | None = None
    min_price: float | None = None
    max_price: float | None = None
    brands: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    products: tuple[ShownProduct, ...] = ()


_LABELS = {
    "zh": {
        "asked": "咨询",
        "prefs": "偏好",
        "size": "尺码",
        "budget": "预算",
        "brand": "品牌",
        "category": "品类",
        "color": "颜色",
        "shown": "看过的商品",
        "sep": "；",
        "list": "、",
        "colon": "：",
        "more": "等{n}项",
        "upto": "{hi}以内",
        "from": "{lo}以上",
        "range": "{lo}–{hi}",
        "quote": "“{q}”",
        "empty": "（本次对话没有记录到问题）",
    },
    "en": {
        "asked": "Asked",
        "prefs": "Preferences",
        "size": "size",
        "budget": "budget",
        "brand": "brand",
        "category": "category",
        "color": "colour",
        "shown": "Products shown",
        "sep": "; ",
        "list": ", ",
        "colon": ": ",
        "more": "and {n} more",
        "upto": "up to {hi}",
        "from": "from {lo}",
        "range": "{lo}–{hi}",
        "quote": "“{q}”",
        "empty": "(no questions in this conversation)",
    },
}


def propose_note(
    turns: Sequence[TurnSummary], lang: str = "en", currency: str | None = None
) -> str:
    """The note text for ``turns`` (oldest first) in ``lang`` ('zh' or 'en').

    ``currency`` formats the budget; when absent, the currency of the products
    shown is used, and a bare number otherwise.
    """
    t = _LABELS["zh" if lang.startswith("zh") else "en"]
    lines: list[str] = []

    questions = [_clip(x.question) for x in turns if x.question.strip()]
    if questions:
        shown_q = questions[-MAX_QUESTIONS:]
        text = t["sep"].join(t["quote"].format(q=q) for q in shown_q)
        if len(questions) > len(shown_q):
            text = t["more"].format(n=len(questions)) + t["colon"] + text
        lines.append(t["asked"] + t["colon"] + text)
    else:
        lines.append(t["empty"])

    products = _unique_products(turns)
    cur = currency or next((p.currency for p in products if p.currency), None)
    prefs = _preferences(turns, t, cur)
    if prefs:
        lines.append(t["prefs"] + t["colon"] + t["sep"].join(prefs))

    if products:
        names = [f"{p.name} ({p.sku})" if p.name != p.sku else p.sku for p in products]
        text = t["list"].join(names[:MAX_PRODUCTS])
        if len(names) > MAX_PRODUCTS:
            text += " " + t["more"].format(n=len(names) - MAX_PRODUCTS)
        lines.append(t["shown"] + t["colon"] + text)
    return "\n".join(lines)


ANYONE = object()  # propose_note_from's default: every turn, whoever was served


def propose_note_from(conversation: Any, lang: str = "en", currency: str | None = None,
                      customer_id: Any = ANYONE) -> str:
    """``propose_note`` for an engine ``Conversation`` (or anything shaped like one).
    With ``customer_id``, only the turns served to that customer (None: to a walk-in)."""
    return propose_note(summarize(conversation, lang, customer_id), lang, currency)


def _preferences(
    turns: Sequence[TurnSummary], t: dict[str, str], currency: str | None
) -> list[str]:
    size = next((x.size for x in reversed(turns) if x.size), None)
    # The latest stated budget wins: "cheaper ones?" narrows what was said before.
    lo = hi = None
    for x in reversed(turns):
        if x.min_price is not None or x.max_price is not None:
            lo, hi = x.min_price, x.max_price
            break
    out: list[str] = []
    if size:
        out.append(f"{t['size']} {size}")
    if lo is not None or hi is not None:
        out.append(f"{t['budget']} {_budget(lo, hi, t, currency)}")
    for key, values in (
        ("brand", _union(x.brands for x in turns)),
        ("category", _union(x.categories for x in turns)),
        ("color", _union(x.colors for x in turns)),
    ):
        if values:
            out.append(f"{t[key]} {t['list'].join(values)}")
    return out


def _budget(lo: float | None, hi: float | None, t: dict[str, str], currency: str | None) -> str:
    def money(v: float) -> str:
        return format_price(v, currency) if currency else f"{v:g}"

    if lo is not None and hi is not None:
        return t["range"].format(lo=money(lo), hi=money(hi))
    if hi is not None:
        return t["upto"].format(hi=money(hi))
    return t["from"].format(lo=money(lo or 0.0))


def _union(groups: Iterable[Iterable[str]]) -> list[str]:
    seen: dict[str, str] = {}
    for group in groups:
        for v in group:
            key = v.strip().casefold()
            if key and key not in seen:
                seen[key] = v.strip()
    return list(seen.values())


def _unique_products(turns: Sequence[TurnSummary]) -> list[ShownProduct]:
    seen: dict[str, ShownProduct] = {}
    for x in turns:
        for p in x.products:
            seen.setdefault(p.sku, p)
    return list(seen.values())


def _clip(question: str) -> str:
    q = " ".join(question.split())
    return q if len(q) <= MAX_QUESTION_CHARS else q[: MAX_QUESTION_CHARS - 1] + "…"


# --- reading the engine's conversation -------------------------------------------------------


def summarize(conversation: Any, lang: str = "en", customer_id: Any = ANYONE) -> list[TurnSummary]:
    """What ``conversation`` revealed, oldest first. Turns that carry a ``customer_id`` are
    kept only for the customer asked for; a stopped turn (``cancelled``) is left out: the
    shopper asks it again, and the retry is the turn that counts.

    Reads the engine's ``Conversation`` (its questions in ``history``; its latest
    product search in ``last_query``, which carries the refinements of follow-ups
    such as "有43码吗", and the products of that answer in ``shown``), a
    conversation with per-turn ``turns``, a plain sequence of turns, or ``None``.
    """
    if conversation is None:
        return []
    turns = getattr(conversation, "turns", None)
    if turns is None and hasattr(conversation, "history"):
        out = [TurnSummary(question=str(pair[0])) for pair in conversation.history or ()]
        query = getattr(conversation, "last_query", None)
        shown = list(getattr(conversation, "shown", None) or ())
        if query is not None or shown:
            out.append(_summary("", query, shown, lang))  # no question: it is listed above
        return out
    chosen = [t for t in (conversation if turns is None else turns)
              if not getattr(t, "cancelled", False)
              and (customer_id is ANYONE or getattr(t, "customer_id", customer_id) == customer_id)]
    return [_turn_summary(turn, lang) for turn in chosen]


def _turn_summary(turn: Any, lang: str) -> TurnSummary:
    if isinstance(turn, TurnSummary):
        return turn
    query = _first(turn, "query")
    question = _first(turn, "question", "text") or _first(query, "text", "question") or ""
    products = _first(turn, "products", "shown")
    if products is None:
        cards = _first(turn, "cards")
        cards = getattr(cards, "cards", cards) or ()
        products = [getattr(c, "product", None) for c in cards]
    return _summary(str(question), query, products, lang)


def _summary(question: str, query: Any, products: Any, lang: str) -> TurnSummary:
    # The Query's own fields, not ``constraints()``: that drops a category named through
    # a synonym, which is still a preference worth noting.
    return TurnSummary(
        question=question,
        size=_as_text(_first(query, "size", "sizes")),
        min_price=_as_float(_first(query, "min_price", "budget_min")),
        max_price=_as_float(_first(query, "max_price", "budget_max")),
        brands=_as_tuple(_first(query, "brands", "brand")),
        categories=tuple(_leaf(c) for c in _as_tuple(_first(query, "categories", "category"))),
        colors=_as_tuple(_first(query, "colors", "color")),
        products=tuple(_shown_products(products, lang)),
    )


def _shown_products(items: Any, lang: str) -> Iterable[ShownProduct]:
    for p in items or ():
        if p is None:
            continue
        if isinstance(p, ShownProduct):
            yield p
            continue
        sku = _first(p, "sku")
        if not sku:
            continue
        display = getattr(p, "display_name", None)
        name = display(lang) if callable(display) else (_first(p, "name") or sku)
        price, currency = _as_float(_first(p, "price")), _first(p, "currency")
        yield ShownProduct(str(sku), str(name), price, currency)


def _first(obj: Any, *names: str) -> Any:
    """The first attribute (or mapping key) of ``names`` that ``obj`` has and is not None."""
    if obj is None:
        return None
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v not in (None, ""))


def _as_text(value: Any) -> str | None:
    values = _as_tuple(value)
    return "/".join(values) if values else None


def _as_float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _leaf(category: str) -> str:
    """``鞋/跑鞋`` → ``跑鞋``: the most specific part is what a clerk would write."""
    return category.rstrip("/").rsplit("/", 1)[-1].strip() or category
