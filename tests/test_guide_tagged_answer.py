"""Answers written with reference tags: filled with the facts, masked at decoding, checked lightly."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import pytest

from shopguide.guide import answer_shapes, masks
from shopguide.guide import tagged_answer as ta
from shopguide.guide.conversation import Conversation
from shopguide.guide.engine import Engine
from shopguide.guide.events import Done, Token
from shopguide.guide.question_gates import name_gates, need_gates, pick_gates
from shopguide.guide.refs import TAG, TAGGED_FORMAT, References
from shopguide.guide.report import turn_json
from shopguide.store.models import FaqEntry
from tests.fixtures.guide import DIGIT_TOKENS, FakeModel

DIGITS = DIGIT_TOKENS


class FakeTaggedModel(FakeModel):
    """The guide fixture's tagged fake: a scripted raw answer, its masks kept."""

    def __init__(self, raw: str) -> None:
        super().__init__(raw, piece=3)

    @property
    def banned(self) -> list[int]:
        return list(self.masks.get("banned", ()))


def ask(store, model, text: str) -> tuple[dict, Done]:
    done: list[Done] = []

    def keep(events):
        for ev in events:
            if isinstance(ev, Done):
                done.append(ev)
            yield ev

    turn = turn_json(text, keep(Engine(store, model).answer(text, Conversation())))
    return turn, done[0]


@pytest.mark.parametrize("clause, shown", [
    ("A classic kettle, loud whistle", "It costs $29.99 and a classic kettle, loud whistle."),
    ("An easy pour spout", "It costs $29.99 and an easy pour spout."),
    ("A Better Way Co. kettle", "It costs $29.99 and A Better Way Co. kettle."),  # a name's capital
    ("I like it", "It costs $29.99 and I like it."),
])
def test_a_clause_mid_sentence_keeps_only_a_names_capital(clause: str, shown: str) -> None:
    refs = References({"[P1.price]": "$29.99", "[P1.d1]": clause})
    assert ta.fill(refs, "It costs [P1.price] and [P1.d1].") == shown


@pytest.mark.parametrize("raw, shown", [
    ("The [P1] is in aisle [P1.aisle].", "The Shave Well Mirror is in Aisle 9."),
    ("It's about the [P1].", "It's about The Shave Well Mirror."),
    ("[P2]在[P2.aisle]货架。", "跑鞋在A3货架。"),
    ("Aisle [P3.aisle], where the [P2] is.", "Aisle A3, where the 跑鞋 is."),  # nothing said twice
    # Only the words the answers put around facts: a verb, a preposition, a colour stay.
    ("You could get [P4].", "You could get Get Set Kettle."),
    ("A bed for [P5].", "A bed for For Keeps Dog Bed."),
    ("[P2.colors]白色款最受欢迎。", "黑色/白色白色款最受欢迎。"),
    ("[P2]：[P2.d1]户型小的家也放得下。", "跑鞋：适合小户型户型小的家也放得下。"),
])
def test_a_word_of_the_answer_that_the_fact_says_again_is_left_out(raw: str, shown: str) -> None:
    """A store's values may carry the word the training answers put around them ("Aisle 9"
    after "in aisle", "A3货架" before "货架", a name starting "The" after "the")."""
    refs = References({"[P1]": "The Shave Well Mirror", "[P1.aisle]": "Aisle 9", "[P2]": "跑鞋",
                       "[P2.aisle]": "A3货架", "[P3.aisle]": "A3", "[P4]": "Get Set Kettle",
                       "[P5]": "For Keeps Dog Bed", "[P2.colors]": "黑色/白色", "[P2.d1]": "适合小户型"})
    assert ta.fill(refs, raw) == shown


def test_fill_puts_the_facts_in_place_of_the_tags() -> None:
    refs = References({"[P1]": "云跃缓震跑鞋", "[P1.price]": "¥459", "[P1.d1]": "Warm for everyday use",
                       "[F1.c1]": "购物后30天内凭小票可退货。"})
    assert ta.fill(refs, "推荐[P1]，售价[P1.price]。") == "推荐云跃缓震跑鞋，售价¥459。"
    # A clause mid-sentence in English starts lower-case; at the start it keeps its capital.
    assert ta.fill(refs, "It is light and [P1.d1].") == "It is light and warm for everyday use."
    assert ta.fill(refs, "[P1.d1].") == "Warm for everyday use."
    # A clause that ends with its own full stop is not given a second one.
    assert ta.fill(refs, "[F1.c1]。还有问题吗？") == "购物后30天内凭小票可退货。还有问题吗？"
    assert ta.fill(refs, "[F1.c1]，[P1]。") == "购物后30天内凭小票可退货。云跃缓震跑鞋。"
    assert ta.fill(refs, "[P3.price]") == ""  # no such fact: nothing is invented


@pytest.mark.parametrize("raw, text, before, shown", [
    ("[P1.t1], and it's [P1.price].", "kink-free, and it's $9.", "Consider the X.",
     "Kink-free, and it's $9."),
    ("[P1.t1], and it's [P1.price].", "kink-free, and it's $9.", "", "Kink-free, and it's $9."),
    ("[P1.t1], and it's [P1.price].", "kink-free, and it's $9.", "The X fits best;",
     "kink-free, and it's $9."),  # the sentence goes on: no capital
    ("[P1] is [P1.price].", "zdhoor bikini is $9.", "", "zdhoor bikini is $9."),  # a name
    ("[P1.t1] is in.", "iPhone is in.", "", "iPhone is in."),
])
def test_an_english_sentence_opened_by_a_fact_in_small_letters_gets_a_capital(
        raw: str, text: str, before: str, shown: str) -> None:
    assert ta._capital(raw, text, "en", before) == shown
    assert ta._capital(raw, text, "zh", before) == text


@pytest.mark.parametrize("raw, bad", [
    ("[F1.c1]，也就是三十天。", True), ("You have thirty days.", True),
    ("推荐这一款[P1]。", False), ("[P1] is one of our best.", False), ("售价[P1.price]。", False),
])
def test_numbers_written_outside_references_are_caught(raw: str, bad: bool) -> None:
    assert (ta.unreferenced_number(raw) is not None) is bad


def test_what_each_turn_must_reference() -> None:
    assert ta.pays(ta.owed("compare", True), "[P1] is [P1.price], [P2] is [P2.t1]")
    assert not ta.pays(ta.owed("compare", True), "[P1] is [P1.price], [P2.price]")
    # Both named, one told of: "X, we have Y, X, ¥459." compares nothing.
    assert not ta.pays(ta.owed("compare", True), "[P1], we have [P2], [P1], [P1.price].")
    assert not ta.pays(ta.owed("find", False), "主打[P1.t1]。")  # which product? no name
    assert not ta.pays(ta.owed("find", False), "[P1].")  # a name alone says nothing of it
    assert ta.pays(ta.owed("find", False), "推荐[P1]，[P1.t1]。")
    # Where it stands and how many are left recommend nothing ("… has 9 in stock.").
    assert not ta.pays(ta.owed("find", False), "The [P1] has [P1.stock] in stock.")
    assert not ta.pays(ta.owed("find", False), "[P1] in aisle [P1.aisle], [P2.price].")
    assert ta.pays(ta.owed("find", False), "The [P1] is [P1.price]; aisle [P1.aisle].")
    assert ta.pays(ta.owed("compare", True), "[P1]还有[P1.stock]件，[P2]还有[P2.stock]件。")
    # The best match has run out: saying so speaks of it, as the training answers do; only
    # of a product that has run out, and only in words that say it has.
    gone = frozenset({"[P1]"})
    out = "The [P1] would fit best, but it's out of stock right now."
    assert ta.pays(ta.owed("find", False), out, gone)
    assert ta.pays(ta.owed("find", False, need=True), "抱歉，[P1]暂时卖完了。", gone)
    assert not ta.pays(ta.owed("find", False), out)  # the prompt says it is on the shelf
    assert not ta.pays(ta.owed("find", False), "The [P1] would fit best.", gone)
    # With one on the shelf given, the answer offers it, as the training answers do.
    shelf = frozenset({"[P2]"})
    assert not ta.pays(ta.owed("find", False), out, gone, shelf)
    assert ta.pays(ta.owed("find", False), out + " The [P2] is in stock at [P2.price].", gone,
                   shelf)
    # A search that states what it may cost is answered with the price of what is named.
    priced = ta.owed("find", False, priced=True)
    assert not ta.pays(priced, "[P1]有货，库存[P1.stock]件。")
    assert not ta.pays(priced, "推荐[P1]，[P1.t1]。")
    assert not ta.pays(priced, "推荐[P1]，[P2.price]。")  # another product's price
    assert ta.pays(priced, "推荐[P1]，[P1.t1]，售价[P1.price]。")
    assert ta.owed("locate", False, priced=True) == ta.owed("locate", False)
    assert ta.pays(ta.owed("locate", False), "in [P1.aisle]")
    assert not ta.pays(ta.owed("locate", False), "[P1] is [P1.price]")
    assert not ta.pays(ta.owed("locate", False), "有的，[P1]还有[P1.stock]件。")  # where? not said
    assert ta.pays(ta.owed("locate", False, stock_question=True), "有的，[P1]还有[P1.stock]件。")
    assert not ta.pays(ta.owed("locate", False, stock_question=True), "[P1]卖[P1.price]。")
    assert ta.pays(ta.owed("policy", False), "[F1.c2]")
    assert not ta.pays(ta.owed("policy", False), "Yes, you can.")
    # "Do you have it in pink?" of the product discussed: the colours it comes in answer;
    # a sentence of its description does not, nor do its sizes.
    pink = ta.owed("find", False, variant="colors")
    assert ta.pays(pink, "Yes, the [P1] comes in [P1.colors].")
    assert not ta.pays(pink, "[P1]: [P1.d2].")
    assert not ta.pays(pink, "The [P1] comes in [P1.sizes].")
    assert ta.pays(ta.owed("find", False), "推荐[P1]，[P1.t1]。")  # a search with a colour
    # "Is it available in king?" reads as a stock question; its sizes answer it, its one
    # stock figure does not say whether king is on the shelf.
    king = ta.owed("locate", False, stock_question=True, variant="sizes")
    assert ta.pays(king, "Sizes for the [P1]: [P1.sizes].")
    assert not ta.pays(king, "Yes, the [P1] has [P1.stock] in stock.")


def test_the_model_answer_is_filled_from_the_catalog(catalog_store) -> None:
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。它在[P1.aisle]。")
    turn, done = ask(catalog_store, model, "有没有缓震的跑鞋？")
    assert turn["by"] == "model" and done.used_model
    assert "云跃缓震跑鞋" in turn["answer"] and "¥459" in turn["answer"]
    # Every tag resolved; the sentence about an aisle it has none of is not said ("它在。").
    assert not TAG.search(turn["answer"]) and "它在" not in turn["answer"]
    prompt = model.prompts[0]
    assert "[P1] 云跃缓震跑鞋" in prompt and "[P1.price] ¥459" in prompt
    # Decoding may not write a tag with no fact in this prompt, nor any digit.
    banned = {model.vocab[i] for i in model.banned}
    assert "[P5]" in banned and "[F2.c6]" in banned and set(DIGITS) <= banned
    assert "[P1]" not in banned and "[P1.price]" not in banned


