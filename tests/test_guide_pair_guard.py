"""Decoding keeps to the word orders the model was taught (``answer_shapes.PairGuard``): after
each token, the tokens that would put two units side by side that never stood so in a
training answer are masked for the next one."""

from __future__ import annotations

import numpy as np

from shopguide.guide import answer_shapes
from tests.fixtures.guide import FakeModel

WORDS = [" ", ":", ".", " is", " The", " Play", "fun", "。", "售价", "的"]


def model_with(tmp_path, answers: list[str]) -> FakeModel:
    model = FakeModel("")
    model.vocab += WORDS
    model.vocab_size = len(model.vocab)
    model.eos_ids = (model.vocab.index("好"),)
    answer_shapes.save(tmp_path, answers)
    model.path = tmp_path
    return model


def masked(ban: np.ndarray | None, model: FakeModel) -> set[str]:
    return {model.vocab[i] for i in ban} if ban is not None else set()


def test_a_pair_never_taught_is_masked_for_the_next_token(tmp_path) -> None:
    model = model_with(tmp_path, ["The [P1] is [P1.price].", "[P1]: [P1.d1]."])
    guard = answer_shapes.PairGuard.of(model)
    assert guard is not None
    ids = {t: model.vocab.index(t) for t in ("[P1]", ":", " ", "[P1.price]", " is")}
    start = masked(guard.start(), model)
    assert "[P1]" not in start and " The" not in start and " is" in start
    assert "[P1.price]" in start  # no taught sentence opens with a price
    guard.after(ids["[P1]"])
    after_colon = masked(guard.after(ids[":"]), model)
    # the lone space keeps the unit before it: what may follow ":" is still in force
    assert masked(guard.after(ids[" "]), model) == after_colon
    assert "[P1.price]" in after_colon and "[P1.d1]" not in after_colon
    # a unit never taught at all gives nothing to go by: no mask
    assert guard.after(model.vocab.index("售价")) is None
    assert "好" not in start  # the end of the answer is never masked


def test_a_word_being_written_is_not_cut_and_a_sentence_end_starts_again(tmp_path) -> None:
    model = model_with(tmp_path, ["The [P1] is [P1.price].", "[P1]: [P1.d1]."])
    guard = answer_shapes.PairGuard.of(model)
    after_the = masked(guard.after(model.vocab.index(" The")), model)
    assert "fun" not in after_the  # letters with no space go on the word ("Thefun")
    assert " is" in after_the and "[P1]" not in after_the
    guard.after(model.vocab.index("[P1]"))
    guard.after(model.vocab.index(" is"))
    guard.after(model.vocab.index(" "))
    guard.after(model.vocab.index("[P1.price]"))
    assert masked(guard.after(model.vocab.index(".")), model) == masked(guard.start(), model)


def test_without_saved_pairs_there_is_no_guard(tmp_path) -> None:
    model = FakeModel("")
    assert answer_shapes.PairGuard.of(model) is None

