"""A sentence in a word order the model was never taught is not shown."""

from __future__ import annotations

import json

from shopguide.guide import answer_shapes as shapes

TAUGHT = ["推荐[P1]，售价[P1.price]。位于[P1.aisle]货架。",
          "The [P2] is [P2.price]. It's in aisle [P2.aisle].", "[F1.c1]；[F1.c2]。"]


def test_references_count_by_kind_and_each_sentence_has_a_start() -> None:
    known = shapes.taught(TAUGHT)
    assert ("^", "it's") in known.pairs and ("<p_price>", "。") in known.pairs
    assert shapes.untaught("The [P3] is [P3.price].", known) is None  # any product's price
    assert shapes.untaught("推荐[P2]，售价[P2.price]。", known) is None


def test_words_never_side_by_side_in_training_are_caught() -> None:
    known = shapes.taught(TAUGHT)
    assert "has" in shapes.untaught("The [P1] has [P1.price].", known)
    assert shapes.untaught("[P1]售价我这就请店员过来帮您。", known)
    assert shapes.untaught("It's [P1.price].", known)  # "it's" never came before a price
    assert shapes.untaught("The [P1] has [P1.price].", None) is None  # no file: not checked


def test_a_pair_taught_only_as_an_opening_may_not_stand_later() -> None:
    known = shapes.taught(["In short, [F1.c1].", "The [P1] comes in [P1.colors]."])
    assert shapes.untaught("In short, [F1.c1].", known) is None
    # "in short" opened a sentence; after a product's name it is the model losing its way
    assert "in short" in shapes.untaught("The [P1] comes in short, [F1.c1].", known)
    # without the places recorded (an older file), a taught pair stands anywhere
    loose = shapes.Taught(known.pairs)
    assert shapes.untaught("The [P1] comes in short, [F1.c1].", loose) is None


def test_saved_beside_the_model_with_its_bases(tmp_path) -> None:
    base, tuned = tmp_path / "base", tmp_path / "tuned"
    base.mkdir()
    tuned.mkdir()
    shapes.save(base, TAUGHT[:1])
    shapes.save(tuned, TAUGHT[1:], base=base)
    assert shapes.read(base).pairs < shapes.read(tuned).pairs
    assert shapes.read(tuned) == shapes.taught(TAUGHT)
    assert shapes.read(tmp_path / "nowhere") is None


def test_a_file_of_pairs_alone_is_read_and_tuned_on(tmp_path) -> None:
    """A model saved before the places were kept: its pairs stand anywhere, also once a
    store's fine-tune adds its own (with places)."""
    old, tuned = tmp_path / "old", tmp_path / "tuned"
    old.mkdir()
    tuned.mkdir()
    (old / shapes.FILE).write_text(json.dumps([["^", "in"], ["in", "short"]]), encoding="utf-8")
    assert shapes.read(old) == shapes.Taught(frozenset({("^", "in"), ("in", "short")}))
    shapes.save(tuned, ["The [P1] is [P1.price]."], base=old)
    merged = shapes.read(tuned)
    assert merged is not None and merged.later is not None
    assert ("in", "short") in merged.later and ("<p>", "is") in merged.later
    assert ("^", "the") not in merged.later  # the tune's own openers keep their place
    assert merged.triples is None  # runs of three of the old model unknown: none assumed
    assert merged.opening is None


def test_runs_of_three_say_what_came_after_each_pair() -> None:
    known = shapes.taught(["The [P1] comes in [P1.colors].", "[P1] in aisle [P1.aisle]."])
    assert ("comes", "in", "<p_colors>") in known.triples
    assert ("<p>", "in", "aisle") in known.triples and ("^", "<p>", "in") in known.triples


def test_a_name_where_no_name_was_taught_is_caught() -> None:
    """"[P1] in the [P2]: …" (a product inside another) is made of taught pairs; a name is
    also held to the two units before it, as the runs of three taught them."""
    known = shapes.taught(["The [P1] is in the store.", "Have a look at the [P1]: [P1.d1].",
                           "[P1]: [P1.d1]."])
    assert shapes.untaught("Have a look at the [P2]: [P2.d1].", known) is None
    assert "named where" in shapes.untaught("[P1] is in the [P2]: [P2.d1].", known)
    assert shapes.untaught("[P1] is in the [P2]: [P2.d1].", shapes.Taught(known.pairs)) is None



def test_own_words_run_as_they_ran_in_some_training_answer() -> None:
    """"…and durable; the shelf.": "the" opening a sentence and "the shelf" were each taught,
    never the two together. Runs with a reference in them are not held to it: the model
    recombines what it learnt around the facts ("[P2] is [P2.price]" opened no answer)."""
    known = shapes.taught(["The [P1] is [P1.price]; the [P2] is [P2.price].",
                           "[P1] is in aisle [P1.aisle], on the shelf."])
    assert "never taught ('^ the shelf')" in shapes.untaught("the shelf.", known)
    assert shapes.untaught("[P2] is [P2.price];", known) is None
    assert shapes.untaught("the shelf.", shapes.Taught(known.pairs, known.later)) is None


def test_own_words_open_a_sentence_only_as_some_training_sentence_opened() -> None:
    """"The store's prices: the [P1], so I can't tell you for sure;" is made of taught runs
    ("The store's rule is: …", "… quote the store's prices: the [P1] is …"), but "the
    store's prices" only ever stood inside a sentence."""
    known = shapes.taught(["The store's rule is: [F1.c1].",
                           "Sorry, I can only quote the store's prices: the [P1] is [P1.price].",
                           "The catalog doesn't say that about the [P1], so I can't tell you."])
    spliced = "The store's prices: the [P1], so I can't tell you."
    assert "never opened a sentence (\"the store's prices\")" in shapes.untaught(spliced, known)
    assert shapes.untaught("The store's rule is: [F1.c1].", known) is None
    assert shapes.untaught("The catalog doesn't say that about the [P1], so I can't tell you.",
                           known) is None
    # saved and read back with the model; a file saved before has no openings to go by
    folder_known = shapes.Taught(known.pairs, known.later, known.triples)
    assert shapes.untaught(spliced, folder_known) is None


def test_a_fact_right_after_a_name_must_have_stood_so() -> None:
    """"[P1][P1.t1]" was taught in Chinese ("…[P1]，[P1.t1]" aside), so the pair is known; "The
    [P2] [P2.t1]." and "[P1][P1.d1]" glued into "…EMS109Lwindows 10 …" never stood so."""
    known = shapes.taught(["推荐[P1][P1.t1]。", "The [P1] is [P1.price].", "I'd go for the [P1].",
                           "It's [P1.t1]."])
    assert "a fact after a name" in shapes.untaught("The [P2] [P2.t1].", known)
    assert shapes.untaught("推荐[P2][P2.t1]。", known) is None
    assert shapes.untaught("The [P2] is [P2.price].", known) is None
