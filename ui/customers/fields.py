"""Text forms of a customer's list fields, as a clerk types them (and as customers.csv has them).

``VIP;runner`` for tags and brands, ``shoe=38;top=M`` for sizes. Full-width
separators (``；``, ``＝``, ``，``) are accepted because a Chinese input method
produces them. Errors name the field and the bad part, so the editor can say
exactly what to fix. No Qt here: the messages are translated by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_LIST_SEP = re.compile(r"[;；,，]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+0-9][0-9 ()\-]{2,24}$")


@dataclass(frozen=True)
class FieldError(Exception):
    """``field`` is the form field's key; ``part`` the piece that could not be read."""

    field: str
    part: str
    reason: str  # "size" | "email" | "phone" | "required"

    def __str__(self) -> str:
        return f"{self.field}: {self.part!r} ({self.reason})"


def parse_list(text: str) -> tuple[str, ...]:
    """``VIP; runner,VIP`` → ``("VIP", "runner")``: trimmed, empty parts and repeats dropped."""
    seen: dict[str, str] = {}
    for part in _LIST_SEP.split(text or ""):
        part = part.strip()
        if part and part.casefold() not in seen:
            seen[part.casefold()] = part
    return tuple(seen.values())


def format_list(items: Iterable[str]) -> str:
    return "; ".join(items)


def parse_sizes(text: str) -> dict[str, str]:
    """``shoe=38;top=M`` → ``{"shoe": "38", "top": "M"}``; a later kind replaces an earlier one."""
    sizes: dict[str, str] = {}
    for part in _LIST_SEP.split(unicodedata.normalize("NFKC", text or "")):
        part = part.strip()
        if not part:
            continue
        kind, sep, value = part.partition("=")
        if not sep:
            kind, sep, value = part.partition(":")
        kind, value = kind.strip(), value.strip()
        if not sep or not kind or not value:
            raise FieldError("sizes", part, "size")
        sizes[kind] = value
    return sizes


def format_sizes(sizes: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in sizes.items())


def check_email(text: str) -> str | None:
    """The trimmed address, None when empty; loosely validated like the importer does."""
    text = text.strip()
    if not text:
        return None
    if not _EMAIL.match(text):
        raise FieldError("email", text, "email")
    return text


def check_phone(text: str) -> str | None:
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if not _PHONE.match(text):
        raise FieldError("phone", text, "phone")
    return text
