"""Sentence frames: an answer's sentences with its facts taken out, to see whether answers
vary or repeat one template ("推荐<>，售价#。" in every turn reads like a machine)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from shopguide.guide.refs import sentences
from shopguide.store.models import FaqEntry, Product

_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,:]*")
_SLOT = "<>"
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def fact_texts(products: Sequence[Product], faq: FaqEntry | None) -> list[str]:
    """Every fact of the turn an answer may repeat, longest first."""
    out: set[str] = set()
    for p in products:
        out.update(x for x in (p.name, p.name_en, p.name_zh, p.brand, p.aisle, p.category) if x)
        out.update(p.category.split("/") if p.category else ())
        out.update(p.tags)
        out.update(p.sizes)
        out.update(p.colors)
        for d in (p.description, p.description_en, p.description_zh):
            out.update(s.rstrip("。.；;！!") for s in sentences(d or ""))
    if faq is not None:
        out.add(faq.question)
        out.update(s.rstrip("。.；;！!") for s in sentences(faq.answer))
    return sorted((t for t in out if len(t) > 1), key=len, reverse=True)


def frames(text: str, facts: Iterable[str]) -> set[str]:
    """The answer's sentence frames: facts → ``<>``, figures → ``#``, spacing folded."""
    for fact in facts:
        text = text.replace(fact, _SLOT)
    text = _NUMBER.sub("#", text)
    out = {" ".join(s.split()).lower() for s in sentences(text)}
    # A sentence that is only facts ("<>；": a policy's clause quoted) has no frame of its own.
    return {f for f in out if _WORD.search(f.replace(_SLOT, ""))}


def most_repeated(per_answer: Sequence[set[str]]) -> tuple[str, float]:
    """The frame found in the most answers, and the share of answers it is in."""
    if not per_answer:
        return "", 0.0
    counts = Counter(f for fs in per_answer for f in fs)
    if not counts:
        return "", 0.0
    frame, n = counts.most_common(1)[0]
    return frame, n / len(per_answer)
