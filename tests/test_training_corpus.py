"""The corpus: stores split disjointly; reference answers that refer to the facts by tag."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from shopguide.guide.refs import TAG
from shopguide.guide.tagged_answer import unreferenced_number
from shopguide.training import corpus as c
from shopguide.training.synth import make_store

SPEC = c.CorpusSpec(stores=16, per_store=14, validation_stores=3, test_stores=3, coined=0.3)


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


def test_answers_write_no_fact_of_their_own(records):
    """Every tag an answer writes has a fact in its prompt; no digit or number word is
    written outside a tag (decoding masks digits: the corpus must never need one)."""
    tags = 0
    for r in records:
        written = TAG.findall(r.target)
        assert all(t in r.context for t in written), (r.context, r.target)
        assert not re.search(r"\d", TAG.sub("", r.target)), r.target
        assert unreferenced_number(r.target) is None, r.target
        tags += len(written)
    assert tags > len(records)  # the answers do refer to facts


def test_answers_name_the_product_asked_about(records):
    tops = [r for r in records if r.top]
    assert len(tops) > len(records) // 3
    # A question about the product discussed may be answered by its fact alone ("是的，[P1.d1]。").
    named = [r for r in tops if r.kind not in ("attribute", "followup")]
    assert named and all(r.top in r.target for r in named)
    about = [r for r in tops if r.kind in ("attribute", "followup")]
    assert all(r.top[:-1] in r.target for r in about if "[P" in r.target)
    shuffled = [r for r in tops if r.shuffled]
    # With the facts shuffled the right product is often not the first one.
    assert shuffled and sum(r.top != "[P1]" for r in shuffled) > len(shuffled) // 3


def _fact_lines(context: str) -> dict[str, str]:
    facts = context.split("\nQ: ")[0]
    return {m.group(1): m.group(0) for m in re.finditer(r"^(\[P\d\]).*$", facts, re.M)}


def test_a_shuffled_question_tells_its_product_apart(records):
    """With the facts shuffled, the question names something (a feature, a brand, whom it
    suits) that only the product asked about has; else the right answer would be a guess."""
    from shopguide.training.synth_vocab import WHO

    asked = [r for r in records if r.shuffled and r.kind in ("recommend", "need")]
    assert asked
    for r in asked:
        lines = _fact_lines(r.context)
        question = r.context.rsplit("Q: ", 1)[1]
        words = set(re.findall(r"\[P\d\.(?:t\d|brand)\] ([^\[\n]+?)(?= \[|$)", "\n".join(lines.values()), re.M))
        words |= {w for pair in WHO for w in pair}
        said = [w for w in words if w in question]
        assert any(w in lines[r.top] and not any(w in v for k, v in lines.items() if k != r.top)
                   for w in said), (question, r.top)


def test_a_feature_asked_for_is_the_reason_given(records):
    """A recommendation for a feature the product lists gives that feature as the reason."""
    cited = 0
    for r in (r for r in records if r.kind == "recommend"):
        question = r.context.rsplit("Q: ", 1)[1]
        line = _fact_lines(r.context)[r.top]
        asked = [tag for tag, word in re.findall(r"(\[P\d\.t\d\]) ([^\[\n]+?)(?= \[|$)", line)
                 if word in question]
        if asked:
            assert any(tag in r.target for tag in asked), (question, r.target)
            cited += 1
    assert cited > 10


def test_a_need_is_answered_by_citing_its_clause(records):
    cites = [r for r in records if r.cite]
    assert cites and all(r.cite in r.target and r.cite in r.context for r in cites)


def _variants_asked(r) -> bool | None:
    """None: the answer gives no colours or sizes; else whether the question names one."""
    field = re.search(r"(\[P\d)\.(colors|sizes)\]", r.target)
    if field is None:
        return None
    line = _fact_lines(r.context)[field.group(1) + "]"]
    values = re.search(rf"\.{field.group(2)}\] ([^\[]+)", line).group(1).strip().split("/")
    asked = r.context.rsplit("Q: ", 1)[1]
    # A value as a word of its own: "S" is no size asked in "Sizes of the …?"
    return any(re.search(rf"(?<![A-Za-z]){re.escape(v)}(?![A-Za-z])", asked) for v in values)


def test_a_colour_or_size_asked_for_is_answered_by_the_variants():
    """"Do you have it in pink?" (after a recommendation, or of a product named): the answer
    gives the colours or sizes it comes in, and the value asked is among them."""
    recs = c.build(c.CorpusSpec(stores=30, per_store=30, validation_stores=2, test_stores=2))
    asked = [r for r in recs if _variants_asked(r)]
    assert len(asked) >= 10 and {r.lang for r in asked} == {"zh", "en"}
    assert {r.kind for r in asked} == {"followup", "detail"}
    assert all(_variants_asked(r) for r in recs if r.kind == "followup" and
               _variants_asked(r) is not None)
    # "Where is the kettle?": the kind named, the facts in retrieval order, the first answered.
    assert any(r.kind == "detail" and r.top == "[P1]" and not r.shuffled and
               _fact_lines(r.context)["[P1]"].split(" [P1.")[0][5:] not in
               r.context.rsplit("Q: ", 1)[1] for r in recs)


def test_both_languages_and_all_situations_present(records):
    train = [r for r in records if r.split == "train"]
    assert {r.lang for r in train} == {"zh", "en"}
    kinds = {r.kind for r in train}
    assert {"recommend", "need", "compare", "policy", "none", "followup", "social"} <= kinds
    assert any("[C] " in r.context for r in train)
    history = [r for r in train if r.context.count("\nQ: ") >= 2]
    # Earlier answers are in the prompt as the shopper saw them: facts, not tags.
    earlier = [re.sub(r"\nStated: \S+", "", r.context.split("\nQ: ")[1]) for r in history]
    assert earlier and not any(TAG.search(text) for text in earlier)


def test_stores_are_reproducible_and_varied():
    a, b = make_store(5), make_store(5)
    assert [p.sku for p in a.products] == [p.sku for p in b.products]
    trades = {make_store(s).trade.name for s in range(40)}
    currencies = {make_store(s).settings.currency for s in range(40)}
    assert len(trades) >= 6 and {"CNY", "USD"} <= currencies


def test_names_come_in_the_styles_catalogs_use():
    names = [p.name for s in range(30) for p in make_store(s, name_styles=True).products
             if p.brand and p.name.isascii()]
    assert names
    brand_last = sum(" by " in n or " - " in n for n in names)
    long_titles = sum(" with " in n for n in names)
    models = sum(bool(re.search(r"\b[A-Z]{1,3}-?\d{1,4}\b", n)) for n in names)
    assert brand_last and long_titles and models


def test_coined_names_coin_new_words() -> None:
    from shopguide.training.synth_vocab import TRADES

    plain, again = make_store(11), make_store(11, coined=0.0)
    assert [p.name for p in plain.products] == [p.name for p in again.products]
    coined = make_store(11, coined=1.0)
    known = {b[i] for t in TRADES for b in t.brands for i in (0, 1)}
    brands = {p.brand for p in coined.products if p.brand}
    assert brands and not brands & known  # every brand is new
    assert (coined.trade, coined.lang) == (plain.trade, plain.lang)



def test_bare_catalogs_and_questions_alone_are_taught_without_facts_they_lack():
    """Stores whose catalog has no stock or aisle (``bare``), and questions about the product
    discussed with no earlier turn (``alone``): every tag written still has its fact."""
    spec = c.CorpusSpec(stores=16, per_store=30, validation_stores=3, test_stores=3,
                        bare=0.5, alone=0.5)
    records = c.build(spec)
    facts = [r.context.split("\nQ:")[0] for r in records]
    bare = [f for f in facts if "[P1]" in f and "[P1.stock]" not in f and "[P1.aisle]" not in f]
    assert len(bare) > len(records) // 4
    for r in records:
        assert all(t in r.context for t in TAG.findall(r.target)), (r.context, r.target)
    asked = [r for r in records if r.kind == "attribute"]
    alone = [r for r in asked if r.context.count("\nQ:") == 1]
    assert asked and 0 < len(alone) < len(asked)
    # The default corpus is unchanged by either: every store keeps its shelf, every such
    # question its earlier turn.
    plain = c.build(SPEC)
    assert all(r.context.count("\nQ:") > 1 for r in plain if r.kind == "attribute")


def test_a_question_about_the_product_discussed_states_what_answers_it(records):
    """The ``Stated:`` line just before the question holds the reference the answer cites, or
    "none" where the answer says the catalog is silent; no other exchange carries it."""
    silent = cited = 0
    for r in records:
        lines = r.context.split("\n")
        stated = [x.removeprefix("Stated: ") for x in lines if x.startswith("Stated: ")]
        if r.kind != "attribute":
            assert not stated, r.context
            continue
        assert len(stated) == 1 and lines[-3] == f"Stated: {stated[0]}", r.context
        if stated[0] == "none":
            assert not TAG.sub("", r.target).strip().startswith("Yes"), r.target
            assert not re.search(r"\[P\d\.[dt]\d\]", r.target), r.target
            silent += 1
        else:
            assert stated[0] == r.cite and r.cite in r.target, (stated, r.target)
            cited += 1
    assert silent and cited


def _asked(r) -> str:
    return r.context.rsplit("Q: ", 1)[1].removesuffix("\nA:")


def test_loose_and_typed_questions_when_asked_for_and_the_stated_line_decides():
    """``loose`` and ``typed`` (off in the shipped preset): loose questions about goods the
    facts never name are answered by the catalog's silence, and typed forms come in every kind
    of exchange alike (were they an attribute question's only, the surface would tell the
    kind); no word of a question is changed, so what it names is still found in the facts."""
    from shopguide.training.tagged import ASK

    spec = c.CorpusSpec(stores=40, per_store=30, validation_stores=2, test_stores=2,
                        loose=0.35, typed=0.3)
    recs = c.build(spec)
    slot = r"\\\{(?:verb|thing|amount)\\\}"
    loose = [re.compile(re.sub(slot, ".+", re.escape(f)) + r"(\W.*)?$")
             for forms in ASK["open"].values() for f in forms]
    open_ones = [r for r in recs if r.kind == "attribute" and
                 any(p.search(_asked(r)) for p in loose)]
    assert len(open_ones) >= 10
    assert all("\nStated: none\n" in r.context for r in open_ones)
    endings = tuple(e for forms in ASK["typed"].values() for e in forms)

    def looks_typed(r) -> bool:
        return (q := _asked(r)).endswith(endings) or '"' in q or "  " in q

    assert {"recommend", "detail", "policy", "attribute", "compare"} <= \
        {r.kind for r in recs if looks_typed(r)}
    plain = c.build(replace(spec, loose=0.0, typed=0.0))  # ("Great, thanks" ends so too)
    assert sum(map(looks_typed, recs)) > 3 * sum(map(looks_typed, plain))


def test_the_bundled_preset_builds_the_corpus_of_the_shipped_model():
    """The shipped model's card records its corpus; the preset must still build that corpus
    (a changed question form or draw would make ``train --preset bundled`` another model)."""
    import json

    from shopguide.config import bundled_model_dir
    from shopguide.training.pipeline import PRESETS

    card = json.loads((bundled_model_dir() / "model_card.json").read_text(encoding="utf-8"))
    built = c.stats(c.build(PRESETS["bundled"].corpus))
    assert built == {k: card["corpus"][k] for k in built}
