"""Products and FAQ: lookups, full-text search with SQL filters, the vocabulary."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from shopguide.store import text as _text
from shopguide.store.connection import json_column, now
from shopguide.store.core import StoreBase, from_cents, to_cents
from shopguide.store.errors import StoreError
from shopguide.store.models import FaqEntry, Product
from shopguide.text.resources import Synonym, read_synonyms
from shopguide.store import ranking as _ranking
from shopguide.store.ranking import facet_query, few_of_each_score, ranked_products

# question, alternates, answer, tags
_FAQ_WEIGHTS = "8.0, 6.0, 1.0, 3.0"

_PRODUCT_COLUMNS = (
    "sku", "name", "category", "price_cents", "currency", "brand", "stock", "aisle", "sizes",
    "colors", "tags", "description", "image", "name_en", "name_zh", "description_en",
    "description_zh", "extra",
)


_KNOWN_CSV_COLUMNS = frozenset((
    "sku", "name", "category", "price", "brand", "currency", "stock", "aisle", "sizes", "colors",
    "tags", "description", "image", "name_en", "name_zh", "description_en", "description_zh",
))


@dataclass(frozen=True)
class Vocabulary:
    """Distinct values in the catalog, for recognising them in a question."""

    categories: tuple[str, ...]  # every segment of every path: 鞋, 跑鞋
    category_paths: tuple[str, ...]  # every path and parent path: 鞋, 鞋/跑鞋
    brands: tuple[str, ...]
    tags: tuple[str, ...]
    sizes: tuple[str, ...]
    colors: tuple[str, ...]


def vocabulary_of(paths: Iterable[str], brands: Iterable[str | None], tags: Iterable[str],
                  sizes: Iterable[str], colors: Iterable[str]) -> Vocabulary:
    """The Vocabulary of these distinct values (category paths as stored)."""
    segments: list[str] = []
    parents: list[str] = []
    for path in paths:
        parts = [seg.strip() for seg in path.split("/") if seg.strip()]
        segments += parts
        parents += ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return Vocabulary(
        categories=_sorted_unique(segments),
        category_paths=_sorted_unique(parents),
        brands=_sorted_unique(b for b in brands if b),
        tags=_sorted_unique(tags),
        sizes=_sorted_unique(sizes),
        colors=_sorted_unique(colors),
    )


def product_from_row(row: dict[str, Any]) -> Product:
    return Product(
        id=row["id"],
        sku=row["sku"],
        name=row["name"],
        category=row["category"],
        price=from_cents(row["price_cents"]) or 0.0,
        currency=row["currency"],
        brand=row["brand"],
        stock=row["stock"],
        aisle=row["aisle"],
        sizes=tuple(json.loads(row["sizes"] or "[]")),
        colors=tuple(json.loads(row["colors"] or "[]")),
        tags=tuple(json.loads(row["tags"] or "[]")),
        description=row["description"] or "",
        image=row["image"],
        name_en=row["name_en"],
        name_zh=row["name_zh"],
        description_en=row["description_en"],
        description_zh=row["description_zh"],
        extra=json.loads(row["extra"] or "{}"),
    )


def product_to_row(p: Product) -> dict[str, Any]:
    return {
        "sku": p.sku,
        "name": p.name,
        "category": p.category,
        "price_cents": to_cents(p.price),
        "currency": p.currency,
        "brand": p.brand or None,
        "stock": p.stock,
        "aisle": p.aisle or None,
        "sizes": _json_list(p.sizes),
        "colors": _json_list(p.colors),
        "tags": _json_list(p.tags),
        "description": p.description or "",
        "image": p.image or None,
        "name_en": p.name_en or None,
        "name_zh": p.name_zh or None,
        "description_en": p.description_en or None,
        "description_zh": p.description_zh or None,
        "extra": json_column(dict(p.extra)),
    }


def faq_from_row(row: dict[str, Any]) -> FaqEntry:
    return FaqEntry(
        id=row["id"],
        question=row["question"],
        answer=row["answer"],
        alternates=tuple(json.loads(row["alternates"] or "[]")),
        tags=tuple(json.loads(row["tags"] or "[]")),
    )


def faq_to_row(f: FaqEntry) -> dict[str, Any]:
    return {
        "id": f.id,
        "question": f.question,
        "answer": f.answer,
        "alternates": _json_list(f.alternates),
        "tags": _json_list(f.tags),
    }


def check_record(sku: str, price: float, lists: dict[str, Sequence[str]]) -> None:
    """What the import format could not carry back out is refused here too, so an
    export of anything saved through the API imports again unchanged."""
    if not sku or len(sku) > 64 or any(ch.isspace() for ch in sku):
        raise StoreError(f"sku {sku!r}: 1-64 characters without whitespace")
    if not price > 0 or to_cents(price) != round(price * 100, 6):
        raise StoreError(f"price {price!r}: greater than 0 with at most 2 decimals")
    for name, items in lists.items():
        for item in items:
            if ";" in item or not item.strip():
                raise StoreError(f"{name}: {item!r} is empty or contains ';' (the list "
                                 "separator)")


def _json_list(items: Iterable[str]) -> str:
    return json_column(list(items))


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in value if v and v.strip()]


class CatalogMixin(StoreBase):
    # -- products ----------------------------------------------------------
    def product(self, sku: str) -> Product | None:
        rows = self.query("SELECT * FROM products WHERE sku = ?", (sku,))
        return product_from_row(rows[0]) if rows else None

    def products(self, skus: Sequence[str]) -> list[Product]:
        """The products with these SKUs, in the given order; unknown SKUs are skipped."""
        if not skus:
            return []
        marks = ",".join("?" * len(skus))
        rows = self.query(f"SELECT * FROM products WHERE sku IN ({marks})", tuple(skus))
        by_sku = {r["sku"]: product_from_row(r) for r in rows}
        return [by_sku[s] for s in dict.fromkeys(skus) if s in by_sku]

    def all_products(self) -> list[Product]:
        return [product_from_row(r) for r in self.query("SELECT * FROM products ORDER BY id")]

    def count_products(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM products").fetchone()[0])

    def save_product(self, product: Product) -> Product:
        """Insert or update by SKU."""
        check_record(product.sku, product.price, {"sizes": product.sizes,
                                                  "colors": product.colors,
                                                  "tags": product.tags})
        for key in product.extra:
            # Extra attributes come back as CSV columns: header names are lower-case,
            # and a known column's name would collide with it.
            if key != key.strip().lower() or not key or key in _KNOWN_CSV_COLUMNS:
                raise StoreError(f"extra attribute {key!r}: use a lower-case name that is "
                                 "not one of the product columns")
        row = product_to_row(product)
        cols = ", ".join(row)
        sets = ", ".join(f"{c} = excluded.{c}" for c in row if c != "sku")
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO products ({cols}) VALUES ({', '.join('?' * len(row))}) "
                f"ON CONFLICT (sku) DO UPDATE SET {sets}",
                tuple(row.values()),
            )
        saved = self.product(product.sku)
        assert saved is not None
        return saved

    def delete_product(self, sku: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM products WHERE sku = ?", (sku,)).rowcount > 0

    def search_products(
        self,
        text: str | None = None,
        *,
        category: str | Sequence[str] | None = None,
        brand: str | Sequence[str] | None = None,
        min_price: float | None = None,
        max_price: float | None = None,
        size: str | Sequence[str] | None = None,
        color: str | Sequence[str] | None = None,
        in_stock: bool = False,
        exclude_brand: str | Sequence[str] | None = None,
        exclude_color: str | Sequence[str] | None = None,
        limit: int = 50,
        cheapest: bool = False,
        tied: int | None = None,
    ) -> list[tuple[Product, float]]:
        """Full-text candidates AND'ed with filters, best first, as (product, score).

        Score is -bm25 (higher is better); 0.0 for a filters-only search (no words
        in ``text``), which lists products in catalog order. Work is bounded on
        broad queries in big catalogs (see ranking.py). Category matches
        a path, a parent or any segment (``跑鞋`` and ``鞋`` both match ``鞋/跑鞋``);
        brand, size and color match case-insensitively; ``in_stock`` keeps products
        with stock > 0 or unknown. ``exclude_brand``/``exclude_color`` drop products of
        those brands or listing any of those colours ("不要黑色的", "not Nova").
        ``cheapest`` (a filters-only search): the cheapest products first, not catalog order.
        ``tied``: at most this many rows of any one score — rows the index cannot tell apart
        (a filters-only search, a big catalog's tier of rows holding the same words) are not
        all worth reading.
        """
        # Filters as index words (schema v4; price and stock since v7): ``facets`` are
        # groups of words, a row holds one word of every group; ``exclude``: a row holds
        # none of these. ``where``/``params``: the same filters as SQL on products p, for
        # a search with no index word to start from; ``extra``: what the index cannot
        # say (a price range too wide for its words), checked row by row.
        facets: list[list[str]] = []
        exclude: list[str] = []
        where: list[str] = []
        params: list[Any] = []
        extra: list[str] = []
        extra_params: list[Any] = []
        for kind, value in (("category", category), ("brand", brand), ("size", size),
                            ("color", color)):
            values = _as_list(value)
            if not values:
                continue
            keys = [_text.category_key(v) if kind == "category" else _text.fold(v) for v in values]
            facets.append([_text.facet_token(kind, k) for k in keys])
        lo = to_cents(min_price) if min_price is not None else None
        hi = to_cents(max_price) if max_price is not None else None
        if lo is not None:
            where.append("p.price_cents >= ?")
            params.append(lo)
        if hi is not None:
            where.append("p.price_cents <= ?")
            params.append(hi)
        if lo is not None or hi is not None:
            top = hi if hi is not None else self._max_price_cents()
            if top is None:
                return []  # no products at all
            words = _text.price_range_tokens(lo or 0, top)
            if words == []:
                return []  # no price can be in the range
            if words is None:
                extra += where
                extra_params += params
            else:
                facets.append(words)
        if in_stock:
            where.append("(p.stock IS NULL OR p.stock > 0)")
            facets.append([_text.STOCK_IN])
        for kind, value in (("brand", exclude_brand), ("color", exclude_color)):
            exclude += [_text.facet_token(kind, _text.fold(v)) for v in _as_list(value)]
        if exclude and not facets:
            # A ruled-out brand or colour is an index word to subtract: every product has one
            # stock word, so "in or out of stock" is the whole catalog to subtract it from.
            facets.append([_text.STOCK_IN, _text.STOCK_OUT])
        terms = _text.query_terms(text)
        if cheapest and not terms and facets and not extra:
            return self._cheapest(facet_query(facets, exclude), int(limit))
        if tied and not terms:
            limit = min(int(limit), tied)  # every row scores 0.0
        if not terms and facets:
            # Filters only, as index words: the index yields rows in id order and
            # stops at ``limit``, where SQL would first collect every id per filter.
            sql = ("SELECT p.*, 0.0 AS score FROM products_fts "
                   "JOIN products p ON p.id = products_fts.rowid "
                   "WHERE products_fts MATCH ?" + "".join(" AND " + w for w in extra)
                   + " ORDER BY products_fts.rowid LIMIT ?")
            rows = self.query(sql, [facet_query(facets, exclude), *extra_params, int(limit)])
            return [(product_from_row(r), 0.0) for r in rows]
        if not terms:
            sql = "SELECT p.*, 0.0 AS score FROM products p"
            sql += (" WHERE " + " AND ".join(where)) if where else ""
            sql += " ORDER BY p.id LIMIT ?"
            rows = self.query(sql, [*params, int(limit)])
            return [(product_from_row(r), 0.0) for r in rows]
        hits = ranked_products(self.conn, terms, facets, extra, extra_params, limit, exclude)
        if tied:
            hits = few_of_each_score(hits, tied)
        by_id = {p.id: p for p in self._products_by_id([pid for pid, _ in hits])}
        return [(by_id[pid], score) for pid, score in hits if pid in by_id]

    def _cheapest(self, match: str, limit: int) -> list[tuple[Product, float]]:
        """The cheapest rows matching the filter words. A few thousand rows are sorted as
        they are; a broad filter walks the price index from the bottom, keeping the rows the
        filter holds, which stops after ~limit × (catalog ÷ matching rows) entries."""
        few = self.conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM products_fts WHERE products_fts MATCH ? "
            "LIMIT ?)", (match, _ranking.BROAD)).fetchone()[0] < _ranking.BROAD
        sql = ("SELECT p.*, 0.0 AS score FROM products_fts JOIN products p "
               "ON p.id = products_fts.rowid WHERE products_fts MATCH ? "
               "ORDER BY p.price_cents, p.id LIMIT ?") if few else (
            "SELECT p.*, 0.0 AS score FROM products p INDEXED BY products_price WHERE p.id IN "
            "(SELECT rowid FROM products_fts WHERE products_fts MATCH ?) "
            "ORDER BY p.price_cents, p.id LIMIT ?")
        return [(product_from_row(r), 0.0) for r in self.query(sql, [match, limit])]

    def named_outside(self, word: str, category: str) -> bool:
        """Whether a product filed outside ``category`` (and its sub-categories) has
        ``word`` in its name, in any language: one index lookup that stops at the first."""
        terms = _text.query_terms(word)
        if not terms:
            return False
        token = _text.facet_token("category", _text.category_key(category))
        match = f'name : ({" AND ".join(terms)}) NOT "{token}"'
        return self.conn.execute("SELECT 1 FROM products_fts WHERE products_fts MATCH ? LIMIT 1",
                                 (match,)).fetchone() is not None

    def _max_price_cents(self) -> int | None:
        row = self.conn.execute("SELECT max(price_cents) FROM products").fetchone()
        return None if row[0] is None else int(row[0])

    def _products_by_id(self, ids: Sequence[int]) -> list[Product]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [product_from_row(r)
                for r in self.query(f"SELECT * FROM products WHERE id IN ({marks})", tuple(ids))]

    # -- vocabulary ----------------------------------------------------------
    def vocabulary(self) -> Vocabulary:
        return self._cached("vocabulary", self._stored_or_built_vocabulary)

    # The distinct values are kept in the store with the index's stamp, so a new process (or
    # the window after an import by the CLI) reads them instead of scanning every product's
    # lists again (0.25 s at 100k products, seconds at 1M). Any write to a product's words
    # moves the stamp (see words_stamp), and the next reader rebuilds them.
    _VOCABULARY_KEY = "catalog_vocabulary"

    def words_stamp(self) -> list[Any] | None:
        """Changes whenever a product's indexed words may have: the FTS5 structure record
        (its cookie moves with every insert, update and delete of the index: every write of a
        product's words, and since schema v7 of its price or stock) and the newest id."""
        try:
            block = self.conn.execute(
                "SELECT block FROM products_fts_data WHERE id = 10").fetchone()
            top = self.conn.execute("SELECT max(id) FROM products").fetchone()
        except sqlite3.Error:
            return None
        return [block[0].hex() if block and block[0] is not None else None,
                top[0] if top else None]

    def _stored_or_built_vocabulary(self) -> Vocabulary:
        stamp = self.words_stamp()
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?",
                                (self._VOCABULARY_KEY,)).fetchone()
        if stamp is not None and row:
            try:
                kept = json.loads(row[0])
                if kept.get("stamp") == stamp:
                    return Vocabulary(**{k: tuple(v) for k, v in kept["words"].items()})
            except (ValueError, TypeError, KeyError, AttributeError):
                pass  # unreadable: rebuilt and written again below
        vocabulary = self._build_vocabulary()
        if stamp is not None and not self.readonly:
            self._keep_vocabulary(stamp, vocabulary)
        return vocabulary

    def _keep_vocabulary(self, stamp: list[Any], vocabulary: Vocabulary) -> None:
        """Best effort, never waiting: another writer holding the store only means the next
        process builds the vocabulary again."""
        value = json.dumps({"stamp": stamp, "words": {k: list(v) for k, v in
                                                      vocabulary.__dict__.items()}},
                           ensure_ascii=False)
        before = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            with self.transaction() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value",
                             (self._VOCABULARY_KEY, value))
        except (sqlite3.Error, StoreError):
            pass
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(before)}")

    def _build_vocabulary(self) -> Vocabulary:
        def distinct(column: str) -> list[str]:
            rows = self.conn.execute(
                f"SELECT DISTINCT j.value FROM products, json_each(products.{column}) j"
            )
            return [r[0] for r in rows]

        paths = [r[0] for r in self.conn.execute("SELECT DISTINCT category FROM products")]
        brands = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT brand FROM products WHERE coalesce(brand, '') <> ''")]
        return vocabulary_of(paths, brands, distinct("tags"), distinct("sizes"),
                             distinct("colors"))

    def keep_vocabulary(self, vocabulary: Vocabulary) -> None:
        """Keep ``vocabulary`` as the catalog's, with the index's present stamp (an import into
        an empty store knows every value it wrote, without reading them back)."""
        stamp = self.words_stamp()
        if stamp is not None and not self.readonly:
            self._keep_vocabulary(stamp, vocabulary)
            self._cache.pop("vocabulary", None)

    # -- FAQ -------------------------------------------------------------------
    def faq(self, faq_id: str) -> FaqEntry | None:
        rows = self.query("SELECT * FROM faq WHERE id = ?", (faq_id,))
        return faq_from_row(rows[0]) if rows else None

    def all_faq(self) -> list[FaqEntry]:
        return [faq_from_row(r) for r in self.query("SELECT * FROM faq ORDER BY pk")]

    def count_faq(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM faq").fetchone()[0])

    def save_faq(self, entry: FaqEntry) -> FaqEntry:
        row = faq_to_row(entry)
        row["updated"] = now()
        sets = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO faq ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) "
                f"ON CONFLICT (id) DO UPDATE SET {sets}",
                tuple(row.values()),
            )
        return entry

    def delete_faq(self, faq_id: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM faq WHERE id = ?", (faq_id,)).rowcount > 0

    def search_faq(self, text: str, limit: int = 5) -> list[tuple[FaqEntry, float]]:
        """FAQ rows whose question, alternates, answer or tags match, best first."""
        match = _text.ranked_query(text)
        if match is None:
            return []
        rows = self.query(
            f"SELECT faq.*, -bm25(faq_fts, {_FAQ_WEIGHTS}) AS score "
            "FROM faq_fts JOIN faq ON faq.pk = faq_fts.rowid WHERE faq_fts MATCH ? "
            "ORDER BY score DESC, faq.pk LIMIT ?",
            (match, int(limit)),
        )
        return [(faq_from_row(r), float(r["score"])) for r in rows]

    # -- the store's own words ------------------------------------------------------
    def synonyms(self) -> tuple[Synonym, ...]:
        """The store's synonyms.csv rows, as the text analysis reads them."""
        return self._cached("synonyms", lambda: read_synonyms([
            {"term": t, "means": ";".join(json.loads(m)), "lang": lang}
            for t, m, lang in self.conn.execute("SELECT term, means, lang FROM synonyms")]))

    def save_synonym(self, term: str, means: Sequence[str], lang: str = "") -> None:
        """Add or replace one of the store's words (term → the catalog's words)."""
        term = " ".join(term.split())
        means = [m.strip() for m in means if m and m.strip()]
        if not term or not means or any(";" in m for m in means) or lang not in ("", "zh", "en"):
            raise StoreError("a synonym needs a term, one or more words it means (no ';'), "
                             "and a language of zh, en or empty")
        with self.transaction() as conn:
            conn.execute("INSERT INTO synonyms (term, means, lang, updated) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (term, lang) DO UPDATE SET means = excluded.means, "
                         "updated = excluded.updated", (term, _json_list(means), lang, now()))

    def delete_synonym(self, term: str, lang: str = "") -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM synonyms WHERE term = ? AND lang = ?",
                                (" ".join(term.split()), lang)).rowcount > 0



def _sorted_unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for v in values:
        if v and v.strip():
            key, value = _text.fold(v), v.strip()
            # Of several spellings of one value (Peak, peak), the same one whatever the order
            # they come in: a scan and an import's own record agree.
            seen[key] = min(seen.get(key, value), value)
    return tuple(sorted(seen.values(), key=lambda s: (_text.fold(s), s)))