def test_an_answer_that_references_nothing_is_composed(catalog_store) -> None:
    turn, done = ask(catalog_store, FakeTaggedModel("好的，这款很不错。"), "有没有缓震的跑鞋？")
    assert turn["by"] == "composed" and not done.used_model
    assert "云跃缓震跑鞋" in turn["answer"]  # the composed answer still names the match


def test_a_policy_answer_quotes_the_clause_and_drops_an_invented_figure(catalog_store) -> None:
    model = FakeTaggedModel("可以，[F1.c1]。一般三十五天都行。")
    turn, _ = ask(catalog_store, model, "退货政策是什么？")
    assert turn["by"] == "model"
    assert "30天内凭小票可退货" in turn["answer"] and "三十五" not in turn["answer"]


def test_a_stock_claim_in_the_models_own_words_must_hold(catalog_store) -> None:
    # 云跃缓震跑鞋 has 12 on the shelf: "out of stock" in free text is wrong, and dropped.
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。可惜目前缺货。")
    turn, _ = ask(catalog_store, model, "有没有缓震的跑鞋？")
    assert turn["by"] == "model" and "缺货" not in turn["answer"] and turn["grounded"]


def test_a_looping_sentence_is_dropped(catalog_store) -> None:
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。特点是很实用，特点是很实用，特点是很实用。")
    turn, _ = ask(catalog_store, model, "有没有缓震的跑鞋？")
    assert turn["by"] == "model" and "¥459" in turn["answer"] and "很实用" not in turn["answer"]


def test_a_comparison_waits_for_both_sides(catalog_store) -> None:
    one_side = FakeTaggedModel("[P1]售价[P1.price]。")
    turn, _ = ask(catalog_store, one_side, "云跃缓震跑鞋和疾风稳定跑鞋哪个好？")
    assert turn["intent"] == "compare" and turn["by"] == "composed"
    # 疾风稳定跑鞋 has none in stock: a comparison that names it says so.
    both = FakeTaggedModel("[P1]售价[P1.price]；[P2]售价[P2.price]，目前缺货。")
    turn, _ = ask(catalog_store, both, "云跃缓震跑鞋和疾风稳定跑鞋哪个好？")
    assert turn["by"] == "model" and "¥459" in turn["answer"] and "¥399.50" in turn["answer"]


def test_models_without_tags_are_not_tagged(tiny_model) -> None:
    assert masks.tag_ids(tiny_model) is None
    assert masks.tag_ids(object()) is None


@pytest.fixture(scope="session")
def tiny_tagged_model(tiny_trained):
    from shopguide.llm import load_model

    return load_model(str(tiny_trained.out))


def test_masking_keeps_a_sampling_model_inside_the_prompts_facts(catalog_store,
                                                                  tiny_tagged_model) -> None:
    """A barely trained model, sampled near-uniformly, writes whatever it likes, except what is masked:
    no digit and no tag the prompt has no fact for, in any of its answers."""
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    assert masks.tag_ids(model) is not None
    products = catalog_store.products(["RS-104", "RS-110", "KT-401"])
    settings = GenerationSettings(max_new_tokens=60, do_sample=True, temperature=30.0,
                                  top_k=0, top_p=1.0, seed=3)  # near uniform: unmasked, it writes both
    for n in range(1, 4):
        prompt, _refs = build_tagged_prompt("有什么推荐？", products[:n], [], [], None, "zh")
        text = prompt.render()
        raw = model.stream(text, settings, threading.Event(),
                           **masks.decoding_masks(model, text)).read_all()
        assert not any(ch.isdigit() for ch in TAG.sub("", raw)), raw
        assert all(tag in text for tag in TAG.findall(raw)), raw
        fields = [t for t in TAG.findall(raw) if "." in t]
        assert len(fields) == len(set(fields)), raw  # a fact is referred to once
        subject = None
        for tag in TAG.findall(raw):  # after a product's name, only its own facts
            if tag.startswith("[P") and "." not in tag:
                subject = tag[:-1]
            elif tag.startswith("[P") and subject is not None:
                assert tag.startswith(subject + "."), raw


def test_engine_uses_a_real_tagged_model_end_to_end(catalog_store, tiny_tagged_model) -> None:
    turn, done = ask(catalog_store, tiny_tagged_model, "有没有缓震的跑鞋？")
    # Whatever the tiny model wrote, no tag reaches the shopper and the answer is grounded.
    assert not TAG.search(turn["answer"]) and turn["grounded"]
    assert turn["by"] in ("model", "composed") and turn["answer"]


def test_tokens_are_streamed_in_order(catalog_store) -> None:
    model = FakeTaggedModel("推荐[P1]。售价[P1.price]。")
    events = list(Engine(catalog_store, model).answer("有没有缓震的跑鞋？", Conversation()))
    tokens = [e.text for e in events if isinstance(e, Token)]
    assert tokens == ["推荐云跃缓震跑鞋。", "售价¥459。"]



def test_eval_counts_model_answers_and_repeated_frames(catalog_store) -> None:
    from shopguide.guide.evaluate import EvalCase, run_eval

    cases = [EvalCase(f"q{i}", q, {}, [], i) for i, q in enumerate(
        ("有没有缓震的跑鞋？", "有棉衣吗？", "退货政策是什么？"))]
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。")
    s = run_eval(Engine(catalog_store, model), cases)["summary"]
    # The two product turns take the model's answer; the policy turn owes a clause, gets none.
    assert s["model_text_answers"] == 2 and s["model_text_share"] == round(2 / 3, 4)
    assert s["model_text_by_intent"]["policy"] == {"model": 0, "turns": 1}
    rep = s["frame_repeat"]["zh"]
    assert rep["answers"] == 3 and rep["share"] == round(2 / 3, 4)
    assert rep["frame"] == "推荐<>，售价¥#。"  # names and figures taken out


def test_tagged_metrics_read_the_raw_answers() -> None:
    from shopguide.training.corpus import Record
    from shopguide.training.evaluate_tagged import evaluate_tagged

    ctx = "Facts:\n[P1] A [P1.d1] soft\n[P2] B [P2.d2] for flat feet\nQ: flat feet?\nA:"
    pol = "Facts:\n[F1] Returns? [F1.c1] 30 days.\nQ: can I return it?\nA:"
    recs = [Record("s", "test", "need", "en", ctx, " [P2], [P2.d2].", top="[P2]", cite="[P2.d2]",
                   shuffled=True),
            Record("s", "test", "recommend", "en", ctx, " [P1].", top="[P1]"),
            Record("s", "test", "policy", "en", pol, " [F1.c1]", faq="[F1]")]
    answers = {ctx: ("[P2] is [P2.d2]. [P3.price].", True), pol: ("Yes, within thirty days.", True)}
    s = evaluate_tagged(recs, lambda r: answers[r.context]).summary()
    assert s["top_shuffled"] == 1.0 and s["top_ordered"] == 0.0 and s["cited"] == 1.0
    assert s["policy_quoted"] == 0.0  # no clause quoted, and a number of its own
    assert s["foreign_tags"] == 2  # [P3.price] twice: no such fact
    assert s["frame_repeat"] == {"en": round(2 / 3, 4)}


def test_a_need_the_name_states_is_cited_by_naming_the_product() -> None:
    # The app never writes a tag the product's name already says; naming it first answers.
    from shopguide.training.corpus import Record
    from shopguide.training.evaluate_tagged import evaluate_tagged

    ctx = ("Facts:\n[P1] Rain Coat [P1.t1] waterproof\n[P2] Windproof Shell Jacket "
           "[P2.price] $40 [P2.t1] windproof\nQ: a windproof jacket?\nA:")
    rec = Record("s", "test", "recommend", "en", ctx, " Try the [P2]: [P2.t1].", top="[P2]",
                 cite="[P2.t1]")
    for raw, cited in (("Try the [P2], [P2.price].", 1.0), ("Try the [P1], or the [P2].", 0.0)):
        s = evaluate_tagged([rec], lambda r, raw=raw: (raw, True)).summary()
        assert s["cited"] == cited, raw


def test_refers_first_counts_only_answers_whose_reference_names_a_product() -> None:
    from shopguide.training.corpus import Record
    from shopguide.training.evaluate_tagged import evaluate_tagged

    ctx = "Facts:\n[P1] A [P1.d1] soft\nQ: is it warm?\nA:"
    silent = Record("s", "test", "attribute", "en", ctx, " The details don't mention it.",
                    top="[P1]")
    named = Record("s", "test", "attribute", "en", ctx + " ", " The catalog doesn't say for the [P1].",
                   top="[P1]")
    answers = {silent.context: ("The details don't mention it.", True),
               named.context: ("The details don't mention it.", True)}
    s = evaluate_tagged([silent, named], lambda r: answers[r.context]).summary()
    # The silent reference names no product: not counted; the named one is, and is missed.
    assert s["top_ordered_n"] == 1 and s["top_ordered"] == 0.0


def test_after_a_name_only_that_products_facts_may_follow() -> None:
    import numpy as np

    from shopguide.llm import GenerationSettings
    from shopguide.llm.sampling import TokenChooser

    model = FakeTaggedModel("")
    switches = masks.subject_switches(model)
    tags = masks.tag_ids(model)
    after_p1 = {model.vocab[i] for i in switches[tags["[P1]"]]}
    assert "[P2.price]" in after_p1 and "[P1.price]" not in after_p1 and "[F1.c1]" not in after_p1
    chooser = TokenChooser(GenerationSettings(), len(model.vocab), [], [])
    logits = np.zeros(len(model.vocab), dtype=np.float32)
    logits[tags["[P2.price]"]] = 5.0
    logits[tags["[P1.price]"]] = 4.0
    assert chooser.choose(logits.copy(), 0) == tags["[P2.price]"]
    chooser.ban_for_now(switches[tags["[P1]"]])  # "[P1]" was just written
    assert chooser.choose(logits.copy(), 1) == tags["[P1.price]"]
    chooser.ban_for_now(switches[tags["[P2]"]])  # then "[P2]"
    assert chooser.choose(logits.copy(), 2) == tags["[P2.price]"]


def test_a_policy_answer_ends_with_a_full_stop_not_a_semicolon(catalog_store) -> None:
    catalog_store.save_faq(FaqEntry("returns", "退货政策是什么？", "30天内可退货；需保留小票；商品未使用。"))
    model = FakeTaggedModel("[F1.c1][F1.c2][F1.c3]")
    turn, _ = ask(catalog_store, model, "退货政策是什么？")
    assert turn["by"] == "model"
    assert turn["answer"] == "30天内可退货；需保留小票；商品未使用。"


def test_a_policy_answer_that_leaves_a_clause_out_is_not_shown(catalog_store) -> None:
    catalog_store.save_faq(FaqEntry("returns", "退货政策是什么？", "30天内可退货；需保留小票；商品未使用。"))
    turn, _ = ask(catalog_store, FakeTaggedModel("可以，[F1.c1]，[F1.c2]。"), "退货政策是什么？")
    # "商品未使用" is a condition: without it the answer says something the policy does not.
    assert turn["by"] == "composed" and "商品未使用" in turn["answer"]


