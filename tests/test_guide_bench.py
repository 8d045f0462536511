"""The benchmark helpers build what they claim and report every figure (speed itself is
measured by `shopguide bench`, not asserted here)."""

from __future__ import annotations

import pytest

from shopguide.guide.bench import build_store, e2e_bench, retrieval_bench


def test_generated_catalog_has_the_size_asked_and_is_searchable(tmp_path) -> None:
    store = build_store(tmp_path / "b.sqlite", 300)
    assert store.count_products() == 300
    assert store.search_products("跑鞋", limit=5)
    store.close()


def test_retrieval_bench_reports_percentiles_per_size(tmp_path) -> None:
    rows = retrieval_bench((120, 240), workdir=tmp_path)
    assert [r["products"] for r in rows] == [120, 240]
    for r in rows:
        assert 0 < r["p50_ms"] <= r["p95_ms"] and r["cpu_p50_ms"] <= r["cpu_p95_ms"]
    assert not list(tmp_path.iterdir())  # the temporary stores are gone


def test_e2e_bench_runs_answers_and_checks_grounding(guide_store) -> None:
    out = e2e_bench(guide_store, None, ["跑鞋", "退货政策是什么？", "今天天气怎么样？"])
    assert out["products"] == guide_store.count_products() and "without_model" not in out
    assert out["queries"] == 3 and out["grounded_rate"] == 1.0 and not out["used_model"]
    assert out["first_token_p50_ms"] <= out["total_p95_ms"]


def test_kept_stores_are_reused_and_interrupted_ones_topped_up(tmp_path) -> None:
    keep = tmp_path / "stores"
    retrieval_bench((150,), workdir=tmp_path, store_dir=keep)
    path = keep / "bench-150.sqlite"
    assert path.is_file()  # kept for the next run
    fresh = build_store(tmp_path / "fresh.sqlite", 150)
    expected = [(p.sku, p.name, p.price, p.tags) for p in fresh.all_products()]
    fresh.close()
    # An interrupted build: the last rows are missing; the next run adds exactly those.
    partial = build_store(path, 150)
    with partial.transaction() as conn:
        conn.execute("DELETE FROM products WHERE id > 100")
    partial.close()
    again = build_store(path, 150)
    assert [(p.sku, p.name, p.price, p.tags) for p in again.all_products()] == expected
    assert again.search_products("跑鞋", limit=3)  # the index was filled for the new rows
    again.close()


def test_a_kept_store_larger_than_asked_is_refused(tmp_path) -> None:
    build_store(tmp_path / "b.sqlite", 40).close()
    with pytest.raises(ValueError, match="40 products, more than the 30"):
        build_store(tmp_path / "b.sqlite", 30)


def test_import_bench_imports_generated_catalogs_and_answers_on_them(tmp_path) -> None:
    from shopguide.guide.bench_import import import_bench, write_catalog

    path = write_catalog(tmp_path / "c", 50)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("sku,name,category,price") and len(lines) >= 51
    rows = import_bench([300], workdir=tmp_path)
    assert [r["products"] for r in rows] == [300]
    r = rows[0]
    assert r["import_s"] > 0 and r["peak_mb"] > 10 and r["store_x_csv"] > 1
    assert 0 < r["answer_p50_ms"] <= r["answer_p95_ms"] and r["first_after_import_ms"] > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("shopguide-import-bench-")]


def test_the_masks_bench_times_the_same_stream_with_and_without_the_masks(guide_store,
                                                                         tiny_trained) -> None:
    """The network's part is taken out (fixed logits at once) and put back afterwards; both
    figures are per token of the same length of answer."""
    from shopguide.guide.bench import masks_bench
    from shopguide.llm import load_model

    model = load_model(str(tiny_trained.out))
    backend = model.backend
    out = masks_bench(guide_store, model, tokens=16, repeat=2)
    assert model.backend is backend
    assert out["tokens"] == 16 and out["plain_us_per_token"] > 0 and out["masks_us_per_token"] > 0
