"""What a sentence of a tagged model's answer may not be, read on its raw text (references
as tags) before it is shown: a number written outside the references, broken or
wrong-language text, a loop, a sentence that stops where a fact was to come, a fact given
under another fact's words, a budget pick that is not the cheapest, a sold-out product
named as if it were on the shelf, a refusal inside an answer that helps, a regret with
nothing to regret. Each check returns why (for the log), or None; ``tagged_answer.attempt``
runs them. Also here: whether a question is a yes/no one, and a sentence without a yes that
nothing founds (``without_unfounded_yes``), which ``attempt`` applies before the checks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shopguide.guide.answer_shapes import Taught, units
from shopguide.guide.figures import prices
from shopguide.guide.refs import MAX_PRODUCTS, TAG, References, stated
from shopguide.guide.verify_stock import OUT_STOCK
from shopguide.text import fold, has_cjk
from shopguide.text.numbers import normalize_numbers
from shopguide.text.phrases import pattern
from shopguide.text.resources import ResourceError, cue_words

_REPEAT = re.compile(r"(.)\1{5,}")
# Own words that open with a separator (a fragment: ";，这个问题…") or put two marks side by
# side ("；！", "：，") are broken text, whatever words follow.
_BROKEN_MARKS = re.compile(r"^\s*[,，;；:：、]|[,，;；:：、]\s*[,，;；:：、。.!！?？]")
LOOP_RUN = 6  # characters
_STUTTER = re.compile(r"(.{2,}?)\1\1")
_CLAUSE_TWICE = re.compile(r"(?:^|[，,；;：:\s])([^，,；;：:□\s][^，,；;：:□]+?)[，,]\s*\1"
                           r"(?=[，,。.；;！!？?]|$)", re.I)
# Two names side by side, or one announcing another as its fact ("[P3]：[P1]：…").
_NAMES_RUN_TOGETHER = re.compile(r"\[P\d\]\s*(?:[:：]\s*)?\[P\d\]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NAME = re.compile(r"\[P(\d)\]")
_FOLDED_NAME = re.compile(r"\[p(\d)\]")  # a name's tag in folded text
# A question's clauses: split at marks, and at spaces after Chinese ("有蓝色的吗 不要粉的").
_CLAUSES = re.compile(r"[,，。;；:：!！?？~～]+|(?<=[^\x00-\x7f])\s+")
ZERO_STOCK = re.compile(r"(\[P\d+\.stock\]) 0(?!\d)")


def unreferenced_number(raw: str) -> str | None:
    """A number other than one written outside the references ("thirty days", "三十天"): the
    model may not state a figure of its own. "one"/"一" pass ("一款", "one of them")."""
    bare = TAG.sub(" ", raw)
    for run in re.findall(r"\d+(?:\.\d+)?", normalize_numbers(bare)):
        if float(run) >= 2:
            return f"a number written outside the references ({run})"
    return None


_LATIN_MARK = re.compile(r"[:;,.!?]")


def malformed(sentence: str, lang: str, own: str | None = None) -> str | None:
    """Text no shopper should see: broken bytes, control characters, stutter, or the
    model's own words (``own``: the sentence without its references) in the other language.
    The facts may be in either (a bilingual catalog); the model's words may not."""
    if "\ufffd" in sentence or any(ord(ch) < 32 and ch not in "\n\t" for ch in sentence):
        return "broken characters"
    if _REPEAT.search(sentence):
        return "a character repeated over and over"
    words = sentence if own is None else own
    if lang == "zh" and _LATIN_WORD.search(words) and not has_cjk(words):
        return "not in the asker's language"
    if lang == "zh" and own is not None and _LATIN_MARK.search(own):
        # "[P1]: [P1.sizes]. [P1.t1]; …件。": no Chinese training answer puts an English mark
        # among its own words; one that does has strung an English answer's frame together
        return "English punctuation in a Chinese answer"
    if lang == "en" and has_cjk(words):
        return "not in the asker's language"
    return None


def broken_marks(raw: str) -> str | None:
    """Own words that open with a separator or put two marks side by side, brackets left
    open ("there are ( with are ('t"), or two names run together ("[P1] [P2] is …"); the
    references stand as words here: "可以，[F1.c1]。" is whole."""
    own = TAG.sub("□", raw).strip()
    if _BROKEN_MARKS.search(own):
        return "broken punctuation"
    if own.count("(") != own.count(")") or own.count("（") != own.count("）"):
        return "a bracket left open"
    if _NAMES_RUN_TOGETHER.search(raw):
        return "names run together"
    return None


def unfilled(raw: str, refs: References) -> str | None:
    """A reference to no fact of this prompt would be said as nothing ("choose and .")."""
    return "a reference to no fact" if any(t not in refs.values for t in TAG.findall(raw)) \
        else None


