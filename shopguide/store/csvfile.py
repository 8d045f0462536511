"""Reading a merchant's CSV file, and turning its cells into typed values.

Every problem is reported where a spreadsheet user will look for it: file, row
(the header is row 1) and column. Cell parsers raise ``CellError`` with a message
that says what is wrong and what would be right.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from shopguide.store.errors import Problem

MAX_CENTS = 10**13  # far above any shop price; keeps cents inside SQLite's integer


class CellError(ValueError):
    """A cell's value is not what its column needs."""


@dataclass
class CsvTable:
    """The rows of one CSV file: each a {lower-case column: stripped cell} dict."""

    name: str
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # header columns the table doesn't know

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.problems.append(Problem(self.name, message, row, column))

    def warn(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.warnings.append(Problem(self.name, message, row, column))


def decode(data: bytes, name: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (a leading BOM dropped), or a problem saying what the bytes are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(name, "the file is UTF-16 (Excel 'Unicode Text'); "
                                   "save it as 'CSV UTF-8' instead")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " It looks like GBK/GB18030 (Chinese Excel's default)."
        except UnicodeDecodeError:
            pass
        return None, Problem(
            name,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} on line {line}).{hint} "
            "Save it as 'CSV UTF-8' and import again.",
        )
    return text, None


def read_csv(path: Path, required: tuple[str, ...], known: tuple[str, ...]) -> CsvTable:
    """Read ``path`` whole; check the header for required and duplicate columns."""
    table = CsvTable(path.name)
    table.rows = list(stream_csv(path, required, known, table))
    return table


_SMALL = 1 << 16  # a file this small is read at once (an empty one is named as empty)


