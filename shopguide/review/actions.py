"""The merchant's one action per group of questions: previewed, applied at once, undone.

* ``synonym``: "means this kind of product / this product": a store synonym from each of
  the group's phrasings to the category's words or the product's name;
* ``faq-alternate``: "is this policy": the phrasings become alternates of that FAQ row;
* ``new-answer``: a new FAQ row, the question with the merchant's answer;
* ``not-carried``: "we don't carry this": a FAQ row tagged ``not-carried`` holding the
  store's own reply, which the engine says as it is, showing nothing as the answer;
* ``ignore``: the group leaves the list.

Every effect is a synonym or FAQ row, so it travels in the exported store folder (faq.csv,
synonyms.csv) without any change to the documented formats. The action itself, with the
rows it replaced, goes to the review log (``log.py``) for undo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from shopguide.review import changes as rows
from shopguide.review import log as review_log
from shopguide.review.errors import ReviewError
from shopguide.review.groups import Group
from shopguide.review.masking import without_masks
from shopguide.store.models import NOT_CARRIED_TAG, FaqEntry

SYNONYM = "synonym"
FAQ_ALTERNATE = "faq-alternate"
NEW_ANSWER = "new-answer"
NOT_CARRIED = "not-carried"
IGNORE = "ignore"
ACTIONS = (SYNONYM, FAQ_ALTERNATE, NEW_ANSWER, NOT_CARRIED, IGNORE)

_EDGE_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")


class _Rollback(Exception):
    """Ends a preview's transaction, taking everything it wrote with it."""


def apply_action(store: Any, group: Group, action: str, **params: Any) -> review_log.Action:
    """Do ``action`` for ``group`` now, in one transaction; the logged action."""
    with store.transaction() as conn:
        detail, changes = plan_changes(store, group, action, **params)
        rows.apply(store, changes)
        action_id = review_log.record(conn, group.key, group.question, action, detail, changes)
    done = review_log.get(store, action_id)
    assert done is not None
    return done


def preview_action(store: Any, group: Group, action: str, **params: Any) -> dict[str, Any]:
    """How the group's question would be answered after ``action``, with nothing saved:
    ``{"question", "before": {intent, answer, cards}, "after": <ask --json turn>}``."""
    result: dict[str, Any] = {}
    try:
        with store.transaction():
            _detail, changes = plan_changes(store, group, action, **params)
            rows.apply(store, changes)
            result["after"] = answer(store, group.question)
            raise _Rollback
    except _Rollback:
        pass
    return {"question": group.question,
            "before": {"intent": group.intent, "answer": group.answer, "cards": group.cards},
            "after": result["after"]}


def undo_action(store: Any, action_id: int) -> review_log.Action:
    """Put back what the action replaced; refused when its rows changed since."""
    done = review_log.get(store, action_id)
    if done is None:
        raise ReviewError(f"no review action {action_id}; 'shopguide review actions' lists them")
    if done.undone is not None:
        raise ReviewError(f"review action {action_id} was already undone")
    with store.transaction() as conn:
        rows.revert(store, done.changes)
        review_log.mark_undone(conn, action_id)
    undone = review_log.get(store, action_id)
    assert undone is not None
    return undone


def answer(store: Any, question: str) -> dict[str, Any]:
    """The question answered now, from the facts alone, as ``ask --json`` prints it. A new
    engine: it reads the store's words as they are at this moment."""
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.guide.report import turn_json

    return turn_json(question, Engine(store, None).answer(question, Conversation()))


