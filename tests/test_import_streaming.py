"""products.csv is read, checked and written in batches inside one transaction: the same
result as reading it whole, every problem still named, nothing written when any file has
one, the catalog-text check run beside the write, and progress reported as rows are read."""

from __future__ import annotations

import pytest

from shopguide.guide.catalog_text import audit_record
from shopguide.store import ImportFailed, open_store
from shopguide.store import importer
from shopguide.store.importer import import_path

HEADER = "sku,name,category,price,stock,description\n"


def _row(i: int, description: str = "") -> str:
    return f"S{i:05d},Trail shoe {i},Shoes/Trail,{50 + i % 40},{i % 7},{description}\n"


def _folder(tmp_path, rows: list[str], **extra: str):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "products.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    for name, text in extra.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 7)


def test_batches_write_every_row_and_count_them(tmp_path, small_batches):
    folder = _folder(tmp_path, [_row(i) for i in range(50)])
    seen: list[int] = []
    with open_store(tmp_path / "s.sqlite") as store:
        report = import_path(store, folder, progress=lambda name, n: seen.append(n))
        assert store.count_products() == 50
        assert report.counts["products"].added == 50
        # Again: every row is there already, in any batch.
        again = import_path(store, folder)
        assert again.counts["products"].unchanged == 50
    assert seen == [7, 14, 21, 28, 35, 42, 49, 50]


def test_a_problem_late_in_the_file_writes_nothing_and_names_every_row(tmp_path,
                                                                      small_batches):
    rows = [_row(i) for i in range(30)]
    rows[3] = "S00003,Bad,Shoes/Trail,-5,1,\n"
    rows[25] = "S00001,Duplicate,Shoes/Trail,9,1,\n"
    folder = _folder(tmp_path, rows)
    with open_store(tmp_path / "s.sqlite") as store:
        with pytest.raises(ImportFailed) as err:
            import_path(store, folder)
        assert store.count_products() == 0  # the batches written before were rolled back
    text = str(err.value)
    assert "row 5" in text and "row 27" in text and "duplicate sku 'S00001'" in text


def test_a_problem_in_another_file_rolls_back_the_products(tmp_path, small_batches):
    folder = _folder(tmp_path, [_row(i) for i in range(20)],
                     faq_csv="id,question,answer\nx,,no question here\n")
    with open_store(tmp_path / "s.sqlite") as store:
        with pytest.raises(ImportFailed, match="faq.csv"):
            import_path(store, folder)
        assert store.count_products() == 0


def test_the_check_in_a_second_process_finds_what_the_inline_check_finds(tmp_path,
                                                                        monkeypatch):
    rows = [_row(i, "Now only $5 today." if i % 9 == 0 else "Light and grippy.")
            for i in range(40)]
    folder = _folder(tmp_path, rows)
    monkeypatch.setattr(importer, "BATCH", 10)
    with open_store(tmp_path / "a.sqlite") as store:
        inline = import_path(store, folder, audit_record).warnings
    monkeypatch.setattr(importer, "PARALLEL_BYTES", 0)  # every file counts as large
    with open_store(tmp_path / "b.sqlite") as store:
        parallel = import_path(store, folder, audit_record).warnings
    assert [str(w) for w in parallel] == [str(w) for w in inline]
    assert len(inline) == 5 and all("$5" in str(w) or "5" in str(w) for w in inline)


def test_a_large_file_is_checked_in_a_second_process(monkeypatch):
    from shopguide.store.import_audit import BatchAuditor

    made = BatchAuditor(audit_record, "products.csv", parallel=True)
    try:
        assert made._pool is not None  # a module-level check reaches the process by name
        made.add([(2, {"sku": "A", "price_cents": 500, "description": "Now only $5 today."})])
        assert made.results() == []  # the price column says 5: nothing to doubt
    finally:
        made.close()
    inline = BatchAuditor(lambda kind, rec: [("name", "x")], "products.csv", parallel=True)
    assert inline._pool is None  # a closure cannot travel: checked here
    inline.add([(2, {})])
    assert inline.results() == [(2, "name", "x")]


def test_the_cli_shows_rows_read_on_a_terminal(tmp_path, small_batches, monkeypatch, capsys):
    import sys

    from shopguide.cli import main

    folder = _folder(tmp_path, [_row(i) for i in range(20)])
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["--store", str(tmp_path / "s.sqlite"), "import", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "\rproducts.csv: 7 rows read (" in err and "\rproducts.csv: 20 rows read (" in err
    assert err.endswith("\n") and "rows/s)" in err


def test_many_warnings_are_counted_and_the_first_ones_listed(tmp_path, monkeypatch, capsys):
    from shopguide.cli import main

    monkeypatch.setattr(importer, "KEPT_WARNINGS", 30)
    rows = [_row(i, "Now only $1 today.") for i in range(80)]  # every row doubted
    folder = _folder(tmp_path, rows)
    with open_store(tmp_path / "a.sqlite") as store:
        report = import_path(store, folder, audit_record)
    assert len(report.warnings) == 30 and report.warnings_not_kept == 50
    lines = report.lines(shown=10)
    assert sum(line.startswith("warning:") for line in lines) == 10
    assert lines[-1].startswith("… and 70 more warnings (80 in all)")
    assert main(["--store", str(tmp_path / "b.sqlite"), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.count("warning:") == 30 and "… and 50 more warnings (80 in all)" in out
    assert main(["--store", str(tmp_path / "c.sqlite"), "import", "--all-warnings",
                 str(folder)]) == 0
    assert capsys.readouterr().out.count("warning:") == 30  # all that were kept