def test_a_quoted_fact_alone_is_no_sentence_frame() -> None:
    from shopguide.guide.frames import frames

    assert frames("30天内可退货；需保留小票。", ["30天内可退货", "需保留小票"]) == set()
    assert frames("推荐云跃跑鞋。", ["云跃跑鞋"]) == {"推荐<>。"}


def test_the_wording_is_seeded_by_the_question_only():
    from shopguide.guide.tagged_answer import wording as opening
    from shopguide.llm import GenerationSettings

    a = opening(None, "Facts:\n[P1] x\nQ: 跑鞋有吗？\nA:")
    again = opening(GenerationSettings(), "Facts:\n[P1] y\nQ: 跑鞋有吗？\nA:")
    other = opening(None, "Facts:\n[P1] x\nQ: 可以退货吗？\nA:")
    assert a.wording_seed == again.wording_seed != other.wording_seed
    sampled = GenerationSettings(do_sample=True, seed=1)
    assert opening(sampled, "Q: 跑鞋有吗？\nA:") is sampled  # sampling settings stay as set


def _policy_answer(model_text: str, lang: str, question: str, *clauses: str) -> str:
    """What ``write`` shows for a policy turn whose prompt holds policy F1 with ``clauses``
    and whose (fake) model writes ``model_text``."""
    from shopguide.guide.refs import References
    from shopguide.guide.tagged_answer import write
    from tests.fixtures.guide import FakeModel

    refs = References()
    refs.add("[F1]", question)
    facts = f"[F1] {question}"
    for i, clause in enumerate(clauses, 1):
        refs.add(f"[F1.c{i}]", clause)
        facts += f" [F1.c{i}] {clause}"
    prompt = f"Facts:\n{facts}\nQ: {question}\nA:"
    return "".join(write(FakeModel(model_text), prompt, refs, lang, "the policy"))


def test_after_a_complete_answer_the_first_broken_sentence_ends_it():
    """"…[F1.c2]。;，这个问题我帮不上忙，" — text after the policy that fails a check ends the
    answer: the model goes on from what it wrote and does not recover."""
    said = _policy_answer("[F1.c1]；[F1.c2]。;，这个问题我帮不上忙。还有其他问题随时问我。", "zh",
                          "能退吗？", "30天内可退货", "商品需未使用")
    assert said == "30天内可退货；商品需未使用。"


def test_a_policy_answer_ends_with_its_quote_and_a_fact_announced_must_come():
    from shopguide.guide.tagged_answer import dangling, looping

    said = _policy_answer("可以，[F1.c1]。主打可折叠。", "zh", "能用微信吗？", "支持微信支付")
    assert said == "可以，支持微信支付。"
    assert dangling("[P1]比较合适，价格是。") and dangling("The [P1] is in aisle.")
    assert not dangling("推荐[P1]，售价[P1.price]。")
    assert dangling(" [P1].") and dangling("[P2]。") and not dangling("Try the [P1].")  # name alone
    # an English cue is a whole word: "that" does not end in "at", "Maria" in "a"
    assert not dangling("I can check that.") and not dangling("Ask Maria.")
    assert dangling("Sizes for the.") and dangling("这是。")
    assert looping("[P1]：[P1.t1]，挺合适，挺合适，挺合适。")
    assert not looping("[P1]：[P1.d1]，[P1.d2]，[P1.d3]，[P1.d4]。")  # a list of facts


def test_a_sentence_that_ends_after_a_fact_as_taught_announces_nothing_more():
    """"选" and "is" announce a fact; after one was given, an ending the training answers had
    after a fact is complete ("[P1]有[P1.colors]可选。" is the corpus's own colour answer)."""
    from shopguide.guide.answer_shapes import taught
    from shopguide.guide.tagged_answer import dangling

    known = taught(["[P1]有[P1.colors]可选。", "Aisle [P1.aisle], where the [P1] is.",
                    "[P1] is [P1.price].", "[P1]售价[P1.price]，位于[P1.aisle]。"])
    assert not dangling("[P1]有[P1.colors]可选。", known)
    assert not dangling("Aisle [P1.aisle], where the [P1] is.", known)
    assert dangling("[P1]有[P1.colors]可选。")  # without what was taught: the cue at the end
    assert dangling("[P1] is.", known)  # no fact was given
    assert dangling("[P1] is [P1.price] and it is.", taught(["[P1] is [P1.price] and it is.",
                                                          "It is."]))  # the fact came before
    assert dangling("[P1.price]，位于。", known)  # "位于" then the end was never taught


def test_words_after_the_last_clause_of_a_policy_are_not_said():
    assert _policy_answer("[F1.c1]您好！", "zh", "钱几天回来？", "退款原路退回。") == "退款原路退回。"


def test_english_facts_get_their_spaces_and_broken_text_is_dropped():
    from shopguide.guide.refs import References
    from shopguide.guide.tagged_answer import broken_marks, unfilled

    r = References()
    r.add("[F1.c1]", "Open 8 am–8 pm.")
    r.add("[F1.c2]", "The garden closes earlier.")
    r.add("[P1]", "Wellness Puppy")
    r.add("[P1.d1]", "Turkey and chicken")
    assert r.fill("[F1.c1][F1.c2]") == "Open 8 am–8 pm. The garden closes earlier."
    assert r.fill("The [P1] fits best;[P1.d1].") == "The Wellness Puppy fits best; turkey and chicken."
    assert broken_marks("also consider the [P1]. spray, there are ( with are ('t look.")
    assert broken_marks("The [P1] [P2] [P3] is worth a look too.")
    assert not broken_marks("The [P1] ([P1.price]) is worth a look too.")
    assert broken_marks("[P3]：[P1]：[P1.d1]。")  # one name announcing another as its fact
    assert not broken_marks("可以看看[P1]，[P2]也不错。")
    assert unfilled("To save money, choose [P3].", r) and not unfilled("The [P1].", r)


def test_english_marks_among_a_chinese_answers_own_words_are_malformed():
    from shopguide.guide.sentence_checks import malformed
    from shopguide.guide.refs import TAG

    def check(raw: str, lang: str) -> str | None:
        return malformed(raw, lang, TAG.sub("", raw))

    # An English answer's frame strung together in Chinese: ": ", ". ", "; ".
    assert check("[P1]: [P1.sizes]. [P1.t1]; [P1.stock]件。", "zh")
    assert not check("[P1]有[P1.sizes]，库存[P1.stock]件。", "zh")
    # The facts' own marks are theirs ("1.5L", "Blue Ice 7.5"), and English keeps its own.
    assert not malformed("推荐小米 1.5L，售价¥149。", "zh", "推荐，售价。")
    assert not check("The [P1] comes in [P1.sizes].", "en")


def test_english_sentences_split_at_a_semicolon_join_with_a_space():
    said = _policy_answer("[F1.c1];[F1.c2].", "en", "hours?", "Open 8 am–8 pm.",
                          "The garden closes earlier.")
    assert said == "Open 8 am–8 pm. The garden closes earlier."


@pytest.mark.parametrize("raw, text, joined", [
    (" The [P2] is [P2.price].", "The Runner is $39.", " the Runner is $39."),  # the model's word
    (" [P2] is [P2.price].", "Yunyue Runner is $39.", " Yunyue Runner is $39."),  # a name
    (" I'd add the [P2].", "I'd add the Runner.", " I'd add the Runner."),
])
def test_after_a_semicolon_the_models_own_word_goes_lower_case(raw, text, joined) -> None:
    assert ta._joined(raw, text, "en", "The Shoe is $45 and light;") == joined
    assert ta._joined(raw, text, "en", "The Shoe is $45.") == " " + text.lstrip()


def test_a_product_answer_names_a_product_before_any_of_its_facts(catalog_store,
                                                                  tiny_tagged_model) -> None:
    """A near-uniform sampler writes tags in any order unless gated: with the product gates,
    the first product tag of every answer is a name ("[P1.d1]." alone says nothing of which
    product), and the stream still ends."""
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    products = catalog_store.products(["RS-104", "RS-110", "KT-401"])
    prompt, _refs = build_tagged_prompt("有什么推荐？", products, [], [], None, "zh")
    text = prompt.render()
    firsts = []
    for seed in range(12):
        settings = GenerationSettings(max_new_tokens=40, do_sample=True, temperature=30.0,
                                      top_k=0, top_p=1.0, seed=seed)
        raw = model.stream(text, settings, threading.Event(),
                           **masks.decoding_masks(model, text, product=True)).read_all()
        tags = [t for t in TAG.findall(raw) if t.startswith("[P")]
        if tags:
            firsts.append(tags[0])
    assert firsts and all("." not in t for t in firsts), firsts


def test_a_separator_after_the_last_clause_ends_the_policy_with_a_full_stop():
    """"[F1.c2]，! ！": the model went on after the last clause into broken marks; the quote
    ends there, closed in the asker's language."""
    assert _policy_answer("您好，[F1.c1]，[F1.c2]，! ！", "zh", "能退吗？", "30天内可退货",
                          "商品需未使用") == "您好，30天内可退货，商品需未使用。"
    assert _policy_answer("[F1.c1]; [F1.c2], ;", "en", "returns?", "Within 30 days",
                          "unused items only") == "Within 30 days; unused items only."


class _Eager:
    """A backend session whose model would rather end at once, and otherwise write the last
    clause first: end-of-text scores highest, then [F1.c4], [F1.c3] … [F1.c1]."""

    def __init__(self, session, boost: dict[int, float]) -> None:
        self.session, self.boost = session, boost

    def _edit(self, logits):
        for i, b in self.boost.items():
            logits[i] += b
        return logits

    def prefill(self, ids):
        return self._edit(self.session.prefill(ids))

    def step(self, token):
        return self._edit(self.session.step(token))


def test_a_policy_answer_quotes_its_clauses_in_order_and_ends_after_the_last(
        tiny_tagged_model, monkeypatch) -> None:
    """With the policy gates a model that would end at once, or quote the last clause first,
    writes every clause in order and ends after the last: a clause is held until the one
    before it is written, the end (end-of-text, a line break) until the last clause is."""
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    tags = masks.tag_ids(model)
    clauses = " ".join(f"[F1.c{i}] clause {i}." for i in range(1, 5))
    text = f"Facts:\n[F1] Can I return it? {clauses}\nQ: can I return it?\nA:"
    boost = {model.eos_ids[0]: 1e4, **{tags[f"[F1.c{i}]"]: 1e3 * i for i in range(1, 5)}}
    start = model.backend.start
    monkeypatch.setattr(model.backend, "start", lambda n: _Eager(start(n), boost))
    settings = GenerationSettings(max_new_tokens=40, do_sample=False, stop=["\n"])

    def clauses_said(**kw) -> tuple[list[str], str | None]:
        stream = model.stream(text, settings, threading.Event(), **kw)
        raw = stream.read_all()
        return [t for t in TAG.findall(raw) if t.startswith("[F1.c")], stream.finish_reason

    assert clauses_said() == ([], "eos")  # ungated, it quotes nothing
    kw = masks.decoding_masks(model, text, policy=True)
    assert clauses_said(**kw) == ([f"[F1.c{i}]" for i in range(1, 5)], "eos")
    assert masks.policy_gates(model, "Facts:\n[F1] Hours?\nQ: hours?\nA:") == []