def looping(raw: str) -> bool:
    """A run of ``LOOP_RUN`` characters found three times in one sentence ("特点是这点很实用，
    特点是这点很实用，…"), or a phrase of the model's own said three times running ("挺合适，
    挺合适，挺合适"): a small model going round in circles. (References stand as □: three
    facts in a row are a list, not a loop.)"""
    own = TAG.sub("□", raw)
    if any(own.count(own[i:i + LOOP_RUN]) >= 3 for i in range(len(own) - LOOP_RUN + 1)):
        return True
    if _CLAUSE_TWICE.search(own):
        return True  # "挺合适，挺合适": a clause of its own said again at once (never in the corpus)
    return any(len(re.sub(r"[□\W]", "", m.group(1))) >= 2 for m in _STUTTER.finditer(own))


def dangling(raw: str, taught: Taught | None = None) -> str | None:
    """A sentence that stops where a fact was to come ("价格是。", "位于。"): the model's frame
    asked for a reference that decoding masked (used already, or no such fact). The words
    that announce a fact are the ``expects_fact`` cues of resources/lang/cues.csv. A product's
    name alone ("[P1].") is such a sentence too. A sentence that gave a fact and ends as the
    training answers ended after one (``taught``: every run of three from that fact to the
    end was taught: "[P1]有[P1.colors]可选。", "Aisle [P1.aisle], where the [P1] is.") ends
    where it was taught to: the cue at its end ("选", "is") announces nothing more."""
    own = TAG.sub("□", raw).strip()
    if own.endswith(("?", "？")):
        return None  # a question may end on "with" ("Anything else I can help with?")
    body = own.rstrip("。.!！；;…").rstrip()
    if NAME.fullmatch(raw.strip().rstrip("。.!！；;…").strip()):
        return "a name alone"  # "小游侠儿童羽绒服." before "12件。": a fragment
    if not _announces_fact().search(body) or _ends_as_taught(raw, taught):
        return None
    return "a fact announced and not given"


def _ends_as_taught(raw: str, taught: Taught | None) -> bool:
    """Whether ``raw`` gave a fact and every run of three from its last fact to its end was
    taught (the saved runs of three of the training answers; False without them)."""
    facts = [m for m in TAG.finditer(raw) if "." in m.group(0)]  # a fact, not a name
    if taught is None or taught.triples is None or not facts:
        return False
    said = units(raw[facts[-1].start():].strip())
    if set(said) & set(cue_words("new_clause")):
        return False  # "[P1.price] and it is.": the fact came before the clause that ends
    runs = list(zip(said, said[1:], said[2:]))
    return bool(runs) and all(run in taught.triples for run in runs)


# The words that announce one kind of fact (cues.csv ``frame_*``) → the fields that may follow.
# "frame_policy": nothing of a product (its name included) follows the policy's words.
FRAMES = {"frame_aisle": ("aisle",), "frame_price": ("price",), "frame_choices": ("sizes", "colors"),
          "frame_feature": ("d", "t"), "frame_policy": (),
          "frame_alternative": ("",)}  # fields by kind (d1, d2 … are "d"); "" is the name
_FIELD = re.compile(r"\[P\d(?:\.([a-z0-9]+))?\]")
_CLAUSE = re.compile(r"\[F\d+\.c\d+\]", re.I)


def misplaced(raw: str) -> str | None:
    """A fact given under another fact's words: "in aisle [P1.price]", "comes in
    [P1.price]", "售价[P1.aisle]", "is in aisle [P1]". The model's frame and the reference it
    could write part ways (the fact it announced is masked: used already, or the product has
    no aisle), and the sentence says a price is a place. The policy's words ("Our policy:
    it;") lead to a clause of the policy, or say nothing."""
    folded = fold(raw)
    policy = pattern(cue_words("frame_policy")).search(folded)
    if policy is not None and not _CLAUSE.search(folded, policy.end()):
        return "a policy's words with no policy after them"
    pos = 0
    for m in TAG.finditer(raw):
        before = fold(raw[pos:m.start()]).rstrip()
        pos = m.end()
        field = _FIELD.fullmatch(m.group(0))
        if field is None or not before:
            continue
        act = frame_at_end(before)
        if act is None or frame_allows(act, m.group(0)):
            continue
        # A name the words announce a fact of: that fact must follow it ("Sizes for the [P1]:")
        subject = _subject_fact(raw, m)
        if subject is None or not frame_allows(act, subject):
            return "a fact under another fact's words"
    return None


_NAME_THEN_FACT = re.compile(r"\s*[:：]\s*(\[P\d\.[a-z0-9]+\])")  # "[P1]: [P1.d1]"


