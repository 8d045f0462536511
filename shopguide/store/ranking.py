"""Ranking full-text candidates with a bounded amount of work.

bm25 costs time for every matching row. In a large catalog a broad word (``跑鞋``
in a shoe shop, ``waterproof`` in an outdoor shop) can match hundreds of thousands
of rows, and ranking them all would take far longer than a shopper waits. So at
most ``CANDIDATE_CAP`` matches are ranked per query:

* When fewer rows match, every one is ranked: the result is exact.
* When more match, the rows that contain *every* word are ranked as well (that
  set is small when the words are specific, and these rows are the best answers),
  merged with the first ``CANDIDATE_CAP`` rows that contain *any* word. Both
  queries have the same phrases, so their bm25 scores compare directly.

Filters are index words in the same query (category, brand, size, colour since
schema v4; price range, stock and exclusions since v7), so a filtered search never
looks up a products row per candidate. What filters still cost: FTS5's bm25 counts
the rows of every phrase in the query once per statement, filter words included
(weight 0, so they never change a score) — ~10 ms at 1M products for a category
plus a size that a third of the rows carry. Counting only the words would need a
second statement over the word's rows (measured: as slow) or a check per candidate
(as slow again), so they stay.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

# 2000, not 5000 (2026-11): bm25 and the intersection cost per ranked row, and at 1M
# generated products a broad word under filters spent ~40% of its time on rows 2001-5000.
# No plan changed for the 190 bench and eval-set questions on the 100k and 1M bench
# catalogs (the rows with every word are still ranked; see above).
CANDIDATE_CAP = 2000

# bm25 column weights: name, brand, category, tags (+ colours), description, extra,
# facets (filter words, schema v4; price and stock words since v7: they select rows
# but never score them)
PRODUCT_WEIGHTS = "10.0, 6.0, 6.0, 4.0, 1.0, 1.0, 0.0"


def _capped(conn: sqlite3.Connection, match: str, where: Sequence[str], params: Sequence[Any],
            limit: int) -> tuple[list[tuple[int, float]], bool]:
    if where:
        # Filters join products row by row; a rowid IN (…) restriction inside the
        # FTS query would be far slower (FTS5 runs one lookup per id).
        inner = (
            f"SELECT p.id AS pid, -bm25(products_fts, {PRODUCT_WEIGHTS}) AS score "
            "FROM products_fts JOIN products p ON p.id = products_fts.rowid "
            "WHERE products_fts MATCH ? AND " + " AND ".join(where) + " LIMIT ?"
        )
    else:
        inner = (
            f"SELECT rowid AS pid, -bm25(products_fts, {PRODUCT_WEIGHTS}) AS score "
            "FROM products_fts WHERE products_fts MATCH ? LIMIT ?"
        )
    sql = (f"SELECT pid, score, count(*) OVER () FROM ({inner}) "
           "ORDER BY score DESC, pid LIMIT ?")
    cap = max(CANDIDATE_CAP, int(limit))
    rows = conn.execute(sql, [match, *params, cap, int(limit)]).fetchall()
    capped = bool(rows) and rows[0][2] >= cap
    return [(int(r[0]), float(r[1])) for r in rows], capped


def _groups(facets: Sequence[Sequence[str]]) -> list[str]:
    return ["(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in facets]


def _without(match: str, exclude: Sequence[str]) -> str:
    if not exclude:
        return match
    return f"({match}) NOT (" + " OR ".join(f'"{t}"' for t in exclude) + ")"


def facet_query(facets: Sequence[Sequence[str]], exclude: Sequence[str] = ()) -> str:
    """One word of every group and none of ``exclude``:
    ``(("qa…0" OR "qb…0") AND ("qc…0")) NOT ("qd…0")``. ``facets`` must not be empty
    (FTS5 has no query for "every row except")."""
    return _without(" AND ".join(_groups(facets)), exclude)


def _with_facets(words: str, facets: Sequence[Sequence[str]], exclude: Sequence[str]) -> str:
    # AND binds tighter than OR in FTS5: keep the words' OR inside parentheses.
    return _without(" AND ".join([f"({words})", *_groups(facets)]), exclude)


def ranked_products(conn: sqlite3.Connection, terms: Sequence[str],
                    facets: Sequence[Sequence[str]], where: Sequence[str],
                    params: Sequence[Any], limit: int,
                    exclude: Sequence[str] = ()) -> list[tuple[int, float]]:
    """(product id, score) best first; score is -bm25, higher is better.

    ``facets``: groups of filter words (text.facet_token), one group per filter; a
    row must hold one word of every group and none of ``exclude``. ``where``: SQL
    conditions on products p, with their ``params``, for what the index cannot say
    (normally none: price and stock are index words since schema v7)."""
    if not terms or limit <= 0:
        return []
    hits, capped = _capped(conn, _with_facets(" OR ".join(terms), facets, exclude), where, params,
                           limit)
    if capped and len(terms) > 1:
        every, _ = _capped(conn, _with_facets(" AND ".join(terms), facets, exclude), where, params,
                           limit)
        merged = dict(hits)
        merged.update(every)
        hits = sorted(merged.items(), key=lambda h: (-h[1], h[0]))[:limit]
    return hits
