"""A sentence in a word order the model was never taught is not shown."""

from __future__ import annotations

from shopguide.guide import answer_shapes as shapes

TAUGHT = ["推荐[P1]，售价[P1.price]。位于[P1.aisle]货架。",
          "The [P2] is [P2.price]. It's in aisle [P2.aisle].", "[F1.c1]；[F1.c2]。"]


def test_references_count_by_kind_and_each_sentence_has_a_start() -> None:
    known = frozenset(shapes.taught(TAUGHT))
    assert ("^", "it's") in known and ("<p_price>", "。") in known
    assert shapes.untaught("The [P3] is [P3.price].", known) is None  # any product's price
    assert shapes.untaught("推荐[P2]，售价[P2.price]。", known) is None


def test_words_never_side_by_side_in_training_are_caught() -> None:
    known = frozenset(shapes.taught(TAUGHT))
    assert "has" in shapes.untaught("The [P1] has [P1.price].", known)
    assert shapes.untaught("[P1]售价我这就请店员过来帮您。", known)
    assert shapes.untaught("It's [P1.price].", known)  # "it's" never came before a price
    assert shapes.untaught("The [P1] has [P1.price].", None) is None  # no file: not checked


def test_saved_beside_the_model_with_its_bases(tmp_path) -> None:
    base, tuned = tmp_path / "base", tmp_path / "tuned"
    base.mkdir()
    tuned.mkdir()
    shapes.save(base, TAUGHT[:1])
    shapes.save(tuned, TAUGHT[1:], base=base)
    assert shapes.read(base) < shapes.read(tuned)
    assert shapes.read(tuned) == frozenset(shapes.taught(TAUGHT))
    assert shapes.read(tmp_path / "nowhere") is None
