"""Decoding keeps to the word orders the model was taught (``PairGuard``): after
each token, the tokens that would put two units side by side that never stood so in a
training answer are masked for the next one."""

from __future__ import annotations

import numpy as np

from shopguide.guide import answer_shapes
from shopguide.guide.pair_guard import PairGuard
from tests.fixtures.guide import FakeModel

WORDS = [" ", ":", ".", " is", " and",
         " The", " Play", "fun", "。", "售价", "的", " in", " short", "'m",
         "'s", " it", " has", " aisle", ",", " In", "推荐", "特点是", "，", " details", " don", "'t", " say", "LD", "y", "ems", "aisle"]


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


def masked_after(model: FakeModel, *written: str, masked_now: set[int] | None = None) -> set[str]:
    """What a fresh guard masks after ``written`` (tokens of the vocabulary), reading
    ``masked_now`` as what is masked for good."""
    guard = PairGuard.of(model)
    if masked_now is not None:
        guard.watch(lambda: masked_now, lambda: len(masked_now))
    ban = None
    for word in written:
        ban = guard.after(model.vocab.index(word))
    return masked(ban, model)


def test_a_pair_never_taught_is_masked_for_the_next_token(tmp_path) -> None:
    model = model_with(tmp_path, ["The [P1] is [P1.price].", "[P1]: [P1.d1]."])
    guard = PairGuard.of(model)
    assert guard is not None
    ids = {t: model.vocab.index(t) for t in ("[P1]", ":", " ", "[P1.price]", " is")}
    start = masked(guard.start(), model)
    assert "[P1]" not in start and " The" not in start and " is" in start
    assert "[P1.price]" in start  # no taught sentence opens with a price
    guard.after(ids["[P1]"])
    after_colon = masked(guard.after(ids[":"]), model)
    # the lone space keeps the unit before it: what may follow ":" is still in force, and
    # no space follows it
    after_space = masked(guard.after(ids[" "]), model)
    assert after_colon <= after_space and " " in after_space and " " not in after_colon
    assert "[P1.price]" in after_colon and "[P1.d1]" not in after_colon
    # a unit never taught at all gives nothing to go by: no mask
    assert guard.after(model.vocab.index("的")) is None
    assert "好" not in start  # the end of the answer is never masked


def test_a_word_being_written_is_not_cut_and_a_sentence_end_starts_again(tmp_path) -> None:
    model = model_with(tmp_path, ["The [P1] is [P1.price].", "[P1]: [P1.d1].", "They are."])
    guard = PairGuard.of(model)
    after_the = masked(guard.after(model.vocab.index(" The")), model)
    # letters with no space may go on the word towards a taught one ("They"), not elsewhere
    assert "y" not in after_the and "fun" in after_the
    assert " is" in after_the and "[P1]" not in after_the
    guard.after(model.vocab.index("[P1]"))
    guard.after(model.vocab.index(" is"))
    guard.after(model.vocab.index(" "))
    guard.after(model.vocab.index("[P1.price]"))
    assert masked(guard.after(model.vocab.index(".")), model) == masked(guard.start(), model)


def test_without_saved_pairs_there_is_no_guard(tmp_path) -> None:
    model = FakeModel("")
    assert PairGuard.of(model) is None


def test_an_apostrophe_goes_on_only_the_words_taught_with_one(tmp_path) -> None:
    """"it" + "'s" is "it's"; "in" + "'m" starts a unit never taught ("[P1] in 'm afraid")."""
    model = model_with(tmp_path, ["It's [P1.price].", "[P1] in aisle [P1.aisle]."])
    assert "'s" not in masked_after(model, " it")
    assert "'m" in masked_after(model, "[P1]", " in")


def test_a_taught_word_the_tokenizer_splits_is_written_piece_by_piece(tmp_path) -> None:
    """"don't" is " don" + "'t": after "details" (taught before "don't" alone) the piece
    " don" may begin it; then only pieces that take it on towards a taught word ("'t"), no
    space and no piece in other letters ("LD"); once whole, "don't" is followed as taught."""
    model = model_with(tmp_path, ["The details don't say.", "[P1] in aisle [P1.aisle]."])
    after = masked_after(model, " The", " details")
    assert " don" not in after and " short" in after and " in" in after
    begun = masked_after(model, " The", " details", " don")
    assert "'t" not in begun and " short" in begun and "fun" in begun and "LD" in begun
    whole = masked_after(model, " The", " details", " don", "'t")
    assert " say" not in whole and " short" in whole


def test_a_piece_must_go_on_and_nothing_glues_onto_a_word_it_does_not_continue(tmp_path) -> None:
    """" it" after "The" is let in only as the first piece of "items": it must go on ("ems"),
    not stand as "The it in". And "aisle" with no space after "in" would be "inaisle"."""
    model = model_with(tmp_path, ["The items are here.", "[P1] has it in aisle [P1.aisle]."])
    assert " it" not in masked_after(model, " The")
    piece = masked_after(model, " The", " it")
    assert "ems" not in piece and " in" in piece
    after_in = masked_after(model, "[P1]", " has", " it", " in")
    assert " aisle" not in after_in and "aisle" in after_in


