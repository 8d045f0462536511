"""Benchmarks for the engine, called by ``shopguide bench``.

``retrieval_bench`` generates catalogs of the given sizes into temporary stores and
times understanding + retrieval (what happens before the first token) per query.
``e2e_bench`` times whole answers over a query set on a real store, and with a model what
its decoding masks cost a token apart from the network (``masks_bench``).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from shopguide.bench_data import catalog
from shopguide.guide.bench_import import import_bench  # noqa: F401 - a ``shopguide bench`` hook
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine


_DATA = catalog()
BENCH_QUERIES: tuple[str, ...] = tuple(_DATA["queries"])
_KINDS = [tuple(k) for k in _DATA["kinds"]]
_ADJ = [tuple(a) for a in _DATA["adjectives"]]
_BRANDS = list(_DATA["brands"])
_COLORS = list(_DATA["colors"])
_SIZES = [list(s) for s in _DATA["sizes"]]


def generate_products(n: int, seed: int = 7) -> Iterable[Any]:
    """The bench catalog's first ``n`` products (deterministic: a kept store is topped up
    by the ones after those it holds)."""
    from shopguide.store.models import Product

    rng = random.Random(seed)
    for i in range(n):
        cat, zh, en = _KINDS[i % len(_KINDS)]
        a1, a2 = rng.sample(_ADJ, 2)
        brand = rng.choice(_BRANDS)
        yield Product(
            sku=f"G{i:07d}", name=f"{brand}{a1[0]}{zh} {i % 97}", category=cat,
            price=float(rng.randrange(29, 3000)), currency="CNY", brand=brand,
            stock=rng.choice([0, 3, 12, 40, None]), aisle=f"{chr(65 + i % 8)}{i % 12 + 1}",
            sizes=tuple(rng.choice(_SIZES)), colors=tuple(rng.sample(_COLORS, 2)),
            tags=(a1[0], a2[0], a1[1], a2[1]),
            description=_DATA["description"].format(adj1_zh=a1[0], adj2_zh=a2[0], kind_zh=zh,
                                                    adj1_en=a1[1], adj2_en=a2[1], kind_en=en),
            name_en=f"{brand} {a1[1]} {en}",
        )


def generate_rows(n: int, seed: int = 7) -> Iterable[dict[str, Any]]:
    from shopguide.store.catalog import product_to_row

    for p in generate_products(n, seed):
        yield product_to_row(p)


def build_store(path: Path, n: int) -> Any:
    """The generated catalog of ``n`` products at ``path``. A store already there from an
    earlier (possibly interrupted) build is topped up, not rebuilt: the rows are
    deterministic, so the first ``count`` of them are the ones already saved."""
    from shopguide.store import open_store

    store = open_store(path)
    have = store.count_products()
    if have > n:
        store.close()
        raise ValueError(f"{path}: holds {have} products, more than the {n} asked for")
    store.set_settings(name="Bench", language="zh", currency="CNY")
    batch: list[dict[str, Any]] = []
    for i, row in enumerate(generate_rows(n)):
        if i < have:
            continue
        batch.append(row)
        if len(batch) == 5000:
            _insert(store, batch)
            batch = []
    if batch:
        _insert(store, batch)
    return store


def _insert(store: Any, batch: list[dict[str, Any]]) -> None:
    cols = list(batch[0])
    sql = f"INSERT INTO products ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    with store.transaction() as conn:
        conn.executemany(sql, [tuple(r[c] for c in cols) for r in batch])


def _pct(values: Sequence[float], q: float) -> float:
    s = sorted(values)
    return round(s[max(0, min(len(s) - 1, round(q * (len(s) - 1))))], 3)


def time_retrieval(store: Any, queries: Sequence[str] = BENCH_QUERIES,
                   repeats: int = 3) -> dict[str, float]:
    engine = Engine(store)
    for q in queries:  # warm the page cache and the vocabulary
        engine.plan(q, Conversation())
    times, cpu = [], []
    for _ in range(repeats):
        for q in queries:
            t0, c0 = perf_counter(), process_time()
            engine.plan(q, Conversation())
            times.append((perf_counter() - t0) * 1000)
            cpu.append((process_time() - c0) * 1000)
    # Wall time is what a shopper waits; CPU time shows the cost when the machine is busy
    # with other work (on an idle machine the two agree).
    return {"p50_ms": _pct(times, 0.5), "p95_ms": _pct(times, 0.95),
            "cpu_p50_ms": _pct(cpu, 0.5), "cpu_p95_ms": _pct(cpu, 0.95),
            "mean_ms": round(statistics.fmean(times), 3), "n": len(times)}


def retrieval_bench(sizes: Sequence[int] = (1_000, 10_000, 100_000, 1_000_000),
                    workdir: str | Path | None = None, progress: Any = None,
                    store_dir: str | Path | None = None) -> list[dict[str, Any]]:
    """p50/p95 of understanding + retrieval per query, at each catalog size.

    Stores are built in a temporary folder and removed, unless ``store_dir`` (or the
    environment variable SHOPGUIDE_BENCH_STORES) names a folder to keep them in: the
    1M store takes many minutes to build, and a later run reuses it. A kept store made
    by an older schema is upgraded when opened (schema v7 rebuilds the product index:
    ~7 minutes at 1M, counted in build_s), so time a second run."""
    keep = store_dir or os.environ.get("SHOPGUIDE_BENCH_STORES") or None
    out = []
    with tempfile.TemporaryDirectory(prefix="shopguide-bench-", dir=workdir) as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            t0 = perf_counter()
            store = build_store(folder / f"bench-{n}.sqlite", n)
            built = perf_counter() - t0
            try:
                result = {"products": n, "build_s": round(built, 1), **time_retrieval(store)}
            finally:
                store.close()
            out.append(result)
            if callable(progress):
                progress(result)
    return out


def e2e_bench(store: Any, model: Any = None, queries: Sequence[str] | None = None,
              settings: Any = None) -> dict[str, Any]:
    """Whole answers over the demo query set (or ``queries``): first token and total, each
    question asked once of an engine warmed as the window warms it (its vocabulary built),
    so the figures include what a question not asked before costs. With a model, the same
    without it too (``without_model``: the facts-only answer, the speed bar of issue 16)."""
    if queries is None:
        queries = _demo_queries()
    # Without the model first: the run that goes first pays for reading each product the
    # first time, and the facts-only figure is the one with a bar to meet.
    plain = _e2e(store, None, queries, settings) if model is not None else None
    out = _e2e(store, model, queries, settings)
    out["products"] = store.count_products()
    if plain is not None:
        out["without_model"] = {k: plain[k] for k in ("total_p50_ms", "total_p95_ms")}
    if model is not None and hasattr(model, "backend"):
        out["decoding_masks"] = masks_bench(store, model)
    return out


def _e2e(store: Any, model: Any, queries: Sequence[str], settings: Any) -> dict[str, Any]:
    engine = Engine(store, model, settings)
    engine.warm()
    first, total, grounded = [], [], 0
    for q in queries:
        done = None
        for ev in engine.answer(q, Conversation()):
            done = ev
        timings = getattr(done, "timings", {}) or {}
        first.append(timings.get("first_token_ms", 0.0))
        total.append(timings.get("total_ms", 0.0))
        grounded += bool(getattr(done, "grounded", False))
    n = len(queries)
    return {"queries": n, "used_model": model is not None,
            "first_token_p50_ms": _pct(first, 0.5) if n else None,
            "first_token_p95_ms": _pct(first, 0.95) if n else None,
            "total_p50_ms": _pct(total, 0.5) if n else None,
            "total_p95_ms": _pct(total, 0.95) if n else None,
            "grounded_rate": round(grounded / n, 4) if n else None}


def _demo_queries() -> list[str]:
    import json

    from shopguide import config

    path = config.resource("eval", "demo.jsonl")
    if not path.is_file():
        return list(BENCH_QUERIES)
    out = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            try:
                out.append(json.loads(line)["q"])
            except (ValueError, KeyError, TypeError):
                continue
    return out or list(BENCH_QUERIES)


def masks_bench(store: Any, model: Any, tokens: int = 64, repeat: int = 5) -> dict[str, Any]:
    """What the app's decoding masks (gates, the taught word orders and their dead ends, the
    question gates) cost a token, apart from the network: the same stream is run over a
    backend that returns fixed logits at once, with the masks of a product answer and
    without any. Microseconds per token, medians over ``repeat`` runs."""
    import threading

    import numpy as np

    from shopguide.guide.masks import decoding_masks
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.llm import GenerationSettings

    products = [p for p, _ in store.search_products(None, limit=3)]
    prompt, _ = build_tagged_prompt(_demo_queries()[0], products, [], [], None, "zh")
    text = prompt.render()
    settings = GenerationSettings(max_new_tokens=tokens, min_new_tokens=tokens, stop=[])
    logits = np.random.default_rng(7).normal(size=model.vocab_size).astype(np.float32)

    class _Instant:  # the network's part taken out: the same logits, at once
        def start(self, n: int) -> _Instant:
            return self

        def prefill(self, ids: Any) -> np.ndarray:
            return logits.copy()

        def step(self, token: int) -> np.ndarray:
            return logits.copy()

    real, model.backend = model.backend, _Instant()
    try:
        def per_token(masks: dict[str, Any]) -> float:
            runs = []
            for _ in range(repeat):
                stream = model.stream(text, settings, threading.Event(), **masks)
                t0 = perf_counter()
                stream.read_all()
                runs.append((perf_counter() - t0) / max(stream.n_tokens, 1) * 1e6)
            return round(statistics.median(runs), 1)

        plain = per_token({})
        masked = per_token(decoding_masks(model, text, "zh", product=True))
    finally:
        model.backend = real
    return {"tokens": tokens, "plain_us_per_token": plain, "masks_us_per_token": masked}
