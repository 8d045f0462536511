"""The review's words in each language, read from ``resources/review/labels.csv``: the text
summary and the reasons a question is listed (the window uses Qt's translations instead)."""

from __future__ import annotations

import csv
from functools import lru_cache

from shopguide.config import resource
from shopguide.text.resources import LANGS, ResourceError


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    path = resource("review", "labels.csv")
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read the review's labels ({exc.strerror})") from exc
    out: dict[tuple[str, str], str] = {}
    for n, row in enumerate(csv.DictReader(lines), start=2):
        if not row.get("key") or row.get("lang") not in LANGS or row.get("text") is None:
            raise ResourceError(f"{path}, row {n}: expected key,lang (zh or en),text")
        out[(row["key"], row["lang"])] = row["text"]
    return out


def label(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (English when the language has none), filled in."""
    labels = _labels()
    text = labels.get((key, lang)) or labels.get((key, "en"))
    if text is None:
        raise ResourceError(f"resources/review/labels.csv has no label {key!r}")
    return text.format(**values)


def keys() -> set[tuple[str, str]]:
    return set(_labels())
