"""Decoding's side of ``answer_shapes``: the word orders a tagged model was taught, kept
at each token rather than only checked on finished sentences (``PairGuard``), and dead ends
seen a word ahead: a word or a pair whose taught followers are all references masked for the
rest of the answer is masked before it is written.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from shopguide.guide.answer_shapes import START, Taught, is_word, kind, of_model, units
from shopguide.text.resources import cue_words, word_list

_SENTENCE_END = frozenset("。！？!?；;.…")
_STATEMENT_END = _SENTENCE_END - {"?", "？"}  # a question may end on "with"


class _Vocab:
    """Each token's first and last unit as decoding sees them (None: a piece of a character,
    or only spaces), the letters it would glue onto the word before it (``glue``), and the
    taught units that may follow each unit and the taught words (a split word is written
    piece by piece towards one)."""

    def __init__(self, model: Any, known: Taught) -> None:
        from shopguide.guide.masks import space_ids, tag_ids

        tags = {i: t for t, i in (tag_ids(model) or {}).items()}
        size = int(model.vocab_size)
        self.first: list[str | None] = [None] * size
        self.last: list[str | None] = [None] * size
        letter = np.zeros(size, dtype=bool)
        spaced = np.zeros(size, dtype=bool)
        self.space_end = np.zeros(size, dtype=bool)
        self.piece = np.zeros(size, dtype=bool)
        # A token that may go on the word before it, as the letters it adds ("end", "'t").
        self.glue: list[str | None] = [None] * size
        self.penult: list[str | None] = [None] * size  # a token's unit before its last
        self.count = np.zeros(size, dtype=np.int64)  # how many units a token holds
        opening = np.zeros(size, dtype=bool)
        ends = set(getattr(model, "eos_ids", ()))
        inner: dict[tuple[str, str], list[int]] = {}  # a token's own last two units → tokens
        for i in range(size):
            text = tags.get(i) or ("" if i in ends else
                                   model.tokenizer.token_bytes(i).decode("utf-8", "replace"))
            if "\ufffd" in text:
                self.piece[i] = True
                continue
            spaced[i], self.space_end[i] = text[:1].isspace(), text[-1:].isspace()
            if _GLUE.fullmatch(text):
                self.glue[i] = text
            opening[i] = bool(_OPENING.fullmatch(text))
            own = units(text)
            if own:
                self.first[i], self.last[i] = own[0], own[-1]
                self.count[i] = len(own)
                if len(own) > 1:
                    inner.setdefault((own[-2], own[-1]), []).append(i)
                    self.penult[i] = own[-2]
                letter[i] = text[:1].isascii() and (text[:1].isalpha() or text[:1] == "'")
        self.letter_start = letter
        self.words = np.array([i for i, f in enumerate(self.first) if f is not None],
                              dtype=np.int64)
        # A space never follows a space (the answer is one line of single spaces): kept when
        # decoding must lift its weaker masks (``TokenChooser.ban_next``).
        self.spaced = np.flatnonzero(spaced).astype(np.int64)
        self.spaced_start = spaced
        # A space alone stands before a reference (``masks.space_followers``); a line break
        # (the answer's end) is no such space.
        self.lone = np.array(space_ids(model), dtype=np.int64)
        self._lone_dead: dict[tuple[str, bool, frozenset[str]], bool] = {}
        self.opening = opening
        # What may follow a unit that opens a sentence, and one further on.
        self.follow = _followers(known.pairs)
        self.follow_later = self.follow if known.later is None else _followers(known.later)
        # The taught words, and what is a word begun and not finished (" don" of "don't"):
        # the tokenizer splits many words, and a piece may only go on towards a taught one
        # ("it" + "'s" is "it's"; "in" + "'m" or "outside" + "ed" is no word taught).
        self.taught_words = {u for pair in known.pairs for u in pair if is_word(u)}
        self.begun = {w[:k] for w in self.taught_words for k in range(1, len(w))}
        self._unfinished: dict[str, np.ndarray] = {}
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
        # Tokens that hold a pair within them ("特点是": 点 + 是): a dead pair is dead there too.
        self.inner = {pair: np.array(ids, dtype=np.int64) for pair, ids in inner.items()}
        self._joined: dict[tuple[int, ...], np.ndarray] = {}
        self.kinds: dict[str, list[int]] = {}
        for i, tag in tags.items():
            self.kinds.setdefault(kind(tag).strip(), []).append(i)
        # A sentence that has given no fact does not end on a word that announces one
        # ("The [P1] is.": ``sentence_checks.dangling`` would drop it): the statement's ends.
        self.announcing = frozenset(cue_words("expects_fact"))  # folded, as units are
        self.new_clause = frozenset(cue_words("new_clause"))
        self.enders = np.array(sorted({i for i, f in enumerate(self.first)
                                       if f in _STATEMENT_END} | ends), dtype=np.int64)
        # Where the next reference is a predicate ("is", "<p_price> and"): PairGuard.plain.
        self.slots = frozenset(tuple(line.split()) for line in
                               word_list("en/predicate_slots.txt"))
        self._runs_init(known)

    def _runs_init(self, known: Taught) -> None:
        """What the runs of three of own words need: each token's first unit as a number
        (-1: a reference, which runs around freely, or no unit), and what followed each
        pair where it opened a sentence."""
        ids = {u: n for n, u in enumerate(sorted({f for f in self.first if f is not None}))}
        self.unit_ids = ids
        self.first_id = np.array([-1 if f is None or f.startswith("<") else ids[f]
                                  for f in self.first], dtype=np.int64)
        self.glued = np.array([g is not None for g in self.glue], dtype=bool) & \
            self.letter_start
        self.opened: dict[tuple[str, str], set[str]] = {}
        for a, b, c in known.opening or ():
            self.opened.setdefault((a, b), set()).add(c)
        self.has_opening = known.opening is not None
        self._third: dict[tuple[str, str, bool, bool], np.ndarray | None] = {}

    def banned_third(self, prev: str, unit: str, open_word: bool,
                     opening: bool) -> np.ndarray | None:
        """The tokens whose first unit would make, after the model's own words ``prev`` and
        ``unit``, a run of three own words no training answer had (``opening``: the run
        would be the sentence's first three units, held to the runs that opened one).
        References are free. None: nothing was recorded to go by."""
        if not self.after_pair or prev.startswith("<") or unit.startswith("<"):
            return None
        key = (prev, unit, open_word, opening)
        if key not in self._third:
            self._third[key] = self._third_bans(prev, unit, open_word, opening)
        return self._third[key]

    def _third_bans(self, prev: str, unit: str, open_word: bool,
                    opening: bool) -> np.ndarray | None:
        allowed = self.after_pair.get((prev, unit))
        if allowed is None:
            return None  # a pair never taught: the pairs' own masks speak for it
        if opening and self.has_opening:
            allowed = allowed & self.opened.get((prev, unit), set())
        begun = {w[:k] for w in allowed if is_word(w) for k in range(1, len(w))}
        ok = [self.unit_ids[u] for u in allowed if u in self.unit_ids]
        ban = (self.first_id >= 0) & ~np.isin(self.first_id, np.array(ok, dtype=np.int64))
        if begun:  # " don" begins "don't": a word on its way to one that may follow
            starts = np.isin(self.first_id, np.array(
                [self.unit_ids[u] for u in begun if u in self.unit_ids], dtype=np.int64))
            ban &= ~(starts & self.opening & ~self.space_end)
        if open_word and is_word(unit):
            ban &= ~self.glued  # letters that go on the word itself ("it" + "'s")
        return np.flatnonzero(ban).astype(np.int64)

    def dead_ends(self, unusable: Iterable[int]) -> Dead:
        """What would lead only to references masked for this answer ("has" is followed by
        a stock figure alone: with no stock figure to give, "[P1] has" could only go on in
        an order never taught), to a fixed point: the tokens ending on such a unit, for a
        sentence's first unit and for one further on; and, by the unit before, the tokens
        that would make such a pair ("[P1] in" leads to colours or an aisle alone)."""
        gone = set(unusable)
        masked = frozenset(k for k, ids in self.kinds.items() if all(i in gone for i in ids))
        if masked not in self._dead_ends:
            first, _ = self._dead(self.follow, masked)
            later, units_later = self._dead(self.follow_later, masked)
            pairs: dict[str, list[np.ndarray]] = {}
            inside: list[np.ndarray] = []
            for a, b in self._dead_pairs(units_later):
                if b in self.single:
                    pairs.setdefault(a, []).append(self.single[b])
                if (a, b) in self.inner:
                    inside.append(self.inner[(a, b)])
            if inside:  # wherever such a token stands, the pair inside it is dead
                first, later = (np.concatenate([x, *inside]) for x in (first, later))
            self._dead_ends[masked] = Dead(first, later, {a: np.concatenate(ids)
                                                          for a, ids in pairs.items()}, masked)
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
        if open_word and unit not in self.taught_words and unit in self.begun:
            return self.unfinished(unit)
        allowed = self.allowed(unit, initial)
        if allowed is None:
            # Taught only as a sentence's first unit, and standing later now: nothing follows.
            return None if initial or unit not in self.follow else self.words
        key = (unit, initial, open_word)
        if key not in self._bans:
            word = is_word(unit) and open_word
            # A taught word the tokenizer splits may be begun by its first piece (" don" of
            # "don't"); ``unfinished`` then keeps it going towards a taught word.
            begun = {u[:k] for u in allowed if is_word(u) for k in range(1, len(u))}
            self._bans[key] = np.array(
                [i for i, f in enumerate(self.first)
                 if f is not None and not self._may_follow(unit, word, allowed, begun, i)],
                dtype=np.int64)
        return self._bans[key]

    def no_reference_after(self, unit: str, initial: bool, masked: frozenset[str]) -> bool:
        """Whether no reference that is still to be had was taught after ``unit``: a space
        alone after it (which only a reference may follow) is then a dead end."""
        key = (unit, initial, masked)
        if key not in self._lone_dead:
            allowed = self.allowed(unit, initial)
            self._lone_dead[key] = allowed is not None and not any(
                k in self.kinds and k not in masked for k in allowed)
        return self._lone_dead[key]

    def allowed(self, unit: str, initial: bool) -> set[str] | None:
        """The units taught after ``unit`` where it stands (None: never taught there)."""
        return (self.follow if initial else self.follow_later).get(unit)

    def _may_follow(self, unit: str, word: bool, allowed: set[str], begun: set[str],
                    token: int) -> bool:
        if word and self.glue[token] is not None:
            # glued on the open word ("it" + "'s"): it must go on towards a taught word;
            # "in" + "aisle" is "inaisle", whatever may follow "in"
            return self.goes_on(unit, token)
        f = self.first[token]
        return f in allowed or (f in begun and bool(self.opening[token])
                                and not self.space_end[token])

    def goes_on(self, unit: str, token: int) -> bool:
        """Whether ``token`` takes the word ``unit`` on towards a taught word."""
        g = self.glue[token]
        return g is not None and (unit + g in self.taught_words or unit + g in self.begun)

    def unfinished(self, unit: str) -> np.ndarray:
        """Everything but the pieces that take a word begun (" don") on towards a taught one
        ("'t": "don't"); no space or mark may cut it short."""
        if unit not in self._unfinished:
            self._unfinished[unit] = np.array(
                [i for i in range(len(self.first))
                 if (self.first[i] is not None or self.spaced_start[i])
                 and not self.goes_on(unit, i)],
                dtype=np.int64)
        return self._unfinished[unit]


@dataclass(frozen=True)
class Dead:
    """Dead ends for one state of the masks (``_Vocab.dead_ends``)."""

    first: np.ndarray  # tokens ending on a dead unit, where the unit opens the sentence
    later: np.ndarray  # the same further on
    pairs: dict[str, np.ndarray]  # unit → tokens that would make a dead pair after it
    masked: frozenset[str] = frozenset()  # the reference kinds all of whose tags are masked


def _followers(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
    return out


_GLUE = re.compile(r"[a-z']+")  # a piece that goes on a word: small letters, apostrophes
_OPENING = re.compile(r" ?[A-Za-z][a-z']*")  # a piece that may begin one ("Cou", not "CouLD")

_VOCABS: WeakKeyDictionary[Any, _Vocab | None] = WeakKeyDictionary()


class PairGuard:
    """Decoding's side of ``untaught``: after each token, the tokens that would make a pair
    of units never taught are masked for the next one, so that the model goes on in an order
    it learnt ("[P1]: [P1.price]" is never taught; "[P1]: [P1.d1]" is) rather than write a
    sentence that is then dropped. A word the tokenizer splits is written piece by piece,
    each piece taking it on towards a taught word (" don" + "'t"; not " The" + "fun"). One
    per answer (it follows the answer's text)."""

    def __init__(self, vocab: _Vocab, runs: bool = False,
                 plain: np.ndarray | None = None) -> None:
        self.vocab = vocab
        self.runs = runs  # hold own words to taught runs of three as well (``weak``)
        # This prompt's references that read as no predicate (``masks.no_predicates``):
        # masked where the next reference is one ("… is $52.99 and [P1.d1]" with a sentence
        # that has its own subject). The corpus taught "[P1.price] and [P1.d1]" with short
        # verb phrases, "Suits beginners", so the pair says nothing of the sentence's words.
        self.plain = np.empty(0, dtype=np.int64) if plain is None else plain
        self.unit: str | None = START
        self.initial = True  # the unit is the sentence's start or its first unit
        self.open = True  # no space since the unit: letters may still go on its word
        self.prev: str | None = None  # the unit before ``unit`` in this sentence
        self.count = 0  # units since the sentence's start
        # The sentence (its clause, since "and") has given a fact: a reference, not a name.
        self.fact = False
        # What would make a run of three own words never taught: masked weakly (lifted
        # should it leave nothing to write), after the pairs' masks.
        self.weak: np.ndarray | None = None
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

    def fork(self, masked: Callable[[], Iterable[int]], version: Callable[[], int]) -> PairGuard:
        """A copy for another hypothesis of the same answer (a beam's), reading its own
        chooser's masks; the dead ends found so far stay valid (its masks are a copy)."""
        twin = copy.copy(self)
        twin.masked, twin.version = masked, version
        return twin

    def _refresh(self) -> None:
        if self.masked is not None and (now := self.version()) != self.seen:
            self.seen = now
            self.dead = self.vocab.dead_ends(self.masked())

    def again(self, runs: bool = False) -> PairGuard:
        """A fresh guard for another answer to the same prompt (``plain`` kept)."""
        return PairGuard(self.vocab, runs, self.plain)

    @classmethod
    def of(cls, model: Any, runs: bool = False, plain: Iterable[int] = ()) -> PairGuard | None:
        """A guard for one answer of ``model`` (None: no pairs saved with it); ``runs``:
        its own words held to taught runs of three as well; ``plain``: the prompt's
        references that may not stand as a predicate."""
        try:
            vocab = _VOCABS[model]
        except (KeyError, TypeError):
            known = of_model(model)
            vocab = _Vocab(model, known) if known and getattr(model, "tokenizer", None) else None
            try:
                _VOCABS[model] = vocab
            except TypeError:
                pass
        return cls(vocab, runs, np.array(sorted(set(plain)), dtype=np.int64)) \
            if vocab is not None else None

    @classmethod
    def holds_runs(cls, model: Any) -> bool:
        """Whether a guard with ``runs`` would mask anything more for ``model`` (its runs
        of three were saved)."""
        guard = cls.of(model)
        return guard is not None and bool(guard.vocab.after_pair)

    def start(self) -> np.ndarray | None:
        return self._with_dead(self.vocab.banned_after(START))

    def _with_dead(self, bans: np.ndarray | None, spaced: bool = False) -> np.ndarray | None:
        dead = self.dead
        lone = self.unit is not None and self.vocab.no_reference_after(
            self.unit, self.initial, dead.masked)
        parts = tuple(a for a in (bans, dead.first if self.unit == START else dead.later,
                                  dead.pairs.get(self.unit or ""),
                                  self.vocab.spaced if spaced else None,
                                  self.vocab.lone if lone else None)
                      if a is not None and a.size)
        return self.vocab.joined(parts)

    def _moved(self, token: int, last: str) -> None:
        """The unit before the new last one, and how many the sentence now holds."""
        v = self.vocab
        if last in _SENTENCE_END:
            self.prev, self.count = None, 0
            return
        n = int(v.count[token])
        self.prev = v.penult[token] if n > 1 else self.unit
        self.count = n if self.unit == START else self.count + n

    def _third(self) -> np.ndarray | None:
        """The weak masks of the runs of three, for the state now (None: none apply)."""
        if not self.runs or self.prev is None or self.unit is None or self.unit == START:
            return None
        v = self.vocab
        if is_word(self.unit) and self.unit not in v.taught_words:
            return None  # a word still on its way: the pairs' masks take it on
        return v.banned_third(self.prev, self.unit, self.open, self.count == 2)

    def after(self, token: int) -> np.ndarray | None:
        """Take the token written; give the tokens masked for the next one (and, in
        ``weak``, those masked unless nothing else is left)."""
        v = self.vocab
        self.weak = None
        if not 0 <= token < len(v.first):
            self.unit = self.prev = None
            return None
        self._refresh()
        first, last = v.first[token], v.last[token]
        if first is None:  # spaces keep the unit before them; a piece of a character: unknown
            if v.piece[token]:
                self.unit = self.prev = None
            self.open = False  # a space ends the word: " in" + " " + "R" is no "inR"
            self.weak = self._third()
            bans = self._with_dead(v.banned_after(self.unit, self.initial, False)
                                   if self.unit else None, bool(v.space_end[token]))
            if self.plain.size and ((self.unit,) in v.slots or (self.prev, self.unit) in v.slots):
                bans = self.plain if bans is None else np.concatenate((bans, self.plain))
            return self._unended(bans)
        piece = False
        if self.open and v.letter_start[token] and self.unit and is_word(self.unit) \
                and v.glue[token] is not None:
            self.unit = self.unit + v.glue[token]  # the word goes on ("don" + "'t")
        else:
            # A word let in only as the first piece of a longer one (" it" of "items" after
            # "The") must go on: standing alone, it is a pair never taught.
            allowed = v.allowed(self.unit, self.initial) if self.unit else None
            piece = allowed is not None and first == last and first not in allowed
            self.initial = self.unit == START and first == last
            self._moved(token, last)
            self.unit = START if last in _SENTENCE_END else last
            self.initial = self.initial or self.unit == START
        self.open = not v.space_end[token]
        self.fact = self.unit != START and self.unit not in v.new_clause and (
            self.fact or last.startswith("<") and "_" in last)
        self.weak = None if piece else self._third()
        if piece and self.open and is_word(self.unit):
            return self._unended(self._with_dead(v.unfinished(self.unit)))
        return self._unended(self._with_dead(v.banned_after(self.unit, self.initial, self.open)))

    def _unended(self, bans: np.ndarray | None) -> np.ndarray | None:
        """``bans`` and, where the sentence has given no fact and its last word announces
        one ("is", "价格是", "位于"), the tokens that would end it there."""
        v, unit = self.vocab, self.unit
        if self.fact or unit is None or unit == START or not (
                unit in v.announcing or (self.prev or "") + unit in v.announcing):
            return bans
        return v.enders if bans is None else np.concatenate((bans, v.enders))
