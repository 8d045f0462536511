"""The corpus: stores split disjointly, and reference answers that quote the facts exactly."""

from __future__ import annotations

import pytest

from shopguide.training import corpus as c
from shopguide.training.evaluate import check_figures, facts_of
from shopguide.training.synth import make_store

SPEC = c.CorpusSpec(stores=16, per_store=14, validation_stores=3, test_stores=3, routed_share=0.5)


@pytest.fixture(scope="module")
def records():
    return c.build(SPEC)


def test_train_validation_test_stores_are_disjoint(records):
    keys = {s: {r.store for r in records if r.split == s} for s in c.SPLITS}
    assert keys["train"] and keys["validation"] and keys["test"]
    assert not keys["train"] & keys["test"]
    assert not keys["train"] & keys["validation"]
    assert not keys["validation"] & keys["test"]
    assert len(keys["test"]) == SPEC.test_stores


def test_check_disjoint_refuses_a_store_in_two_splits():
    with pytest.raises(ValueError, match="s1"):
        c.check_disjoint({"train": ["s1", "s2"], "test": ["s1"]})


def test_seed_pairs_and_faq_only_in_training(records):
    seed = [r for r in records if r.store == "seed"]
    assert seed and all(r.split == "train" for r in seed)
    assert any("哪里可以买到好的运动鞋" in r.context for r in seed)


def test_reference_answers_quote_every_figure_exactly(records):
    wrote = 0
    for r in records:
        written, right = check_figures(r.target, facts_of(r.context))
        assert written == right, (r.context, r.target)
        wrote += written
    assert wrote > len(records) // 2  # the answers do state prices, aisles and stock


def test_reference_answers_name_the_top_product(records):
    tops = [r for r in records if r.top]
    assert len(tops) > len(records) // 3
    for r in tops:
        assert r.top in r.target
        assert r.top in r.context.split("\n")[1]  # the first fact is the top product


def test_both_languages_and_all_situations_present(records):
    train = [r for r in records if r.split == "train"]
    assert {r.lang for r in train} == {"zh", "en"}
    kinds = {r.kind for r in train}
    assert {"recommend", "compare", "policy", "none", "followup", "social"} <= kinds
    assert any("Customer: " in r.context for r in train)
    assert any(r.context.count("\nQ: ") >= 1 and "\nA: " in r.context for r in train)  # history


def test_stores_are_reproducible_and_varied():
    a, b = make_store(5), make_store(5)
    assert [p.sku for p in a.products] == [p.sku for p in b.products]
    trades = {make_store(s).trade.name for s in range(40)}
    currencies = {make_store(s).settings.currency for s in range(40)}
    assert len(trades) >= 6 and {"CNY", "USD"} <= currencies


def test_faq_csv_rows_are_checked(tmp_path):
    bad = tmp_path / "faq.csv"
    bad.write_text("id,question,answer\nr1,退货？,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 1"):
        c.read_faq_csv(bad)


def test_coined_names_leave_ordinary_stores_as_they_were_and_coin_new_words() -> None:
    from shopguide.training.synth import make_store
    from shopguide.training.synth_vocab import TRADES

    plain, again = make_store(11), make_store(11, coined=0.0)
    assert [p.name for p in plain.products] == [p.name for p in again.products]
    coined = make_store(11, coined=1.0)
    known = {b[i] for t in TRADES for b in t.brands for i in (0, 1)}
    brands = {p.brand for p in coined.products if p.brand}
    assert brands and not brands & known  # every brand is new
    assert (coined.trade, coined.lang) == (plain.trade, plain.lang)
    # Names still begin with their brand, so the copy the model learns is the same shape.
    assert all(p.name.startswith(p.brand) for p in coined.products if p.brand)
