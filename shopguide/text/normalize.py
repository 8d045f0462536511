"""One normalisation for every comparison of text: NFKC, then case folding.

NFKC turns full-width letters, digits and punctuation into their plain forms
(``Ｎｏｖａ`` → ``Nova``, ``５００`` → ``500``, ``？`` → ``?``), so a question typed on a
Chinese keyboard compares equal to the catalog's ASCII.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Compare-form of a text: NFKC, case-folded, trimmed."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def nfkc(text: str) -> str:
    """NFKC only: full-width to plain forms, case kept (for display-side spans)."""
    return unicodedata.normalize("NFKC", text)
