"""The word orders a tagged model was taught, kept beside it, so that a sentence it writes
in an order it never saw ("It sits rule is [P2.price].", "[P2] has [P2.price].",
"[P2]售价我这就请店员过来帮您") is not shown.

The training answers are written from templates in many phrasings; a small model recombines
them, and where it loses its way it strings together words that never stood side by side
in anything it was taught. The check is that plain: every pair of neighbouring units of a
sentence (an English word, a Chinese character, a mark, a reference folded to its kind:
``[P2.price]`` → ``<p_price>``; and the sentence's start) must occur in some sentence of the
training answers. A pair is also held to where it stood: one taught only as a sentence's
opening ("In short, …", "Our policy: …") may not stand later in one ("[P1] in short, $23.99").
The pairs are saved with the model (``answer_bigrams.json``, written by ``shopguide train``:
every pair, and those that stood past a sentence's first unit); a model without the file is
not checked, one saved before the second list was kept holds pairs anywhere. A product's
name is held to the two units before it as well (the runs of three, when saved): "[P1] in the
[P2]: …" is made of taught pairs and names a product inside another. Decoding keeps the same
pairs at each token: ``pair_guard``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from shopguide.guide.refs import TAG

FILE = "answer_bigrams.json"
NAME_UNIT = "<p>"  # a product's name, as units() folds its reference
START = "^"
_UNIT = re.compile(r"<[a-z_]+>|[a-z]+(?:['’][a-z]+)?|[\u3400-\u9fff]|[^\sa-z\u3400-\u9fff]")
_KNOWN: WeakKeyDictionary[Any, Taught | None] = WeakKeyDictionary()


def kind(tag: str) -> str:
    return " <" + re.sub(r"\d", "", tag)[1:-1].replace(".", "_").lower() + "> "


def units(text: str) -> list[str]:
    """A text's units: English words, Chinese characters, marks, references as their kind."""
    return _UNIT.findall(TAG.sub(lambda m: kind(m.group(0)), text).lower())


def is_word(unit: str) -> bool:
    """An English word's unit (one a following letter may still continue)."""
    return unit[:1].isascii() and unit[:1].isalpha()


@dataclass(frozen=True)
class Taught:
    """The pairs of the training answers: all of them, and those whose first unit stood past
    a sentence's first (None: not recorded; any pair may then stand anywhere); and the runs
    of three, which say what may come after a pair (None: not recorded), for decoding to
    see a dead end a word ahead ("[P1] comes in" is followed by colours or sizes alone)."""

    pairs: frozenset[tuple[str, str]]
    later: frozenset[tuple[str, str]] | None = None
    triples: frozenset[tuple[str, str, str]] | None = None
    # The runs of three that stood at a sentence's opening (its first three units): None,
    # not recorded.
    opening: frozenset[tuple[str, str, str]] | None = None

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def allows(self, pair: tuple[str, str], initial: bool) -> bool:
        """Whether ``pair`` was taught where it stands (``initial``: its first unit opens
        the sentence, or is its start)."""
        if initial or self.later is None:
            return pair in self.pairs
        return pair in self.later

    def __or__(self, other: Taught) -> Taught:
        """Both together; pairs saved without their places may stand anywhere, and runs of
        three are kept only if both sides recorded them."""
        triples = None if self.triples is None or other.triples is None else \
            self.triples | other.triples
        opening = None if self.opening is None or other.opening is None else \
            self.opening | other.opening
        if self.later is None and other.later is None:
            return Taught(self.pairs | other.pairs, None, triples, opening)
        later = (other.pairs if other.later is None else other.later) | (
            self.pairs if self.later is None else self.later)
        return Taught(self.pairs | other.pairs, later, triples, opening)


def _placed_pairs(sentence: str) -> list[tuple[tuple[str, str], bool]]:
    """The neighbouring units of one sentence, its start included, each with whether its
    first unit opens the sentence."""
    said = [START, *units(sentence)]
    return [((a, b), i < 2) for i, (a, b) in enumerate(zip(said, said[1:]))]


