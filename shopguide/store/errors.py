"""Errors the store raises. Messages are written for a merchant, not a developer."""

from __future__ import annotations

from dataclasses import dataclass


class StoreError(Exception):
    """The store file cannot be opened or used as asked."""


def is_busy(exc: BaseException) -> bool:
    """Is this SQLite error another connection's lock outlasting our busy timeout?"""
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


class StoreBusy(StoreError):
    """Another process holds the store's write lock longer than we wait (a long import)."""

    def __init__(self, path: object, waited_s: float) -> None:
        super().__init__(
            f"{path}: another ShopGuide is changing this store (an import, a backup or an "
            f"erase is running); waited {waited_s:.0f} s for it to finish. Nothing was "
            "changed: run this again when that one has finished."
        )


def is_full(exc: BaseException) -> bool:
    """Did a write fail because the disk (or the store's size limit) is full?"""
    import errno

    return "disk is full" in str(exc).lower() or getattr(exc, "errno", None) == errno.ENOSPC


class DiskFull(StoreError):
    """A write ran out of disk space; what was being written was rolled back or removed."""

    def __init__(self, where: object, what: str = "nothing was changed") -> None:
        super().__init__(f"disk full: no space left to write {where}; {what}. Free some space "
                         "there (or choose another place) and try again.")


class StoreReadOnly(StoreError):
    """The store was opened from a file or folder we may not write."""

    def __init__(self, path: object) -> None:
        super().__init__(
            f"{path}: the store is read-only (the file or its folder cannot be written), so "
            "it can answer questions but not save anything. Make both writable to change it.")


class SchemaTooNewError(StoreError):
    """The store was written by a newer ShopGuide than this one."""

    def __init__(self, path: object, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path}: this store was saved by a newer ShopGuide (schema version {found}); "
            f"this version understands up to version {supported}. Update ShopGuide to open "
            "it, or open a backup made with this version. The file was not changed."
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file, located as a spreadsheet user would."""

    file: str
    message: str
    row: int | None = None  # spreadsheet row: the header is row 1
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class ImportFailed(StoreError):
    """An import found problems; nothing was changed. ``problems`` lists them all."""

    MAX_SHOWN = 50

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[: self.MAX_SHOWN]]
        if len(self.problems) > self.MAX_SHOWN:
            lines.append(f"… and {len(self.problems) - self.MAX_SHOWN} more")
        n = len(self.problems)
        head = f"import failed with {n} problem{'s' if n != 1 else ''}; nothing was changed:"
        super().__init__("\n".join([head, *("  " + line for line in lines)]))


# The API brief names this ImportError_; keep both spellings importable.
ImportError_ = ImportFailed
