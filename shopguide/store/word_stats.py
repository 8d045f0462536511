"""How many rows hold each index word, for IDF weights and for repairing a misspelt word.

FTS5's vocabulary table counts a word's rows by reading its whole posting list: ~12 ms for a
word that 200k of 1M products hold, and ~2 s for every word at once (the Latin words a typo
is compared with). So the counts of the common words (``COMMON`` rows or more) and the list
of Latin words are kept in the store with the index's stamp: written after an import (one
scan), and by the first reader that had to scan anyway. A word missing from the kept counts
has fewer than ``COMMON`` rows, and counting it live is cheap. Any write to a product's words
moves the stamp; until the next import or scan the live counts are used.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from shopguide.store.core import StoreBase
from shopguide.store.errors import StoreError

COMMON = 500  # rows from which a word's count is kept rather than counted when asked
LATIN_LIMIT = 200_000
_KEY = "catalog_word_stats"
_LATIN = re.compile(r"[a-z]+")


class WordStatsMixin(StoreBase):
    def _vocab_tables(self) -> None:
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.products_vocab "
                          "USING fts5vocab(main, 'products_fts', 'row')")
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.faq_vocab "
                          "USING fts5vocab(main, 'faq_fts', 'row')")

    def latin_words(self, limit: int = LATIN_LIMIT) -> list[str]:
        """The index's Latin words (Porter stems) that a product or FAQ row holds, most
        common first: what a misspelt English word is compared with."""
        kept = self._kept_stats()
        counts = dict(kept["latin"]) if kept else self._scan()["latin"]
        for term, n in self._faq_counts().items():
            if _LATIN.fullmatch(term):
                counts[term] = counts.get(term, 0) + n
        return sorted(counts, key=lambda t: (-counts[t], t))[:limit]

    def doc_counts(self, words: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many products and FAQ rows hold each index word (a Porter stem, a CJK
        character or character pair, a number), and how many rows there are in all: the
        statistics ranking weighs a question's words by (its IDF)."""
        conn = self.conn
        self._vocab_tables()
        total = int(conn.execute("SELECT (SELECT count(*) FROM products) + "
                                 "(SELECT count(*) FROM faq)").fetchone()[0])
        kept = self._kept_stats()
        common = kept["common"] if kept else {}
        out: dict[str, int] = {}
        for w in dict.fromkeys(words):
            tables = ("temp.faq_vocab",) if w in common else ("temp.products_vocab",
                                                                "temp.faq_vocab")
            n = common.get(w, 0)
            for table in tables:
                row = conn.execute(f"SELECT doc FROM {table} WHERE term = ?", (w,)).fetchone()
                n += int(row[0]) if row else 0
            out[w] = n
        return total, out

    def keep_word_stats(self) -> None:
        """Count every word of the product index once and keep the counts (after an import)."""
        self._scan()

    # -- kept ------------------------------------------------------------------------
    def _kept_stats(self) -> dict[str, Any] | None:
        # Cached by the index's stamp, not by every write: a turn saved after each answer
        # must not make the next one parse the kept counts again.
        stamp = self.words_stamp()  # type: ignore[attr-defined]  # CatalogMixin
        hit = self._cache.get("word_stats")
        if hit and hit[0] == stamp:
            return hit[1]
        value = self._read_kept(stamp)
        self._cache["word_stats"] = (stamp, value)
        return value

    def _read_kept(self, stamp: list[Any] | None) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (_KEY,)).fetchone()
        if stamp is None or not row:
            return None
        try:
            kept = json.loads(row[0])
        except ValueError:
            return None
        if not isinstance(kept, dict) or kept.get("stamp") != stamp:
            return None
        return {"common": kept.get("common", {}), "latin": kept.get("latin", {})}

    def _scan(self) -> dict[str, Any]:
        """One pass over the product index's vocabulary; kept if it can be, never waiting."""
        self._vocab_tables()
        stamp = self.words_stamp()  # type: ignore[attr-defined]
        common: dict[str, int] = {}
        latin: dict[str, int] = {}
        # Read through the page cache, not the memory map: the scan touches the whole index,
        # and mapped pages would count as the process's memory (846 MB at 1M products).
        mapped = self.conn.execute("PRAGMA mmap_size").fetchone()[0]
        self.conn.execute("PRAGMA mmap_size = 0")
        try:
            for term, n in self.conn.execute("SELECT term, doc FROM temp.products_vocab"):
                if n >= COMMON:
                    common[term] = n
                if _LATIN.fullmatch(term):
                    latin[term] = n
        finally:
            self.conn.execute(f"PRAGMA mmap_size = {int(mapped)}")
        top = dict(sorted(latin.items(), key=lambda t: (-t[1], t[0]))[:LATIN_LIMIT])
        stats = {"common": common, "latin": top}
        if stamp is not None and not self.readonly:
            self._keep(json.dumps({"stamp": stamp, **stats}, ensure_ascii=False))
        return stats

    def _keep(self, value: str) -> None:
        before = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            with self.transaction() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (_KEY, value))
        except (sqlite3.Error, StoreError):
            pass  # another writer holds the store: the next reader scans again
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(before)}")
        self._cache.pop("word_stats", None)

    def _faq_counts(self) -> dict[str, int]:
        self._vocab_tables()
        return {t: int(n) for t, n in self.conn.execute("SELECT term, doc FROM temp.faq_vocab")}
