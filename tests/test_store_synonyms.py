"""A store's own words (synonyms.csv, shared/spec/data-formats.md): imported all or nothing
with file/row/column errors, exported and imported again unchanged, and read by the
understanding ("trainer" matches "trainers": terms go through the same analysis)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.store import open_store
from shopguide.store.errors import ImportFailed
from shopguide.store.exporter import export_store
from shopguide.store.importer import import_path
from shopguide.store.models import Product

SYNONYMS = "term,means,lang\ntrainers,running shoe;跑鞋,\n暖宝宝,暖贴,zh\nMoney Back,refund,en\n"


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "s.sqlite")
    yield s
    s.close()


def _folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "shop"
    folder.mkdir(exist_ok=True)
    (folder / "synonyms.csv").write_text(text, encoding="utf-8")
    return folder


def test_import_reports_and_reimport_is_unchanged(store, tmp_path: Path) -> None:
    report = import_path(store, _folder(tmp_path, SYNONYMS))
    assert "synonyms: 3 added, 0 updated, 0 unchanged" in report.lines()
    terms = {(s.term, s.means, s.lang) for s in store.synonyms()}
    assert ("trainers", ("running shoe", "跑鞋"), None) in terms
    assert ("money back", ("refund",), "en") in terms
    again = import_path(store, _folder(tmp_path, SYNONYMS.replace("暖贴", "暖贴;发热贴")))
    assert "synonyms: 0 added, 1 updated, 2 unchanged" in again.lines()


@pytest.mark.parametrize("text, where", [
    ("term,means\n,跑鞋\n", "row 2, column 'term'"),
    ("term,means\ntrainers,\n", "row 2, column 'means'"),
    ("term,means,lang\ntrainers,running shoe,fr\n", "row 2, column 'lang'"),
    ("term,means\ntrainers,a\ntrainers,b\n", "row 3, column 'term'"),
])
def test_bad_rows_name_file_row_and_column_and_change_nothing(store, tmp_path: Path,
                                                              text: str, where: str) -> None:
    store.save_synonym("kept", ["word"])
    with pytest.raises(ImportFailed) as err:
        import_path(store, _folder(tmp_path, text))
    assert "synonyms.csv" in str(err.value) and where in str(err.value)
    assert [s.term for s in store.synonyms()] == ["kept"]


def test_export_then_import_round_trips(store, tmp_path: Path) -> None:
    import_path(store, _folder(tmp_path, SYNONYMS))
    out = tmp_path / "out"
    export_store(store, out)
    assert (out / "synonyms.csv").is_file()
    other = open_store(tmp_path / "o.sqlite")
    import_path(other, out)
    assert set(other.synonyms()) == set(store.synonyms())
    other.close()


def test_the_store_words_reach_the_answer(store) -> None:
    store.set_settings(name="Shop", language="en", currency="USD")
    store.save_product(Product("RS-1", "跑鞋", "鞋/跑鞋", 99.0, "USD"))
    store.save_product(Product("MG-1", "Mug", "Kitchen/Mugs", 9.0, "USD"))
    engine = Engine(store)
    assert engine.plan("trainer", Conversation()).products == []
    store.save_synonym("trainers", ["跑鞋"])  # the app reads it without a restart
    plan = engine.plan("a trainer please", Conversation())
    assert [p.sku for p in plan.products] == ["RS-1"]
