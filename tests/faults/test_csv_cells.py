"""Fault class: CSV cells. Export never writes a cell a spreadsheet would run as a formula
(OWASP CSV injection) and import reads it back unchanged; a NUL or an oversized cell is
refused with file, row and column."""

from __future__ import annotations

import csv

import pytest

from shopguide.store import ImportFailed, open_store
from shopguide.store.exporter import export_store
from shopguide.store.importer import import_path
from shopguide.store.models import Product

FORMULAS = ("=HYPERLINK(\"http://x\",\"y\")", "+SUM(1+1)", "@foo", "-2+3", "=1+1")


def test_formulas_are_escaped_on_export_and_round_trip(tmp_path):
    with open_store(tmp_path / "a.db") as s:
        for i, f in enumerate(FORMULAS):
            s.save_product(Product(f"A-{i}", f, "鞋", 9, "CNY", brand=f, description=f, tags=("@foo", "-2+3")))
        export_store(s, tmp_path / "out")
    with (tmp_path / "out" / "products.csv").open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if c and c[0] in "=+-@"], "a cell a spreadsheet would run"
    with open_store(tmp_path / "b.db") as s:
        import_path(s, tmp_path / "out")
        back = {p.sku: p for p in s.all_products()}
    for i, f in enumerate(FORMULAS):
        p = back[f"A-{i}"]
        assert (p.name, p.brand, p.description, p.tags) == (f, f, f, ("@foo", "-2+3"))


@pytest.mark.parametrize(("cell", "says"), [("好\x00鞋", "NUL character"),
                                            ("长" * 1_048_576, "1,048,576 characters")])
def test_bad_cells_are_refused_with_row_and_column(tmp_path, cell, says):
    (tmp_path / "products.csv").write_text(
        f'sku,name,category,price,description\nA-1,鞋,鞋,9,ok\nA-2,鞋,鞋,9,"{cell}"\n',
        encoding="utf-8")
    with open_store(tmp_path / "s.db") as s, pytest.raises(ImportFailed) as err:
        import_path(s, tmp_path / "products.csv")
    text = str(err.value)
    assert says in text and "row 3" in text and "column 'description'" in text
    assert "check the quotes" not in text


def test_links_that_lead_nowhere_say_so(tmp_path):
    from shopguide.store.importer import find_files

    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    assert "loop of symbolic links" in find_files(tmp_path / "a")[2][0].message
    assert "which does not exist" in find_files(tmp_path / "gone")[2][0].message
