"""Reading one message: its words, the constraints it states, and what it asks for.

The message is analysed once (``shopguide.text``); every phrase the language resources
and the store know (policy topics, what a turn does, brands, categories, tags, colours,
synonyms) is found on word boundaries in one longest-first pass, so "black friday" is a
sale and not the colour black, and "and" is never a brand. What is left, the content
words, is what retrieval searches for. Whether the message is about a product, a policy
or nothing in the store is settled by retrieval, which sees the scores; here we only read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from shopguide.guide.budget import parse_budget
from shopguide.guide.matching import SYNONYM, Alt, Slot, Terms, topic_phrases
from shopguide.guide.positions import shown_refs
from shopguide.guide.quantity import quantity_spans
from shopguide.guide.vocab import StoreVocab
from shopguide.privacy.contacts import EMAIL_RE, PHONE_RE
from shopguide.text import Token, detect_lang, fold, has_cjk, resources
from shopguide.text.chinese import abbreviates
from shopguide.text.chinese import root as chinese_root
from shopguide.text.phrases import CLAUSE_MARK, Found, Phrases, pattern
from shopguide.text.phrases import overlaps as _overlaps
from shopguide.text.script import CJK_RUN

# "clarify": a follow-up named a position past the shown list; "remark": a comment on what
# was shown ("好便宜啊"), not a request; "identity": a question about the assistant itself
# ("你是机器人吗", "are you a real person?"); "purchase": the shopper chose a product shown
# ("I'll take the second one", "就这款了"), answered with where it is and how to buy it.
INTENTS = ("find", "compare", "locate", "policy", "greeting", "thanks", "goodbye", "staff",
           "remark", "identity", "out_of_scope", "clarify", "purchase")
MAX_UNDERSTOOD_CHARS = 2000  # the rest of a very long message is kept, but not parsed
SOCIAL = ("greeting", "thanks", "goodbye", "staff", "identity")


@dataclass
class Query:
    text: str
    lang: str = "en"
    intent: str = "find"
    terms: list[str] = field(default_factory=list)  # content keys (stems, Chinese words)
    slots: Terms = field(default_factory=Terms)  # the same, with synonyms, for ranking
    tags: list[str] = field(default_factory=list)  # store tags the text names
    topics: list[str] = field(default_factory=list)  # policy topics the text names
    category: str | None = None  # a store category path (or a segment of one)
    category_soft: bool = False  # named through a synonym: rank by it, don't filter
    category_said: str = ""  # the words that named the category, in the shopper's language
    brand: str | None = None
    size: str | None = None
    color: str | None = None
    min_price: float | None = None
    max_price: float | None = None
    around: float | None = None  # "两百左右": the amount the range is around (it may widen)
    cheap: bool = False
    cheaper: bool = False
    in_stock: bool = False
    stock_question: bool = False  # "有货吗" / "is it in stock"
    policy_cue: bool = False
    refs: list[int] = field(default_factory=list)  # indexes into the products shown last
    pick: str | None = None  # "which one is the cheapest / priciest / lightest?" of those shown
    follow_up: bool = False
    exclude_brands: list[str] = field(default_factory=list)  # "除了诺瓦以外", "not Nova"
    exclude_colors: list[str] = field(default_factory=list)  # "不要黑色的", "not black"
    exclude_tags: list[str] = field(default_factory=list)  # "别推日本产的", "nothing with nuts"
    exclude_words: list[str] = field(default_factory=list)  # "without mesh liner": ranked down
    exclude_skus: list[str] = field(default_factory=list)  # "不喜欢，换一个": not the one shown
    other_brand: bool = False  # "别的牌子" / "another brand": not the one(s) just shown
    other_color: bool = False
    acts: frozenset[str] = frozenset()  # cue acts the message holds (resources/lang/cues.csv)
    subject: str | None = None  # the conversation's category, kept as a preference
    # The budget said earlier (min, max; one of them set), for things of the kept subject:
    # "预算500以内的跑鞋" then "有没有适合冬天跑步的" is still within 500.
    subject_budget: tuple[float | None, float | None] | None = None
    subject_size: str | None = None  # the size said earlier ("43码的跑鞋"), kept the same way
    # What the synonyms the text holds mean, as written ("squirrels eat my birdseed" → the
    # store's own "Yankee Flipper Squirrel-Proof Bird Feeder"): a product named there is named.
    means: tuple[str, ...] = ()
    cheaper_than: object = None  # the product a "cheaper?" follow-up is measured against
    lighter: bool = False  # "有没有更轻一点的", "the lightest tent": lightest first, by stated weight
    lighter_than: object = None  # the product a "lighter?" follow-up is measured against
    about_focus: bool = False  # asks about the product being discussed, without pointing
    bare_phrase: bool = False  # only content words, as typed into a search box

    def states_price(self) -> bool:
        """Whether the question says what the product may cost: a budget, "cheap", "cheaper"
        (the answer then owes a price)."""
        return self.min_price is not None or self.max_price is not None or self.cheap \
            or self.cheaper

    def names_need(self) -> bool:
        """Whether the question asks for more than a kind of thing ("要安静的加湿器", "towels
        that dry quickly"): a word of it that is no part of the category it names (the
        answer then owes a reason, not only the colours it comes in)."""
        kind = fold(self.category or "")
        return any(s.role != "topic" and fold(s.said) not in kind for s in self.slots.slots)

    def asks_variants(self) -> str | None:
        """"colors" or "sizes" when the message asks which ones a product comes in ("有什么
        颜色", "what sizes does it come in?": the ``asks_*`` cues), with none of them named
        ("有红色的吗" asks about red); else None. "Other colours" counts as colours asked."""
        if not self.color and not self.size and (self.other_color or "asks_colors" in self.acts):
            return "colors"
        if not self.size and not self.color and "asks_sizes" in self.acts:
            return "sizes"
        return None

    def asks_field(self) -> str | None:
        """What a question asks of the products shown, as a field of theirs: the variants
        (``asks_variants``) or "price" ("多少钱", "how much are they?"; not a fee a policy
        topic names, "运费多少"); else None."""
        return self.asks_variants() or (
            "price" if "asks_price" in self.acts and not self.topics else None)

    def asks_measure(self) -> str | None:
        """"weight" for "多重" / "how heavy is it?", "size" for "容量多大" / "how big is it?"
        (the ``asks_weight`` / ``asks_measure`` cues); else None."""
        if "asks_weight" in self.acts:
            return "weight"
        return "size" if "asks_measure" in self.acts else None

    def has_product_signal(self) -> bool:
        return bool(self.category or self.brand or self.tags or self.size or self.color
                    or self.min_price is not None or self.max_price is not None or self.cheap
                    or self.exclude_brands or self.exclude_colors)

    def constrains_products(self) -> bool:
        """Whether the message says what products must be: a budget, a colour, a size, a
        brand, in stock, a tag or brand ruled out, a stated wish, or a budget or size kept
        from earlier turns."""
        return bool(self.brand or self.size or self.color or self.cheap or self.in_stock
                    or self.min_price is not None or self.max_price is not None
                    or self.exclude_brands or self.exclude_colors or self.exclude_tags
                    or "prefer" in self.acts or self.subject_size or self.subject_budget)

    def constraints(self) -> dict[str, object]:
        """The hard constraints, as the eval and the JSON report name them."""
        out: dict[str, object] = {}
        for key in ("category", "brand", "size", "color", "min_price", "max_price"):
            value = getattr(self, key)
            if value is not None and not (key == "category" and self.category_soft):
                out[key] = value
        if self.in_stock:
            out["in_stock"] = True
        if self.exclude_brands:
            out["exclude_brand"] = list(self.exclude_brands)
        if self.exclude_colors:
            out["exclude_color"] = list(self.exclude_colors)
        if self.exclude_tags:
            out["exclude_tag"] = list(self.exclude_tags)
        return out


# -- phrases of the language --------------------------------------------------------------
ASPECTS = ("asks_cost", "asks_time")  # what a follow-up may ask of a policy (plan._on_aspect)
_ACTS = ("greeting", "thanks", "goodbye", "staff", "compare", "locate", "stock_ask", "stock",
         "in_stock", "negation", "negation_end", "other_brand", "other_color", "it", "them",
         "which", "cheapest", "priciest", "lightest", "biggest", "smallest", "remark", "cheap",
         "cheaper", "how_to", "ask_for", "swap", "owned", "identity", "policy", "asks_colors",
         "asks_sizes",
         "asks_price", "seller", "reject", "more", "prefer", "problem", "asks_measure",
         "asks_weight", "purchase", "choose", "elsewhere", *ASPECTS)
# Acts read wherever their words stand, though a longer reading covers them: 换一个 also
# names the exchange policy, which the conversation then decides about (``resolve``).
_ANYWHERE = ("reject", "more")


@lru_cache(maxsize=1)
def _act_phrases() -> dict[str, Phrases]:
    return {act: Phrases(resources.cue_words(act), exact=True, degrees=True) for act in _ACTS}


@lru_cache(maxsize=1)
def _colour_words() -> Phrases:
    return Phrases(resources.cue_words("colour_word"))


@lru_cache(maxsize=1)
def _size_cues() -> tuple[Phrases, Phrases, frozenset[str], Phrases]:
    systems = resources.sizes()
    cue = Phrases([w for ws in systems.get("cue", {}).values() for w in ws])
    unit = Phrases([w for ws in systems.get("unit", {}).values() for w in ws])
    letters = frozenset(w for ws in systems.get("letter", {}).values() for w in ws)
    named = {}
    for ws in systems.get("letter_word", {}).values():
        for pair in ws:
            letter, _, word = pair.partition("=")
            if word:
                named[word] = letter
    return cue, unit, letters, Phrases(named)


_STORE_KINDS = ("brand", "category", "tag", "color", "size")
# Acts that frame a question rather than name a thing: they block no other reading.
_MARKERS = ("ask_for", "how_to", "choose", *ASPECTS)
_POINTERS = ("it", "them")  # acts that point at shown products, also inside another cue


@dataclass(frozen=True)
class _Span:
    kind: str  # "topic", an act, "brand", "category", "tag", "color", "size", "synonym"
    value: object
    found: Found


def _read_phrases(norm: str, tokens: Sequence[Token], vocab: StoreVocab,
                  blocked: Sequence[tuple[int, int]]) -> list[_Span]:
    """Every known phrase, longest first without overlaps; on equal length the earlier
    kind wins (a policy topic over a colour: "black friday")."""
    kinds: list[tuple[str, Phrases]] = [("topic", topic_phrases())]
    kinds += [(act, p) for act, p in _act_phrases().items()]
    kinds += [("brand", vocab.brand_phrases), ("category", vocab.category_phrases),
              ("tag", vocab.tag_phrases), ("color", vocab.color_phrases),
              ("size", vocab.size_phrases)]
    found: list[tuple[int, int, _Span]] = []
    for order, (kind, phrases) in enumerate(kinds):
        for f in phrases.find(norm, tokens):
            if kind in _STORE_KINDS and all(t.stop for t in tokens[f.first:f.last + 1]):
                continue  # a brand or tag that is a function word ("And") is no reading
            if kind == "color" and len(f.phrase) == 1 and (
                    not norm.startswith(resources.cue_words("color_mark"), f.end)
                    or norm[f.start - 1:f.start] == f.phrase):
                # 粉 is a colour in 粉的 / 粉色, powder in 奶粉 or 冲奶粉; a doubled one says
                # how something looks (屁屁红红的: a sore bottom), not which colour is wanted
                continue
            found.append((-(f.end - f.start), order, _Span(kind, phrases.values.get(f.phrase), f)))
    found.sort(key=lambda t: (t[0], t[1], t[2].found.start))
    spans: list[_Span] = []
    used: list[tuple[int, int]] = list(blocked)
    # Tags, categories and topics are words to search for as well as readings: a tag
    # inside a category name still counts ("防水" in "防水登山鞋" is both).
    for _, _, span in found:
        f = span.found
        if span.kind == "topic" and _labels_a_contact(norm, f.end):
            continue  # "电话13812345678": the shopper's own number, no question about ours
        if span.kind == "locate" and _whereabouts(norm, f.start, f.end):
            continue  # "看到孩子在哪里": where a person is, not where the store keeps it
        if span.kind in _MARKERS:  # what a turn does, said around other words: blocks none
            spans.append(span)
            continue
        if span.kind in _POINTERS and not _overlaps((f.start, f.end), [
                (s.found.start, s.found.end) for s in spans if s.kind in _STORE_KINDS]):
            # "is it available?" is a stock question and still points at the product: the
            # pronoun inside a longer cue is read too, and blocks nothing.
            spans.append(span)
            continue
        if _overlaps((f.start, f.end), used):
            if span.kind in ("tag", "category") and not _overlaps(
                    (f.start, f.end), [(s.found.start, s.found.end) for s in spans
                                       if s.kind not in ("tag", "category")]):
                spans.append(span)
            continue
        spans.append(span)
        used.append((f.start, f.end))
    return sorted(spans, key=lambda s: s.found.start)


def _whereabouts(norm: str, start: int, end: int) -> bool:
    """Whether the locate cue at ``start:end`` asks where a person or the shopper's own
    thing is (the ``whereabouts`` words right before a Chinese cue, "孩子在哪里", "我的位置";
    right after an English one, "where is my order"): a phone watch's feature, an order's
    delivery, never an aisle."""
    before = norm[:start].rstrip()
    if any(before.endswith(w) for w in resources.cue_words("whereabouts", "zh")):
        return True
    after = norm[end:].split()
    return bool(after) and after[0] in resources.cue_words("whereabouts", "en")


@lru_cache(maxsize=1)
def _label_gap() -> re.Pattern[str]:
    """What may stand between a label and its value: marks, and the language's linking words
    ("电话是…", "my email is …": the ``label_link`` words of resources/lang/cues.csv)."""
    links = "|".join(re.escape(w) for w in resources.cue_words("label_link"))
    return re.compile(rf"[\s:：=]*(?:(?:{links})[\s:：=]*)?" if links else r"[\s:：=]*")


def _labels_a_contact(norm: str, end: int) -> bool:
    """Whether the words ending at ``end`` label a phone number or e-mail address that
    follows them: the shopper stating their own contact details."""
    at = _label_gap().match(norm, end).end()
    return bool(PHONE_RE.match(norm, at) or EMAIL_RE.match(norm, at))


def _synonym_spans(norm: str, tokens: Sequence[Token], vocab: StoreVocab) -> list[Found]:
    return vocab.synonym_phrases.find(norm, tokens)


# -- sizes ---------------------------------------------------------------------------------
_NUM_SIZE = re.compile(r"\d{1,3}(?:\.5)?")


def _size(norm: str, tokens: Sequence[Token], vocab: StoreVocab,
          blocked: Sequence[tuple[int, int]]) -> tuple[str | None, list[tuple[int, int]]]:
    """A size said with its cue ("43码", "size 9", "M码", "穿38"), a store size word said
    alone ("king"), or a bare number that only a size can be ("do you have 43")."""
    cue, unit, letters, named = _size_cues()
    free = [i for i, t in enumerate(tokens) if not _overlaps((t.start, t.end), blocked)]
    by_word = {f.first: f for f in named.find(norm, tokens)}
    for f in unit.find(norm, tokens):  # "43码", "M码"
        i = f.first - 1
        if i in free and (tokens[i].script == "num" or tokens[i].text in letters):
            t = tokens[i]
            return _size_value(t.text, vocab, letters), [(t.start, f.end)]
    for f in cue.find(norm, tokens):  # "size 43", "穿38", "尺码M", "in large"
        i = f.last + 1
        w = by_word.get(i)
        if w is not None and i in free:
            letter = str(named.values[w.phrase])
            known = vocab.known_size(letter) or vocab.known_size(w.phrase)
            if known or f.phrase != "in":  # "in large" only where the store sells an L
                return known or letter.upper(), [(f.start, w.end)]
        if i in free and (tokens[i].script == "num" or tokens[i].text in letters
                          or vocab.known_size(tokens[i].text)):
            t = tokens[i]
            return _size_value(t.text, vocab, letters), [(f.start, t.end)]
    for f in vocab.size_phrases.find(norm, tokens):
        if not _overlaps((f.start, f.end), blocked):
            return str(vocab.size_phrases.values[f.phrase]), [(f.start, f.end)]
    for i in free:  # "do you have 43?": a number that is one of the store's sizes
        t = tokens[i]
        if t.script == "num" and len(t.text) >= 2 and _NUM_SIZE.fullmatch(t.text) and \
                vocab.known_size(t.text) and _lone_number(tokens, i):
            return vocab.known_size(t.text), [(t.start, t.end)]
    return None, []


def _lone_number(tokens: Sequence[Token], i: int) -> bool:
    """A number with no word of its own after it (not "43 people", "2 tents")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.stop


def _size_value(raw: str, vocab: StoreVocab, letters: frozenset[str]) -> str:
    known = vocab.known_size(raw)
    if known:
        return known
    return raw.upper() if raw in letters else raw


# -- negation ------------------------------------------------------------------------------
_NEG_REACH = {"zh": 8, "en": 4}  # characters / words a negation reaches after its cue


def _negated(norm: str, tokens: Sequence[Token],
             spans: list[_Span]) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    """Which colour, brand and tag spans a negation reaches ("不要黑色的", "除了诺瓦以外",
    "not black"): indexes into ``spans`` of the negated ones and of the negation cues, and
    the reach of each exclusion ("without mesh liner": its words are ruled out, not sought)."""
    negated: set[int] = set()
    cues: set[int] = set()
    reaches: list[tuple[int, int]] = []
    excluding = set(resources.cue_words("exclude"))
    ends = [s.found.start for s in spans if s.kind == "negation_end"]
    ends += [m.start() for m in CLAUSE_MARK.finditer(norm)]
    for i, s in enumerate(spans):
        if s.kind != "negation":
            continue
        start = s.found.end
        if norm[start:start + 1] in ("-", "'"):
            continue  # "no-slip", "non-stick" negate nothing
        stop = min([e for e in ends if e >= start], default=len(norm))
        if has_cjk(s.found.phrase):
            stop = min(stop, start + _NEG_REACH["zh"])
        else:
            after = [t for t in tokens if t.start >= start][: _NEG_REACH["en"]]
            stop = min(stop, after[-1].end if after else start)
        hit = [j for j, o in enumerate(spans) if o.kind in ("color", "brand", "tag")
               and start <= o.found.start < stop]
        if hit:
            negated.update(hit)
            cues.add(i)
        # "我要的是冰箱，不是配件", "a fridge, not parts": a negation opening a clause after a
        # wish rules its words out, as "without" does.
        before = norm[:s.found.start].rstrip()
        opens = bool(before) and CLAUSE_MARK.fullmatch(before[-1]) is not None
        if (s.found.phrase in excluding or opens) and stop > start:
            reaches.append((start, stop))
    return negated, cues, reaches


# -- the reading ---------------------------------------------------------------------------
def understand(text: str, vocab: StoreVocab, default_lang: str = "en",
               currency: str = "") -> Query:
    """Read one message on its own; ``conversation.resolve`` then applies follow-ups.
    ``currency``: the store's, which decides whether "15 pounds" is money or a weight."""
    raw = (text or "")[:MAX_UNDERSTOOD_CHARS]
    an = vocab.analyzer
    norm = an.normalize(raw)
    tokens = an.tokens(norm, normalized=True)
    q = Query(text=text or "", lang=detect_lang(raw, default_lang))
    budget = parse_budget(norm, tokens, currency)
    q.min_price, q.max_price = budget.min_price, budget.max_price
    q.around = budget.around if budget.min_price is not None else None
    q.size, size_spans = _size(norm, tokens, vocab, budget.spans)
    blocked = budget.spans + size_spans
    spans = _read_phrases(norm, tokens, vocab, blocked)
    _drop_degree_adverbs(spans, tokens)
    _drop_attributive_stock(spans, tokens)
    acts = {s.kind for s in spans if s.kind in _ACTS}
    if "choose" in acts and "owned" not in acts:
        # "换什么奶瓶好": which one to get asks for products, and its 换 names no exchange; of
        # a thing bought ("我买的奶瓶能换什么") it is still after-sales.
        acts.add("ask_for")
        chosen = [(s.found.start, s.found.end) for s in spans if s.kind == "choose"]
        spans = [s for s in spans if s.kind != "topic"
                 or not _overlaps((s.found.start, s.found.end), chosen)]
    anywhere = {act: _act_phrases()[act].find(norm, tokens) for act in _ANYWHERE}
    acts |= {act for act, found in anywhere.items() if found}
    negated, neg_cues, excluded = _negated(norm, tokens, spans)
    consumed = list(blocked) + quantity_spans(norm)
    consumed += [(f.start, f.end) for found in anywhere.values() for f in found]
    named_segments: list[str] = []
    for i, s in enumerate(spans):
        f = s.found
        if s.kind == "color":
            value = str(s.value)
            if i in negated:
                q.exclude_colors.append(value)
            elif q.color is None:
                q.color = value
            consumed.append((f.start, f.end))
        elif s.kind == "brand":
            if i in negated:
                q.exclude_brands.append(str(s.value))
            elif q.brand is None:
                q.brand = str(s.value)
            consumed.append((f.start, f.end))
        elif s.kind == "category" and _for_use(tokens, f.last) and len(
                {str(o.value) for o in spans if o.kind == "category"}) > 1:
            continue  # "笔记本电脑，办公用": what the laptop is for, not a second kind
        elif s.kind == "category":
            named_segments.append(str(s.value))
            q.category_said = q.category_said or f.phrase
        elif s.kind == "tag" and i in negated:
            q.exclude_tags.append(str(s.value))
            consumed.append((f.start, f.end))
        elif s.kind == "tag" and not _for_use(tokens, f.last):  # (办公用: a use, searched)
            q.tags.append(str(s.value))
        elif s.kind == "topic":
            q.topics.append(str(s.value))
        elif s.kind in _ACTS and s.kind not in ("it", "them", "which", "ask_for", "policy",
                                                "asks_measure", "asks_weight", "elsewhere",
                                                *ASPECTS):
            # (an aspect asked keeps its words for the search: "how long" tells rows apart;
            # so does a measure: "how big is the bag?" asks of the bag discussed, not of
            # another that says "bag"; and a place outside the store: "nearby" is a word no
            # product holds)
            consumed.append((f.start, f.end))
    if q.color or q.exclude_colors:
        # "Any color is fine except for black": with a colour read, the word for colour names
        # the attribute, not a thing to search for ("Color All-in-One Printer").
        consumed += [(f.start, f.end) for f in _colour_words().find(norm, tokens)]
    q.category = vocab.best_path(named_segments)
    if q.category and len(set(named_segments)) == 1 and \
            len(vocab.segment_paths().get(named_segments[0], ())) > 1:
        # "basketball" names a kind found under several branches (the balls, and shoes under
        # Men and under Boys): every branch that has it, not the deepest one.
        q.category = named_segments[0]
    if q.category and len(set(named_segments)) == 1 and len(named_segments[0]) == 1:
        # 跑步鞋 where the store names 鞋 and 鞋/跑鞋: the long form of the narrower name.
        longer = _kind_by_head(tokens, vocab, [*consumed, *excluded])
        if longer and longer[2] and longer[0].startswith(q.category + "/"):
            q.category, q.category_said = longer[:2]
            _drop_tags_inside(q)
    if q.category and _points_at_a_tag(norm, spans):
        # "这个摄像头对着电脑的话，能看清电脑上的文字不?": the thing pointed at is the camera (a
        # tag); the computer it faces is no kind to filter by, only a word to rank with.
        q.category_soft = True
    clause = _headless(norm)
    if clause is not None and not acts & {"it", "them"}:
        acts.add("headless")
        # "要16G内存的" after laptops: 内存, measured, says what the laptop has, not what is
        # wanted ("有睡袋的吗" asks for sleeping bags; "电饭煲 五百以内 别推日本产的" names its
        # kind before the modifier's clause).
        # In English the clause has a pronoun for its head ("one that can run the latest
        # games", "ones with a wide fit"): a kind named after it describes the head.
        kinds = [s.found for s in spans if s.kind == "category"]
        q.category_soft = q.category_soft or bool(q.category) and all(
            f.start >= clause and (q.lang == "en" or _after_a_figure(norm, tokens, f.start))
            for f in kinds)
    repaired = _typos(norm, tokens, vocab, consumed)
    if q.category is None:
        kinds = [w for w in repaired.values() if w in vocab.segment_paths()]
        if kinds:  # 电饭褒 is the store's 电饭煲: preferred, as a repair may be wrong
            q.category, q.category_said, q.category_soft = vocab.best_path(kinds), kinds[0], True
    if q.category is None:
        via = _kind_by_synonym(norm, tokens, vocab, [*consumed, *excluded])
        if via:
            q.category, q.category_said = via
            q.category_soft = True
    if q.category is None:
        kind = _kind_by_head(tokens, vocab, [*consumed, *excluded])
        if kind:
            # The store's word in its long form (跑步鞋 for 跑鞋) names the category itself;
            # a head names a broader kind (运动鞋: some 鞋), preferred, not required.
            q.category, q.category_said, short = kind
            q.category_soft = not short
            if short:
                _drop_tags_inside(q)
    q.exclude_colors = list(dict.fromkeys(q.exclude_colors))
    q.exclude_brands = list(dict.fromkeys(q.exclude_brands))
    q.tags = list(dict.fromkeys(q.tags))
    q.topics = list(dict.fromkeys(q.topics))
    if "cheapest" in acts and _pick(acts, spans, norm) is None:
        acts.add("cheap")  # "the cheapest kettle", asked of the catalog, not of those shown
    q.acts = frozenset(acts)
    # Read here, not from the budget alone: "好便宜啊" is a remark, its 便宜 no wish.
    q.cheaper = "cheaper" in acts
    q.cheap = "cheap" in acts and not q.cheaper and q.max_price is None
    q.other_brand = "other_brand" in acts
    q.other_color = "other_color" in acts
    compares = "compare" in acts
    q.refs, ref_spans = shown_refs(norm, tokens, compares)
    consumed += ref_spans
    q.pick = _pick(acts, spans, norm)
    # "lighter" of a colour ("a lighter colour") is no weight.
    q.lighter = "lightest" in acts and q.pick is None and not q.color and \
        not _colour_words().find(norm, tokens)
    q.stock_question = "stock_ask" in acts or ("stock" in acts and _yes_no(norm, tokens))
    q.in_stock = "in_stock" in acts or q.stock_question
    q.policy_cue = bool(q.topics)
    # "without mesh liner": its words are ruled out (ranked down), not searched for.
    q.exclude_words = [t.key for t in tokens if t.content and t.script != "num"
                       and _overlaps((t.start, t.end), excluded)
                       and not _overlaps((t.start, t.end), consumed)]
    consumed += excluded
    q.slots = _slots(norm, tokens, vocab, spans, consumed, repaired)
    q.means = tuple(m for f in _synonym_spans(norm, tokens, vocab)
                    for m in vocab.synonym_phrases.values[f.phrase].means)  # type: ignore[attr-defined]
    q.bare_phrase = bool(tokens) and all(t.content for t in tokens) and len(tokens) <= 8
    q.terms = q.slots.keys()
    q.intent = _intent(norm, tokens, q, acts)
    return q


def _kind_by_synonym(norm: str, tokens: Sequence[Token], vocab: StoreVocab,
                     consumed: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """A kind of thing named by a synonym of the store's category (the store's
    ``synonyms.csv``: 棉衣 → 棉服): preferred in ranking, not required."""
    segments: list[str] = []
    said = ""
    for f in vocab.synonym_phrases.find(norm, tokens):
        if _overlaps((f.start, f.end), consumed):
            continue
        syn = vocab.synonym_phrases.values[f.phrase]
        for m in syn.means:  # type: ignore[attr-defined]
            seg = next((s for s in vocab.segment_paths() if fold(s) == m), None)
            if seg:
                segments.append(seg)
                said = said or f.phrase
    path = vocab.best_path(segments)
    return (path, said) if path else None


def _kind_by_head(tokens: Sequence[Token], vocab: StoreVocab,
                  consumed: Sequence[tuple[int, int]]) -> tuple[str, str, bool] | None:
    """A kind of thing named by its head rather than by the store's own word: 运动鞋 is a
    kind of 鞋, 推车 what 婴儿推车 is a kind of, "trail running shoes" a kind of "Running
    Shoes" (compounds are head-final in both languages). One side must end the other: a
    Chinese word and a category name, or in English the last two words of a category name
    said together ("system" alone does not make a tyre monitor a shower trim system). It is
    preferred in ranking, not required."""
    free = [t for t in tokens if not t.stop and t.script != "num"
            and not _overlaps((t.start, t.end), consumed)]
    en_keys = [t.key for t in free if t.script == "en"]
    best: tuple[int, int, str, str, bool] | None = None
    seg_words = vocab.__dict__.setdefault("_segment_words", {})
    if not seg_words:
        for seg in vocab.segment_paths():
            seg_words[seg] = [t for t in vocab.analyzer.tokens(seg) if t.content]
    zh_words = _zh_compounds(free)
    for seg, paths in vocab.segment_paths().items():
        words = seg_words[seg]
        if not words:
            continue
        said, short = None, False
        if words[-1].script == "zh":
            head = chinese_root(words[-1].key)[-1]
            for key, text, joined in zh_words:
                # (Only a compound the segmenter split: 手机套 is its own word, no 手套.)
                short = joined and (abbreviates(seg, key) or abbreviates(key, seg))
                if chinese_root(key)[-1] == head and (
                        short or key.endswith(seg) or (len(key) >= 2 and seg.endswith(key))):
                    said = text  # 鞋 heads 运动鞋 and 推车 婴儿推车; 跑鞋 does not head 运动鞋
                    break
        elif len(words) >= 2:
            tail = [w.key for w in words[-2:]]
            if any(en_keys[i:i + 2] == tail for i in range(len(en_keys) - 1)):
                said = " ".join(w.text for w in words[-2:])
        if said is None:
            continue
        for path in paths:
            rank = (path.count("/"), len(seg), path, said, short)
            if best is None or rank[:2] > best[:2]:
                best = rank
    return (best[2], best[3], best[4]) if best else None


def _drop_tags_inside(q: Query) -> None:
    """A category named in its long form: its modifier is no tag of its own (跑步 of 跑步鞋
    is the store's 跑鞋, not also the running socks)."""
    said = fold(q.category_said or "")
    q.tags = [t for t in q.tags if fold(t) not in said]


def _zh_compounds(free: Sequence[Token]) -> list[tuple[str, str, bool]]:
    """The Chinese words said (key, text, False), and each word joined with a one-character
    noun right after it (…, True): the segmenter splits a compound the store does not write
    (跑步鞋 → 跑步 + 鞋), whose last character is still its head."""
    out = [(t.key, t.text, False) for t in free if t.script == "zh"]
    for a, b in zip(free, free[1:]):
        if a.script == b.script == "zh" and a.end == b.start and len(b.key) == 1 and \
                b.pos[:1] == "n":
            out.append((a.key + b.key, a.text + b.text, True))
    return out


def _for_use(tokens: Sequence[Token], last: int) -> bool:
    """Whether the word after token ``last`` says what a thing is for (``purpose_after``:
    办公用, 户外用的): the kind before it is a use, not the thing asked for."""
    nxt = last + 1
    return nxt < len(tokens) and tokens[nxt].text in resources.cue_words("purpose_after")


def _drop_attributive_stock(spans: list[_Span], tokens: Sequence[Token]) -> None:
    """"the stock charger" (the one it came with) is no question about stock: the word
    stands between an article and the noun it describes."""
    articles = set(resources.cue_words("article")) | set(resources.cue_words("definite"))
    for s in list(spans):
        if s.kind != "stock" or s.found.first != s.found.last or s.found.first == 0:
            continue
        before, nxt = tokens[s.found.first - 1], s.found.last + 1
        if before.text in articles and nxt < len(tokens) and tokens[nxt].content and \
                tokens[nxt].script == "en":
            spans.remove(s)


def _drop_degree_adverbs(spans: list[_Span], tokens: Sequence[Token]) -> None:
    """比较 before an adjective or verb means "rather" ("比较便宜的", "比较信赖上汽大众"), not
    "compare"; asked with "which" ("哪个比较轻") it still compares the shown ones."""
    which = any(s.kind == "which" for s in spans)
    rather = set(resources.cue_words("rather"))
    for s in list(spans):
        if s.kind != "compare" or s.found.phrase not in rather or which:
            continue
        nxt = tokens[s.found.last + 1] if s.found.last + 1 < len(tokens) else None
        if nxt is not None and nxt.pos[:1] in ("a", "v", "d", "n") and nxt.script == "zh":
            spans.remove(s)


_LEAD = re.compile(r"\s*")


def _pick_tail(norm: str, at: int) -> bool:
    """Whether words right after a superlative make it a pick among the shown ("the cheapest
    one", "最便宜的是哪个"): a ``pick_tail`` cue next, after any spaces."""
    start = _LEAD.match(norm, at).end()  # type: ignore[union-attr]  # \s* always matches
    return bool(pattern(resources.cue_words("pick_tail")).match(norm, start))


def _points_at_a_tag(norm: str, spans: Sequence[_Span]) -> bool:
    """Whether "这个" / "this" stands right before a tag of the store and before no kind
    (category): the message points at a thing of that tag."""
    its = [a.found.end for a in spans if a.kind == "it"]
    pointed = [s.kind for s in spans if s.kind in ("tag", "category") and any(
        end <= s.found.start and not norm[end:s.found.start].strip() for end in its)]
    return bool(pointed) and "category" not in pointed


def _pick(acts: set[str], spans: Sequence[_Span], norm: str) -> str | None:
    """"哪个最便宜？", "which one is the lightest?", "the cheapest one", "最便宜的是哪个", "哪个
    更轻": a pick among the products just shown (a superlative or a comparative asked of
    them, not of the catalog)."""
    which = tuple(resources.cue_words("which"))
    for s in spans:
        if s.kind in ("cheapest", "priciest", "lightest", "biggest", "smallest") and (
                "which" in acts or "them" in acts or _pick_tail(norm, s.found.end)
                or s.found.phrase.startswith(which)):  # "哪个更贵" holds its "which"
            return s.kind
        if s.kind == "cheaper" and "which" in acts:
            # "哪个更便宜", "which one is cheaper?": the cheaper of those shown; "更便宜的呢"
            # alone asks for cheaper ones than the pick (a lower budget).
            return "cheapest"
    return None


def _headless(norm: str) -> int | None:
    """Where a message's last clause starts when it is only a modifier, its head noun left to
    the conversation (None: it is not): "要16G内存的", "有防水的吗" (``headless_end`` after
    the marks; after "有…", a question's own ending is left aside), "ones with a wide fit"
    (``headless_start``). "是防水的吗" and "什么材质的" ask about a product: the cue must close
    the message, and no asking word come before. Clauses part at commas, and in Chinese at
    spaces ("电饭煲 五百以内 别推日本产的": the last clause is the modifier, not the kind)."""
    text = norm.rstrip().rstrip("?？!！。.~～ ").lower()
    breaks = ",，、；;" + (" " if has_cjk(text) else "")
    start = max(text.rfind(mark) for mark in breaks) + 1
    clause = text[start:].strip()
    start += len(text[start:]) - len(text[start:].lstrip())
    opens = resources.cue_words("availability_open", "zh") + resources.cue_words(
        "availability", "zh")
    end = clause
    if end.startswith(opens):
        for particle in resources.cue_words("yes_no_end", "zh"):
            if end.endswith(particle.rstrip("?？")):
                end = end[:-len(particle.rstrip("?？"))]
                break
    if end.endswith(resources.cue_words("headless_end", "zh")) and \
            not pattern(resources.cue_words("asking")).search(end[:-1]):
        return start
    starts = resources.cue_words("headless_start", "en")
    if starts and pattern(starts).match(clause):
        return start
    return None


def _after_a_figure(norm: str, tokens: Sequence[Token], start: int) -> bool:
    """Whether a word holding a digit comes right before ``start`` ("16G内存", "8GB RAM")."""
    before = [t for t in tokens if t.end <= start and not norm[t.end:start].strip()]
    return any(ch.isdigit() for t in before[-1:] for ch in t.text)


def _yes_no(norm: str, tokens: Sequence[Token]) -> bool:
    """A yes/no question: "is it in stock?", "do you have …", "…吗"."""
    end = norm.rstrip().rstrip("?？").rstrip()
    if end != norm.rstrip() or end.endswith(resources.cue_words("yes_no_end", "zh")):
        return True
    return bool(tokens) and tokens[0].text in resources.cue_words("yes_no", "en")


def _slots(norm: str, tokens: Sequence[Token], vocab: StoreVocab, spans: Sequence[_Span],
           consumed: Sequence[tuple[int, int]],
           repaired: dict[tuple[int, int], str] | None = None) -> Terms:
    """The words to search for: content words not used up by a constraint or a cue, a
    policy topic as one slot of all its words, and synonyms as weaker alternatives."""
    slots: list[Slot] = []
    topic_spans = [s for s in spans if s.kind == "topic"]
    in_topic: set[int] = set()
    for s in topic_spans:
        # A frame ("what…size") is its two ends: the words between are the question's own
        # ("what is the mesh hole size?" still asks about mesh and holes).
        own = (range(s.found.first, s.found.last + 1) if "..." not in s.found.phrase
               else sorted({s.found.first, s.found.last}))
        # The words said first (the returns row says "return", the refunds row "refund"),
        # then the topic's other words, a little weaker.
        said = [Alt(tokens[i].key, tokens[i].script, 1.0, tokens[i].text) for i in own
                if tokens[i].content]
        phrase = s.found.phrase
        if has_cjk(phrase) and "..." not in phrase and norm[s.found.start:s.found.end] != phrase:
            said = [Alt(phrase, "zh", 1.0, phrase)]  # split by a filler: 退一下款 said 退款
        words = resources.topics().get(str(s.value), ())
        alts = said + [Alt(k, sc, SYNONYM, w) for k, sc, w in _keys(vocab, words)
                       if all(a.key != k for a in said)]
        slots.append(Slot(s.found.phrase, alts or [Alt(s.found.phrase, "en", 1.0, s.found.phrase)],
                          role="topic", role_value=str(s.value)))
        in_topic.update(own)
    synonyms = _synonym_spans(norm, tokens, vocab)
    heads, purposes = _compound_heads(norm, tokens, [
        *consumed, *((s.found.start, s.found.end) for s in spans if s.kind in _MARKERS)])
    repaired = repaired if repaired is not None else _typos(norm, tokens, vocab, consumed)
    for (first, last), word in repaired.items():
        said = norm[tokens[first].start:tokens[last].end]
        kind = chinese_root(word)[-1] in vocab.kind_heads
        slots.append(Slot(said, [Alt(word, "zh", TYPO, word, kind)], role="word"))
    in_repair = {i for a, b in repaired for i in range(a, b + 1)}
    for i, t in enumerate(tokens):
        if t.stop or i in in_topic or i in in_repair or t.script == "num" or \
                _overlaps((t.start, t.end), consumed):
            continue
        # A Chinese noun whose head is the head of one of the store's categories (运动鞋 and
        # 跑鞋 are both 鞋) matches another thing of that kind in part; 洗衣机 and 手机 share
        # only the morpheme 机, which names no kind here.
        kind = t.script == "zh" and t.pos[:1] == "n" and chinese_root(t.key)[-1] in vocab.kind_heads
        alts = [Alt(t.key, t.script, 1.0, t.text, kind)]
        for f in synonyms:
            if f.first <= i <= f.last:
                syn = vocab.synonym_phrases.values[f.phrase]
                for k, sc, w in _keys(vocab, syn.means):  # type: ignore[attr-defined]
                    if k != t.key:
                        alts.append(Alt(k, sc, SYNONYM, w))
        role = "tag" if any(s.kind == "tag" and s.found.first <= i <= s.found.last
                            for s in spans) else "word"
        slots.append(Slot(t.text, alts, role=role, head=i in heads,
                          purpose=i in purposes or _for_use(tokens, i)))
    seen: set[str] = set()
    out = []
    for s in slots:
        if s.key not in seen:
            seen.add(s.key)
            out.append(s)
    return Terms(out)


TYPO = 0.9  # a word repaired from a typo counts this much of one typed right


def _typos(norm: str, tokens: Sequence[Token], vocab: StoreVocab,
           consumed: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Chinese words typed with the wrong homophone (电饭褒, 空气炸过): token ranges → the
    store word they sound like. Only across two or more words (a word the dictionary knows
    whole is taken as meant), never inside a constraint or a cue."""
    out: dict[tuple[int, int], str] = {}
    for run in CJK_RUN.finditer(norm):
        for a, b, word in vocab.chinese_speller.repair(run.group(0)):
            start, end = run.start() + a, run.start() + b
            inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
            if len(inside) >= 2 and tokens[inside[0]].start == start and \
                    tokens[inside[-1]].end == end and not _overlaps((start, end), consumed):
                out[(inside[0], inside[-1])] = word
    return out


def _compound_heads(norm: str, tokens: Sequence[Token],
                    read: Sequence[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """``read``: the spans already read (constraints, cues). The last word of each run of two
    or more content words side by side ("kids helmet",
    "running shoes", 儿童头盔): compounds are head-final in both languages, so it says what
    the thing is and the words before it what kind. And the words of what a thing is for
    ("a warm jacket for skiing"): they describe the thing, they are not it."""
    heads: set[int] = set()
    purposes: set[int] = set()
    run: list[int] = []
    purpose = set(resources.cue_words("purpose"))

    def for_something(first: int) -> bool:
        # "cheese spread for my breakfast toast": what it is for, not what is asked for
        # ("looking for" asks for the thing: its "for" is a cue's).
        j = first - 1
        while j >= 0 and tokens[j].stop and tokens[j].text not in purpose:
            j -= 1
        return j >= 0 and tokens[j].text in purpose and \
            not _overlaps((tokens[j].start, tokens[j].end), read)

    def close() -> None:
        if run and for_something(run[0]):
            purposes.update(run)
        elif len(run) >= 2:
            heads.add(run[-1])
        run.clear()

    for i, t in enumerate(tokens):
        joined = bool(run) and not norm[tokens[run[-1]].end:t.start].strip()
        if t.content and t.script != "num" and not _overlaps((t.start, t.end), read):
            if run and not joined:
                close()
            run.append(i)
        else:
            close()
    close()
    return heads, purposes


def _keys(vocab: StoreVocab, words: Sequence[str]) -> list[tuple[str, str, str]]:
    """(key, script, word) of the content words of some phrases, without repeats."""
    out: dict[str, tuple[str, str, str]] = {}
    for w in words:
        for t in vocab.analyzer.tokens(w):
            if t.content:
                out.setdefault(t.key, (t.key, t.script, t.text))
    return list(out.values())


def _intent(norm: str, tokens: Sequence[Token], q: Query, acts: set[str]) -> str:
    if not norm.strip() or not re.search(r"\w", norm) or "seller" in acts:
        # (A marketplace seller's own business, "怎么入驻", is no question for a store.)
        return "out_of_scope"
    if "staff" in acts and not (q.topics or q.has_product_signal()):
        # With a question of its own ("过了保修期如何维修 我要转人工") the question is answered
        # and the answer ends with the hand-over (``Plan.handover``).
        return "staff"
    bare = not q.slots and not q.has_product_signal() and not q.refs and not q.pick
    if bare and not q.topics and not acts & set(_ANYWHERE):  # "谢谢，还有别的吗" asks on
        for act in ("identity", "goodbye", "thanks", "greeting"):
            if act in acts:
                return act
        if "remark" in acts and not ({"compare", "locate", "stock_ask"} & acts):
            return "remark"
    if "compare" in acts:
        return "compare"
    if "locate" in acts or q.stock_question:
        return "locate"
    return "find"


def refers_back(q: Query) -> bool:
    """Whether the message leans on what was shown before (``them``, ``它``, ``第二个``)."""
    return bool(q.refs or q.acts & {"it", "them"})


def superlative(text: str) -> str | None:
    """The pick a message asks for among shown products (for callers without a store)."""
    return understand(text, StoreVocab()).pick


