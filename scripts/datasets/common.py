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
