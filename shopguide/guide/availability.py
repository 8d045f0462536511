"""Whether a message asks if the store sells a thing ("do you sell golf clubs?", "有没有卖高尔夫
球杆", "请问有冰箱吗"), and which thing: the ``availability`` cues of resources/lang/cues.csv."""

from __future__ import annotations

import re
from functools import lru_cache

from shopguide.text import resources
from shopguide.text.analyzer import plain


@lru_cache(maxsize=1)
def _availability() -> re.Pattern[str]:
    """"do you sell …?", "有没有卖…吗": the thing asked for, from the ``availability`` cues."""
    def alt(act: str, lang: str) -> str:
        words = resources.cue_words(act, lang)
        if not words:  # "(?:)" would match anywhere: any text would name a "thing"
            raise resources.ResourceError(f"cues.csv: no {act} words for {lang}")
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    return re.compile(
        rf"(?:{alt('availability', 'en')})\s+(?:(?:{alt('availability_filler', 'en')})\s+)?"
        rf"(?P<en>[^?.!]{{2,40}}?)\s*(?:{alt('availability_end', 'en')})?\s*(?:[?.!]|$)"
        rf"|(?:{alt('availability', 'zh')})(?P<zh>[^？?。！!，,]{{1,20}}?)"
        rf"(?:{alt('availability_end', 'zh')}|[？?。！!]|$)"
        # "有冰箱吗": a cue that asks only where a message or clause opens ("这款有蓝色的吗"
        # asks about a product's colour), and only with its question word after the thing.
        rf"|(?:^|(?<=[，,。！!？?\s]))(?:{alt('availability_open', 'zh')})"
        rf"(?P<zh_open>[^？?。！!，,]{{1,20}}?)(?:{alt('availability_end', 'zh')})", re.I)


def _names_an_object(words: str) -> bool:
    """Whether the words after a bare 有 name a thing: every word a content word, the last a
    noun ("有冰箱吗"; not "有什么推荐吗", "有必要买吗", "有上门安装吗")."""
    tokens = plain().tokens(words)
    return bool(tokens) and all(t.content for t in tokens) and \
        tokens[-1].pos.startswith(("n", "eng"))


def asked_thing(text: str) -> str | None:
    """The thing a message asks whether the store sells, as said, or None."""
    m = _availability().search(text)
    thing = (m.group("en") or m.group("zh") or "").strip() if m else ""
    if m and m.group("zh_open") and _names_an_object(m.group("zh_open")):
        thing = m.group("zh_open").strip()
    return thing or None
