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
not checked, one saved before the second list was kept holds pairs anywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from shopguide.guide.refs import TAG

FILE = "answer_bigrams.json"
START = "^"
_UNIT = re.compile(r"<[a-z_]+>|[a-z]+(?:['’][a-z]+)?|[\u3400-\u9fff]|[^\sa-z\u3400-\u9fff]")
_KNOWN: WeakKeyDictionary[Any, Taught | None] = WeakKeyDictionary()


def _kind(tag: str) -> str:
    return " <" + re.sub(r"\d", "", tag)[1:-1].replace(".", "_").lower() + "> "


def units(text: str) -> list[str]:
    """A text's units: English words, Chinese characters, marks, references as their kind."""
    return _UNIT.findall(TAG.sub(lambda m: _kind(m.group(0)), text).lower())


def _is_word(unit: str) -> bool:
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

    def __contains__(self, pair: object) -> bool:
        return pair in self.pairs

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
        if self.later is None and other.later is None:
            return Taught(self.pairs | other.pairs, None, triples)
        return Taught(self.pairs | other.pairs, (other.pairs if other.later is None else other.later)
                      | (self.pairs if self.later is None else self.later), triples)


def _placed_pairs(sentence: str) -> list[tuple[tuple[str, str], bool]]:
    """The neighbouring units of one sentence, its start included, each with whether its
    first unit opens the sentence."""
    said = [START, *units(sentence)]
    return [((a, b), i < 2) for i, (a, b) in enumerate(zip(said, said[1:]))]


def pairs(sentence: str) -> set[tuple[str, str]]:
    """The neighbouring units of one sentence, its start included."""
    return {pair for pair, _ in _placed_pairs(sentence)}


