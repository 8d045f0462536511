"""The word orders a tagged model was taught, kept beside it, so that a sentence it writes
in an order it never saw ("It sits rule is [P2.price].", "[P2] has [P2.price].",
"[P2]售价我这就请店员过来帮您") is not shown.

The training answers are written from templates in many phrasings; a small model recombines
them, and where it loses its way it strings together words that never stood side by side
in anything it was taught. The check is that plain: every pair of neighbouring units of a
sentence (an English word, a Chinese character, a mark, a reference folded to its kind:
``[P2.price]`` → ``<p_price>``; and the sentence's start) must occur in some sentence of the
training answers. The pairs are saved with the model (``answer_bigrams.json``, written by
``shopguide train``); a model without the file is not checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from shopguide.guide.refs import TAG

FILE = "answer_bigrams.json"
START = "^"
_UNIT = re.compile(r"<[a-z_]+>|[a-z]+(?:['’][a-z]+)?|[\u3400-\u9fff]|[^\sa-z\u3400-\u9fff]")
_KNOWN: WeakKeyDictionary[Any, frozenset[tuple[str, str]] | None] = WeakKeyDictionary()


def _kind(tag: str) -> str:
    return " <" + re.sub(r"\d", "", tag)[1:-1].replace(".", "_").lower() + "> "


def pairs(sentence: str) -> set[tuple[str, str]]:
    """The neighbouring units of one sentence, its start included."""
    units = [START, *_UNIT.findall(TAG.sub(lambda m: _kind(m.group(0)), sentence).lower())]
    return set(zip(units, units[1:]))


def taught(answers: Iterable[str]) -> set[tuple[str, str]]:
    """Every pair in the sentences of some training answers."""
    from shopguide.guide.tagged_answer import raw_sentences  # as the runtime splits them

    out: set[tuple[str, str]] = set()
    for answer in answers:
        for sentence in raw_sentences(answer.strip()):
            out |= pairs(sentence.strip())
    return out


def save(folder: Path, answers: Iterable[str], base: Path | None = None) -> None:
    """Write the pairs of ``answers`` (and those of the ``base`` model it was tuned from)."""
    known = taught(answers)
    if base is not None and (base / FILE).exists():
        known |= read(base) or set()
    (folder / FILE).write_text(json.dumps(sorted(known), ensure_ascii=False), encoding="utf-8")


def read(folder: Path) -> frozenset[tuple[str, str]] | None:
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        return frozenset((str(a), str(b)) for a, b in data)
    except (OSError, ValueError, TypeError):
        return None


def of_model(model: Any) -> frozenset[tuple[str, str]] | None:
    """The pairs saved with a loaded model (None: none saved, or no folder)."""
    try:
        return _KNOWN[model]
    except (KeyError, TypeError):
        pass
    path = getattr(model, "path", None)
    known = read(Path(path)) if path else None
    try:
        _KNOWN[model] = known
    except TypeError:
        pass
    return known


def untaught(sentence: str, known: frozenset[tuple[str, str]] | None) -> str | None:
    """Why a raw sentence (with its tags) is in an order the model was never taught, or None."""
    if not known:
        return None
    new = sorted(p for p in pairs(sentence) if p not in known)
    return f"words in an order never taught ({' '.join(new[0])!r})" if new else None
