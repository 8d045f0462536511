"""No store's words in code or in the language resources (issue 12: "no category, brand or
product word of the demo store or a test store may appear in code or in the generic
resource files").

A store's words are its category names (every level of every path), its brands and its
product names; they belong in its own data (products.csv, synonyms.csv). The stores built
from real marketplaces' data (real_*) use the marketplace's taxonomy, whose category names
are plain language ("Women", "Baby", "Shoes"); for those, brands and product names count. The generic
resources (resources/lang) and the code (shopguide/, ui/) hold language only. Chinese words
of two or more characters are looked for inside every string literal; English words and
phrases as whole words. Colour words are language (resources/lang/colors.csv) even where a
store names its colours the same way, and are not store words here.
"""

from __future__ import annotations

import ast
import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from shopguide.text import fold, has_cjk, resources

ROOT = Path(__file__).resolve().parent.parent
STORES = [ROOT / "resources" / "demo", *sorted(p for p in (ROOT / "tests" / "data").iterdir()
                                                 if (p / "products.csv").exists())]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{(k or "").strip().lower(): (v or "") for k, v in row.items()}
                for row in csv.DictReader(f)]


@lru_cache(maxsize=1)
def store_words() -> dict[str, str]:
    """Every store word (folded) → the store it comes from."""
    colours = {w for ws in resources.colors().values() for w in ws}
    out: dict[str, str] = {}
    for folder in STORES:
        marketplace = folder.name.startswith("real_")
        for row in _rows(folder / "products.csv"):
            words = [] if marketplace else row.get("category", "").split("/")
            brand = row.get("brand", "")
            if not (marketplace and " " not in brand.strip() and not has_cjk(brand)):
                words.append(brand)  # a marketplace's one-word brands are often plain words
            words += [row.get("name", ""), row.get("name_en", ""), row.get("name_zh", "")]
            for w in words:
                w = fold(w)
                if w and w not in colours and (len(w) >= 2 if has_cjk(w) else len(w) >= 3):
                    out.setdefault(w, folder.name)
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted(store_words(), key=len, reverse=True)
    zh = "|".join(re.escape(w) for w in words if has_cjk(w))
    en = "|".join(re.escape(w) for w in words if not has_cjk(w))
    return re.compile(rf"{zh}|(?<![a-z0-9])(?:{en})(?![a-z0-9])")


def _found_in(text: str, words: dict[str, str]) -> list[str]:
    return [f"{m.group(0)} ({words[m.group(0)]})" for m in _pattern().finditer(fold(text))]


def _resource_entries() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "resources" / "lang").rglob("*")):
        if path.suffix not in (".txt", ".csv"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = next(csv.reader([line])) if path.suffix == ".csv" else [line]
            for cell in cells:
                for item in cell.split(";"):
                    item = item.split("=", 1)[-1].strip()
                    if item:
                        out.append((f"{path.relative_to(ROOT)}:{n}", item))
    return out


def test_the_stores_give_words_to_look_for() -> None:
    words = store_words()
    assert len(STORES) >= 4 and len(words) > 300
    assert {"跑鞋", "云跃"} <= set(words)  # the check would find the demo's own words


def test_no_store_word_in_the_language_resources() -> None:
    words = store_words()
    hits = [f"{where}: {item!r} is a store word ({words[fold(item)]})"
            for where, item in _resource_entries() if fold(item) in words]
    assert not hits, "\n".join(hits)


def _literals() -> list[tuple[str, str]]:
    out = []
    for folder in ("shopguide", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                          if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                            ast.ClassDef))
                          and n.body and isinstance(n.body[0], ast.Expr)
                          and isinstance(n.body[0].value, ast.Constant)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and id(node) not in docstrings:
                    out.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.value))
    return out


def _understanding(where: str) -> bool:
    return where.startswith(("shopguide/text/", "shopguide/guide/"))


def test_no_store_word_in_code() -> None:
    # Docstrings and comments may show examples; string literals are what the code uses.
    # A single English word that a store uses as a category ("Cleaning", "Storage") is
    # plain English in a message elsewhere; it is looked for in the understanding code.
    words = store_words()
    hits = []
    for where, text in _literals():
        found = [f for f in _found_in(text, words)
                 if _understanding(where) or has_cjk(f) or " " in f.split(" (")[0]]
        if found:
            hits.append(f"{where}: {', '.join(found)}")
    assert not hits, "\n".join(hits)


@pytest.mark.parametrize("word", ["跑鞋", "Kettles"])
def test_the_code_check_would_catch_a_store_word(word: str) -> None:
    assert _found_in(f"x = '{word}'", store_words())


def test_no_store_word_in_the_composed_answers() -> None:
    """resources/lang/answers.toml is sentences: a store word anywhere inside one is found."""
    from shopguide.text import resources

    words = store_words()
    hits = [f"answers.toml [{lang}] {key}: {found}"
            for lang, by in resources.answers().items() for key, value in by.items()
            for text in (value if isinstance(value, tuple) else (value,))
            for found in _found_in(text.replace("{", " ").replace("}", " "), words)]
    assert not hits, "\n".join(hits)
