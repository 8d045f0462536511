"""The start screen's category chips: the categories with the most products, read from the
kept vocabulary and the index's counts (no scan of every product at start), in the order a
count over the products gives."""

from __future__ import annotations

from shopguide.store.models import Product
from ui.backend import _top_categories


def test_the_biggest_categories_come_first_as_a_count_over_products_says(fresh_store) -> None:
    sizes = {"鞋/跑鞋": 5, "鞋/登山鞋": 3, "户外/帐篷": 4, "户外/背包": 1, "Kitchen/Kettles": 2}
    for path, n in sizes.items():
        for i in range(n):
            fresh_store.save_product(Product(f"{path}-{i}", f"item {i}", path, 10.0 + i, "CNY"))
    counted = [r["category"].rsplit("/", 1)[-1] for r in fresh_store.query(
        "SELECT category, COUNT(*) AS n FROM products GROUP BY category ORDER BY n DESC, category")]
    assert _top_categories(fresh_store, 4) == counted[:4] == ["跑鞋", "帐篷", "登山鞋", "Kettles"]
    fresh_store.keep_word_stats()  # the same from the kept counts
    assert _top_categories(fresh_store, 4) == counted[:4]


def test_category_chips_speak_the_askers_language_through_the_stores_synonyms(fresh_store) -> None:
    """An English kiosk on a store whose categories are Chinese: the chip says the store's own
    English word for the category (its synonyms.csv), and asking it finds that category."""
    from shopguide.guide.conversation import Conversation
    from shopguide.guide.engine import Engine
    from ui.backend import Backend

    for i in range(3):
        fresh_store.save_product(Product(f"RS-{i}", f"跑鞋{i}", "鞋/跑鞋", 300.0 + i, "CNY"))
    fresh_store.save_product(Product("TT-1", "帐篷", "户外/帐篷", 500.0, "CNY"))
    fresh_store.save_synonym("trainers", ["训练鞋"], "en")  # names another category first
    fresh_store.save_synonym("Running Shoe", ["跑鞋"], "en")  # shown as the merchant wrote it
    fresh_store.save_synonym("jogger", ["跑鞋"], "en")  # a later word for it: not the chip
    data = Backend.suggestions(fresh_store)
    assert data.category_labels("zh") == ["跑鞋", "帐篷"]
    assert data.category_labels("en") == ["Running Shoe", "帐篷"]  # no English word for 帐篷
    plan = Engine(fresh_store).plan("Running Shoe", Conversation())
    assert {p.category for p in plan.products} == {"鞋/跑鞋"}