def taught(answers: Iterable[str]) -> Taught:
    """Every pair in the sentences of some training answers, and where each stood."""
    from shopguide.guide.tagged_answer import raw_sentences  # as the runtime splits them

    every: set[tuple[str, str]] = set()
    later: set[tuple[str, str]] = set()
    triples: set[tuple[str, str, str]] = set()
    for answer in answers:
        for sentence in raw_sentences(answer.strip()):
            placed = _placed_pairs(sentence.strip())
            for pair, initial in placed:
                every.add(pair)
                if not initial:
                    later.add(pair)
            triples |= {(a, b, c) for ((a, b), _), ((_b, c), _i) in zip(placed, placed[1:])}
    return Taught(frozenset(every), frozenset(later), frozenset(triples))


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
    (folder / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read(folder: Path) -> Taught | None:
    """The pairs saved in ``folder``: a list of pairs (an older file) or the lists."""
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        if isinstance(data, list):
            return Taught(_pair_set(data))
        later, triples = data.get("later"), data.get("triples")
        return Taught(_pair_set(data["pairs"]), None if later is None else _pair_set(later),
                      None if triples is None else
                      frozenset((str(a), str(b), str(c)) for a, b, c in triples))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


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
    return f"words in an order never taught ({' '.join(new[0])!r})" if new else None


# -- the same pairs, kept at decoding ---------------------------------------------------------
_SENTENCE_END = frozenset("。！？!?；;.…")


class _Vocab:
    """Each token's first and last unit as decoding sees them (None: a piece of a character,
    or only spaces), whether it opens with a letter (it may continue the word before it),
    and the taught units that may follow each unit."""

    def __init__(self, model: Any, known: Taught) -> None:
        from shopguide.guide.masks import tag_ids

        tags = {i: t for t, i in (tag_ids(model) or {}).items()}
        size = int(model.vocab_size)
        self.first: list[str | None] = [None] * size
        self.last: list[str | None] = [None] * size
        letter = np.zeros(size, dtype=bool)
        spaced = np.zeros(size, dtype=bool)
        self.space_end = np.zeros(size, dtype=bool)
        self.apostrophe = np.zeros(size, dtype=bool)
        self.piece = np.zeros(size, dtype=bool)
        ends = set(getattr(model, "eos_ids", ()))
        for i in range(size):
            text = tags.get(i) or ("" if i in ends else
                                   model.tokenizer.token_bytes(i).decode("utf-8", "replace"))
            if "\ufffd" in text:
                self.piece[i] = True
                continue
            spaced[i], self.space_end[i] = text[:1].isspace(), text[-1:].isspace()
            own = units(text)
            if own:
                self.first[i], self.last[i] = own[0], own[-1]
                letter[i] = text[:1].isascii() and (text[:1].isalpha() or text[:1] == "'")
                self.apostrophe[i] = text[:1] == "'"
        self.letter_start = letter
        self.words = np.array([i for i, f in enumerate(self.first) if f is not None],
                              dtype=np.int64)
        # A space never follows a space (the answer is one line of single spaces): kept when
        # decoding must lift its weaker masks (``TokenChooser.ban_next``).
        self.spaced = np.flatnonzero(spaced).astype(np.int64)
        # What may follow a unit that opens a sentence, and one further on.
        self.follow = _followers(known.pairs)
        self.follow_later = self.follow if known.later is None else _followers(known.later)
        # The words an apostrophe goes on ("it" → "it's"): after any other ("in" + "'m") it
        # starts a unit never taught.
        self.contracted = {u.split("'")[0] for pair in known.pairs for u in pair if "'" in u}
        self._bans: dict[tuple[str, bool, bool], np.ndarray] = {}
        # Tokens by their last unit, and the tag ids of each reference kind: what a dead end
        # (``dead_ends``) masks.
        ending: dict[str, list[int]] = {}
        for i, unit in enumerate(self.last):
            if unit is not None and unit in self.follow:
                ending.setdefault(unit, []).append(i)
        self.ending = {u: np.array(ids, dtype=np.int64) for u, ids in ending.items()}
        self._dead_ends: dict[frozenset[str], Dead] = {}
        # What followed each pair (runs of three), and the tokens that are one unit alone.
        self.after_pair: dict[tuple[str, str], set[str]] = {}
        for a, b, c in known.triples or ():
            self.after_pair.setdefault((a, b), set()).add(c)
        single: dict[str, list[int]] = {}
        for i, (f, last) in enumerate(zip(self.first, self.last)):
            if f is not None and f == last:
                single.setdefault(f, []).append(i)
        self.single = {u: np.array(ids, dtype=np.int64) for u, ids in single.items()}
        self._joined: dict[tuple[int, ...], np.ndarray] = {}
        self.kinds: dict[str, list[int]] = {}
        for i, tag in tags.items():
            self.kinds.setdefault(_kind(tag).strip(), []).append(i)

    def dead_ends(self, unusable: Iterable[int]) -> Dead:
        """What would lead only to references masked for this answer ("has" is followed by
        a stock figure alone: with no stock figure to give, "[P1] has" could only go on in
        an order never taught), to a fixed point: the tokens ending on such a unit, for a
        sentence's first unit and for one further on; and, by the unit before, the tokens
        that would make such a pair ("[P1] in" leads to colours or an aisle alone)."""
        gone = set(unusable)
        masked = frozenset(k for k, ids in self.kinds.items() if all(i in gone for i in ids))
        if masked not in self._dead_ends:
            first, units_first = self._dead(self.follow, masked)
            later, units_later = self._dead(self.follow_later, masked)
            pairs: dict[str, list[np.ndarray]] = {}
            for a, b in self._dead_pairs(units_later):
                if b in self.single:
                    pairs.setdefault(a, []).append(self.single[b])
            self._dead_ends[masked] = Dead(first, later, {a: np.concatenate(ids)
                                                          for a, ids in pairs.items()})
        return self._dead_ends[masked]

    def _dead_pairs(self, dead: set[str]) -> set[tuple[str, str]]:
        """The pairs all of whose followers are dead units or make dead pairs themselves
        ("[P1] comes": only "in" came after it, and "comes in" leads to colours alone)."""
        out: set[tuple[str, str]] = set()
        while True:
            more = {(a, b) for (a, b), after in self.after_pair.items() if (a, b) not in out
                    and all(c in dead or (b, c) in out for c in after)}
            if not more:
                return out
            out |= more

    def _dead(self, follow: dict[str, set[str]], masked: frozenset[str]
              ) -> tuple[np.ndarray, set[str]]:
        dead = set(masked)
        while True:
            more = {u for u, after in follow.items() if u not in dead and u != START
                    and after <= dead}
            if not more:
                break
            dead |= more
        arrays = [self.ending[u] for u in dead if u in self.ending]
        return (np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)), dead

    def joined(self, parts: tuple[np.ndarray, ...]) -> np.ndarray | None:
        """``parts`` as one array, made once: they are the cached arrays of this vocabulary,
        and decoding asks for the same few together at every token."""
        if len(parts) < 2:
            return parts[0] if parts else None
        key = tuple(id(a) for a in parts)
        if key not in self._joined:
            self._joined[key] = np.concatenate(parts)
        return self._joined[key]

    def banned_after(self, unit: str, initial: bool = True,
                     open_word: bool = True) -> np.ndarray | None:
        """The tokens that would put a unit after ``unit`` that never followed it in the
        training answers where it stands (``initial``: it opens the sentence, or is its start;
        ``open_word``: no space has closed it, so letters may still go on it) (None: ``unit``
        was never taught at all: nothing to go by)."""
        allowed = (self.follow if initial else self.follow_later).get(unit)
        if allowed is None:
            # Taught only as a sentence's first unit, and standing later now: nothing follows.
            return None if initial or unit not in self.follow else self.words
        key = (unit, initial, open_word)
        if key not in self._bans:
            word = _is_word(unit) and open_word
            goes_on = self.letter_start & ~self.apostrophe if unit not in self.contracted \
                else self.letter_start
            self._bans[key] = np.array(
                [i for i, f in enumerate(self.first)
                 if f is not None and f not in allowed and not (word and goes_on[i])],
                dtype=np.int64)
        return self._bans[key]


