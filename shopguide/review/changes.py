"""The store rows an action writes, as states that can be read, written and put back.

Every action is a list of changes, each one store row (a synonym by term and language, or a
FAQ row by id) with the state it had before and the state the action gives it (``None``: no
such row). Applying writes the ``after`` states; undoing writes the ``before`` states back,
but only while the rows are still as the action left them, so an undo never throws away
something changed since (by a later action, an import or an edit).
"""

from __future__ import annotations

from typing import Any

from shopguide.review.errors import ReviewError
from shopguide.store.models import FaqEntry

SYNONYM = "synonym"
FAQ = "faq"

State = dict[str, Any] | None


def read(store: Any, kind: str, key: dict[str, str]) -> State:
    if kind == SYNONYM:
        return _read_synonym(store, key["term"], key["lang"])
    entry = store.faq(key["id"])
    return None if entry is None else {"question": entry.question, "answer": entry.answer,
                                       "alternates": list(entry.alternates),
                                       "tags": list(entry.tags)}


def _read_synonym(store: Any, term: str, lang: str) -> State:
    import json

    row = store.conn.execute("SELECT means FROM synonyms WHERE term = ? AND lang = ?",
                             (" ".join(term.split()), lang)).fetchone()
    return None if row is None else {"means": json.loads(row[0])}


def write(store: Any, kind: str, key: dict[str, str], state: State) -> None:
    """Make the row ``state`` (inside the caller's transaction)."""
    if kind == SYNONYM:
        if state is None:
            store.delete_synonym(key["term"], key["lang"])
        else:
            store.save_synonym(key["term"], state["means"], key["lang"])
        return
    if state is None:
        store.delete_faq(key["id"])
    else:
        store.save_faq(FaqEntry(key["id"], state["question"], state["answer"],
                                tuple(state["alternates"]), tuple(state["tags"])))


def change(store: Any, kind: str, key: dict[str, str], after: State) -> dict[str, Any]:
    """The change from the row as it is now to ``after``."""
    return {"kind": kind, "key": key, "before": read(store, kind, key), "after": after}


def apply(store: Any, changes: list[dict[str, Any]]) -> None:
    for c in changes:
        write(store, c["kind"], c["key"], c["after"])


def revert(store: Any, changes: list[dict[str, Any]]) -> None:
    """Put every row back as it was, or refuse (ReviewError) if one changed since."""
    for c in changes:
        if read(store, c["kind"], c["key"]) != c["after"]:
            what = (f"the synonym {c['key']['term']!r}" if c["kind"] == SYNONYM
                    else f"the FAQ row {c['key']['id']!r}")
            raise ReviewError(f"{what} has changed since this action; undo the later change "
                              "first, or edit it directly")
    for c in reversed(changes):
        write(store, c["kind"], c["key"], c["before"])