# -- what each action writes -----------------------------------------------------------------
def plan_changes(store: Any, group: Group, action: str, **params: Any
                 ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the action's parameters as logged, the store rows it changes)."""
    build = _BUILDERS.get(action)
    if build is None:
        raise ReviewError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")
    return build(store, group, **params)


def _synonym(store: Any, group: Group, means: str | Sequence[str] | None = None,
             category: str | None = None, product: str | None = None,
             term: str | None = None, lang: str = "", **_: Any):
    words = _means(store, means, category, product)
    if lang not in ("", "zh", "en"):
        raise ReviewError(f"a synonym's language is zh, en or empty (both), not {lang!r}")
    terms = [clean(term)] if term else phrasings(group)
    if not all(terms):
        raise ReviewError("the synonym needs the shopper's words (--term)")
    changes = [rows.change(store, rows.SYNONYM, {"term": t, "lang": lang}, {"means": words})
               for t in terms]
    return {"terms": terms, "means": words, "lang": lang}, changes


def _means(store: Any, means: str | Sequence[str] | None, category: str | None,
           product: str | None) -> list[str]:
    """The catalog's words a synonym points at: given, a category's, or a product's name."""
    if sum(x is not None and x != "" for x in (means, category, product)) != 1:
        raise ReviewError("a synonym means one thing: give the catalog's words, a category "
                          "or a product (one of --means, --category, --product)")
    if product:
        p = store.product(product)
        if p is None:
            raise ReviewError(f"no product with SKU {product!r}")
        # Its category's names too: a kind the store carries keeps the question in scope
        # (retrieve.decide), and the name's words then rank this product first.
        words = [p.name] + [n for n in (p.name_en, p.name_zh) if n and n != p.name] + [
            seg.strip() for seg in p.category.split("/") if seg.strip()]
    elif category:
        words = _category_words(store, category)
    else:
        words = means.split(";") if isinstance(means, str) else list(means or ())
    words = [" ".join(w.replace(";", ",").split()) for w in words]
    words = [w for w in dict.fromkeys(words) if w]
    if not words:
        raise ReviewError("the synonym needs the catalog's words it means")
    return words


def _category_words(store: Any, category: str) -> list[str]:
    """A category path's names, parent first: together they point at that path, not at
    a namesake elsewhere in the catalog (Dog/Food, not Cat/Food)."""
    from shopguide.text import fold

    wanted = fold(category.strip().strip("/"))
    vocab = store.vocabulary()
    paths = [p for p in vocab.category_paths if fold(p) == wanted] or [
        p for p in vocab.category_paths if fold(p.rsplit("/", 1)[-1]) == wanted]
    if not paths:
        raise ReviewError(f"no category {category!r} in the catalog")
    return [seg.strip() for seg in min(paths, key=len).split("/") if seg.strip()]


def _faq_alternate(store: Any, group: Group, faq: str | None = None, **_: Any):
    if not faq:
        raise ReviewError("say which FAQ row this is (its id: --faq ID)")
    entry = store.faq(faq)
    if entry is None:
        raise ReviewError(f"no FAQ row with id {faq!r}")
    have = {a.casefold() for a in (entry.question, *entry.alternates)}
    added = [q for q in phrasings(group) if q.casefold() not in have]
    after = {"question": entry.question, "answer": entry.answer,
             "alternates": [*entry.alternates, *added], "tags": list(entry.tags)}
    return ({"faq": faq, "alternates": added},
            [rows.change(store, rows.FAQ, {"id": faq}, after)])


def _new_answer(store: Any, group: Group, answer: str | None = None,
                question: str | None = None, faq_id: str | None = None, **_: Any):
    return _new_row(store, group, answer, question, faq_id, ())


def _not_carried(store: Any, group: Group, answer: str | None = None,
                 question: str | None = None, faq_id: str | None = None, **_: Any):
    return _new_row(store, group, answer, question, faq_id, (NOT_CARRIED_TAG,))


def _new_row(store: Any, group: Group, answer: str | None, question: str | None,
             faq_id: str | None, tags: tuple[str, ...]):
    text = " ".join((answer or "").split())
    if not text:
        raise ReviewError("write the answer shoppers should get (--answer)")
    said = phrasings(group)
    asked = clean(question) if question else said[0]
    if not asked:
        raise ReviewError("the new row needs a question (--question)")
    row_id = faq_id.strip() if faq_id else _free_id(store, asked)
    if store.faq(row_id) is not None:
        raise ReviewError(f"a FAQ row with id {row_id!r} exists; choose another id")
    alternates = [q for q in said if q.casefold() != asked.casefold()]
    entry = FaqEntry(row_id, asked, text, tuple(alternates), tags)
    after = {"question": entry.question, "answer": entry.answer,
             "alternates": list(entry.alternates), "tags": list(entry.tags)}
    return ({"faq": row_id, "question": asked, "answer": text},
            [rows.change(store, rows.FAQ, {"id": row_id}, after)])


def _free_id(store: Any, question: str) -> str:
    from shopguide.store.import_rows import faq_id_for

    base = faq_id_for(question)
    row_id, n = base, 1
    while store.faq(row_id) is not None:
        n += 1
        row_id = f"{base}-{n}"
    return row_id


def _ignore(store: Any, group: Group, **_: Any):
    return {}, []


_BUILDERS = {SYNONYM: _synonym, FAQ_ALTERNATE: _faq_alternate, NEW_ANSWER: _new_answer,
             NOT_CARRIED: _not_carried, IGNORE: _ignore}


def phrasings(group: Group) -> list[str]:
    """The group's phrasings as a row may hold them: masks out, one line, no ';' (the list
    separator of faq.csv alternates), no punctuation at either end."""
    out: list[str] = []
    for text in group.phrasings:
        q = clean(text)
        if q and q.casefold() not in {o.casefold() for o in out}:
            out.append(q)
    return out


def clean(text: str) -> str:
    return _EDGE_PUNCT.sub("", " ".join(without_masks(text).replace(";", ",").split()))
