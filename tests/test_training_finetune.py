"""Fine-tuning on one store: reads the store and Q&A pairs, trains, measures before and after."""

from __future__ import annotations

import json

import pytest

from shopguide.training.finetune import finetune, read_qa_csv
from tests.fixtures.training import write_store_dir

PRODUCTS = """sku,name,category,price,brand,stock,aisle,sizes,tags
HH-1,Oak Bookshelf,Furniture/Shelves,129.99,Woodline,4,F2,,solid wood;five shelves
HH-2,Pine Bookshelf,Furniture/Shelves,79,Woodline,0,F2,,pine;compact
HH-3,Linen Duvet,Bedding/Duvets,89.5,Softnest,12,B1,single;double,linen;breathable
HH-4,Cast Iron Skillet,Kitchen/Pans,45,Ironware,30,K3,,cast iron;oven safe
"""
FAQ = """id,question,answer
returns,What is your return policy?,Returns are accepted within 60 days with a receipt.
delivery,Do you deliver?,Delivery is free over $99.
"""


@pytest.fixture
def store_dir(tmp_path):
    return write_store_dir(tmp_path / "hearth", PRODUCTS, FAQ)


def test_finetune_writes_a_loadable_model_with_before_and_after(tiny_trained, store_dir, tmp_path):
    qa = tmp_path / "qa.csv"
    qa.write_text("question,answer\nDo you assemble furniture?,Yes, assembly costs $20.\n", encoding="utf-8")
    out = tmp_path / "ft"
    report = finetune(str(tiny_trained.out), store_dir, out, qa=qa, minutes=0.05, threads=1,
                      log=lambda _m: None, eval_answers=6)
    assert set(report["before"]) == set(report["after"])
    assert report["after"]["answers"] == 6 and report["steps"] >= 1
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert card["fine_tuned"]["store_products"] == 4 and card["fine_tuned"]["qa_pairs"] == 1
    from shopguide.llm import load_model

    assert load_model(str(out)).count_tokens("Oak Bookshelf") > 0
    from shopguide.guide import answer_shapes

    # The word orders it was taught: the base's, and those of the store's own exchanges.
    assert answer_shapes.read(tiny_trained.out).pairs <= answer_shapes.read(out).pairs


def test_qa_csv_errors_name_the_row(tmp_path):
    bad = tmp_path / "qa.csv"
    bad.write_text("question,answer\nHow?,Like this.\nonly a question\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 3"):
        read_qa_csv(bad)
    with pytest.raises(FileNotFoundError):
        read_qa_csv(tmp_path / "missing.csv")


def test_a_missing_store_is_a_clear_error(tiny_trained, tmp_path):
    with pytest.raises(FileNotFoundError, match="no store here"):
        finetune(str(tiny_trained.out), tmp_path / "nope.sqlite", tmp_path / "out", minutes=0.01,
                 log=lambda _m: None)


def test_torch_threads_are_restored_after_finetuning(tiny_trained, tmp_path):
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        # threads=2 widens the pool before the store is read; the failure must not leave it at 2.
        with pytest.raises(FileNotFoundError):
            finetune(str(tiny_trained.out), tmp_path / "nope.sqlite", tmp_path / "out", minutes=0.01,
                     threads=2, log=lambda _m: None)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_a_tagged_model_is_fine_tuned_and_measured_in_its_own_form(tiny_trained, store_dir,
                                                                    tmp_path):
    from shopguide.guide.masks import tag_ids
    from shopguide.llm import load_model

    qa = tmp_path / "qa.csv"
    qa.write_text("question,answer\nDo you assemble furniture?,Yes. Assembly is extra.\n",
                  encoding="utf-8")
    out = tmp_path / "ft"
    report = finetune(str(tiny_trained.out), store_dir, out, qa=qa, minutes=0.05, threads=1,
                      log=lambda _m: None, eval_answers=6)
    # The tagged figures before and after, not the older model's.
    assert {"top_ordered", "cited", "policy_quoted", "foreign_tags"} <= set(report["after"])
    assert report["after"]["foreign_tags"] == 0
    card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
    assert card["prompt_format"] == "tagged-v2"
    assert tag_ids(load_model(str(out))) is not None  # the tags are still one token each
