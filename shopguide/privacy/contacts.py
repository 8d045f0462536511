"""Phone numbers and e-mail addresses in free text: the one pattern the log, the review of
unanswered questions and anything else that masks contact details uses.

Word characters here are ASCII only: in "电话13812345678" or "邮箱wang@qq.com" the number and
the address touch Chinese characters, which Python's \\w counts as word characters.
"""

from __future__ import annotations

import re

PHONE = "[phone]"
EMAIL = "[email]"

EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# 7 or more digits, maybe grouped by spaces, dots, dashes or brackets, maybe with a +country
# code; ISO dates (2026-11-28) and prices with decimals are left alone.
PHONE_RE = re.compile(
    r"(?<![A-Za-z0-9.])(?!\d{4}-\d\d-\d\d(?!\d))\+?\(?\d(?:[ .\-()]{0,2}\d){6,}(?![A-Za-z0-9])")


def mask_contacts(text: str) -> str:
    """``text`` with every e-mail address and phone-number-like digit run masked."""
    return PHONE_RE.sub(PHONE, EMAIL_RE.sub(EMAIL, text))
