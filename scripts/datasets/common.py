"""What the dataset builders share: a pinned file read from a fetched git mirror, a stable
hash, and CSV / JSON-lines text written as the importer and the eval read them.

``SHOPGUIDE_MIRROR`` overrides the mirror root (default ``/work/.mirror``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

MIRROR = Path(os.environ.get("SHOPGUIDE_MIRROR", "/work/.mirror"))
PRODUCT_COLUMNS = ["sku", "name", "category", "price", "brand", "currency", "stock", "aisle",
                   "sizes", "colors", "tags", "description"]
FAQ_COLUMNS = ["id", "question", "answer", "alternates", "tags"]


def read_blob(folder: str, commit: str, path: str) -> bytes:
    """``path`` at ``commit`` of the mirror ``folder`` (a bare repository under ``repo``)."""
    out = subprocess.run(
        ["git", "--git-dir", str(MIRROR / folder / "repo"), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def write_jsonl(path: Path, items: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")


def phrasing_key(text: str) -> str:
    """A FAQ phrasing or a turn with spaces and punctuation removed, to tell whether a turn
    copies a FAQ row's own phrasing."""
    return re.sub(r"[\s\W_]+", "", text)


def store_keys(out: Path) -> tuple[set[str], set[str], list[str]]:
    """An evaluation store's SKUs, FAQ ids and FAQ phrasings (``phrasing_key``), as written."""
    with open(out / "products.csv", encoding="utf-8") as f:
        skus = {r["sku"] for r in csv.DictReader(f)}
    with open(out / "faq.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    phrasings = [phrasing_key(x) for r in rows
                 for x in [r["question"]] + r["alternates"].split(";") if x]
    return skus, {r["id"] for r in rows}, phrasings