def test_a_pair_that_only_opened_sentences_is_masked_further_on(tmp_path) -> None:
    model = model_with(tmp_path, ["In short, [F1.c1].", "[P1] in aisle [P1.aisle]."])
    assert " short" not in masked_after(model, " In")
    assert " short" in masked_after(model, "[P1]", " in")


def test_a_word_only_a_masked_reference_may_follow_is_a_dead_end(tmp_path) -> None:
    """"has" was only ever followed by a stock figure: with none to give (masked), "[P1] has"
    can only go on in an order never taught, so "has" is masked itself."""
    model = model_with(tmp_path, ["[P1] has [P1.stock].", "[P1] is [P1.price]."])
    stock = {model.vocab.index(t) for t in model.vocab if t.endswith(".stock]")}
    assert " has" not in masked_after(model, "[P1]", masked_now=set())
    # e.g. the stock figure was used, or switched off
    after_name = masked_after(model, "[P1]", masked_now=stock)
    assert " has" in after_name and " is" not in after_name


def test_a_pair_that_leads_only_to_masked_references_is_a_dead_end(tmp_path) -> None:
    """"in" goes on in many ways, but after a product's name it was only ever followed by its
    colours or its aisle: with neither to give, "[P1] in" is masked a word ahead, and so is
    "[P1] comes" (only "comes in" was taught, and it leads to colours alone)."""
    model = model_with(tmp_path, ["[P1] in aisle [P1.aisle].", "[P1] is in stock.",
                                  "The [P1] comes in [P1.colors].", "It's in the store."])
    colours_and_aisles = {model.vocab.index(t) for t in model.vocab
                          if t.endswith((".colors]", ".aisle]"))}
    assert " in" not in masked_after(model, "[P1]", masked_now=set())
    after_name = masked_after(model, "[P1]", masked_now=colours_and_aisles)
    assert " in" in after_name and " is" not in after_name
    # "is in stock"
    assert " in" not in masked_after(model, "[P1]", " is", masked_now=colours_and_aisles)


def test_a_dead_pair_inside_one_token_is_a_dead_end(tmp_path) -> None:
    """"特点是" is one token of three units: its own last pair (点, 是) was only ever followed
    by a product's tag, so with no tag to give the token is masked wherever it stands."""
    model = model_with(tmp_path, ["推荐[P1]，特点是[P1.t1]。", "[P1]售价[P1.price]，是[P1.d1]。"])
    tags = {model.vocab.index(t) for t in model.vocab if ".t" in t}
    assert "特点是" not in masked_after(model, "推荐", "[P1]", "，", masked_now=set())
    assert "特点是" in masked_after(model, "推荐", "[P1]", "，", masked_now=tags)


def test_a_held_fact_is_no_dead_end(tmp_path) -> None:
    """The gates hold a product's facts until its name is written: they are to come, so the
    name that leads to them is not masked (only what is masked for good counts)."""
    from shopguide.llm import GenerationSettings
    from shopguide.llm.sampling import TokenChooser

    model = model_with(tmp_path, ["推荐[P1]，售价[P1.price]。"])
    facts = [model.vocab.index(t) for t in model.vocab if t.startswith("[P") and "." in t]
    chooser = TokenChooser(GenerationSettings(), model.vocab_size, [], model.eos_ids)
    chooser.hold(facts)
    guard = PairGuard.of(model)
    guard.watch(chooser.masked_now, lambda: chooser.mask_version)
    assert "[P1]" not in masked(guard.after(model.vocab.index("推荐")), model)
    chooser.ban_for_now(facts)  # masked whatever comes next: then "[P1]" leads nowhere
    guard = PairGuard.of(model)
    guard.watch(chooser.masked_now, lambda: chooser.mask_version)
    assert "[P1]" in masked(guard.after(model.vocab.index("推荐")), model)


def test_a_space_alone_is_masked_where_no_reference_may_follow_it(tmp_path) -> None:
    """A space alone stands only before a reference: after a unit no reference was taught
    after ("short" in "In short, …"), or whose references are all masked, it is a dead end.
    The line break that ends the answer is never such a space."""
    model = model_with(tmp_path, ["In short, [P1].", "The [P1] is [P1.price]."])
    model.vocab.append("\n")
    model.vocab_size = len(model.vocab)
    after_short = masked_after(model, " In", " short")
    assert " " in after_short and "\n" not in after_short
    assert " " not in masked_after(model, " In", " short", ",", masked_now=set())
    prices = {model.vocab.index(t) for t in model.vocab if t.endswith(".price]")}
    assert " " not in masked_after(model, " The", "[P1]", " is", masked_now=set())
    assert " " in masked_after(model, " The", "[P1]", " is", masked_now=prices)