def _subject_fact(raw: str, name: re.Match) -> str | None:
    """The fact right after a product's name and a colon ("Sizes for the [P1]: [P1.d1]"):
    the frame before the name announces it, so it is held to that frame. None when the name
    is not so followed ("in aisle [P1]." is a name under a place's words)."""
    if name.group(0).count(".") or not (m := _NAME_THEN_FACT.match(raw, name.end())):
        return None
    return m.group(1) if m.group(1).startswith(name.group(0)[:-1] + ".") else None


def frame_at_end(text: str) -> str | None:
    """The ``frame_*`` act whose words the text ends on ("…，特点是", "The [P1] costs "), if
    any: what ``misplaced`` holds the next reference to."""
    folded = fold(text).rstrip()
    return next((act for act in FRAMES if _ends_with(cue_words(act), folded)), None)


def frame_allows(act: str, tag: str) -> bool:
    """Whether a product reference may follow ``act``'s words (the name is field "")."""
    field = _FIELD.fullmatch(tag)
    return field is None or re.sub(r"\d", "", field.group(1) or "") in FRAMES[act]


def _ends_with(words: tuple[str, ...], text: str) -> bool:
    """Whether the text's last word (marks aside) is one of ``words`` ("… in aisle: ")."""
    last = None
    for last in pattern(words).finditer(text) if words else ():
        pass
    return last is not None and not re.search(r"\w", text[last.end():])


def wrong_pick(raw: str, refs: References) -> str | None:
    """"预算有限的话选[P2]", "the cheaper pick is the [P1]" (the ``budget_pick`` cues) naming
    a product that is not the least expensive of the prompt's, or "最贵的是[P1]" (the
    ``priciest`` cues) one that is not the dearest: the model's own words make a claim about
    the prices, and it must hold. Each claim is about its own name: the first after its words
    and before the next claim's ("最便宜的是[P1]，最贵的是[P2]"), else the last before them
    ("the [P1] is the least expensive")."""
    given = {k: figures[0].value for k in range(1, MAX_PRODUCTS + 1)
             if (figures := prices(refs.values.get(f"[P{k}.price]", "")))}
    folded = fold(raw)
    own = TAG.sub(_blank, raw)  # the model's words, each at its place in ``folded``
    claims = sorted((m.start(), m.end(), pick, why) for act, pick, why in _PICK_CLAIMS
                    for m in pattern(cue_words(act)).finditer(fold(own)))
    names = [(m.start(), int(m.group(1))) for m in _FOLDED_NAME.finditer(folded)
             if int(m.group(1)) in given]
    for n, (start, end, pick, why) in enumerate(claims):
        upto = claims[n + 1][0] if n + 1 < len(claims) else len(folded)
        since = claims[n - 1][1] if n else 0
        after = [k for at, k in names if end <= at < upto]
        before = [k for at, k in names if since <= at < start]
        named = after[0] if after else before[-1] if before else None
        if named is not None and given[named] != pick(given.values()):
            return why
    return None


_PICK_CLAIMS = (("budget_pick", min, "a budget pick that is not the cheapest"),
                ("priciest", max, "a dearest pick that is not the dearest"))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))  # a tag hidden, the text's positions kept


def sold_out(prompt_text: str) -> frozenset[str]:
    """The name tags of the prompt's products that have none in stock."""
    return frozenset(m.group(1).split(".")[0] + "]" for m in ZERO_STOCK.finditer(prompt_text))


def on_shelf(prompt_text: str, gone: frozenset[str]) -> frozenset[str]:
    """The name tags of the prompt's products that are not sold out (``gone``: those that
    are, ``sold_out``)."""
    return frozenset(t for t in stated(prompt_text) if NAME.fullmatch(t)) - gone


_STOCK_TAG = re.compile(r"\[P\d\.stock\]")


def count_without_unit(raw: str) -> str | None:
    """A stock figure whose next words do not say what it counts ("12 in aisle A1": twelve
    what?): the words after the count must be a ``stock_unit`` cue of resources/lang/cues.csv
    ("in stock", "left", "件"); before it, "stock:" or "库存" says it already."""
    for m in _STOCK_TAG.finditer(raw):
        after = fold(TAG.sub(" ", raw[m.end():])).strip()
        before = fold(TAG.sub(" ", raw[:m.start()]))
        if not pattern(cue_words("stock_unit")).match(after) and \
                not _ends_with(cue_words("stock_before"), before):
            return "a stock figure that does not say what it counts"
    return None


def unsaid_sold_out(raw: str, text: str, names: frozenset[str]) -> str | None:
    """A sentence that names a product with none in stock must say so ("[P1]暂时缺货"): the
    model recommended one as if it were on the shelf, and the shopper would walk to it."""
    if names and any(n in raw for n in names) and not OUT_STOCK.search(text):
        return "names a sold-out product without saying so"
    return None