def test_own_words_between_the_clauses_of_a_policy_are_not_said():
    """Held from ending until the last clause, a small model fills the gap with whatever it
    likes ("Anything else I can check for with?"): not part of the quote, not shown."""
    said = _policy_answer("The store's rule is: [F1.c1]; [F1.c2]. Anything else I can check "
                          "for with? else I can check. [F1.c3]", "en", "points?",
                          "Joining is free.", "You earn 1 point per dollar.",
                          "Points expire after 12 months.")
    assert said == ("The store's rule is: joining is free. You earn 1 point per dollar. "
                    "Points expire after 12 months.")


@pytest.mark.parametrize("clause, lowered", [
    ("Warm for everyday use", True), ("Paws & Petals Rewards is free to join", False),
    ("Hill's Science Diet is sold here", False), ("FURminator tools work best", False),
    ("iPhone cases only", False), ("Opened food can be exchanged", True),
    ("Free UK delivery over £50", True),
])
def test_a_clause_goes_lower_case_mid_sentence_unless_it_opens_with_a_name(clause, lowered):
    r = References()
    r.add("[F1.c1]", clause)
    filled = r.fill("The rule: [F1.c1].")
    assert filled == "The rule: " + (clause[0].lower() + clause[1:] if lowered else clause) + "."


def test_a_stock_of_zero_is_never_written_as_a_count(tiny_tagged_model) -> None:
    """"还有0件": the stock tag of a product with none on the shelf is masked (the corpus says
    缺货 in words); another product's stock stays writable."""
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.store.models import Product

    gone = Product("A", "冷雾加湿器", "家电/加湿器", 259.0, "CNY", stock=0, aisle="G2")
    there = Product("B", "迷你加湿器", "家电/加湿器", 159.0, "CNY", stock=10, aisle="G2")
    prompt, _ = build_tagged_prompt("加湿器", [gone, there], [], [], None, "zh")
    tags = masks.tag_ids(tiny_tagged_model)
    banned = set(masks.banned_ids(tiny_tagged_model, prompt.render(), "zh"))
    assert tags["[P1.stock]"] in banned and tags["[P2.stock]"] not in banned


@pytest.mark.parametrize("model_text, lang, shown", [
    ("[P1]最合适，[P1.d1]。我只能回答本店商品和服务的问题。", "zh", "推车最合适，推把可换向。"),
    ("Sorry, I can only help with this [P1] is [P1.price].", "en", ""),
    ("The [P1] is [P1.price]. Sorry, I can’t help with that.", "en", "The Paw Balm is $12."),
    ("The [P1] is [P1.price]. It can help with sore paws.", "en",
     "The Paw Balm is $12. It can help with sore paws."),
])
def test_a_refusal_inside_an_answer_is_not_said(model_text: str, lang: str, shown: str) -> None:
    """"我只能回答本店商品和服务的问题" after a recommendation is a frame of another
    situation; "can help with" in a product's praise is no refusal."""
    from shopguide.guide.tagged_answer import write
    from tests.fixtures.guide import FakeModel

    refs = References()
    refs.add("[P1]", "推车" if lang == "zh" else "Paw Balm")
    refs.add("[P1.d1]", "推把可换向")
    refs.add("[P1.price]", "$12")
    prompt = "Facts:\n[P1] x [P1.price] $12 [P1.d1] y\nQ: ?\nA:"
    assert "".join(write(FakeModel(model_text), prompt, refs, lang, "a product")) == shown


def test_the_prompt_stays_within_what_the_model_was_trained_on(catalog_store) -> None:
    """A model trained on short prompts writes fragments past them: the engine fits the
    prompt to the model's trained length, cutting a product's later facts first."""
    roomy = FakeTaggedModel("推荐[P1]，售价[P1.price]。")
    ask(catalog_store, roomy, "有没有跑鞋？")
    tight = FakeTaggedModel("推荐[P1]，售价[P1.price]。")
    tight.trained_prompt_tokens = tight.count_tokens(roomy.prompts[0]) - 20
    turn, _ = ask(catalog_store, tight, "有没有跑鞋？")
    assert tight.count_tokens(tight.prompts[0]) <= tight.trained_prompt_tokens
    assert "[P1] " in tight.prompts[0] and turn["by"] == "model"


def test_a_sampling_model_writes_no_word_after_a_lone_space(catalog_store, tiny_tagged_model) -> None:
    """An answer is one line with single spaces, and a lone space stands before a reference:
    decoding masks a word's leading space after a space, and all but references after a
    lone one (no word, and no mark either: " ; ; ; ;" was what a masked fact left)."""
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    followers = masks.space_followers(model)
    lone = [i for i in followers if model.decode([i]).isspace()]
    assert lone and all(model.encode(" the")[0] in followers[i] for i in followers)
    tags = set(masks.tag_ids(model).values())
    assert not tags & set(followers[lone[0]])
    assert model.encode(";")[0] in followers[lone[0]] and model.encode(".")[0] in followers[lone[0]]
    assert len(followers[lone[0]]) + len(tags) == model.vocab_size
    settings = GenerationSettings(max_new_tokens=60, do_sample=True, temperature=30.0,
                                  top_k=0, top_p=1.0, seed=5)
    products = catalog_store.products(["RS-104", "RS-110"])
    prompt, _refs = build_tagged_prompt("有什么推荐？", products, [], [], None, "zh")
    text = prompt.render()
    for seed in range(3):
        stream = model.stream(text, replace(settings, seed=seed), threading.Event(),
                              **masks.decoding_masks(model, text))
        raw = stream.read_all()
        assert "  " not in raw, raw
        pairs = zip(stream.token_ids, stream.token_ids[1:])
        assert not any(a in lone and b in followers[a] for a, b in pairs), raw


def test_next_only_masks_last_one_choice() -> None:
    import numpy as np

    from shopguide.llm import GenerationSettings
    from shopguide.llm.sampling import TokenChooser

    chooser = TokenChooser(GenerationSettings(), 4, [], [])
    logits = np.array([0.0, 3.0, 2.0, 1.0], dtype=np.float32)
    chooser.ban_next([1])
    assert chooser.choose(logits.copy(), 0) == 2
    assert chooser.choose(logits.copy(), 1) == 1  # the mask was for one token only


def test_a_next_only_mask_that_leaves_nothing_is_lifted() -> None:
    """After a lone space only references may follow; when every reference is masked as
    well (all used once), the next-token mask is lifted rather than leave no token."""
    import numpy as np

    from shopguide.llm import GenerationSettings
    from shopguide.llm.sampling import TokenChooser

    chooser = TokenChooser(GenerationSettings(), 4, [], [], banned=[3])
    logits = np.array([0.0, 3.0, 2.0, 1.0], dtype=np.float32)
    chooser.ban_next(np.array([0, 1, 2]))
    assert chooser.choose(logits.copy(), 0) == 1  # 3 stays banned for good
    chooser.ban_next([1])
    assert chooser.choose(logits.copy(), 1) == 2


def test_weak_next_token_masks_are_lifted_before_the_firm_ones() -> None:
    """After a lone space only a reference (weak); the taught word orders allow words only
    (firm): with every reference masked the words stay held to the orders, rather than
    anything at all ("[P1]: 'm afraid")."""
    import numpy as np

    from shopguide.llm import GenerationSettings
    from shopguide.llm.sampling import TokenChooser

    chooser = TokenChooser(GenerationSettings(), 5, [], [], banned=[4])
    logits = np.array([0.0, 3.0, 2.0, 1.0, 9.0], dtype=np.float32)
    chooser.ban_next([0, 1, 2], weak=True)  # only 3 and 4 (references) after the space
    chooser.ban_next([1, 3, 4])  # the word orders: 0 or 2
    assert chooser.choose(logits.copy(), 0) == 2
    chooser.ban_next([0], weak=True)
    chooser.ban_next([0, 1, 2, 3])  # with 4 banned for good, nothing left: all lifted
    assert chooser.choose(logits.copy(), 1) == 1


@pytest.mark.parametrize("raw, bad", [
    ("The [P1] comes in [P1.price].", True),
    ("[P1]: The store's rule is: [P1.d1].", True),  # a policy's words before a product's fact
    ("按照本店的规定，[P1]。", True),
    ("The store's rule is: [F1.c1].", False),
    ("It sits in aisle [P1.price].", True),
    ("The [P1] is in aisle [P1].", True),
    ("[P1]的售价[P1.aisle]。", True),
    ("The [P1] is in aisle [P1.aisle].", False),
    ("The [P1] comes in [P1.colors].", False),
    ("[P1]售价[P1.price]，在[P1.aisle]货架。", False),
    ("It costs [P1.price]; you'll find it in aisle [P1.aisle].", False),
    ("[P1]售价[P1.price]，特点是[P1.price]。", True),  # a feature's words, a price after them
    ("[P1]售价[P1.price]，主打[P1.t2]。", False),
    ("Its strong point is being [P1.d1].", False),
    ("Our policy: it;", True),  # a policy's words with no clause of the policy after them
    ("备选还有[P1.colors]。", True),  # an alternative's words lead to a product's name
    ("备选还有[P2]，售价[P2.price]。", False),
    ("Another option is the [P2.price].", True),
    ("In short, [F1.c2].", False),
    # Words that announce a fact of the product named next: that fact must follow the name.
    ("Sizes for the [P1]: [P1.d1].", True),
    ("Sizes for the [P1]: [P1.sizes].", False),
    ("Sizes for the [P1].", True),
    ("[P1]的尺码是[P1.d1]。", True),
    # the corpus's own frame for sizes (training/tagged.py) announces sizes too
    ("[P1]有这些尺码：[P1.d1]。", True),
    ("[P1]有这些尺码：[P1.sizes]。", False),
    ("You could also consider the [P2]: [P2.d1].", False),  # the name is what was announced
])
def test_a_fact_under_another_facts_words_is_caught(raw: str, bad: bool) -> None:
    assert bool(ta.misplaced(raw)) is bad


def test_inside_a_policy_quote_only_marks_and_the_next_clause_come(catalog_store,
                                                                    tiny_tagged_model) -> None:
    """Once a clause is written, the model's own words wait for the last one: a near-uniform
    sampler writes nothing but marks between the clauses, and words only after the last."""
    from shopguide.guide.prompt import build_tagged_prompt
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    policy = FaqEntry("returns", "退货政策？", "30天内可退货。需保留小票。商品未使用。")
    prompt, _refs = build_tagged_prompt("能退货吗？", [], [policy], [], None, "zh")
    text = prompt.render()
    kw = masks.decoding_masks(model, text, "zh", policy=True)
    tags = masks.tag_ids(model)
    words = set(masks.word_ids(model))
    assert set(kw["switches"][tags["[F1.c1]"]]) == words and not kw["switches"][tags["[F1.c3]"]]
    settings = GenerationSettings(max_new_tokens=80, do_sample=True, temperature=30.0,
                                  top_k=0, top_p=1.0)
    quoted = 0
    for seed in range(8):
        stream = model.stream(text, replace(settings, seed=seed), threading.Event(), **kw)
        stream.read_all()
        ids = stream.token_ids
        if tags["[F1.c1]"] in ids:
            quoted += 1
            between = ids[ids.index(tags["[F1.c1]"]):ids.index(tags["[F1.c3]"])] \
                if tags["[F1.c3]"] in ids else ids[ids.index(tags["[F1.c1]"]):]
            assert not set(between) & words, model.decode(between)
    assert quoted  # the quote began in some answers: the mask was put to the test