@dataclass(frozen=True)
class Dead:
    """Dead ends for one state of the masks (``_Vocab.dead_ends``)."""

    first: np.ndarray  # tokens ending on a dead unit, where the unit opens the sentence
    later: np.ndarray  # the same further on
    pairs: dict[str, np.ndarray]  # unit → tokens that would make a dead pair after it


def _followers(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
    return out


_VOCABS: WeakKeyDictionary[Any, _Vocab | None] = WeakKeyDictionary()


class PairGuard:
    """Decoding's side of ``untaught``: after each token, the tokens that would make a pair
    of units never taught are masked for the next one, so that the model goes on in an order
    it learnt ("[P1]: [P1.price]" is never taught; "[P1]: [P1.d1]" is) rather than write a
    sentence that is then dropped. A word still being written (" Play" + "fun") is checked
    when it is whole, by ``untaught``. One per answer (it follows the answer's text)."""

    def __init__(self, vocab: _Vocab) -> None:
        self.vocab = vocab
        self.unit: str | None = START
        self.initial = True  # the unit is the sentence's start or its first unit
        self.open = True  # no space since the unit: letters may still go on its word
        self.masked: Callable[[], Iterable[int]] | None = None
        self.version: Callable[[], int] = lambda: 0
        self.seen = -1
        none = np.empty(0, dtype=np.int64)
        self.dead = Dead(none, none, {})

    def watch(self, masked: Callable[[], Iterable[int]], version: Callable[[], int]) -> None:
        """Told how to read the tokens masked whatever comes next (used references, other
        products' facts until their name) and when they change: a word only masked
        references may follow is a dead end, masked too."""
        self.masked, self.version = masked, version
        self.seen = -1
        self._refresh()

    def _refresh(self) -> None:
        if self.masked is not None and (now := self.version()) != self.seen:
            self.seen = now
            self.dead = self.vocab.dead_ends(self.masked())

    @classmethod
    def of(cls, model: Any) -> PairGuard | None:
        """A guard for one answer of ``model`` (None: no pairs saved with it)."""
        try:
            vocab = _VOCABS[model]
        except (KeyError, TypeError):
            known = of_model(model)
            vocab = _Vocab(model, known) if known and getattr(model, "tokenizer", None) else None
            try:
                _VOCABS[model] = vocab
            except TypeError:
                pass
        return cls(vocab) if vocab is not None else None

    def start(self) -> np.ndarray | None:
        return self._with_dead(self.vocab.banned_after(START))

    def _with_dead(self, bans: np.ndarray | None, spaced: bool = False) -> np.ndarray | None:
        dead = self.dead
        parts = tuple(a for a in (bans, dead.first if self.unit == START else dead.later,
                                  dead.pairs.get(self.unit or ""),
                                  self.vocab.spaced if spaced else None)
                      if a is not None and a.size)
        return self.vocab.joined(parts)

    def after(self, token: int) -> np.ndarray | None:
        """Take the token written; give the tokens masked for the next one."""
        v = self.vocab
        if not 0 <= token < len(v.first):
            self.unit = None
            return None
        self._refresh()
        first, last = v.first[token], v.last[token]
        if first is None:  # spaces keep the unit before them; a piece of a character: unknown
            if v.piece[token]:
                self.unit = None
            self.open = False  # a space ends the word: " in" + " " + "R" is no "inR"
            return self._with_dead(v.banned_after(self.unit, self.initial, False)
                                   if self.unit else None, bool(v.space_end[token]))
        if self.open and v.letter_start[token] and self.unit and _is_word(self.unit) \
                and first == last:
            self.unit = self.unit + last  # the word goes on
        else:
            self.initial = self.unit == START and first == last
            self.unit = START if last in _SENTENCE_END else last
            self.initial = self.initial or self.unit == START
        self.open = not v.space_end[token]
        return self._with_dead(v.banned_after(self.unit, self.initial, self.open))
