"""A buying guide that names the store's products shows them beside it (``guides``)."""

from __future__ import annotations

from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.guides import named_products
from shopguide.store.models import FaqEntry

FLAT_FEET = FaqEntry("flat-feet", "扁平足怎么选鞋？",
                     "扁平足选稳定支撑款，比如云跃的缓震跑鞋；不要选太软的竞速鞋。碳板鞋只适合比赛。",
                     ("扁平足选什么鞋",), ())
BRAND_ONLY = FaqEntry("warranty", "保修多久？", "云跃和诺瓦的鞋都保修一年。", (), ())


def test_a_guide_names_a_product_by_its_brand_and_its_own_words(guide_engine) -> None:
    store, vocab = guide_engine.store, guide_engine.vocab
    # 云跃 + 缓震 (its own word) + 跑鞋 (its kind's word, which does not count): 缓震 alone
    # would be one word; the name 缓震跑鞋 is said whole
    assert [p.sku for p in named_products(store, vocab, FLAT_FEET)] == ["SH-2"]
    # a brand alone names none of its products; 竞速 and 碳板 are said without Stridex
    assert named_products(store, vocab, BRAND_ONLY) == []
    loose = FaqEntry("x", "?", "Stridex：竞速设计，碳板推进。", (), ())
    assert [p.sku for p in named_products(store, vocab, loose)] == ["SH-3"]
    one_word = FaqEntry("y", "?", "Stridex 的鞋适合竞速。", (), ())
    assert named_products(store, vocab, one_word) == []


def test_the_guides_products_are_cards_after_it(guide_store) -> None:
    guide_store.save_faq(FLAT_FEET)
    engine = Engine(guide_store)
    plan = engine.plan("扁平足选什么鞋", Conversation())
    assert plan.intent == "policy" and plan.faq is not None and plan.faq.id == "flat-feet"
    kinds = [(type(c).__name__, getattr(c, "product", None)) for c in plan.cards()]
    assert [k for k, _ in kinds] == ["FaqCard", "ProductCard"]
    assert kinds[1][1].sku == "SH-2"
    assert plan.products == []  # not the model's facts: the answer is the guide's
    # with a size said it is a search: the shoes that come in 43, not the guide
    plan = engine.plan("扁平足选什么鞋？我穿43码", Conversation())
    assert plan.intent == "find" and plan.faq is None and plan.mentioned == []


def test_the_guides_products_are_what_the_next_turn_points_at(guide_store) -> None:
    guide_store.save_faq(FLAT_FEET)
    engine = Engine(guide_store)
    conv = Conversation()
    for _ in engine.answer("扁平足选什么鞋", conv):
        pass
    assert [p.sku for p in conv.shown] == ["SH-2"]
    plan = engine.plan("第一个多少钱", conv)
    assert [p.sku for p in plan.products] == ["SH-2"], plan.intent