def test_is_it_in_stock_is_answered_by_the_count(catalog_store) -> None:
    model = FakeTaggedModel("有的，[P1]还有[P1.stock]件。")
    turn, done = ask(catalog_store, model, "云跃缓震跑鞋还有货吗？")
    assert turn["by"] == "model" and "还有12件" in turn["answer"]
    turn, _ = ask(catalog_store, FakeTaggedModel("有的，[P1]还有[P1.stock]件。"), "云跃缓震跑鞋在哪个货架？")
    assert turn["by"] == "composed"  # "where" is not answered by a count


@pytest.mark.parametrize("raw, bad", [
    ("预算有限的话选[P2]。", True),
    ("On a budget, go for the [P2].", True),
    ("The cheaper pick is the [P1].", False),
    ("想省钱可以选[P1]。", False),
    ("[P2]更好用。", False),  # no claim about the prices
    ("最贵的是[P1]，价格[P1.price]。", True),
    ("The most expensive is the [P1].", True),
    ("最贵的是[P2]。", False),
    ("最便宜的是[P1]，最贵的是[P2]。", False),  # each claim with its own name
    ("最贵的是[P2]，想省钱可以选[P1]。", False),
    ("The [P1] is the least expensive, and it's [P1.price].", False),
])
def test_a_budget_pick_must_be_the_cheapest_given(raw: str, bad: bool) -> None:
    """And a pick said to be the dearest must be the dearest."""
    refs = References()
    for tag, value in (("[P1]", "A"), ("[P1.price]", "¥399"), ("[P2]", "B"), ("[P2.price]", "¥1,399")):
        refs.add(tag, value)
    assert bool(ta.wrong_pick(raw, refs)) is bad


def test_a_sold_out_product_is_named_only_to_say_so(catalog_store) -> None:
    """RS-110 has none in stock: recommending it as if it were on the shelf is not shown."""
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。")
    turn, _ = ask(catalog_store, model, "疾风稳定跑鞋有吗？")
    prompt = model.prompts[0]
    assert "[P1.stock] 0" in prompt and turn["by"] == "composed"
    model = FakeTaggedModel("抱歉，[P1]暂时缺货，售价[P1.price]。")
    turn, _ = ask(catalog_store, model, "疾风稳定跑鞋有吗？")
    assert turn["by"] == "model" and "缺货" in turn["answer"]


def test_a_sold_out_product_below_one_on_the_shelf_is_masked(catalog_store) -> None:
    """跑鞋 ranks RS-110 (none in stock) below shoes on the shelf: a product answer
    recommends from the shelf, so its name and facts are masked; the best match sold out is
    named (to say so), its stock tag alone masked."""
    model = FakeTaggedModel("推荐[P1]，售价[P1.price]。")
    ask(catalog_store, model, "跑鞋")
    prompt, tags = model.prompts[0], masks.tag_ids(model)
    k = re.search(r"\[P(\d)\.stock\] 0(?!\d)", prompt).group(1)
    assert k != "1" and {tags[f"[P{k}]"], tags[f"[P{k}.price]"]} <= set(model.banned)
    assert tags["[P1]"] not in model.banned
    ask(catalog_store, model, "疾风稳定跑鞋有吗？")
    assert "[P1.stock] 0" in model.prompts[-1]
    assert tags["[P1]"] not in model.banned and tags["[P1.stock]"] in model.banned


@pytest.mark.parametrize("raw, loops", [
    ("[P1]就很好：夜用，挺合适，挺合适，售价[P1.price]。", True),
    ("It is great, it is great.", True),
    ("[P1]，[P2]，售价[P1.price]。", False),  # facts in a row are a list
    ("挺合适，售价[P1.price]，挺合适。", False),  # said again, not at once
    ("Great, great choice.", False),
])
def test_a_clause_said_twice_at_once_is_a_loop(raw: str, loops: bool) -> None:
    assert ta.looping(raw) is loops


def test_a_chinese_only_fact_is_not_quoted_in_an_english_answer() -> None:
    model = FakeTaggedModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] Yoga Mat [P1.price] ¥159 [P1.sizes] S/M [P1.colors] 黑色/白色 "
              "[P1.t1] 瑜伽垫 [P1.t2] non-slip [P1.d1] 双面防滑。 [P1.d2] ISOFIX ready\nQ: a yoga mat\nA:")
    english = set(masks.banned_ids(model, prompt, "en"))
    assert {tags["[P1.t1]"], tags["[P1.d1]"], tags["[P1.colors]"]} <= english
    assert not {tags["[P1.t2]"], tags["[P1.d2]"], tags["[P1.price]"], tags["[P1.sizes]"]} & english
    chinese = set(masks.banned_ids(model, prompt.replace("a yoga mat", "瑜伽垫"), "zh"))
    assert not {tags["[P1.t1]"], tags["[P1.d2]"]} & chinese  # ISOFIX is read in Chinese too


class _OnlyAfter:
    """A guard that allows one token after each one written, and another at the start."""

    def __init__(self, size: int, first: int, then: int) -> None:
        self.size, self.first, self.then, self.told = size, first, then, []

    def _all_but(self, keep: int):
        import numpy as np

        return np.array([i for i in range(self.size) if i != keep], dtype=np.int64)

    def start(self):
        return self._all_but(self.first)

    def after(self, token: int):
        self.told.append(token)
        return self._all_but(self.then)


def test_the_stream_masks_what_the_guard_says(tiny_tagged_model) -> None:
    import threading

    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    first, then = model.encode(" The")[0], model.encode(".")[0]
    guard = _OnlyAfter(model.vocab_size, first, then)
    stream = model.stream("Q: hi\nA:", GenerationSettings(max_new_tokens=4), threading.Event(),
                          guard=guard)
    stream.read_all()
    assert stream.token_ids == [first, then, then, then] and guard.told == stream.token_ids


def test_a_tag_the_products_name_already_says_is_not_written() -> None:
    """"Try the … Dog Harness: harness." tells nothing: such a tag is masked; one that adds
    to the name stays."""
    model = FakeTaggedModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] Easy Walk No-Pull Dog Harness [P1.price] $29.99 [P1.t1] harness "
              "[P1.t2] no-pull [P1.t3] reflective\n[P2] 希捷 移动硬盘 [P2.price] ¥819 [P2.t1] 移动硬盘 "
              "[P2.t2] 防摔\nQ: a harness\nA:")
    assert masks.named_already(prompt) == ["[P1.t1]", "[P1.t2]", "[P2.t1]"]
    banned = set(masks.banned_ids(model, prompt, "en"))
    assert tags["[P1.t1]"] in banned and tags["[P1.t3]"] not in banned
    # A Chinese keyword whose head word the name says is the same kind of thing: "扫地机器人"
    # of a 扫拖机器人 says nothing; "自动洗拖布" does.
    robot = ("Facts:\n[P1] 石头 G20 全能扫拖机器人 [P1.price] ¥4999 [P1.t1] 扫地机器人 "
             "[P1.t2] 自动洗拖布\nQ: 扫地机器人 要能自己洗拖布的那种\nA:")
    assert masks.named_already(robot) == ["[P1.t1]"]


@pytest.mark.parametrize("raw, bad", [
    ("[P1.stock] in aisle [P1.aisle].", True),  # "12 in aisle A1": twelve what?
    ("The [P1] is [P1.price], [P1.stock].", True),
    ("there are [P1.stock] on the shelf.", False), ("[P1] has [P1.stock] in stock.", False),
    ("Stock: [P1.stock].", False), ("有的，[P1]还有[P1.stock]件。", False), ("现货[P1.stock]。", False),
])
def test_a_stock_figure_says_what_it_counts(raw: str, bad: bool) -> None:
    assert (ta.count_without_unit(raw) is not None) is bad


def test_a_products_sentences_that_miss_the_need_wait_for_one_that_meets_it() -> None:
    """Asked for flat feet, the catalog's first sentence ("light and breathable") is held
    until the one that says flat feet is written; tags likewise, apart from sentences. A
    product none of whose sentences speaks to the question is not held, nor is one whose
    only such tag may not be written (the name already says it)."""
    from tests.fixtures.guide import FakeModel

    model = FakeModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] Breeze Runner [P1.price] $99 [P1.t1] light [P1.t2] flat feet "
              "[P1.d1] Light and breathable [P1.d2] Stable support for flat feet\n"
              "[P2] Trail Shoe [P2.price] $120 [P2.d1] Grippy sole [P2.d2] Waterproof upper\n"
              "Q: running shoes for flat feet\nA:")
    gates = need_gates(tags, prompt)
    assert ([tags["[P1.t1]"]], [tags["[P1.t2]"]]) in gates
    assert ([tags["[P1.d1]"]], [tags["[P1.d2]"]]) in gates
    assert len(gates) == 2  # nothing of P2 speaks to flat feet: nothing of it is held
    assert need_gates(tags, prompt, {tags["[P1.t2]"]}) == [
        ([tags["[P1.d1]"]], [tags["[P1.d2]"]])]
    assert all(g in masks.decoding_masks(model, prompt, "en", product=True)["gates"]
               for g in gates)


def test_the_product_the_question_is_about_is_named_first_wherever_it_is_listed() -> None:
    """With the facts in another order, the product whose name, tags and sentences say most
    of the question's words comes first: the others' names and facts wait for its name or a
    fact of it. A tie holds nothing, nor does an order that is itself the answer (the
    cheapest first) or a comparison."""
    from tests.fixtures.guide import FakeModel

    model = FakeModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] Trail Shoe [P1.price] $120 [P1.d1] Grippy sole\n"
              "[P2] Stability Runner [P2.price] $99 [P2.t1] flat feet [P2.d1] Support for flat "
              "feet\n[P3] Road Racer [P3.price] $150 [P3.d1] Light and fast\n"
              "Q: which shoe for flat feet\nA:")
    [(held, opening)] = name_gates(tags, prompt)
    assert tags["[P2]"] in opening and tags["[P2.d1]"] in opening
    assert {tags["[P1]"], tags["[P3]"], tags["[P1.price]"], tags["[P3.d1]"]} <= set(held)
    assert not set(held) & set(opening)
    gate = (held, opening)
    assert gate in masks.decoding_masks(model, prompt, "en", product=True)["gates"]
    assert gate not in masks.decoding_masks(model, prompt, "en", product=True,
                                            ranked=True)["gates"]
    assert gate not in masks.decoding_masks(model, prompt, "en", comparison=True,
                                            product=True)["gates"]
    tie = prompt.replace("Light and fast", "Soft for flat feet")
    assert name_gates(tags, tie) == []


def _tags() -> dict[str, int]:
    """The reference tags' token ids, as a model with the tags as tokens has them."""
    from tests.fixtures.guide import FakeModel

    return masks.tag_ids(FakeModel(""))


