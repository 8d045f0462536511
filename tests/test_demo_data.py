"""The bundled demo store, the second test store and their query sets are data
other areas build on: check them with nothing but the csv module, so a broken row
is caught here rather than as a puzzling engine or import failure."""

from __future__ import annotations

import csv
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"
HOME = ROOT / "tests" / "data" / "home_kitchen"
TODAY = date(2026, 11, 28)  # the date the demo follow-ups were written against


@dataclass(frozen=True)
class StoreSpec:
    path: Path
    queries: Path
    language: str
    currency: str
    min_products: int
    min_categories: int
    min_faq: int
    min_customers: int
    min_queries: int
    bilingual: bool


STORES = {
    "demo": StoreSpec(DEMO, ROOT / "resources" / "eval" / "demo.jsonl", "zh", "CNY",
                      150, 12, 40, 20, 80, True),
    "home_kitchen": StoreSpec(HOME, HOME / "queries.jsonl", "en", "USD",
                              50, 12, 15, 8, 30, False),
}

PRODUCT_REQUIRED = ("sku", "name", "category", "price")
EXPECT_KEYS = {"products_any", "products_all", "faq", "max_price", "min_price",
               "category", "brand", "size", "color", "none", "in_stock"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames, f"{path}: no header row"
        rows = list(reader)
    for n, row in enumerate(rows, start=2):
        assert None not in row, f"{path}:{n}: more cells than header columns"
        assert all(v is not None for v in row.values()), f"{path}:{n}: missing cells"
    return rows


def split_list(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def category_matches(expected: str, actual: str) -> bool:
    """True when `expected` names the product's category or one of its parents.

    A category may be named by its full path (`鞋/跑鞋`), a parent (`鞋`) or its
    own name within the path (`跑鞋`), as the evaluation spec's example does."""
    have = [s.strip() for s in actual.split("/")]
    want = [s.strip() for s in expected.split("/")]
    return any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


@pytest.fixture(params=sorted(STORES), scope="module")
def store(request) -> StoreSpec:
    return STORES[request.param]


@pytest.fixture(scope="module")
def products(store) -> dict[str, dict[str, str]]:
    rows = read_csv(store.path / "products.csv")
    skus = [r["sku"] for r in rows]
    dupes = {s for s in skus if skus.count(s) > 1}
    assert not dupes, f"duplicate skus: {sorted(dupes)}"
    return {r["sku"]: r for r in rows}


@pytest.fixture(scope="module")
def faq_ids(store) -> set[str]:
    rows = read_csv(store.path / "faq.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate faq ids"
    return set(ids)


@pytest.fixture(scope="module")
def customer_ids(store) -> set[str]:
    rows = read_csv(store.path / "customers.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate customer ids"
    return set(ids)


def test_store_toml(store):
    settings = tomllib.loads((store.path / "store.toml").read_text(encoding="utf-8"))
    assert settings["language"] == store.language
    assert settings["currency"] == store.currency
    assert settings["name"].strip()


def test_products_columns_and_values(store, products):
    header = next(csv.reader((store.path / "products.csv").open(encoding="utf-8")))
    for col in PRODUCT_REQUIRED:
        assert col in [h.lower() for h in header], f"products.csv lacks {col}"
    assert len(products) >= store.min_products
    for sku, p in products.items():
        where = f"products.csv sku {sku}"
        assert re.fullmatch(r"\S{1,64}", sku), f"{where}: bad sku"
        for col in PRODUCT_REQUIRED:
            assert p[col].strip(), f"{where}: empty {col}"
        try:
            price = Decimal(p["price"])
        except InvalidOperation:
            pytest.fail(f"{where}: price {p['price']!r} is not a number")
        assert price > 0, f"{where}: price must be > 0"
        assert price.as_tuple().exponent >= -2, f"{where}: more than 2 decimals"
        assert p["stock"] == "" or (p["stock"].isdigit()), f"{where}: stock {p['stock']!r}"
        # Real-product standard: brand, aisle, tags and a two-sentence description.
        assert p["brand"] and p["aisle"] and split_list(p["tags"]), f"{where}: incomplete"
        sentence_end = "。" if store.bilingual else "."
        assert p["description"].count(sentence_end) >= 2, f"{where}: description too short"
        if store.bilingual:
            assert p["name_en"].strip() and p["description_en"].count(".") >= 2, \
                f"{where}: missing English translation"
        assert "" not in p["sizes"].split(";") or p["sizes"] == "", f"{where}: empty size"


def test_products_have_variety(store, products):
    categories = {p["category"] for p in products.values()}
    assert len(categories) >= store.min_categories
    stocks = [p["stock"] for p in products.values()]
    assert "0" in stocks and "" in stocks, "need out-of-stock and unknown-stock rows"
    assert len({p["brand"] for p in products.values()}) >= 8


def test_demo_answers_the_founding_questions():
    products = {r["sku"]: r for r in read_csv(DEMO / "products.csv")}
    flat_under_500_43 = [
        p for p in products.values()
        if p["category"] == "鞋/跑鞋" and "扁平足" in split_list(p["tags"])
        and Decimal(p["price"]) <= 500 and "43" in split_list(p["sizes"])
    ]
    assert len(flat_under_500_43) >= 3
    assert any("云跃缓震跑鞋" == p["name"] for p in flat_under_500_43)
    assert any("加厚棉衣" in p["name"] for p in products.values())
    faq = {r["id"]: r for r in read_csv(DEMO / "faq.csv")}
    assert faq["shoe-section"]["question"] == "哪里可以买到好的运动鞋？"
    assert faq["guide-padded-coat"]["question"] == "如何选择合适的棉衣？"
    assert faq["save-money"]["question"] == "有哪些方法可以降低购物车里的商品价格？"
    for row in faq.values():
        assert row["question"].strip() and row["answer"].strip(), row["id"]
        assert split_list(row["alternates"]), f"faq {row['id']}: no alternates"


def test_faq_count(store, faq_ids):
    assert len(faq_ids) >= store.min_faq


def test_customers(store, customer_ids, products):
    rows = read_csv(store.path / "customers.csv")
    assert len(customer_ids) >= store.min_customers
    for c in rows:
        assert c["name"].strip(), c["id"]
        assert c["preferred_language"] in ("zh", "en", "")
        assert c.get("consent_marketing", "") in ("yes", "no", "")
        assert re.fullmatch(r"(\d+-\d+)?", c["budget"]), f"customer {c['id']}: budget"
        for pair in split_list(c["sizes"]):
            assert re.fullmatch(r"\w+=\w+", pair), f"customer {c['id']}: size {pair!r}"


def test_demo_notes_and_consents_are_dated_in_the_past_with_the_purchases(store, customer_ids):
    """Dated rows, not the moment of import: a demo's notes should not all look new."""
    if store is not STORES["demo"]:
        pytest.skip("the demo's relationship history")
    folder = store.path
    first: dict[str, str] = {}
    for p in read_csv(folder / "purchases.csv"):
        first[p["customer_id"]] = min(first.get(p["customer_id"], p["date"]), p["date"])
    for name, column in (("notes.csv", "created"), ("consents.csv", "date")):
        rows = read_csv(folder / name)
        assert {r["customer_id"] for r in rows} == customer_ids, name
        for r in rows:
            day = date.fromisoformat(r[column][:10])
            assert day <= TODAY and r[column][:10] == first[r["customer_id"]], (name, r)


def test_purchases_and_followups_refer_to_known_rows(store, customer_ids, products):
    purchases = read_csv(store.path / "purchases.csv")
    assert {p["customer_id"] for p in purchases} <= customer_ids
    for n, p in enumerate(purchases, start=2):
        assert p["sku"] in products, f"purchases.csv:{n}: unknown sku {p['sku']}"
        assert date.fromisoformat(p["date"]) <= TODAY, f"purchases.csv:{n}: future date"
        assert int(p["quantity"]) >= 1
        assert Decimal(p["price"]) > 0
    followups = read_csv(store.path / "followups.csv")
    assert {f["customer_id"] for f in followups} <= customer_ids
    dues = [(date.fromisoformat(f["due"]), f["done"]) for f in followups]
    assert all(done in ("yes", "no") for _, done in dues)
    if store is STORES["demo"]:
        assert {p["customer_id"] for p in purchases} == customer_ids, "every customer buys"
        assert any(d < TODAY and done == "no" for d, done in dues), "an overdue one"
        assert any(d > TODAY and done == "no" for d, done in dues), "a future one"
        assert any(done == "yes" for _, done in dues), "a done one"


def load_queries(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [json.loads(ln) for ln in lines]


def test_query_set_is_well_formed(store, products, faq_ids):
    queries = load_queries(store.queries)
    assert len(queries) >= store.min_queries
    ids = [q["id"] for q in queries]
    assert len(ids) == len(set(ids)), "duplicate query ids"
    for q in queries:
        assert q["q"].strip() and isinstance(q["expect"], dict) and q["expect"], q["id"]
        assert set(q["expect"]) <= EXPECT_KEYS, f"{q['id']}: unknown expect key"
        assert all(isinstance(t, str) and t for t in q.get("after", [])), q["id"]
        for sku in q["expect"].get("products_any", []) + q["expect"].get("products_all", []):
            assert sku in products, f"{q['id']}: unknown sku {sku}"
        if "faq" in q["expect"]:
            assert q["expect"]["faq"] in faq_ids, f"{q['id']}: unknown faq id"


def test_query_constraints_are_satisfied_by_the_expected_products(store, products):
    """Every SKU a query expects to see must itself pass that query's constraints,
    otherwise no engine could ever score the query."""
    for q in load_queries(store.queries):
        e = q["expect"]
        for sku in e.get("products_any", []) + e.get("products_all", []):
            p, where = products[sku], f"{q['id']} / {sku}"
            price = Decimal(p["price"])
            if "max_price" in e:
                assert price <= Decimal(str(e["max_price"])), where
            if "min_price" in e:
                assert price >= Decimal(str(e["min_price"])), where
            if "category" in e:
                assert category_matches(e["category"], p["category"]), where
            if "brand" in e:
                assert p["brand"] == e["brand"], where
            if "size" in e:
                assert e["size"] in split_list(p["sizes"]), where
            if "color" in e:
                assert e["color"] in split_list(p["colors"]), where
            if e.get("in_stock"):
                assert p["stock"] != "0", where
        if e.get("none"):
            assert not ({"products_any", "products_all", "faq"} & set(e)), q["id"]


def test_query_set_covers_every_kind(store):
    queries = load_queries(store.queries)
    keys = {k for q in queries for k in q["expect"]}
    assert {"products_any", "products_all", "faq", "none", "max_price", "min_price",
            "category", "brand", "size", "color", "in_stock"} <= keys
    assert sum(1 for q in queries if q.get("after")) >= 4
    if store.bilingual:
        zh = sum(1 for q in queries if re.search(r"[\u4e00-\u9fff]", q["q"]))
        assert 0.3 * len(queries) <= zh <= 0.8 * len(queries), "both languages"
