"""The language resources in ``resources/lang`` (see its README), read once.

Everything here is language, not a store: a store's own words come from its catalog and
its ``synonyms.csv``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shopguide.config import resource
from shopguide.text.normalize import fold

LANGS = ("en", "zh")


class ResourceError(ValueError):
    """A language resource file is missing or malformed (names the file and row)."""


def _path(*parts: str) -> Path:
    return resource("lang", *parts)


def _lines(path: Path) -> Iterator[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read the language resource ({exc.strerror})") from exc
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


def _rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    path = _path(name)
    reader = csv.reader(_lines(path))
    header = [h.strip().lower() for h in next(reader, [])]
    if tuple(header[: len(columns)]) != columns:
        raise ResourceError(f"{path}: header must start with {','.join(columns)}")
    out = []
    for n, row in enumerate(reader, start=2):
        if len(row) < len(columns):
            raise ResourceError(f"{path}, row {n}: expected {len(columns)} columns")
        out.append({c: row[i].strip() for i, c in enumerate(columns)})
    return out


def _langs(value: str) -> tuple[str, ...]:
    return (value,) if value in LANGS else LANGS


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line file (``en/stopwords.txt``), folded."""
    return frozenset(fold(line) for line in _lines(_path(*name.split("/"))))


@lru_cache(maxsize=None)
def cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """act → lang → phrases (``cues.csv``), folded, longest first."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in _rows("cues.csv", ("act", "lang", "phrase")):
        for lang in _langs(row["lang"]):
            out.setdefault(row["act"], {}).setdefault(lang, []).append(fold(row["phrase"]))
    return {act: {lang: tuple(sorted(set(v), key=len, reverse=True)) for lang, v in by.items()}
            for act, by in out.items()}


def cue_words(act: str, lang: str | None = None) -> tuple[str, ...]:
    """The phrases of one act, in one language or both."""
    by = cues().get(act, {})
    langs = (lang,) if lang else LANGS
    return tuple(sorted({p for lg in langs for p in by.get(lg, ())}, key=len, reverse=True))


def _listed(name: str, key: str) -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for row in _rows(name, (key, "lang", "words")):
        words = [fold(w) for w in row["words"].split(";") if w.strip()]
        for lang in _langs(row["lang"]):
            out.setdefault(row[key], {}).setdefault(lang, []).extend(words)
    return {k: {lang: tuple(dict.fromkeys(v)) for lang, v in by.items()} for k, by in out.items()}


@lru_cache(maxsize=None)
def colors() -> dict[str, tuple[str, ...]]:
    """canonical colour → its words in both languages (``colors.csv``)."""
    return {c: tuple(dict.fromkeys(w for ws in by.values() for w in ws))
            for c, by in _listed("colors.csv", "color").items()}


@lru_cache(maxsize=None)
def topics() -> dict[str, tuple[str, ...]]:
    """policy topic → its words in both languages (``topics.csv``)."""
    return {t: tuple(dict.fromkeys(w for ws in by.values() for w in ws))
            for t, by in _listed("topics.csv", "topic").items()}


@lru_cache(maxsize=None)
def quantities() -> dict[str, dict[str, tuple[str, ...]]]:
    """kind → lang → how a measure is said (``quantities.csv``)."""
    return _listed("quantities.csv", "kind")


@lru_cache(maxsize=None)
def sizes() -> dict[str, dict[str, tuple[str, ...]]]:
    """size system → lang → words (``sizes.csv``)."""
    return _listed("sizes.csv", "system")


@lru_cache(maxsize=None)
def answers() -> dict[str, dict[str, str | tuple[str, ...]]]:
    """lang → key → the composed answers' words (``answers.toml``): a text, or a tuple of
    equivalent phrasings."""
    import tomllib

    path = _path("answers.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{path}: {exc}") from exc
    return {lang: {k: tuple(v) if isinstance(v, list) else str(v) for k, v in by.items()}
            for lang, by in data.items()}


@lru_cache(maxsize=None)
def positions() -> dict[str, dict[str, tuple[str, ...]]]:
    """role → lang → words that point at a product shown by its place (``positions.csv``)."""
    return _listed("positions.csv", "role")


@lru_cache(maxsize=None)
def budget_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """kind → lang → phrases (``budget.csv``), longest first."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in _rows("budget.csv", ("kind", "lang", "phrase")):
        for lang in _langs(row["lang"]):
            for p in row["phrase"].split(";"):
                if p.strip():
                    out.setdefault(row["kind"], {}).setdefault(lang, []).append(fold(p))
    return {k: {lang: tuple(sorted(set(v), key=len, reverse=True)) for lang, v in by.items()}
            for k, by in out.items()}


@dataclass(frozen=True)
class NumberWord:
    word: str
    value: int
    kind: str  # cardinal, ordinal, scale, article


@lru_cache(maxsize=None)
def number_words() -> dict[str, NumberWord]:
    out = {}
    for row in _rows("numbers.csv", ("word", "value", "kind")):
        try:
            value = int(row["value"])
        except ValueError as exc:
            raise ResourceError(f"{_path('numbers.csv')}: {row['word']!r} has no whole number") from exc
        out[fold(row["word"])] = NumberWord(fold(row["word"]), value, row["kind"])
    return out


@dataclass(frozen=True)
class Synonym:
    term: str  # what shoppers say, folded
    means: tuple[str, ...]  # the catalog's words, folded
    lang: str | None  # None: both languages


def read_synonyms(rows: list[dict[str, str]]) -> tuple[Synonym, ...]:
    out = []
    for row in rows:
        term = fold(row.get("term", ""))
        means = tuple(fold(m) for m in row.get("means", "").split(";") if m.strip())
        lang = row.get("lang", "").strip().lower() or None
        if term and means:
            out.append(Synonym(term, means, lang if lang in LANGS else None))
    return tuple(out)


@lru_cache(maxsize=None)
def synonyms() -> tuple[Synonym, ...]:
    """The generic synonyms (``synonyms.csv``), same format as a store's own, then the
    countries (``places.csv``)."""
    return read_synonyms(_rows("synonyms.csv", ("term", "means", "lang"))) + places()


@lru_cache(maxsize=None)
def places() -> tuple[Synonym, ...]:
    """Each country's name, in English and Chinese, meaning "another country" in the words
    of policies (``places.csv``): ISO 3166 names from pycountry, plus the file's short names."""
    import gettext

    import pycountry

    means: dict[str, tuple[str, ...]] = {}
    names: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for row in _rows("places.csv", ("kind", "lang", "words")):
        words = tuple(fold(w) for w in row["words"].split(";") if w.strip())
        if row["kind"] == "means":
            means[row["lang"]] = words
        elif row["kind"] == "short":
            names[row["lang"]].update(words)
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"],
                             fallback=True)
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name and "," not in name:  # "Korea, Republic of": not how anyone says it
                names["en"].add(fold(name))
        names["zh"].add(fold(zh.gettext(country.name)))
    return tuple(Synonym(n, means[lang], lang) for lang in LANGS if lang in means
                 for n in sorted(names[lang]) if n and n not in means[lang])