def test_a_brand_named_tells_the_product_asked_about() -> None:
    # Every leash says "leash"; only the third is of the brand asked for.
    tags = _tags()
    prompt = ("Facts:\n[P1] Woofstar Leash [P1.brand] 汪星 [P1.price] ¥129\n"
              "[P2] Max Leash [P2.brand] 汪星 [P2.price] ¥66\n"
              "[P3] Meowfun Comfort Leash [P3.brand] 喵趣 [P3.price] ¥189\n"
              "Q: Can you recommend 喵趣 leash?\nA:")
    [(held, opening)] = name_gates(tags, prompt)
    assert tags["[P3]"] in opening and {tags["[P1]"], tags["[P2]"]} <= set(held)


def test_when_the_words_tell_no_product_apart_the_one_last_named_is_asked_about() -> None:
    tags = _tags()
    prompt = ("Facts:\n[P1] Trail Shoe [P1.price] $120\n[P2] Stability Runner [P2.price] $99\n"
              "Q: running shoes\nA: The Stability Runner is $99.\nQ: where is it?\nA:")
    [(held, opening)] = name_gates(tags, prompt)
    assert tags["[P2]"] in opening and tags["[P1]"] in held
    assert name_gates(tags, prompt.replace("The Stability Runner is $99.", "Sure.")) == []


def test_a_cheapest_or_dearest_question_names_that_product_first() -> None:
    """The prices are compared here, not by the model: "哪个最便宜？" names the ¥99 one first
    wherever it is listed; "which is the most expensive?" the ¥150 one."""
    from tests.fixtures.guide import FakeModel

    model = FakeModel("")
    tags = masks.tag_ids(model)
    facts = ("Facts:\n[P1] Trail Shoe [P1.price] ¥120\n[P2] Stability Runner [P2.price] ¥99\n"
             "[P3] Road Racer [P3.price] ¥150\n")
    [(_, cheapest)] = pick_gates(tags, facts + "Q: 哪个最便宜？\nA:")
    assert tags["[P2]"] in cheapest
    [(_, dearest)] = pick_gates(tags, facts + "Q: which is the most expensive?\nA:")
    assert tags["[P3]"] in dearest
    assert pick_gates(tags, facts + "Q: which is good for trails?\nA:") == []
    ranked = masks.decoding_masks(model, facts + "Q: 哪个最便宜？\nA:", "zh", product=True,
                                  ranked=True)["gates"]
    assert any(tags["[P2]"] in opening for _, opening in ranked)


class _Attempts(FakeModel):
    """Writes the next scripted answer at each call; each answer opens with its own token
    (101, 102, …), and what decoding was told for each call is kept."""

    def __init__(self, *texts: str) -> None:
        super().__init__(texts[0])
        self.texts, self.calls, self.searches, self.widths = texts, [], 0, []

    def stream(self, prompt: str, settings: object = None,
               cancel: threading.Event | None = None, beam: object = None, **masks: object):
        if beam is not None:  # the last resort finds nothing either
            self.searches += 1
            self.widths.append(beam.width)
            return type("Searched", (), {"candidates": [], "read_all": lambda self: ""})()
        text = self.texts[len(self.calls)]
        self.calls.append(masks)
        self.pieces = [text[i : i + 3] for i in range(0, len(text), 3)]
        stream = super().stream(prompt, settings, cancel, **masks)
        stream.token_ids = [100 + len(self.calls)]
        return stream


def _product_refs() -> tuple[str, References]:
    refs = References()
    refs.add("[P1]", "推车")
    refs.add("[P1.price]", "¥899")
    return "Facts:\n[P1] 推车 [P1.price] ¥899\nQ: 推车？\nA:", refs


def test_an_answer_that_shows_nothing_is_tried_again_from_another_opening() -> None:
    """An attempt whose sentences all fail shows nothing; the next attempt may not open with
    the token the failed one opened with, and its answer is the one shown."""
    prompt, refs = _product_refs()
    model = _Attempts("Sure.", "推荐[P1]，售价[P1.price]。")
    assert "".join(ta.write(model, prompt, refs, "zh", "a product")) == "推荐推车，售价¥899。"
    assert len(model.calls) == 2
    assert 101 in set(model.calls[1]["guard"].start().tolist())


def test_attempts_stop_at_the_first_answer_shown_and_after_the_last_try() -> None:
    prompt, refs = _product_refs()
    shown = _Attempts("推荐[P1]，售价[P1.price]。", "Sure.")
    assert "".join(ta.write(shown, prompt, refs, "zh", "a product")) == "推荐推车，售价¥899。"
    assert len(shown.calls) == 1
    never = _Attempts(*["Sure."] * (ta.TRIES + 1))
    assert "".join(ta.write(never, prompt, refs, "zh", "a product")) == ""
    assert len(never.calls) == ta.TRIES and never.searches == 1 and shown.searches == 0
    opened = set(never.calls[-1]["guard"].start().tolist())
    assert opened == {100 + k for k in range(1, ta.TRIES)}


class _EndsAtOnce(_Attempts):
    """An attempt scripted empty ends at once: a real stream that wrote no token."""

    def stream(self, prompt: str, settings: object = None,
               cancel: threading.Event | None = None, beam: object = None, **masks: object):
        stream = super().stream(prompt, settings, cancel, beam, **masks)
        if beam is None and not self.texts[len(self.calls) - 1]:
            stream.token_ids = []
        return stream


def test_an_attempt_that_ends_at_once_masks_the_end_for_the_next() -> None:
    prompt, refs = _product_refs()
    model = _EndsAtOnce("", "推荐[P1]，售价[P1.price]。")
    model.eos_ids = (model.vocab.index("好"),)
    assert "".join(ta.write(model, prompt, refs, "zh", "a product")) == "推荐推车，售价¥899。"
    assert len(model.calls) == 2
    assert set(model.calls[1]["guard"].start().tolist()) == set(model.eos_ids)


def test_when_nothing_stood_the_model_writes_again_held_to_taught_runs(tmp_path) -> None:
    """Every attempt and the beam failed: one more pass, its own words held to the runs of
    three saved with the model (``PairGuard`` ``runs``), its beam wider; a model without
    saved runs is spared it."""
    prompt, refs = _product_refs()
    model = _Attempts(*["Sure."] * ta.TRIES, "推荐[P1]，售价[P1.price]。")
    answer_shapes.save(tmp_path, ["推荐[P1]，售价[P1.price]。", "Sure."])
    model.path = tmp_path
    assert "".join(ta.write(model, prompt, refs, "zh", "a product")) == "推荐推车，售价¥899。"
    assert len(model.calls) == ta.TRIES + 1 and model.searches == 1
    never = _Attempts(*["Sure."] * (2 * ta.TRIES))
    never.path = tmp_path
    assert "".join(ta.write(never, prompt, refs, "zh", "a product")) == ""
    assert never.widths == [ta.BEAM.width, ta.BEAM.width * ta.WIDE] and ta.WIDE > 1

    def runs(guard: object) -> bool:
        return getattr(getattr(guard, "guard", guard), "runs", False)

    assert runs(model.calls[-1]["guard"])
    assert not any(runs(c["guard"]) for c in model.calls[:ta.TRIES])


@pytest.mark.parametrize("model_text, lang, debt, shown", [
    # a yes before a denial is left out (``without_unfounded_yes``)
    ("是的，[P1]，我不能确定，可以请店员帮您确认。", "zh", masks.SILENCE, "推车，我不能确定，可以请店员帮您确认。"),
    ("Yes, I can't tell you for sure; a colleague can check.", "en", masks.SILENCE,
     "I can't tell you for sure; a colleague can check."),
    ("[P1]的资料里没有写到这一点，我不能确定。", "zh", masks.SILENCE, "推车的资料里没有写到这一点，我不能确定。"),
    ("I'm afraid the [P1]: [P1.d1].", "en", "a product", ""),
    ("I'm afraid the [P1] ([P1.price]) is sold out.", "en", "a product",
     "I'm afraid the Stroller ($12) is sold out."),
    ("抱歉，[P1]没有蓝色，售价[P1.price]。", "zh", "a product", "抱歉，推车没有蓝色，售价$12。"),
    ("不好意思，[P1]售价[P1.price]。", "zh", "a product", ""),  # its own 不 denies nothing
    ("不好意思，[P1]没有蓝色，售价[P1.price]。", "zh", "a product", "不好意思，推车没有蓝色，售价$12。"),
    ("是的，[P1]：[P1.d1]。", "zh", "a product", "是的，推车：推把可换向。"),
])
def test_an_opening_sets_a_tone_the_sentence_must_keep(model_text: str, lang: str, debt: str,
                                                       shown: str) -> None:
    """A regret must say what it regrets."""
    refs = References()
    refs.add("[P1]", "推车" if lang == "zh" else "Stroller")
    refs.add("[P1.d1]", "推把可换向")
    refs.add("[P1.price]", "$12")
    prompt = "Facts:\n[P1] x [P1.price] $12 [P1.d1] y\nQ: 有吗?\nA:"  # a yes/no question
    model = _Attempts(*[model_text] * ta.TRIES)
    assert "".join(ta.write(model, prompt, refs, lang, debt)) == shown


@pytest.mark.parametrize("question, yes_no", [
    ("带数据线么?", True), ("能看清电脑上的文字不?", True), ("有蓝色的吗 不要粉的", True),
    ("does this come in a tube?", True), ("ok, does it fold?", True),
    ("这款行车记录仪有什么实用功能?", False), ("亮度怎么调?", False),
    ("这款的材质是什么?", False), ("这个不错嘛", False), ("键盘没有快捷键嘛?", True),
    ("what size are the openings?", False), ("how much protection would this case give?", False),
])
def test_a_question_answered_by_yes_or_no_is_told_apart(question: str, yes_no: bool) -> None:
    from shopguide.guide.sentence_checks import asks_yes_or_no

    assert asks_yes_or_no(question) is yes_no


@pytest.mark.parametrize("question, model_text, shown", [
    ("它带数据线么?", "是的，[P1]：[P1.d1]。", "是的，推车：推把可换向。"),
    ("它有什么实用功能?", "是的，[P1]：[P1.d1]。", "推车：推把可换向。"),
    ("what is it made of?", "Yes, the [P1]: [P1.d1].", "The Stroller: 推把可换向."),
    ("它不能换向吗?", "是的，[P1]：[P1.d1]不能换向。", "推车：推把可换向不能换向。"),  # it denies
    ("my stroller broke", "Yes. [P1]: [P1.d1].", "Stroller: 推把可换向."),  # a yes alone
    ("does it fold?", "Yes, it doesn’t: [P1.d1].", "It doesn’t: 推把可换向."),  # curly, denies
])
def test_a_yes_answers_only_a_yes_or_no_question(question: str, model_text: str,
                                                 shown: str) -> None:
    """"有什么实用功能?" → "是的，…" was the model's frame for every attribute answer: the
    yes is left out where no yes was asked for, and before a denial ("是的，…：键盘没有背光灯");
    the sentence answers."""
    refs = References()
    refs.add("[P1]", "推车")
    refs.add("[P1.d1]", "推把可换向")
    prompt = f"Facts:\n[P1] x [P1.d1] y\nQ: {question}\nA:"
    lang = "en" if question.isascii() else "zh"
    refs.values["[P1]"] = "推车" if lang == "zh" else "Stroller"
    model = _Attempts(*[model_text] * ta.TRIES)
    assert "".join(ta.write(model, prompt, refs, lang, "the fact [P1.d1]")) == shown


