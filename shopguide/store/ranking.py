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

That count is the whole cost in a big catalog: at 1M products bm25 over "running shoes"
under a brand and a size takes ~35 ms whatever the LIMIT, because its statistics read the
~1M rows of those four phrases, while the first 60 matching row ids take 0.4 ms. So when a
phrase (word or filter) matches ``BROAD`` rows or more, bm25 is not used at all (the
broad path): each phrase's rows are counted up to ``BROAD`` (0.5 ms at most), and rows
are taken by how many of the words they hold, weighted by rarity — every word first, then
each rare word's own rows (all of them: a rare word has few) scored by the rare words
they hold, then any word. Within a tier rows come in catalog order; the engine re-ranks
what it gets by how well each covers the question, so the tiers only choose which rows
reach it.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from typing import Any

# 2000, not 5000 (2026-11): bm25 and the intersection cost per ranked row, and at 1M
# generated products a broad word under filters spent ~40% of its time on rows 2001-5000.
# No plan changed for the 190 bench and eval-set questions on the 100k and 1M bench
# catalogs (the rows with every word are still ranked; see above).
CANDIDATE_CAP = 2000

# Rows a phrase may match before bm25's statistics cost more than the whole answer may take.
# Below it bm25 reads at most ~5,000 rows a phrase (~0.2 ms at 1M products); the bounded
# count that decides the path costs ~0.1 ms per 1,000 rows.
BROAD = 5000

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
    counts = _bounded_counts(conn, terms, facets)
    if max(counts.values()) >= BROAD and not where:
        return _broad(conn, terms, facets, exclude, counts, limit)
    hits, capped = _capped(conn, _with_facets(" OR ".join(terms), facets, exclude), where, params,
                           limit)
    if capped and len(terms) > 1:
        every, _ = _capped(conn, _with_facets(" AND ".join(terms), facets, exclude), where, params,
                           limit)
        merged = dict(hits)
        merged.update(every)
        hits = sorted(merged.items(), key=lambda h: (-h[1], h[0]))[:limit]
    return hits


def _bounded_counts(conn: sqlite3.Connection, terms: Sequence[str],
                    facets: Sequence[Sequence[str]]) -> dict[str, int]:
    """Rows of each word and each filter group, counted up to BROAD."""
    sql = "SELECT count(*) FROM (SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ?)"
    phrases = list(terms) + _groups(facets)
    return {ph: int(conn.execute(sql, (ph, BROAD)).fetchone()[0]) for ph in phrases}


def _rowids(conn: sqlite3.Connection, match: str, limit: int) -> list[int]:
    return [int(r[0]) for r in conn.execute(
        "SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ?", (match, limit))]


def _broad(conn: sqlite3.Connection, terms: Sequence[str], facets: Sequence[Sequence[str]],
           exclude: Sequence[str], counts: dict[str, int],
           limit: int) -> list[tuple[int, float]]:
    """Candidates without bm25 (see the module's note): rows with every word, then rows
    of the rare words scored by the rare words they hold (IDF-weighted), then rows with
    any word. Scores are comparable within one call, higher is better."""
    total = max(int(conn.execute("SELECT coalesce(max(rowid), 0) FROM products_fts")
                    .fetchone()[0]), 1)
    weight = {t: math.log(1 + total / max(counts[t], 1)) for t in terms}
    every = sum(weight.values())
    scores: dict[int, float] = {}
    if len(terms) > 1:
        for pid in _rowids(conn, _with_facets(" AND ".join(terms), facets, exclude), limit):
            scores[pid] = every
    rare = [t for t in terms if counts[t] < BROAD]
    if len(scores) < limit and rare:
        held: dict[int, float] = {}
        for t in rare:
            for pid in _rowids(conn, _with_facets(t, facets, exclude), BROAD):
                held[pid] = held.get(pid, 0.0) + weight[t]
        for pid, score in sorted(held.items(), key=lambda h: (-h[1], h[0])):
            scores.setdefault(pid, score)
    if len(scores) < limit:
        common = [t for t in terms if t not in rare] or list(terms)
        low = min(weight[t] for t in common)
        for pid in _rowids(conn, _with_facets(" OR ".join(common), facets, exclude),
                           limit + len(scores)):
            scores.setdefault(pid, low)
    return sorted(scores.items(), key=lambda h: (-h[1], h[0]))[:limit]


def few_of_each_score(rows: Sequence[tuple[Any, float]], n: int) -> list[tuple[Any, float]]:
    """At most ``n`` rows of any one score, in their order: rows the index scores alike (a
    filters-only search, a tier of the broad path) cannot be told apart before they are read,
    and reading each costs time."""
    seen: dict[float, int] = {}
    out = []
    for row in rows:
        seen[row[1]] = seen.get(row[1], 0) + 1
        if seen[row[1]] <= n:
            out.append(row)
    return out
