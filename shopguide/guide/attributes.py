"""A question about the product being discussed ("这款电脑的CPU是什么型号？", "how heavy is it",
"does it have seat ventilation?") is answered from that product's own text: the clause of
its description (or a tag) that covers the question best, or, when none does, a plain
statement that the catalog does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shopguide.guide.quantity import size_spans, weight_spans
from shopguide.guide.matching import Doc, Slot, Terms, coverage, product_doc, slot_score
from shopguide.guide.verify import Facts, check_sentence
from shopguide.store.models import Product
from shopguide.text import Analyzer

_CLAUSE = re.compile(r"(?<=[。；;！!？?\n])|(?<=\.)\s+")
STATED = 0.5  # coverage of the asked words a clause needs to count as the answer
HELD = 0.5  # a word a product's text holds (in its body, if not its title)


@dataclass(frozen=True)
class Answer:
    clause: str | None  # the product's own words that answer, or None: the catalog is silent
    asked: list[str]  # the words asked about (what the catalog does not say, when silent)


def _descriptions(p: Product, lang: str) -> list[str]:
    own = p.description_zh if lang == "zh" else p.description_en
    return [d for d in (own, p.description, p.description_en, p.description_zh) if d]


def clauses(p: Product, lang: str) -> list[str]:
    """The product's description as sentences, the asker's language first."""
    out: list[str] = []
    for text in _descriptions(p, lang):
        for part in _CLAUSE.split(text):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def asked_slots(terms: Terms, p: Product, analyzer: Analyzer) -> list[Slot]:
    """The question's words that ask about something, not the ones that name the product
    ("这款电脑的CPU" asks about the CPU; 电脑 names what it is)."""
    name = Doc.of(analyzer, " ".join(x for x in (p.name, p.name_en, p.name_zh,
                                                 p.category.replace("/", " "), p.brand) if x), "")
    return [s for s in terms.slots if s.role != "topic" and slot_score(s, name) < 0.9]


def name_measures(p: Product, lang: str, weight: bool = False) -> str | None:
    """The measures the product's name states ("30 lb", "2L", "3-4人"), as written there;
    ``weight``: only its weights."""
    own = p.name_zh if lang == "zh" else p.name_en
    for name in (own, p.name):
        found = weight_spans(name or "") if weight else size_spans(name or "")
        if found:
            return " · ".join(dict.fromkeys(found))
    return None


def answer_about(p: Product, terms: Terms, analyzer: Analyzer, lang: str,
                 measure: str | None = None) -> Answer | None:
    """The clause answering a question about ``p``, or Answer(None, …) when the catalog does
    not say; None when the question asks nothing beyond naming the product. ``measure``: the
    question asks how big ("size") or how heavy ("weight") it is ("容量多大", "多重"); with
    no clause on it, the measures of that kind the name states answer."""
    asked = asked_slots(terms, p, analyzer)
    stated = name_measures(p, lang, weight=measure == "weight") if measure else None
    if not asked:  # "多重？": the measure itself is all it asks
        return Answer(stated, []) if measure else None
    words = [s.said for s in asked]
    best, score = None, 0.0
    facts = Facts.of([p], [], (None, None, None))
    for clause in clauses(p, lang):
        c = coverage(asked, Doc.of(analyzer, clause, ""))
        # Catalog text is data, not the truth: a clause whose price, stock or promise the
        # product's own fields contradict is never quoted as the answer.
        if c > score and check_sentence(clause, facts) is None:
            best, score = clause, c
    tags = [t for t in p.tags if coverage(asked, Doc.of(analyzer, t, "")) >= STATED]
    if score >= STATED and best:
        return Answer(best, words)
    if stated:
        return Answer(stated, words)
    if tags:
        return Answer(tags[0], words)
    return Answer(None, words)


def holds_every_word(p: Product, terms: Terms, analyzer: Analyzer) -> bool:
    """Whether the product's own text (title or body) holds every word of the question."""
    doc = product_doc(analyzer, p)
    return bool(terms.slots) and all(slot_score(s, doc) >= HELD for s in terms.slots)


def covers(p: Product, terms: Terms, analyzer: Analyzer) -> float:
    """How well the product's whole text covers the question (for choosing it as the topic)."""
    return coverage(terms, product_doc(analyzer, p))
