"""Checking each import file's rows and turning them into records for the database.

A record holds only the columns the file has: on re-import a column that is not
in the file keeps its stored value, and a column that is there but empty clears it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopguide.store import csvfile as cf
from shopguide.store.csvfile import CellError, CsvTable

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    name: str
    parse: Parser | None = None  # None: text as given
    required: bool = False


def _text(cell: str) -> str:
    return cell


PRODUCT_COLUMNS = (
    Column("sku", cf.check_sku, True), Column("name", required=True),
    Column("category", required=True), Column("price", cf.parse_money, True),
    Column("brand"), Column("currency", cf.parse_currency),
    Column("stock", cf.parse_count), Column("aisle"), Column("sizes", cf.parse_list),
    Column("colors", cf.parse_list), Column("tags", cf.parse_list), Column("description"),
    Column("image"), Column("name_en"), Column("name_zh"), Column("description_en"),
    Column("description_zh"),
)
FAQ_COLUMNS = (
    Column("id"), Column("question", required=True), Column("answer", required=True),
    Column("alternates", cf.parse_list), Column("tags", cf.parse_list),
)
SYNONYM_COLUMNS = (
    Column("term", required=True), Column("means", cf.parse_list, True),
    Column("lang", lambda c: _choice(c.lower(), ("zh", "en"), "a language")),
)
CUSTOMER_COLUMNS = (
    Column("id"), Column("name", required=True), Column("phone", cf.check_phone),
    Column("email", cf.check_email), Column("tags", cf.parse_list),
    Column("preferred_language", lambda c: _choice(c.lower(), ("zh", "en"), "a language")),
    Column("sizes", cf.parse_map), Column("brands", cf.parse_list),
    Column("budget", cf.parse_budget), Column("consent_marketing", cf.parse_yes_no),
    Column("notes"),
)
# Extension files for relationship data (see importer.py's docstring).
PURCHASE_COLUMNS = (
    Column("customer_id", required=True), Column("sku", cf.check_sku, True),
    Column("date", cf.parse_date, True),
    Column("quantity", lambda c: cf.parse_count(c, "quantity", 1)),
    Column("price", lambda c: cf.parse_money(c, allow_zero=True), True),
)
FOLLOWUP_COLUMNS = (
    Column("customer_id", required=True), Column("due", cf.parse_date, True),
    Column("text", required=True), Column("done", cf.parse_yes_no),
    Column("created", lambda c: _timestamp(c)),
)
NOTE_COLUMNS = (
    Column("customer_id", required=True), Column("text", required=True),
    Column("pinned", cf.parse_yes_no), Column("created", lambda c: _timestamp(c)),
    Column("updated", lambda c: _timestamp(c)),
)
CONSENT_COLUMNS = (
    Column("customer_id", required=True), Column("purpose", required=True),
    Column("granted", cf.parse_yes_no, True), Column("date", lambda c: _timestamp(c), True),
    Column("source"), Column("expiry", cf.parse_date),
)


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise CellError(f"'{value}' is not {what}: use {' or '.join(allowed)}")
    return value


def _timestamp(cell: str) -> str:
    from datetime import datetime, timezone

    try:
        dt = datetime.fromisoformat(cell.replace("Z", "+00:00"))
    except ValueError:
        raise CellError(f"'{cell}' is not a date and time (ISO 8601, e.g. "
                        "2025-03-01T10:30:00+08:00)") from None
    if dt.tzinfo is None:
        dt = dt.astimezone()  # a local time as the merchant wrote it
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def required_names(columns: tuple[Column, ...]) -> tuple[str, ...]:
    return tuple(c.name for c in columns if c.required)


def known_names(columns: tuple[Column, ...]) -> tuple[str, ...]:
    return tuple(c.name for c in columns)


def parse_rows(table: CsvTable, columns: tuple[Column, ...],
               rows: list[tuple[int, dict[str, str]]] | None = None,
               ) -> list[tuple[int, dict[str, Any]]]:
    """Each row (of ``rows``, or all the table's) as {column: value or None (empty)}, only
    for the columns the file has."""
    out = []
    for row_no, values in (table.rows if rows is None else rows):
        record: dict[str, Any] = {}
        ok = True
        for col in columns:
            if col.name not in values:
                continue
            cell = values[col.name]
            if not cell:
                if col.required:
                    table.problem(f"'{col.name}' is required but the cell is empty",
                                  row_no, col.name)
                    ok = False
                record[col.name] = None
                continue
            try:
                record[col.name] = (col.parse or _text)(cell)
            except CellError as exc:
                table.problem(str(exc), row_no, col.name)
                ok = False
        if ok:
            record["_extra"] = {c: values.get(c, "") for c in table.unknown}
            out.append((row_no, record))
    return out


@dataclass
class Context:
    folder: Path
    currency: str
    salt: str = ""  # per store, so a generated customer id does not reveal a phone number
    seen: dict[str, dict[str, int]] = field(default_factory=dict)  # file -> key -> row


def _unique(table: CsvTable, ctx: Context, key: str, row_no: int, column: str) -> bool:
    first = ctx.seen.setdefault(table.name, {}).setdefault(key, row_no)
    if first != row_no:
        table.problem(f"duplicate {column} '{key}' (first on row {first})", row_no, column)
        return False
    return True


def products(table: CsvTable, ctx: Context, rows: list[tuple[int, dict[str, str]]] | None = None,
             warn_unknown: bool = True) -> list[tuple[int, dict[str, Any]]]:
    """The product records of ``rows`` (a batch of a file read as it goes) or of the table."""
    if table.unknown and warn_unknown:
        table.warn(f"column(s) {', '.join(table.unknown)} kept as extra product attributes")
    out = []
    for row_no, r in parse_rows(table, PRODUCT_COLUMNS, rows):
        if not _unique(table, ctx, r["sku"], row_no, "sku"):
            continue
        rec: dict[str, Any] = {"sku": r["sku"], "name": r["name"], "category": r["category"],
                               "price_cents": r["price"]}
        if "currency" in r:
            rec["currency"] = r["currency"] or ctx.currency
        for col in ("sizes", "colors", "tags"):
            if col in r:
                rec[col] = list(r[col] or ())
        if "description" in r:
            rec["description"] = r["description"] or ""
        if r.get("image"):
            rec["image"] = _image_path(table, ctx, r["image"], row_no)
        for col in ("brand", "stock", "aisle", "image", "name_en", "name_zh", "description_en",
                    "description_zh"):
            if col in r and col not in rec:
                rec[col] = r[col]
        rec["_extra"] = r["_extra"]
        out.append((row_no, rec))
    return out


def _image_path(table: CsvTable, ctx: Context, value: str, row_no: int) -> str:
    path = Path(value)
    if not path.is_absolute():
        path = (ctx.folder / path).resolve()
    if not path.is_file():
        table.warn(f"image '{value}' not found (looked at {path})", row_no, "image")
    return str(path)


def faq(table: CsvTable, ctx: Context) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for row_no, r in parse_rows(table, FAQ_COLUMNS):
        faq_id = r.get("id") or faq_id_for(r["question"])
        if not _unique(table, ctx, faq_id, row_no, "id"):
            continue
        rec = {"id": faq_id, "question": r["question"], "answer": r["answer"]}
        for col in ("alternates", "tags"):
            if col in r:
                rec[col] = list(r[col] or ())
        out.append((row_no, rec))
    if table.unknown:
        table.warn(f"column(s) {', '.join(table.unknown)} ignored: faq.csv has no place "
                   "for extra columns")
    return out


def faq_id_for(question: str) -> str:
    """A stable id from the question: an English slug, or a hash for other text."""
    words = re.findall(r"[a-z0-9]+", question.lower())
    if words and len("".join(words)) >= len(question.replace(" ", "")) * 0.6:
        return "-".join(words)[:48].strip("-")
    return "faq-" + hashlib.sha1(question.strip().encode()).hexdigest()[:10]


def synonyms(table: CsvTable, ctx: Context) -> list[tuple[int, dict[str, Any]]]:
    """A store's own words: one row per (term, lang); the means are the catalog's words."""
    out = []
    for row_no, r in parse_rows(table, SYNONYM_COLUMNS):
        term = " ".join(r["term"].split())
        lang = r.get("lang") or ""
        if not _unique(table, ctx, f"{term.casefold()}|{lang}", row_no, "term"):
            continue
        out.append((row_no, {"term": term, "means": list(r["means"]), "lang": lang}))
    if table.unknown:
        table.warn(f"column(s) {', '.join(table.unknown)} ignored: synonyms.csv has no place "
                   "for extra columns")
    return out


def customers(table: CsvTable, ctx: Context) -> list[tuple[int, dict[str, Any]]]:
    out = []
    generated: dict[str, int] = {}
    for row_no, r in parse_rows(table, CUSTOMER_COLUMNS):
        cid = r.get("id")
        if not cid:
            # Stable across re-imports of the same file, so they update, not duplicate.
            base = "c-" + hashlib.sha256(
                f"{ctx.salt}|{r['name']}|{r.get('phone') or ''}|{r.get('email') or ''}".encode()
            ).hexdigest()[:10]
            generated[base] = generated.get(base, 0) + 1
            cid = base if generated[base] == 1 else f"{base}-{generated[base]}"
        if not _unique(table, ctx, cid, row_no, "id"):
            continue
        rec: dict[str, Any] = {"id": cid, "name": r["name"]}
        for col in ("phone", "email", "preferred_language"):
            if col in r:
                rec[col] = r[col]
        for col in ("tags", "brands"):
            if col in r:
                rec[col] = list(r[col] or ())
        if "sizes" in r:
            rec["sizes"] = r["sizes"] or {}
        if "budget" in r:
            rec["budget_min_cents"], rec["budget_max_cents"] = r["budget"] or (None, None)
        if "consent_marketing" in r:
            rec["_consent"] = bool(r["consent_marketing"])
        if r.get("notes"):
            rec["_note"] = r["notes"]
        out.append((row_no, rec))
    if table.unknown:
        table.warn(f"column(s) {', '.join(table.unknown)} ignored: customers.csv has no "
                   "place for extra columns")
    return out


def simple(table: CsvTable, columns: tuple[Column, ...]) -> list[tuple[int, dict[str, Any]]]:
    rows = parse_rows(table, columns)
    if table.unknown:
        table.warn(f"column(s) {', '.join(table.unknown)} ignored")
    return rows