def taught(answers: Iterable[str]) -> Taught:
    """Every pair in the sentences of some training answers, and where each stood."""
    from shopguide.guide.tagged_answer import raw_sentences  # as the runtime splits them

    every: set[tuple[str, str]] = set()
    later: set[tuple[str, str]] = set()
    triples: set[tuple[str, str, str]] = set()
    opening: set[tuple[str, str, str]] = set()
    for answer in answers:
        for sentence in raw_sentences(answer.strip()):
            placed = _placed_pairs(sentence.strip())
            for pair, initial in placed:
                every.add(pair)
                if not initial:
                    later.add(pair)
            runs = [(a, b, c) for ((a, b), _), ((_b, c), _i) in zip(placed, placed[1:])]
            triples.update(runs)
            opening.update(runs[1:2])  # (the start's own run is opening by its START)
    return Taught(frozenset(every), frozenset(later), frozenset(triples), frozenset(opening))


def save(folder: Path, answers: Iterable[str], base: Path | None = None) -> None:
    """Write the pairs of ``answers`` (and those of the ``base`` model it was tuned from)."""
    known = taught(answers)
    old = read(base) if base is not None else None
    if old is not None:
        known = known | old
    data: dict[str, Any] = {"pairs": sorted(known.pairs)}
    if known.later is not None:
        data["later"] = sorted(known.later)
    if known.triples is not None:
        data["triples"] = sorted(known.triples)
    if known.opening is not None:
        data["opening"] = sorted(known.opening)
    (folder / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read(folder: Path) -> Taught | None:
    """The pairs saved in ``folder``: a list of pairs (an older file) or the lists."""
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        if isinstance(data, list):
            return Taught(_pair_set(data))
        later, triples, opening = data.get("later"), data.get("triples"), data.get("opening")
        return Taught(_pair_set(data["pairs"]), None if later is None else _pair_set(later),
                      _runs(triples), _runs(opening))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _runs(rows: Iterable[Any] | None) -> frozenset[tuple[str, str, str]] | None:
    return None if rows is None else frozenset((str(a), str(b), str(c)) for a, b, c in rows)


def _pair_set(rows: Iterable[Any]) -> frozenset[tuple[str, str]]:
    return frozenset((str(a), str(b)) for a, b in rows)


def of_model(model: Any) -> Taught | None:
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


def untaught(sentence: str, known: Taught | None) -> str | None:
    """Why a raw sentence (with its tags) is in an order the model was never taught, or None."""
    if not known:
        return None
    new = sorted(p for p, initial in _placed_pairs(sentence) if not known.allows(p, initial))
    if new:
        return f"words in an order never taught ({' '.join(new[0])!r})"
    said = [START, *units(sentence)]
    if known.triples is not None:
        for run in zip(said, said[1:], said[2:]):
            if run[2] == NAME_UNIT and run not in known.triples:
                return f"a product named where none was taught ({' '.join(run)!r})"
            if run[1] == NAME_UNIT and run[2].startswith("<p_") and run not in known.triples:
                # A fact right after a name, as no training sentence put it there: "The
                # [P2] [P2.t1]." (a Chinese answer's "[P1][P1.t1]" taught the pair alone).
                return f"a fact after a name where none was taught ({' '.join(run)!r})"
        for run in zip(said, said[1:], said[2:]):
            # The model's own words (references aside, around which it recombines what it
            # learnt: "[P1] is [P1.price] and …" opened no training answer) must run as they
            # ran in some training answer: "…; the shelf." and "it's out of staff" are made
            # of taught pairs, never of taught runs of three.
            if _own_words(run) and run not in known.triples:
                return f"own words in an order never taught ({' '.join(run)!r})"
    if known.opening is not None:
        # The model's own words open a sentence as some training sentence opened: "The
        # store's prices: the [P1], so I can't tell you for sure" is made of taught runs,
        # but "the store's prices" was only ever said inside a sentence.
        run = tuple(said[1:4])
        if len(run) == 3 and _own_words(run) and run not in known.opening:
            return f"own words that never opened a sentence ({' '.join(run)!r})"
    return None


def _own_words(run: tuple[str, ...]) -> bool:
    """No reference among the units: the model's own words alone."""
    return not any(u.startswith("<") for u in run)