def refuses(raw: str) -> str | None:
    """A sentence whose own words say the assistant cannot help ("我只能回答本店商品和服务的
    问题", "Sorry, I can only help with…"), in an answer that does help: a frame of another
    situation, and a contradiction (the ``refusal`` cues of resources/lang/cues.csv)."""
    own = _plain(TAG.sub(" ", raw))  # "can’t" is "can't"
    return "a refusal inside an answer" if pattern(cue_words("refusal")).search(own) else None


def asks_yes_or_no(question: str) -> bool:
    """Whether a question is answered by yes or no: a clause of it ends on a ``yes_no_end``
    cue ("带数据线么?", "有蓝色的吗 不要粉的"; one written with "?" only before a question mark:
    "快捷键嘛?", "能看清文字不?") that is not the end of a question word (什么, 怎么: the
    ``asking`` cues), or opens with a ``yes_no`` one ("is it …", "ok, does this …"); not
    "有什么实用功能?" or "how bright is it?"."""
    said = fold(question)
    ends = [w for w in cue_words("yes_no_end", "zh") if not w.endswith("?")]
    asked = [w[:-1] for w in cue_words("yes_no_end", "zh") if w.endswith("?")]
    words = [w for w in cue_words("asking", "zh") if len(w) > 1]
    if any(w + "?" in said for w in asked):
        return True
    for clause in _CLAUSES.split(said):
        clause = clause.strip()
        first = re.match(r"[a-z']+", clause)
        if (clause.endswith(tuple(ends)) and not clause.endswith(tuple(words))) or (
                first and first.group(0) in cue_words("yes_no", "en")):
            return True
    return False


def without_unfounded_yes(raw: str, yes_no: bool, text: str) -> str:
    """The sentence without the yes it opens with (the ``affirm`` cues) when nothing founds
    it: the question is not one a yes answers (``yes_no`` false: "亮度怎么调?" → "对，[P1]：
    [P1.d1]"), or the sentence (``text``, filled) goes on to deny something (the ``denial``
    cues: "键盘有背光吗" → "是的，…：键盘没有背光灯。"). The corpus teaches a yes before every
    cited sentence of an attribute answer, and the small model says it whatever the sentence
    says; the rest of the sentence answers, in the catalog's own words."""
    if yes_no and not pattern(cue_words("denial")).search(_plain(text)):
        return raw
    lead = len(raw) - len(raw.lstrip())
    said = pattern(cue_words("affirm")).match(_plain(raw[lead:]))
    if said is None:
        return raw
    rest = raw[lead + said.end():].lstrip(" ,，:：;；.。!！…—-~")
    if rest[:1].islower() and not rest[1:2].isupper():  # "Yes, the …" → "The …"; not "IPhone"
        rest = rest[0].upper() + rest[1:]
    return raw[:lead] + rest  # "" when the yes was all of it


def _plain(text: str) -> str:
    """Folded, with a curly apostrophe read as a straight one ("doesn’t")."""
    return fold(text).replace("’", "'")


def mistoned(raw: str, text: str) -> str | None:
    """A regret (the ``regret`` cues: "I'm afraid", 抱歉) with nothing to regret: no
    sold-out, no silence, no refusal, nothing denied ("I'm afraid the [P1]: [P1.d1]."; but
    "抱歉，[P1]没有蓝色。" regrets a no). The corpus teaches that opening only before those;
    the words after it are the model's own. (A yes with nothing to found it is left out:
    ``without_unfounded_yes``.)"""
    own, said = _plain(TAG.sub(" ", raw)).strip(), _plain(text).strip()
    # What follows the regret's own words is what it regrets ("不好意思" holds a 不 itself).
    if (opening := pattern(cue_words("regret")).match(said)) is not None:
        said = said[opening.end():]
    if pattern(cue_words("regret")).match(own) and not (
            OUT_STOCK.search(text) or any(pattern(cue_words(act)).search(said)
                                          for act in ("unstated", "refusal", "denial"))):
        return "a regret with nothing to regret"
    return None


def closes(text: str) -> bool:
    """Whether a model's own words hold closing words (the ``closing`` cues: "希望对您有帮助",
    "Hope that helps"): the answer ends with them."""
    return bool(_closing().search(_plain(text)))


@lru_cache(maxsize=1)
def _closing() -> re.Pattern[str]:
    words = cue_words("closing")
    if not words:  # an empty pattern matches everything: every sentence would close
        raise ResourceError("cues.csv: no closing words")
    return pattern(words)


@lru_cache(maxsize=1)
def _announces_fact() -> re.Pattern[str]:
    # An English cue is a whole word (``pattern``): "that" does not end in "at", nor
    # "Maria" in "a" ("I can check that." announces nothing).
    words = pattern(cue_words("expects_fact")).pattern
    return re.compile(f"(?:{words})" + r"\s*[:：]?$", re.I)
