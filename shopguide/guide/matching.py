"""How much of a question a product or FAQ row covers, in Chinese and English.

The full-text index finds candidates; this decides how well each answers. Both sides are
read by the same analyzer (``shopguide.text``). A question is a list of slots: each word
it says, with the words its synonyms add as weaker alternatives. A slot's match is the
best of its alternatives in the row's title fields (name, category, brand, tags) or, for
less, its body (description, answer). Coverage is the share of the question's weight the
row matches, each slot weighing what it tells apart in this store (its IDF), so "flat
feet" counts more than "shoes" in a shoe shop and a question's filler counts little.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from shopguide.store.models import NOT_CARRIED_TAG, FaqEntry, Product
from shopguide.text import Analyzer, Token, chinese, fold, has_cjk, resources
from shopguide.text.phrases import Phrases

BODY = 0.6  # a word only in a row's body counts this much of one in its title
SYNONYM = 0.8  # a synonym's word counts this much of the word said
FAQ_BODY = 0.5  # the same for an FAQ row's answer
MODIFIER = 0.5  # a question's head word found only as a modifier in a product's name


@dataclass(frozen=True)
class Doc:
    title: str  # normalised text of the fields that say what a row is
    body: str  # normalised text of the rest (description, answer)
    title_keys: frozenset[str]
    body_keys: frozenset[str]
    body_weight: float = BODY
    # A product's name says what it is by its head ("Shoe Boxes" are boxes): the name's
    # head words, and the words of its other title fields (category, brand, tags). A
    # question's head matched only by another word of the name is a modifier match.
    name_heads: frozenset[str] = frozenset()
    named_only: frozenset[str] = frozenset()
    # The keys in order, so a stem's longer forms are found by bisection, not by a scan of
    # every key (the scan was most of an answer's time on 60 candidates at 1M products).
    title_order: tuple[str, ...] = field(default=(), compare=False, repr=False)
    body_order: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title_order", tuple(sorted(self.title_keys)))
        object.__setattr__(self, "body_order", tuple(sorted(self.body_keys)))

    @classmethod
    def of(cls, analyzer: Analyzer, title: str, body: str, body_weight: float = BODY) -> Doc:
        t, b = analyzer.normalize(title), analyzer.normalize(body)
        return cls(t, b, frozenset(tk.key for tk in analyzer.tokens(t, normalized=True)),
                   frozenset(tk.key for tk in analyzer.tokens(b, normalized=True)), body_weight)


@dataclass(frozen=True)
class Alt:
    key: str  # analysed key: a stem, a Chinese word, a number
    script: str  # "zh", "en", "num"
    weight: float = 1.0  # 1 for the word said, less for a synonym's
    text: str = ""  # the word as written (what the full-text index is asked for)
    noun: bool = False  # a Chinese noun: head-final, so its last character says its kind
    # An English compound written as one word ("birdseed"): the store's words it joins, each
    # of which the row must hold (``key`` is them joined by a space).
    parts: tuple[str, ...] = ()


@dataclass
class Slot:
    """One thing the question says, with its alternatives (synonyms)."""

    said: str
    alts: list[Alt]
    idf: float = 1.0
    role: str = "word"  # "word", "tag", "topic"
    role_value: str = ""  # the topic a "topic" slot stands for
    head: bool = False  # the last word of a compound ("kids helmet", 儿童头盔): what it is
    purpose: bool = False  # a word of what the thing is for ("a warm jacket for skiing")
    known: bool = True  # some product or FAQ row of the store holds the word

    @property
    def key(self) -> str:
        return self.alts[0].key


@dataclass
class Terms:
    slots: list[Slot] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.slots)

    def keys(self) -> list[str]:
        return [s.key for s in self.slots]


def product_text(p: Product) -> tuple[str, str]:
    """A product's own words: its title (names, category, brand, tags, colours) and body
    (descriptions, extra fields)."""
    title = " ".join(x for x in (p.name, p.name_en, p.name_zh, p.category.replace("/", " "),
                                 p.brand, " ".join(p.tags), " ".join(p.colors)) if x)
    body = " ".join(x for x in (p.description, p.description_en, p.description_zh,
                                " ".join(p.extra.values())) if x)
    return title, body


_NAME_END = re.compile(r"\s[-–—|]\s|[,，(（|/:;；【\[]")


def name_head(analyzer: Analyzer, name: str) -> str | None:
    """The head of a product name: the last content word of its first phrase, before a
    comma, a bracket or "for"/"with" ("Stackable Shoe Boxes 12-Pack" → boxes; "Dog Harness
    for Large Dogs" → harness), skipping counts and packaging ("set", "pack", "装")."""
    first = _NAME_END.split(analyzer.normalize(name), 1)[0]
    breaks = resources.word_list("en/name_breaks.txt") | resources.word_list("zh/name_breaks.txt")
    fillers = resources.word_list("en/name_fillers.txt") | resources.word_list("zh/name_fillers.txt")
    words = []
    for t in analyzer.tokens(first, normalized=True):
        if t.text in breaks and words:
            break
        if t.content and t.script != "num" and not any(ch.isdigit() for ch in t.text) \
                and t.text not in fillers:
            words.append(t.key)
    return words[-1] if words else None


@lru_cache(maxsize=65_536)
def is_a(analyzer: Analyzer, p: Product, word: str, kinds: frozenset[str]) -> bool:
    """Whether a product is a ``word`` (a Chinese word): its category's last level ends in it,
    or its name says it other than as a modifier: not right before another of the store's
    kinds (``kinds``: its Chinese category names; 汽车 of 汽车钥匙包), and not right after a
    with/for word (内置麦克风, 适用于 X60 智能手机: ``zh/name_breaks.txt``). Chinese names run
    brand, series and kind side by side, so the category is asked first (李宁跑鞋男鞋)."""
    if fold(p.category.split("/")[-1].strip()).endswith(word):
        return True
    for name in (p.name, p.name_zh):
        for phrase in _NAME_END.split(analyzer.normalize(name or "")):
            tokens = analyzer.tokens(phrase, normalized=True)
            if any(t.script == "zh" and t.key.endswith(word) and not _modifies(tokens, i, kinds)
                   and not _after_a_break(tokens, i) for i, t in enumerate(tokens)):
                return True
    return False


def _modifies(tokens: Sequence[Token], i: int, kinds: frozenset[str]) -> bool:
    """Whether token ``i`` stands right before a word of another kind (汽车|钥匙包)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and after.script == "zh" and after.start == tokens[i].end and \
        after.key != tokens[i].key and any(after.key.endswith(k) for k in kinds if len(k) >= 2)


def _after_a_break(tokens: Sequence[Token], i: int) -> bool:
    """Whether the nearest Chinese content word before token ``i`` (past model numbers and
    function words) is a with/for word: 带|麦克风, 适用于 X60 Pro|智能手机."""
    breaks = resources.word_list("zh/name_breaks.txt")
    for t in reversed(tokens[:i]):
        if t.text in breaks:
            return True
        if t.script == "zh" and t.content:
            return False
    return False


@lru_cache(maxsize=20_000)
def product_doc(analyzer: Analyzer, p: Product) -> Doc:
    doc = Doc.of(analyzer, *product_text(p))
    # English names only: a Chinese name runs brand, series and kind side by side
    # ("好孩子 小情书 轻便婴儿推车 可坐可躺"), its kind is found by the category instead.
    heads = {h for n in (p.name, p.name_en) if n and not has_cjk(n)
             and (h := name_head(analyzer, n))}
    if not heads:
        return doc
    # Only the category says what kind of thing it is besides the name's head: a shoe box
    # tagged "shoes" is still a box.
    others = {t.key for t in analyzer.tokens(p.category.replace("/", " "))}
    names = {t.key for n in (p.name, p.name_en) if n and not has_cjk(n)
             for t in analyzer.tokens(n)}
    return replace(doc, name_heads=frozenset(heads), named_only=frozenset(names - others - heads))


@lru_cache(maxsize=4_000)
def faq_doc(analyzer: Analyzer, f: FaqEntry) -> Doc:
    # An answer mentions much besides what the row is about (the down-jacket care row says
    # "washing machine"): a word only there counts less than in a product's description.
    return Doc.of(analyzer, " ".join((f.question, *f.alternates, *f.tags)), f.answer, FAQ_BODY)


@lru_cache(maxsize=1)
def topic_phrases() -> Phrases:
    """Every word of every policy topic (resources/lang/topics.csv) → its topic."""
    values: dict[str, object] = {}
    for topic, words in resources.topics().items():
        for w in words:
            values.setdefault(w, topic)
    return Phrases(values, exact=True, inside=True, separable=True, degrees=True)


@lru_cache(maxsize=1)
def topics_of_words() -> dict[str, tuple[str, ...]]:
    """Every topic a word names: 退换 is returns and exchanges both."""
    out: dict[str, tuple[str, ...]] = {}
    for topic, words in resources.topics().items():
        for w in words:
            if topic not in out.get(w, ()):
                out[w] = (*out.get(w, ()), topic)
    return out


def topics_in(analyzer: Analyzer, text: str) -> dict[str, float]:
    """How many words of each policy topic a text uses; a word that names several topics
    counts for each, a share of one."""
    norm = analyzer.normalize(text)
    counts: dict[str, float] = {}
    named = topics_of_words()
    for f in topic_phrases().find(norm, analyzer.tokens(norm, normalized=True)):
        topics = named.get(f.phrase, ())
        for topic in topics:
            counts[topic] = counts.get(topic, 0) + 1 / len(topics)
    return counts


@lru_cache(maxsize=4_000)
def faq_topics(analyzer: Analyzer, f: FaqEntry) -> dict[str, float]:
    """What a row is about, as shares of the topic words its title uses (its question,
    alternates and tags; its answer, at half weight, when the title names none). A row
    about exchanges that mentions 退换 once is less about returns than the returns row.
    A row holding the store's reply for a need it does not carry is about no policy: it
    is met by its words (对开门冰箱 is a fridge, not the opening hours' 开门)."""
    if NOT_CARRIED_TAG in f.tags:
        return {}
    counts = topics_in(analyzer, " ".join((f.question, *f.alternates, *f.tags)))
    weight = 1.0
    if not counts:
        counts, weight = topics_in(analyzer, f.answer), 0.5
    total = sum(counts.values())
    return {t: weight * n / total for t, n in counts.items()} if total else {}


def _cjk_cover(term: str, text: str) -> float:
    """Share of ``term``'s characters inside substrings (len ≥ 2) that occur in ``text``."""
    n = len(term)
    if n == 1:
        return 1.0 if term in text else 0.0
    covered = [False] * n
    i = 0
    while i < n - 1:
        best = 0
        for j in range(n, i + 1, -1):
            if term[i:j] in text:
                best = j - i
                break
        if best:
            for k in range(i, i + best):
                covered[k] = True
            i += best
        else:
            i += 1
    return sum(covered) / n


def _head_match(term: str, keys: frozenset[str], text: str) -> float:
    """How much of a Chinese compound the text holds, its head counting most. Chinese
    compounds are head-final: 运动鞋 is a kind of 鞋, so a 跑鞋 (another 鞋) matches it better
    than a 运动水杯 (which only shares the modifier 运动). The head (the last character, or
    the root of 袜子) weighs as much as the modifiers together; it counts when the text has a
    word ending in it (a thing of that kind), the modifiers when they occur as runs of two
    or more characters."""
    root = chinese.root(term)
    head = root[-1]
    mods = root[:-1]
    head_hit = any(k.endswith(head) for k in keys) or head == root and head in text
    mod_share = _cjk_cover(mods, text) if len(mods) >= 2 else (
        1.0 if mods and any(k.startswith(mods) for k in keys) else 0.0)
    if not head_hit:
        return 0.4 * mod_share  # the same modifier on another kind of thing: weak
    return 0.6 + 0.3 * mod_share  # a thing of the same kind


def _zh_in(key: str, keys: frozenset[str], text: str, noun: bool) -> float:
    if key in keys:
        return 1.0
    if key in text:
        return 0.9  # inside a longer word: 跑鞋 in 越野跑鞋
    if len(key) < 2:
        return 0.0
    return _head_match(key, keys, text) if noun else 0.8 * _cjk_cover(key, text)


def _en_in(key: str, keys: frozenset[str], ordered: tuple[str, ...]) -> float:
    """1 for the same stem; 0.8 when one is a longer form of the other (store → storage).
    ``ordered``: the same keys sorted, where the longer forms follow the stem."""
    if key in keys:
        return 1.0
    if len(key) >= 4:
        i = bisect_left(ordered, key)
        while i < len(ordered) and ordered[i].startswith(key):
            if len(ordered[i]) - len(key) <= 4:
                return 0.8
            i += 1
    return 0.0


def alt_score(alt: Alt, doc: Doc) -> float:
    if alt.script == "zh":
        s = max(_zh_in(alt.key, doc.title_keys, doc.title, alt.noun),
                doc.body_weight * _zh_in(alt.key, doc.body_keys, doc.body, alt.noun))
    else:
        # A compound's parts must all be there: "birdseed" is no bird feeder, no grass seed.
        s = min(_en_alt(k, doc) for k in alt.parts) if alt.parts else _en_alt(alt.key, doc)
    return alt.weight * s


def _en_alt(key: str, doc: Doc) -> float:
    return max(_en_in(key, doc.title_keys, doc.title_order),
               doc.body_weight * _en_in(key, doc.body_keys, doc.body_order))


def slot_score(slot: Slot, doc: Doc) -> float:
    best = 0.0
    for alt in slot.alts:
        s = alt_score(alt, doc)
        if slot.head and alt.key in doc.named_only:
            s = min(s, MODIFIER)  # "running shoes" asked, "Shoe Boxes" found
        best = max(best, s)
        if best >= 1.0:
            break
    return best


def coverage(terms: Terms | Sequence[Slot], doc: Doc) -> float:
    """The IDF-weighted share of the question's slots the row matches (0–1)."""
    slots = terms.slots if isinstance(terms, Terms) else list(terms)
    total = sum(s.idf for s in slots)
    if not total:
        return 0.0
    return sum(s.idf * slot_score(s, doc) for s in slots) / total
