"""Which script a text is in: the one test for CJK characters, and the asker's language."""

from __future__ import annotations

import re

# Han (incl. extensions and compatibility), kana, bopomofo, hangul.
CJK_CLASS = (
    "\u2e80-\u2fdf\u3005\u3007\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
CJK_CHAR = re.compile(f"[{CJK_CLASS}]")
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_LATIN = re.compile(r"[A-Za-z]")


def is_cjk(ch: str) -> bool:
    """Whether one character is CJK."""
    return bool(CJK_CHAR.match(ch))


def has_cjk(text: str) -> bool:
    """Whether a text contains any CJK character."""
    return bool(CJK_CHAR.search(text or ""))


def detect_lang(text: str, default: str = "en") -> str:
    """The asker's language: Chinese when the text holds Chinese characters, English when
    it holds Latin letters, else the store's default."""
    if has_cjk(text):
        return "zh"
    return "en" if _LATIN.search(text or "") else default