def test_a_policy_quoted_is_the_stores_words_not_the_models_claim(catalog_store) -> None:
    """"…ship immediately when it becomes available" in the store's back-order policy is no
    stock claim of the model's: the verifier reads the model's words around the clauses."""
    catalog_store.save_faq(FaqEntry(
        "backorder", "Can you back-order an item?",
        "We can back-order the item for you. It ships as soon as it is back in stock.", (), ()))
    model = FakeTaggedModel("The store's rule is: [F1.c1] [F1.c2]")
    turn, _ = ask(catalog_store, model, "Can you back-order an item?")
    assert turn["by"] == "model", turn
    assert "It ships as soon as it is back in stock." in turn["answer"]


def test_a_control_character_is_never_written(tiny_tagged_model) -> None:
    """"Try\\x1d" came out of the bundled model: bytes below a space (but the line break,
    which ends an answer) are no text, and masked like digits."""
    banned = set(masks.banned_ids(tiny_tagged_model, "Facts:\nQ: ?\nA:", "en"))
    tok = tiny_tagged_model.tokenizer
    control = [i for i in range(tiny_tagged_model.vocab_size)
               if any(b < 0x20 and b != 0x0A for b in tok.token_bytes(i))]
    assert control and set(control) <= banned
    assert not [i for i in banned if tok.token_bytes(i) == b" the"]


def test_colours_asked_for_are_owed_even_in_the_other_language() -> None:
    """An English answer does not quote colours the catalog has only in Chinese, except to a
    question about colours, which nothing else answers."""
    refs = References({"[P1]": "Stroller", "[P1.price]": "$89", "[P1.colors]": "粉色/蓝色"})
    prompt = "Facts:\n[P1] Stroller [P1.price] $89 [P1.colors] 粉色/蓝色\nQ: do you have it in pink?\nA:"
    owed = _Attempts("The [P1] comes in [P1.colors].")
    said = "".join(ta.write(owed, prompt, refs, "en", ta.owed("find", False, variant="colors"),
                            variant="colors"))
    assert said == "The Stroller comes in 粉色/蓝色."
    assert masks.tag_ids(owed)["[P1.colors]"] not in set(owed.calls[0]["banned"])
    other = _Attempts("The [P1] is [P1.price].")
    list(ta.write(other, prompt.replace("in pink", "cheap"), refs, "en", "a product"))
    assert masks.tag_ids(other)["[P1.colors]"] in set(other.calls[0]["banned"])


def test_a_colour_question_is_not_answered_with_sizes() -> None:
    """"do you have it in pink" had got "…Harness (small dogs): XS/S/M/L.": the other kind
    of variant is masked for a question about one kind."""
    refs = References({"[P1]": "推车", "[P1.price]": "¥899", "[P1.colors]": "粉色/蓝色",
                       "[P1.sizes]": "S/M"})
    prompt = "Facts:\n[P1] 推车 [P1.price] ¥899 [P1.sizes] S/M [P1.colors] 粉色/蓝色\nQ: 有粉色的吗\nA:"
    model = _Attempts("推荐[P1]，售价[P1.price]。")
    list(ta.write(model, prompt, refs, "zh", "a product", variant="colors"))
    tags = masks.tag_ids(model)
    banned = set(model.calls[0]["banned"])
    assert tags["[P1.sizes]"] in banned and tags["[P2.sizes]"] in banned
    assert tags["[P1.colors]"] not in banned
    assert masks.other_variant(model, None) == []


@pytest.mark.parametrize("raw, by_model", [
    ("[P1]的颜色有[P1.colors]。", True),  # the colours it comes in: an answer
    ("[P1]售价[P1.price]。", False),  # a price: no answer to "in red?"
])
def test_a_colour_asked_of_the_product_discussed_is_answered_by_its_colours(
        catalog_store, raw: str, by_model: bool) -> None:
    engine, conv = Engine(catalog_store, FakeTaggedModel(raw)), Conversation()
    list(engine.answer("有没有棉衣？", conv))
    done = [ev for ev in engine.answer("这款有红色的吗？", conv) if isinstance(ev, Done)][0]
    assert done.used_model is by_model
    assert "红色" in done.text and "加厚棉衣" in done.text


class _BeamFake(FakeTaggedModel):
    """Greedy attempts write ``raw`` (each from another opening); a beam search finds
    ``found``, of which it gives the ones its ``accept`` lets count."""

    def __init__(self, raw: str, found: list) -> None:
        super().__init__(raw)
        self.found, self.searches = found, 0

    def stream(self, prompt, settings=None, cancel=None, beam=None, **masks):
        if beam is None:
            stream = super().stream(prompt, settings, cancel, **masks)
            stream.token_ids = [len(self.prompts)]  # another opening each time
            return stream
        self.searches += 1

        class Searched:
            candidates = [c for c in self.found if beam.accept(c.text)]

            def read_all(self) -> str:
                return self.candidates[0].text if self.candidates else ""

        return Searched()


def _product_answer(model) -> str:
    from shopguide.guide.tagged_answer import write

    refs = References({"[P1]": "云跃缓震跑鞋", "[P1.price]": "¥459", "[P1.d1]": "适合扁平足"})
    prompt = "Facts:\n[P1] 云跃缓震跑鞋 [P1.price] ¥459 [P1.d1] 适合扁平足\nQ: 有跑鞋吗？\nA:"
    return "".join(write(model, prompt, refs, "zh", "a product"))


def test_when_every_greedy_attempt_fails_the_beams_first_whole_answer_stands() -> None:
    """The beam is the last resort: a candidate that owes nothing is not one (``accept``), one
    cut by the token limit or with any sentence dropped ("[P1]。": a name alone) is passed
    over, whole; the next clean one is the answer."""
    from shopguide.llm.beam import Candidate

    found = [Candidate("商品资料里没有提到。", [], -1.0, "eos"),
             Candidate("[P1]：[P1.d1]，[P1.price]", [], -1.5, "length"),
             Candidate("[P1]：[P1.d1]。[P1]。", [], -2.0, "eos"),
             Candidate("[P1]：[P1.d1]，[P1.price]。", [], -3.0, "eos")]
    model = _BeamFake("好。", found)
    assert _product_answer(model) == "云跃缓震跑鞋：适合扁平足，¥459。"
    assert model.searches == 1 and len(model.prompts) == 3  # three greedy attempts first
    assert _product_answer(_BeamFake("好。", found[:3])) == ""  # none whole: composed


def test_a_greedy_answer_that_shows_something_searches_no_beam() -> None:
    model = _BeamFake("[P1]：[P1.d1]。", [])
    assert _product_answer(model) == "云跃缓震跑鞋：适合扁平足。"
    assert model.searches == 0 and len(model.prompts) == 1


def test_saying_the_catalog_is_silent_is_dropped_where_a_fact_is_owed() -> None:
    """"The product details don't mention it" answering "any in stock?": the frame of an
    attribute the catalog is silent on, contradicting the answer that follows."""
    said = _product_answer(FakeTaggedModel("商品资料里没有提到。[P1]：[P1.d1]。"))
    assert said == "云跃缓震跑鞋：适合扁平足。"


def test_a_beam_candidate_is_read_as_a_stream_would_be() -> None:
    """A candidate comes as one piece: once the policy is quoted whole the answer is finished,
    and what follows is not read (a courtesy after the quote is no dropped sentence); an
    unfinished last sentence counts as dropped."""
    from shopguide.guide.tagged_answer import _Said, attempt

    refs = References({"[F1.c1]": "30天内可退货"})
    prompt = "Facts:\n[F1] 能退吗？ [F1.c1] 30天内可退货\nQ: 能退吗？\nA:"
    dropped: list[str] = []
    said = list(attempt(FakeTaggedModel(""), prompt, refs, "zh", "all of [F1.c1]", {},
                        stream=_Said("[F1.c1]。还有什么可以帮您？"), dropped=dropped))
    assert said == ["30天内可退货。"] and dropped == []
    refs = References({"[P1]": "推车", "[P1.d1]": "推把可换向"})
    prompt = "Facts:\n[P1] 推车 [P1.d1] 推把可换向\nQ: 推车？\nA:"
    said = list(attempt(FakeTaggedModel(""), prompt, refs, "zh", "a product", {},
                        stream=_Said("[P1]：[P1.d1]。[P1]的价格是"), dropped=dropped))
    assert said == ["推车：推把可换向。"] and dropped == ["an unfinished last sentence"]


def test_a_clause_in_own_words_never_taught_ends_the_answer(monkeypatch) -> None:
    """"…and durable; the shelf.": each pair taught, the run of three never; the clause
    before it ends the answer with a full stop."""
    known = answer_shapes.taught(["The [P1] is [P1.price] and [P1.t1]; the [P2] is [P2.price].",
                                  "[P1] is in aisle [P1.aisle], on the shelf."])
    monkeypatch.setattr(answer_shapes, "of_model", lambda model: known)
    refs = References({"[P1]": "KONG Toy", "[P1.price]": "$13.99", "[P1.t1]": "durable"})
    prompt = "Facts:\n[P1] KONG Toy [P1.price] $13.99 [P1.t1] durable\nQ: dog toys?\nA:"
    said = "".join(ta.write(FakeTaggedModel("The [P1] is [P1.price] and [P1.t1]; the shelf."),
                            prompt, refs, "en", "a product"))
    assert said == "The KONG Toy is $13.99 and durable."


@pytest.mark.parametrize("question, stated", [
    ("does it boil water fast?", "[P1.d1]"),  # its sentence says so: that is what answers
    ("is it cordless?", "none"),  # nothing of it says so: the catalog is silent
])
def test_a_question_about_the_product_discussed_tells_the_model_what_answers_it(
        catalog_store, question: str, stated: str) -> None:
    """The engine's reading of an attribute question reaches the prompt as a ``Stated:`` line
    just before the question (as the corpus teaches); other turns carry none."""
    model = FakeTaggedModel("The [P1] is [P1.price].")
    model.prompt_format = TAGGED_FORMAT
    engine, conv = Engine(catalog_store, model), Conversation()
    list(engine.answer("do you have an electric kettle?", conv))
    assert all("Stated:" not in p for p in model.prompts)
    list(engine.answer(question, conv))
    lines = model.prompts[-1].split("\n")
    assert lines[-3:] == [f"Stated: {stated}", f"Q: {question}", "A:"]


@pytest.mark.parametrize("prompt_format", ["tagged-v1", None])
def test_a_model_not_taught_the_stated_line_is_given_none(catalog_store, prompt_format) -> None:
    """A model whose card says it was trained on the older prompt form (the shipped weights,
    a merchant's fine-tune of them), or does not say, sees the prompts it was taught."""
    model = FakeTaggedModel("The [P1] is [P1.price].")
    model.prompt_format = prompt_format
    engine, conv = Engine(catalog_store, model), Conversation()
    list(engine.answer("do you have an electric kettle?", conv))
    list(engine.answer("is it cordless?", conv))
    assert len(model.prompts) == 2 and not any("Stated:" in p for p in model.prompts)


