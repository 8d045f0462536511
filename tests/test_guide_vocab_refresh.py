"""The engine's vocabulary follows the catalog: a category or brand imported while an
Engine is live (same connection or another one) is understood at the next question, and
a saved chat turn does not make it rebuild."""

from __future__ import annotations

from pathlib import Path

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Cards

HAMMOCKS = (
    "sku,name,category,price,brand,stock,aisle,colors,tags,description\n"
    "HM-1,轻量吊床,露营/吊床,199,森野,6,F9,绿色,轻量,单人尼龙吊床\n"
    "HM-2,双人吊床,露营/吊床,299,森野,3,F9,蓝色,双人,加宽双人吊床\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "products.csv").write_text(HAMMOCKS, encoding="utf-8")
    return folder


def _skus(engine: Engine, text: str) -> tuple[str, list[str]]:
    cards = list(engine.answer(text, Conversation()))[0]
    assert isinstance(cards, Cards)
    return cards.intent, [c.product.sku for c in cards.cards if c.kind == "product"]


def test_an_import_on_the_same_connection_is_learnt(guide_store, tmp_path: Path) -> None:
    from shopguide.store.importer import import_path

    engine = Engine(guide_store)
    assert "露营/吊床" not in engine.vocab.category_paths
    import_path(guide_store, _folder(tmp_path))
    assert "露营/吊床" in engine.vocab.category_paths and "森野" in engine.vocab.brands
    intent, skus = _skus(engine, "吊床在哪里？")
    assert intent == "locate" and skus and set(skus) <= {"HM-1", "HM-2"}
    assert _skus(engine, "森野的吊床")[1]


def test_an_import_from_another_connection_is_learnt(guide_store, tmp_path: Path) -> None:
    from shopguide.store import open_store
    from shopguide.store.importer import import_path

    engine = Engine(guide_store)
    _skus(engine, "跑鞋")  # the vocabulary is built and cached
    other = open_store(guide_store.path, create=False)
    try:
        import_path(other, _folder(tmp_path))
    finally:
        other.close()
    q = engine.plan("有没有吊床", Conversation()).query
    assert q.category == "露营/吊床" and not q.category_soft


def test_a_saved_turn_keeps_the_vocabulary(guide_store) -> None:
    engine = Engine(guide_store)
    before = engine.vocab
    list(engine.answer("跑鞋", Conversation(), save=True))
    list(engine.answer("退货政策是什么？", Conversation(), save=True))
    assert engine.vocab is before
    guide_store.save_product(guide_store.product("SH-1").__class__(
        "SH-9", "折叠桌", "露营/桌椅", 159, "CNY", "森野", 4))
    assert engine.vocab is not before and "露营/桌椅" in engine.vocab.category_paths
