"""Benchmark fixture data (resources/bench): a bilingual shop's words to generate catalogs
of any size, the questions timed on them, and shop-like sample text. Data, not language
resources; read by ``shopguide bench`` and the stand-in model."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from shopguide.config import resource


@lru_cache(maxsize=1)
def catalog() -> dict[str, Any]:
    """Kinds (category, Chinese noun, English noun), adjectives, brands, colours, sizes and
    the timed questions (resources/bench/catalog.json)."""
    return json.loads(resource("bench", "catalog.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def sample_texts() -> tuple[str, ...]:
    """Shop-like samples (resources/bench/sample_text.txt): blocks between '---' lines."""
    text = resource("bench", "sample_text.txt").read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return tuple(block for block in body.split("---\n") if block)
