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

import numpy as np

from shopguide.guide.refs import TAG

FILE = "answer_bigrams.json"
START = "^"
_UNIT = re.compile(r"<[a-z_]+>|[a-z]+(?:['’][a-z]+)?|[\u3400-\u9fff]|[^\sa-z\u3400-\u9fff]")
_KNOWN: WeakKeyDictionary[Any, frozenset[tuple[str, str]] | None] = WeakKeyDictionary()


def _kind(tag: str) -> str:
    return " <" + re.sub(r"\d", "", tag)[1:-1].replace(".", "_").lower() + "> "


def units(text: str) -> list[str]:
    """A text's units: English words, Chinese characters, marks, references as their kind."""
    return _UNIT.findall(TAG.sub(lambda m: _kind(m.group(0)), text).lower())


def _is_word(unit: str) -> bool:
    """An English word's unit (one a following letter may still continue)."""
    return unit[:1].isascii() and unit[:1].isalpha()


def pairs(sentence: str) -> set[tuple[str, str]]:
    """The neighbouring units of one sentence, its start included."""
    said = [START, *units(sentence)]
    return set(zip(said, said[1:]))


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


# -- the same pairs, kept at decoding ---------------------------------------------------------
_SENTENCE_END = frozenset("。！？!?；;.…")


class _Vocab:
    """Each token's first and last unit as decoding sees them (None: a piece of a character,
    or only spaces), whether it opens with a letter (it may continue the word before it),
    and the taught units that may follow each unit."""

    def __init__(self, model: Any, known: frozenset[tuple[str, str]]) -> None:
        from shopguide.guide.masks import tag_ids

        tags = {i: t for t, i in (tag_ids(model) or {}).items()}
        size = int(model.vocab_size)
        self.first: list[str | None] = [None] * size
        self.last: list[str | None] = [None] * size
        letter = np.zeros(size, dtype=bool)
        self.piece = np.zeros(size, dtype=bool)
        ends = set(getattr(model, "eos_ids", ()))
        for i in range(size):
            text = tags.get(i) or ("" if i in ends else
                                   model.tokenizer.token_bytes(i).decode("utf-8", "replace"))
            if "\ufffd" in text:
                self.piece[i] = True
                continue
            own = units(text)
            if own:
                self.first[i], self.last[i] = own[0], own[-1]
                letter[i] = text[:1].isascii() and (text[:1].isalpha() or text[:1] == "'")
        self.letter_start = letter
        self.follow: dict[str, set[str]] = {}
        for a, b in known:
            self.follow.setdefault(a, set()).add(b)
        self._bans: dict[str, np.ndarray] = {}

    def banned_after(self, unit: str) -> np.ndarray | None:
        """The tokens that would put a unit after ``unit`` that never followed it in the
        training answers (None: ``unit`` was never taught at all: nothing to go by)."""
        allowed = self.follow.get(unit)
        if allowed is None:
            return None
        if unit not in self._bans:
            word = _is_word(unit)
            self._bans[unit] = np.array(
                [i for i, f in enumerate(self.first)
                 if f is not None and f not in allowed and not (word and self.letter_start[i])],
                dtype=np.int64)
        return self._bans[unit]


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
        return self.vocab.banned_after(START)

    def after(self, token: int) -> np.ndarray | None:
        """Take the token written; give the tokens masked for the next one."""
        v = self.vocab
        if not 0 <= token < len(v.first):
            self.unit = None
            return None
        first, last = v.first[token], v.last[token]
        if first is None:  # spaces keep the unit before them; a piece of a character: unknown
            if v.piece[token]:
                self.unit = None
            return v.banned_after(self.unit) if self.unit else None
        if v.letter_start[token] and self.unit and _is_word(self.unit) and first == last:
            self.unit = self.unit + last  # the word goes on
        else:
            self.unit = START if last in _SENTENCE_END else last
        return v.banned_after(self.unit)
