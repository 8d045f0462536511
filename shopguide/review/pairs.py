"""Fine-tune data from what was reviewed: each reviewed question with its corrected answer,
as the ``question,answer`` pairs the fine-tune learns as quoted policies (the seed's
``Q: … A:`` exchanges; ``training/finetune.py``).

The pairs come from the actions in force that gave a question an answer in words: a policy
it is (``faq-alternate``), a new answer, the store's "we don't carry" reply. The answer is
the row as it is now, so an edit made since is what is learnt. A ``synonym`` gives no pair:
it teaches retrieval which products a question means, and the model never writes a
product's facts itself (it writes references to the cards). Questions are masked already.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from shopguide.review import log as review_log
from shopguide.review.actions import FAQ_ALTERNATE, NEW_ANSWER, NOT_CARRIED, clean

_ANSWERING = (FAQ_ALTERNATE, NEW_ANSWER, NOT_CARRIED)


def reviewed_pairs(store: Any) -> list[tuple[str, str]]:
    """(question, answer) for every reviewed question that has an answer, oldest first."""
    pairs: dict[str, tuple[str, str]] = {}
    for action in review_log.all_in_force(store):
        if action.action not in _ANSWERING:
            continue
        entry = store.faq(action.detail.get("faq", ""))
        if entry is None:
            continue  # the row was deleted since: nothing to learn from
        asked = [action.question, *action.detail.get("alternates", ())]
        if action.action != FAQ_ALTERNATE:
            asked = [action.question, entry.question, *entry.alternates]
        for q in asked:
            q = clean(q)
            if q:
                pairs.setdefault(q.casefold(), (q, entry.answer))
    return list(pairs.values())


def write_pairs_csv(pairs: list[tuple[str, str]], path: str | Path) -> int:
    """Write ``question,answer`` rows (the fine-tune's ``--qa`` format); how many."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(["question", "answer"])
        writer.writerows(pairs)
    return len(pairs)
