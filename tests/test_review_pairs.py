"""Fine-tune data from what was reviewed: the questions with their corrected answers become
the fine-tune's Q&A pairs (the seed's ``Q: … A:`` exchanges), next to the store and the CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopguide.review import (apply_action, review_groups, reviewed_pairs, undo_action,
                              write_pairs_csv)

GIFT = "Yes: gift wrapping is free at the till."
BOATS = "We don't sell boats; Lakeside Paddle Co. next door does."


@pytest.fixture
def reviewed(review_store, shoppers_ask):
    for q in ("when do you shut on saturday", "do you do gift wrapping?", "do you sell kayaks?",
              "something to keep my coffee hot", "hydration pack", "is there parking?"):
        shoppers_ask([q])
    groups = {g.question: g for g in review_groups(review_store)}
    apply_action(review_store, groups["when do you shut on saturday"], "faq-alternate",
                 faq="hours")
    apply_action(review_store, groups["do you do gift wrapping?"], "new-answer", answer=GIFT)
    apply_action(review_store, groups["do you sell kayaks?"], "not-carried", answer=BOATS)
    apply_action(review_store, groups["something to keep my coffee hot"], "synonym",
                 product="BT-1")
    apply_action(review_store, groups["hydration pack"], "ignore")
    taken_back = apply_action(review_store, groups["is there parking?"], "new-answer",
                              answer="Free parking behind the shop.")
    undo_action(review_store, taken_back.id)
    return review_store


def test_the_reviewed_questions_with_their_answers(reviewed) -> None:
    pairs = dict(reviewed_pairs(reviewed))
    assert pairs == {"when do you shut on saturday": reviewed.faq("hours").answer,
                     "do you do gift wrapping": GIFT, "do you sell kayaks": BOATS}
    # An answer edited since is what is learnt.
    from shopguide.store.models import FaqEntry

    hours = reviewed.faq("hours")
    reviewed.save_faq(FaqEntry(hours.id, hours.question, "Open 8 to 8.", hours.alternates))
    assert dict(reviewed_pairs(reviewed))["when do you shut on saturday"] == "Open 8 to 8."


def test_they_reach_the_fine_tune_as_seed_exchanges(reviewed, tmp_path: Path) -> None:
    from shopguide.store.models import FaqEntry
    from shopguide.training import corpus
    from shopguide.training.finetune import merchant_pairs, read_qa_csv

    path = tmp_path / "pairs.csv"
    assert write_pairs_csv(reviewed_pairs(reviewed), path) == 3
    assert read_qa_csv(path) == reviewed_pairs(reviewed)  # the --qa format, read back

    csv = tmp_path / "mine.csv"
    csv.write_text("question,answer\ndo you sell kayaks,Ask at the counter.\nwhat is new,Tents.\n",
                   encoding="utf-8")
    store_file = Path(reviewed.path)
    assert merchant_pairs(store_file, None, reviewed=False) == []
    both = merchant_pairs(store_file, csv, reviewed=True)
    assert both[:2] == read_qa_csv(csv)  # the CSV's own answer wins for a question in both
    assert {q for q, _ in both} == {"do you sell kayaks", "what is new",
                                    "when do you shut on saturday", "do you do gift wrapping"}
    faqs = [FaqEntry(f"qa{i}", q, a) for i, (q, a) in enumerate(both, 1)]
    contexts = [r.context for r in corpus.faq_records(faqs, "qa", "en", 5, copies=5)]
    assert all(any(f"\nQ: {q}\nA:" in c for c in contexts) for q, _ in both)
    with pytest.raises(ValueError, match="store file"):
        merchant_pairs(tmp_path, None, reviewed=True)


def test_the_train_command_takes_them() -> None:
    from shopguide.cli import build_parser

    args = build_parser().parse_args(["train", "--from", "bundled", "--store", "s.sqlite",
                                      "--reviewed", "--out", "m"])
    assert args.reviewed is True
    assert build_parser().parse_args(["train", "--preset", "tiny"]).reviewed is False