def test_with_runs_own_words_are_held_weakly_to_taught_runs_of_three(tmp_path) -> None:
    # "it is" and "it has" are both taught pairs; only ", it is" a taught run of three.
    model = model_with(tmp_path, ["In short, it is [P1.d1].", "The [P1] it has [P1.d1]."])
    written = [" In", " short", ",", " it"]
    free = PairGuard.of(model)
    held = PairGuard.of(model, runs=True)
    for word in written:
        free.after(model.vocab.index(word))
        held.after(model.vocab.index(word))
    assert free.weak is None  # without runs, pairs alone
    weak = masked(held.weak, model)
    assert " has" in weak and " is" not in weak
    assert "[P1.d1]" not in weak  # a reference runs freely: facts are never kept out
    assert PairGuard.holds_runs(model)


def test_a_sentence_that_reads_as_no_predicate_is_masked_where_one_is_due(tmp_path) -> None:
    """The corpus taught "[P1] is [P1.price] and [P1.d1]" with verb phrases ("Suits
    beginners"); a sentence with a subject of its own may not stand there ("… is $22.99 and
    water-resistant material keeps pets dry"), though it may after a colon."""
    from shopguide.guide.masks import decoding_masks

    model = model_with(tmp_path, ["The [P1] is [P1.price] and [P1.d1].", "[P1]: [P1.d2].",
                                  "The [P1] is [P1.price] and [P1.d2]."])
    model.vocab.append(" and")
    model.vocab_size = len(model.vocab)
    prompt = ("Facts:\n[P1] Play Yard [P1.price] $22.99 [P1.d1] Keeps pets busy indoors "
              "[P1.d2] Water-resistant material keeps pets dry\nQ: a play yard\nA:")
    guard = decoding_masks(model, prompt, "en")["guard"]
    for word in (" The", "[P1]", " is", " ", "[P1.price]", " and"):
        guard.after(model.vocab.index(word))
    after_and = masked(guard.after(model.vocab.index(" ")), model)
    assert "[P1.d2]" in after_and and "[P1.d1]" not in after_and
    colon = guard.again()
    for word in ("[P1]", ":"):
        colon.after(model.vocab.index(word))
    assert "[P1.d2]" not in masked(colon.after(model.vocab.index(" ")), model)
    assert decoding_masks(model, prompt, "zh")["guard"].plain.size == 0


def test_a_sentence_opens_as_a_predicate_with_a_verb_for_it_or_an_adjective_phrase() -> None:
    from shopguide.text.english import opens_as_predicate

    for clause in ("Suits beginners", "Keeps dogs busy when you're out", "Easy to clean"):
        assert opens_as_predicate(clause), clause
    for clause in ("Water-resistant material keeps pets dry", "Tough rubber.",
                   "【Installation Hole Distance】Ship with an adapter", "Set of 2 bowls"):
        assert not opens_as_predicate(clause), clause


def test_a_sentence_that_gave_no_fact_does_not_end_on_a_word_that_announces_one(tmp_path
                                                                                 ) -> None:
    # "is ." was taught after a fact ("…, where the [P1] is."); "The [P1] is." gives none
    model = model_with(tmp_path, ["The [P1] is [P1.price].", "Aisle [P1.aisle], where the [P1] is.",
                                  "商品售价是[P1.price]。"])
    end = {".", "好"}  # a full stop and the end of the answer
    assert end <= masked_after(model, " The", "[P1]", " is")
    assert not end & masked_after(model, "aisle", " ", "[P1.aisle]", ",", " The", "[P1]", " is")
    # a sentence's end starts again: the fact of the one before counts no more
    assert end <= masked_after(model, "[P1.price]", ".", " The", "[P1]", " is")
    # Chinese: a cue is read across characters (售 + 价); a word that ends in a cue's
    # letters is no cue ("short" is no "or")
    assert "。" in masked_after(model, "售价") and "。" in masked_after(model, "特点是")
    assert "。" not in masked_after(model, "售价", "的")
    # a fact given before "and" does not give the one announced after it ("… is $34.99 and
    # it is.")
    assert end <= masked_after(model, " The", "[P1]", " is", " ", "[P1.price]", " and", " it",
                               " is")
    assert "." not in masked_after(model, " The", "[P1]", " has", " short")


def test_an_english_word_the_lexicon_lacks_reads_as_a_predicate_only_if_it_ends_as_one() -> None:
    from shopguide.text.english import reads_as_predicate

    assert not reads_as_predicate("app") and not reads_as_predicate("meal prep")
    assert reads_as_predicate("kink-free") and reads_as_predicate("washable")
    assert reads_as_predicate("hypoallergenic") and not reads_as_predicate("chewers")