def test_a_stated_fact_cut_to_fit_is_not_among_the_facts() -> None:
    """Fitting may cut the sentence the ``Stated:`` line names (its later sentences go
    first): the engine looks for the owed fact in the facts, not on that line, and leaves
    such a turn to the composer."""
    from shopguide.guide.prompt import Prompt, facts_of

    prompt = Prompt("does it fold?", ["[P1] Cot [P1.d1] Light. [P1.d2] Folds flat in seconds."],
                    [("a cot?", "The Cot is $40.")], stated="[P1.d2]")
    text = prompt.fit(lambda t: len(t.split()), 15)
    assert "[P1.d2] Folds" not in text and "Stated: [P1.d2]" in text
    assert "[P1.d2]" not in facts_of(text) and "[P1.d1]" in facts_of(text)
    assert facts_of(prompt.render()).count("[P1.d2]") == 1


@pytest.mark.parametrize("question, raw, by_model", [
    ("500元以内的跑鞋", "[P1]有货，库存[P1.stock]件。", False),  # a budget: the price answers it
    ("500元以内的跑鞋", "推荐[P1]，售价[P1.price]。", True),
    ("有没有便宜的棉衣？", "推荐[P1]，颜色有[P1.colors]。", False),  # "cheap": the price answers it
    ("有没有便宜的棉衣？", "推荐[P1]，售价[P1.price]。", True),
    ("有没有棉衣？", "推荐[P1]，颜色有[P1.colors]。", True),  # no price asked: its colours tell
    ("有没有跑鞋？", "[P1]有货，库存[P1.stock]件。", False),  # stock alone recommends nothing
    ("有没有跑鞋？", "推荐[P1]，主打[P1.t1]。", True),
    ("有没有缓震的跑鞋？", "推荐[P1]，颜色有[P1.colors]。", False),  # a need: its colours are no reason
    ("有没有缓震的跑鞋？", "推荐[P1]，主打[P1.t1]。", True),
])
def test_a_search_is_answered_with_what_it_asks(catalog_store, question: str, raw: str,
                                                  by_model: bool) -> None:
    turn, done = ask(catalog_store, FakeTaggedModel(raw), question)
    assert done.used_model is by_model and turn["by"] == ("model" if by_model else "composed")


@pytest.mark.parametrize("model_text, lang, said", [
    ("推荐[P1]，售价[P1.price]。希望对您有帮助。位于[P1.aisle]货架。", "zh",
     "推荐轻风跑鞋，售价¥299。希望对您有帮助。"),
    ("I'd go for the [P1] at [P1.price]. Hope that helps. It sits in aisle [P1.aisle].", "en",
     "I'd go for the Breeze Runner at ¥299. Hope that helps."),
    # Closing words that open the answer do not end it.
    ("希望对您有帮助。推荐[P1]，售价[P1.price]。", "zh", "希望对您有帮助。推荐轻风跑鞋，售价¥299。"),
    # Closing words after something but before what it owes: no answer (what follows a close
    # is not part of it, so nothing could pay).
    ("[P1]有货。还有其他问题随时问我。售价[P1.price]。", "zh", ""),
    ("The [P1] in stock. Anything else I can help with? It is [P1.price].", "en", ""),
    ("[P1]有货，希望对您有帮助。售价[P1.price]。", "zh", ""),  # said, then closed, in one sentence
])
def test_the_models_closing_words_end_its_answer(model_text: str, lang: str, said: str) -> None:
    from shopguide.guide.refs import References
    from shopguide.guide.tagged_answer import write
    from tests.fixtures.guide import FakeModel

    refs = References()
    name = "轻风跑鞋" if lang == "zh" else "Breeze Runner"
    for tag, value in (("[P1]", name), ("[P1.price]", "¥299"), ("[P1.aisle]", "A1")):
        refs.add(tag, value)
    prompt = f"Facts:\n[P1] {name} [P1.price] ¥299 [P1.aisle] A1\nQ: 有跑鞋吗？\nA:"
    assert "".join(write(FakeModel(model_text), prompt, refs, lang, "a product")) == said


def test_a_stock_question_is_answered_by_saying_it_is_sold_out(catalog_store) -> None:
    """"疾风稳定跑鞋有货吗" of a sold-out shoe: "[P1]暂时缺货。" answers it in words; the same
    words of the shoe on the shelf are dropped by the verifier, and the composed answer
    stands in."""
    said = "[P1]暂时缺货，可以请店员帮您调货。"
    turn, _ = ask(catalog_store, FakeTaggedModel(said), "疾风稳定跑鞋有货吗？")
    assert turn["by"] == "model" and "缺货" in turn["answer"] and turn["grounded"], turn
    turn, _ = ask(catalog_store, FakeTaggedModel(said), "云跃缓震跑鞋有货吗？")
    assert turn["by"] == "composed" and "缺货" not in turn["answer"], turn


@pytest.mark.parametrize("raw, by", [("推荐[P1]，售价[P1.price]。", "composed"),
                                     ("[P1]的颜色是[P1.colors]。", "model")])
def test_other_colours_of_the_product_discussed_owe_its_colours(catalog_store, raw: str,
                                                                by: str) -> None:
    """"有别的颜色吗" after one product: an answer that does not give its colours is no answer
    (the composed one, which lists them, stands in)."""
    conv = Conversation()
    list(Engine(catalog_store, FakeTaggedModel("推荐[P1]，售价[P1.price]。")).answer("云跃缓震跑鞋",
                                                                                conv))
    turn = turn_json("有别的颜色吗", Engine(catalog_store, FakeTaggedModel(raw)).answer(
        "有别的颜色吗", conv))
    assert turn["by"] == by and "白色" in turn["answer"], turn


def test_a_comparison_ends_only_once_both_sides_are_named(tiny_tagged_model, monkeypatch):
    """A model that would stop after the first product ("The [P1] comes in [P1.colors].")
    is held from ending until the second one's name is written too."""
    from shopguide.llm import GenerationSettings

    model = tiny_tagged_model
    tags = masks.tag_ids(model)
    text = ("Facts:\n[P1] Kettle A [P1.price] ¥99\n[P2] Kettle B [P2.price] ¥129\n"
            "Q: compare them\nA:")
    boost = {model.eos_ids[0]: 1e4, tags["[P1]"]: 1e3, tags["[P2]"]: 5e2}
    start = model.backend.start
    monkeypatch.setattr(model.backend, "start", lambda n: _Eager(start(n), boost))
    settings = GenerationSettings(max_new_tokens=40, do_sample=False, stop=["\n"])

    def names_said(**kw) -> list[str]:
        raw = model.stream(text, settings, threading.Event(), **kw).read_all()
        return [t for t in TAG.findall(raw) if t in ("[P1]", "[P2]")]

    assert names_said() == []  # ungated, it ends at once
    kw = masks.decoding_masks(model, text, comparison=True)
    kw["once"] = [*kw["once"], tags["[P1]"]]  # (here: the first name, then the next likeliest)
    assert names_said(**kw) == ["[P1]", "[P2]"]
    assert masks.compare_gates(model, tags, "Facts:\n[P1] Kettle A\nQ: compare\nA:") == []


def test_an_english_answer_writes_no_keyword_that_reads_as_no_predicate() -> None:
    """The corpus predicates keywords ("[P1.price] and [P1.t1]", "it's [P1.t1]"), and the
    model wrote nouns there ("… and it's chewers."): an English answer may cite "durable",
    not "chewers"; the keyword an attribute answer owes stays; Chinese frames are not so."""
    from shopguide.text.english import reads_as_predicate

    model = FakeModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] KONG Classic [P1.price] $13.99 [P1.t1] chewers [P1.t2] durable "
              "[P1.t3] all life stages [P1.t4] 耐咬 [P1.d1] Tough rubber.\n"
              "Q: something for my dog\nA:")
    banned = set(ta._decoding(model, prompt, "en", "a product", False, None)[0]["banned"])
    assert {tags["[P1.t1]"], tags["[P1.t3]"]} <= banned
    assert not {tags["[P1.t2]"], tags["[P1.d1]"], tags["[P1.price]"]} & banned
    owed = set(ta._decoding(model, prompt, "en", masks.FACT + "[P1.t1]", False, None)[0]["banned"])
    assert tags["[P1.t1]"] not in owed and tags["[P1.t3]"] in owed
    zh = set(ta._decoding(model, prompt, "zh", "a product", False, None)[0]["banned"])
    assert tags["[P1.t1]"] not in zh
    for word in ("easy to clean", "imported", "machine washable", "monthly", "kink-free"):
        assert reads_as_predicate(word), word  # (a word the lexicon lacks is not held against it)
    for word in ("shedding", "gift box", "small breed", "ages 3+"):
        assert not reads_as_predicate(word), word


def test_a_need_keyword_that_reads_as_no_predicate_still_holds_the_others() -> None:
    """"pet hair" answers "a vacuum that handles pet hair" but is masked (a noun); the other
    keywords, which answer nothing asked, stay held behind it, so the answer cites the
    sentence that says it ("an anti-tangle brush handles pet hair") or no feature."""
    model = FakeModel("")
    tags = masks.tag_ids(model)
    prompt = ("Facts:\n[P1] Cordless Stick Vacuum [P1.price] $179.99 [P1.t1] pet hair "
              "[P1.t2] HEPA [P1.d1] An anti-tangle brush handles pet hair.\n"
              "Q: a vacuum that handles pet hair\nA:")
    told = ta._decoding(model, prompt, "en", ta.REASONED, False, None)[0]
    assert tags["[P1.t1]"] in told["banned"]
    assert any(tags["[P1.t2]"] in held and tags["[P1.t1]"] in opening
               for held, opening in told["gates"])


def test_a_colour_is_shown_in_the_askers_language_as_the_prompt_states_the_catalogs() -> None:
    """The prompt keeps the catalog's 黑色/白色 (what the model was trained on); an English
    answer shows "black/white", as the composed answers do."""
    from shopguide.guide.refs import product_refs
    from shopguide.store.models import Product

    shoe = Product("S-1", "跑鞋", "鞋/跑鞋", 459, "CNY", None, 5, "A1", (), ("黑色", "白色"), (),
                   "", name_en="Runner")
    refs = References()
    product_refs(refs, 1, shoe, "en")
    assert refs.values["[P1.colors]"] == "黑色/白色"
    assert refs.fill("The [P1] comes in [P1.colors].") == "The Runner comes in black/white."
    zh = References()
    product_refs(zh, 1, shoe, "zh")
    assert zh.fill("[P1]有[P1.colors]。") == "跑鞋有黑色/白色。"


def test_an_aisle_is_stated_as_trained_and_shown_as_the_catalog_has_it() -> None:
    """The prompt states "Aisle 1" as "1" and "A3货架" as "A3" (the training stores' aisles
    carry no frame word; the model wrote "Yes, the [P1]." to "where is…"); the answer
    shows the catalog's words once ("in Aisle 1", "在A3货架")."""
    from shopguide.guide.refs import References, _without_frame_word

    assert _without_frame_word("Aisle 1") == "1" and _without_frame_word("A3货架") == "A3"
    assert _without_frame_word("B-13") == "B-13" and _without_frame_word("A 3") == "A 3"
    assert _without_frame_word("货架") == "货架"  # nothing would be left
    refs = References()
    refs.add("[P1.aisle]", "1", "Aisle 1")
    refs.add("[P2.aisle]", "A3", "A3货架")
    assert refs.fill("It's in aisle [P1.aisle].") == "It's in Aisle 1."
    assert refs.fill("在[P2.aisle]货架。") == "在A3货架。"

