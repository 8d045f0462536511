"""The catalog-size benchmarks of issue 16, called by ``shopguide bench --imports``.

For each size a bilingual catalog is generated as a merchant's ``products.csv`` would be
(the bench kinds, adjectives, brands and shop-like description text, some of it doubtful on
purpose so the catalog-text check has work), then measured as a merchant meets it:

* ``shopguide import`` in a fresh process: wall time and the peak memory of every process it
  ran (the catalog-text check runs in a second one for big files);
* the store's size against the CSV's;
* whole answers without the model over the demo questions (``e2e_bench``), in this process;
* the first answer of a warmed engine after a CLI import of 100 changed products.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter
from typing import Any

CHANGED = 100  # products a re-import changes before the "first answer after an import"

_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
         "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def write_catalog(folder: Path, n: int, seed: int = 7) -> Path:
    """``products.csv`` and ``store.toml`` of the bench catalog's first ``n`` products
    (``bench.generate_products``), each description followed by a piece of shop-like text."""
    from shopguide.bench_data import sample_texts
    from shopguide.guide.bench import generate_products

    texts = [t.replace("\n", " ") for t in sample_texts()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "products.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["sku", "name", "category", "price", "brand", "stock", "aisle", "sizes",
                    "colors", "tags", "description", "name_en"])
        for p in generate_products(n, seed):
            w.writerow([p.sku, p.name, p.category, f"{p.price:g}", p.brand,
                        "" if p.stock is None else p.stock, p.aisle, ";".join(p.sizes),
                        ";".join(p.colors), ";".join(p.tags),
                        f"{p.description} {rng.choice(texts)[:rng.randrange(100, 300)]}",
                        p.name_en])
    (folder / "store.toml").write_text('name = "Bench"\nlanguage = "zh"\ncurrency = "CNY"\n',
                                       encoding="utf-8")
    return path


def _changed(source: Path, folder: Path) -> Path:
    """The first CHANGED products of ``source`` moved to another aisle, as a re-import."""
    folder.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8", newline="") as f, \
            (folder / "products.csv").open("w", encoding="utf-8", newline="") as out:
        rows, w = csv.reader(f), csv.writer(out)
        header = next(rows)
        w.writerow(header)
        aisle = header.index("aisle")
        for row, _ in zip(rows, range(CHANGED)):
            row[aisle] = "Z9"
            w.writerow(row)
    return folder


def _import(db: Path, folder: Path) -> tuple[float, float]:
    """Seconds, and the peak memory (MB) of any process of the import."""
    t0 = perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "shopguide",
                          "--store", str(db), "import", str(folder)],
                         check=True, capture_output=True, text=True)
    return perf_counter() - t0, int(out.stdout.strip().splitlines()[-1]) / 1024


def _after_import(db: Path, changed: Path) -> float:
    """ms to the first answer of a warmed engine once another process has imported."""
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from shopguide.store import open_store

    store = open_store(db)
    try:
        from shopguide.guide.bench import BENCH_QUERIES  # the timed questions (resources/bench)

        engine = Engine(store)
        engine.warm()
        list(engine.answer(BENCH_QUERIES[0], Conversation()))
        _import(db, changed)
        t0 = perf_counter()
        list(engine.answer(BENCH_QUERIES[1], Conversation()))
        return (perf_counter() - t0) * 1000
    finally:
        store.close()


def import_bench(sizes: Sequence[int], workdir: str | Path | None = None,
                 progress: Any = None) -> list[dict[str, Any]]:
    from shopguide.guide.bench import e2e_bench
    from shopguide.store import open_store

    out = []
    with tempfile.TemporaryDirectory(prefix="shopguide-import-bench-", dir=workdir) as tmp:
        for n in sizes:
            folder = Path(tmp) / f"catalog-{n}"
            csv_path = write_catalog(folder, n)
            db = Path(tmp) / f"store-{n}.sqlite"
            seconds, peak = _import(db, folder)
            store = open_store(db)
            try:
                answers = e2e_bench(store)
            finally:
                store.close()
            csv_mb, db_mb = csv_path.stat().st_size / 1e6, db.stat().st_size / 1e6
            row = {"products": n, "import_s": round(seconds, 1), "peak_mb": round(peak),
                   "store_mb": round(db_mb, 1), "store_x_csv": round(db_mb / csv_mb, 2),
                   "answer_p50_ms": answers["total_p50_ms"],
                   "answer_p95_ms": answers["total_p95_ms"],
                   "first_after_import_ms": round(_after_import(db, _changed(
                       csv_path, Path(tmp) / f"changed-{n}")), 1)}
            out.append(row)
            if callable(progress):
                progress(row)
            db.unlink()
    return out
