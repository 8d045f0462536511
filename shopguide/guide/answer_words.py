"""The words of the composed answers, from ``resources/lang/answers.toml``: one place that
reads them for compose.py, the pick among shown products and the plan."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from shopguide.text import resources


def pick_one(options: Sequence[str], seed: str) -> str:
    """One of equivalent phrasings, the same for the same ``seed`` (the question)."""
    return options[zlib.crc32(seed.encode("utf-8")) % len(options)]


def _entry(key: str, lang: str) -> str | tuple[str, ...]:
    return resources.answers()["zh" if lang == "zh" else "en"][key]


def say(key: str, lang: str, **fields: object) -> str:
    """One text of answers.toml in the asker's language, its {fields} filled."""
    text = _entry(key, lang)
    if not isinstance(text, str):
        raise TypeError(f"answers.toml: {key} is a list of phrasings; use say_one")
    return text.format(**fields) if fields else text


def say_one(key: str, lang: str, seed: str, **fields: object) -> str:
    """One of a list of equivalent phrasings (or the one text), chosen by ``seed``, filled."""
    options = _entry(key, lang)
    text = pick_one(options, seed) if isinstance(options, tuple) else options
    return text.format(**fields) if fields else text