def stream_csv(path: Path, required: tuple[str, ...], known: tuple[str, ...],
               table: CsvTable) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of ``path`` one by one, as (row number, {column: cell}); problems and
    warnings go into ``table`` as they are found (the header's first, before any row).
    The file is read as it goes, so a million rows need no more memory than one."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_SMALL)
    except OSError as exc:
        table.problem(f"cannot read the file ({exc.strerror or exc})")
        return
    if size <= _SMALL:
        text, problem = decode(head, path.name)
        if problem:
            table.problems.append(problem)
            return
        assert text is not None
        if not text.strip():
            table.problem("the file is empty; expected a header row (e.g. "
                          + ",".join(required) + ")")
            return
        yield from _rows(table, io.StringIO(text, newline=""), required, known)
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        table.problems.append(decode(head, path.name)[1])  # type: ignore[arg-type]
        return
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            yield from _rows(table, f, required, known)
    except UnicodeDecodeError:
        # Named as for a small file: where, and what encoding it looks like (read once more,
        # whole, only on this rare path). Rows already read are discarded by the caller,
        # which stops at the first problem of a file it writes as it reads.
        problem = decode(path.read_bytes(), path.name)[1]
        if problem:
            table.problems.append(problem)
    except OSError as exc:
        table.problem(f"cannot read the file ({exc.strerror or exc})")


def _rows(table: CsvTable, source: Any, required: tuple[str, ...],
          known: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    # The csv module's own limit (128 KiB) fails as "malformed CSV"; read any size and
    # name the column that is too long instead.
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    reader = csv.reader(source, strict=True)
    row_no = 0
    unnamed: set[int] = set()
    try:
        for row_no, cells in enumerate(reader, start=1):
            if row_no == 1:
                _read_header(table, cells, required, known)
                if table.problems:
                    return
                continue
            if not any(c.strip() for c in cells):
                continue  # a blank line
            if len(cells) > len(table.columns):
                extra = [c for c in cells[len(table.columns):] if c.strip()]
                if extra:
                    table.problem(f"the row has {len(cells)} cells but the header has "
                                  f"{len(table.columns)} columns (a missing quote around a "
                                  "cell with a comma?)", row_no)
                    continue
            if _bad_cells(table, cells, row_no):
                continue
            values = {col: (unescape_cell(cells[i].strip()) if i < len(cells) else "")
                      for i, col in enumerate(table.columns) if col}
            for i, col in enumerate(table.columns):
                if not col and i < len(cells) and cells[i].strip() and i not in unnamed:
                    unnamed.add(i)
                    table.warn(f"column {i + 1} has no name in the header; its values are "
                               "ignored", row_no)
            yield row_no, values
    except csv.Error as exc:
        table.problem(f"malformed CSV ({exc}); check the quotes on this row", row_no + 1)


def _bad_cells(table: CsvTable, cells: list[str], row_no: int) -> bool:
    """A NUL character or an oversized cell: a problem naming the row and column."""
    bad = False
    for i, cell in enumerate(cells):
        col = table.columns[i] if i < len(table.columns) and table.columns[i] else f"#{i + 1}"
        if "\x00" in cell:
            table.problem("the cell holds a NUL character (a binary file, or a bad export?); "
                          "remove it", row_no, col)
            bad = True
        elif len(cell) > MAX_CELL:
            table.problem(f"the cell is {len(cell):,} characters long; the limit is "
                          f"{MAX_CELL:,}", row_no, col)
            bad = True
    return bad


# Spreadsheets run a cell that starts with one of these as a formula (CSV injection). On
# export such a cell gets a leading apostrophe, as OWASP advises; on import it is removed.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 100_000  # characters: the longest description seen in real catalogs is ~10k


def escape_cell(value: str) -> str:
    return "'" + value if value[:1] in FORMULA_START and value else value


def unescape_cell(value: str) -> str:
    return value[1:] if value[:1] == "'" and value[1:2] in FORMULA_START and value[1:2] else value


def _read_header(table: CsvTable, cells: list[str], required: tuple[str, ...],
                 known: tuple[str, ...]) -> None:
    columns = [c.strip().lstrip("\ufeff").lower() for c in cells]
    seen: set[str] = set()
    for i, col in enumerate(columns, start=1):
        if not col:
            continue  # reported by read_csv if any row has a value there
        if col in seen:
            table.problem(f"column '{col}' appears more than once in the header")
        seen.add(col)
    for col in required:
        if col not in seen:
            table.problem(f"missing required column '{col}' (the header has: "
                          f"{', '.join(c for c in columns if c) or 'nothing'})")
    table.columns = columns
    table.unknown = [c for c in columns if c and c not in known]
    for col in table.unknown:
        close = difflib.get_close_matches(col, known, n=1, cutoff=0.75)
        if close:
            table.warn(f"column '{col}' is not a known column; did you mean '{close[0]}'?")


# -- cell parsers --------------------------------------------------------------

_DECIMAL = re.compile(r"^\d+(\.\d+)?$")
_LIST_LOOKALIKES = (",", "，", "、", "|")


def parse_money(cell: str, what: str = "price", allow_zero: bool = False) -> int:
    """A decimal amount with at most 2 decimals, as integer cents."""
    text = cell.replace(" ", "")
    if text.startswith("-") and _DECIMAL.match(text[1:]):
        raise CellError(f"{what} must be greater than 0 (got '{cell}')")
    if not _DECIMAL.match(text):
        raise CellError(f"'{cell}' is not a {what}: write a plain number like 459 or 49.99 "
                        "(no currency sign or thousands separator)")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise CellError(f"'{cell}' is not a number") from exc
    if value != value.quantize(Decimal("0.01")):
        raise CellError(f"'{cell}' has more than 2 decimals")
    cents = int(value * 100)
    if cents <= 0 and not (allow_zero and cents == 0):
        raise CellError(f"{what} must be greater than 0 (got '{cell}')")
    if cents >= MAX_CENTS:
        raise CellError(f"'{cell}' is too large for a {what}")
    return cents


def parse_count(cell: str, what: str = "stock", minimum: int = 0) -> int:
    if not re.fullmatch(r"[+]?\d+", cell):
        raise CellError(f"'{cell}' is not a whole number ≥ {minimum} ({what})")
    value = int(cell)
    if value < minimum:
        raise CellError(f"{what} must be at least {minimum} (got '{cell}')")
    if value > 2**62:
        raise CellError(f"'{cell}' is too large for {what}")
    return value


def parse_currency(cell: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{3}", cell):
        raise CellError(f"'{cell}' is not a 3-letter ISO 4217 currency code like CNY or USD")
    return cell.upper()


def parse_list(cell: str) -> tuple[str, ...]:
    """``38;39;40``. Empty items are dropped; a list typed with ',' is an error."""
    if cell.startswith("[") and cell.endswith("]"):
        raise CellError(f"'{cell}' is not a list cell: write the items separated by ';' "
                        "without brackets, e.g. 38;39;40")
    items = [i.strip() for i in cell.split(";")]
    for item in items:
        for sep in _LIST_LOOKALIKES:
            if sep in item:
                raise CellError(f"'{cell}' separates items with '{sep}'; list items are "
                                "separated by ';' (e.g. 38;39;40)")
    return tuple(dict.fromkeys(i for i in items if i))


def parse_map(cell: str) -> dict[str, str]:
    """``shoe=38;top=M``."""
    out: dict[str, str] = {}
    for item in (i.strip() for i in cell.split(";")):
        if not item:
            continue
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CellError(f"'{item}' is not kind=size; write sizes like shoe=38;top=M")
        key = key.strip().lower()
        if key in out:
            raise CellError(f"'{key}' is given twice in '{cell}'")
        out[key] = value.strip()
    return out


def parse_budget(cell: str) -> tuple[int | None, int | None]:
    """``200-500`` (also ``-500``, ``200-`` or ``500`` meaning at most 500), in cents."""
    text = cell.replace(" ", "").replace("～", "-").replace("~", "-").replace("–", "-")
    low, sep, high = text.partition("-")
    try:
        if not sep:
            return None, parse_money(low, "budget")
        lo = parse_money(low, "budget", allow_zero=True) if low else None
        hi = parse_money(high, "budget") if high else None
    except CellError:
        raise CellError(f"'{cell}' is not a budget; write it like 200-500") from None
    if lo is None and hi is None:
        raise CellError(f"'{cell}' is not a budget; write it like 200-500")
    if lo is not None and hi is not None and lo > hi:
        raise CellError(f"budget '{cell}' has its minimum above its maximum")
    return lo, hi


_YES = {"yes", "y", "true", "1", "是", "同意"}
_NO = {"no", "n", "false", "0", "否", "不同意"}


def parse_yes_no(cell: str) -> bool:
    value = cell.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(f"'{cell}' is not yes or no")


def parse_date(cell: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
            raise ValueError
        return date.fromisoformat(cell)
    except ValueError:
        raise CellError(f"'{cell}' is not a date written YYYY-MM-DD") from None


def check_sku(cell: str) -> str:
    if any(ch.isspace() for ch in cell):
        raise CellError(f"sku '{cell}' contains whitespace; a sku is 1–64 characters "
                        "without spaces")
    if len(cell) > 64:
        raise CellError(f"sku '{cell[:20]}…' is {len(cell)} characters long; the limit is 64")
    return cell


def check_phone(cell: str) -> str:
    if not re.fullmatch(r"[0-9+()\-.\s/]*", cell) or sum(ch.isdigit() for ch in cell) < 3:
        # The value is personal data: say where and what, never echo it (it may be logged).
        raise CellError("not a phone number (digits, spaces, + - ( ) only, at least 3 digits)")
    return cell


def check_email(cell: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+", cell):
        raise CellError("not an email address (name@domain)")
    return cell
