"""Is a model sentence about the facts at all? A grounding-coverage gate, zh and en.

``check_sentence`` (verify.py) catches wrong figures; it cannot catch a sentence
whose figures are right but whose words are invented: a product the store does
not sell, or fluent-looking nonsense. This gate splits a sentence into content
units (CJK characters judged by the bigrams they sit in; Latin words, lightly
stemmed), sets aside answer-template words and the shopper's own words, and
requires most of what is left to come from the facts. A name presented after a
recommend-phrase must be one of the facts' product names (or its brand plus a
part of the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from shopguide.guide.verify import Facts, check_sentence, mentioned, states_figures
from shopguide.guide.vocab import fold
from shopguide.store.models import FaqEntry, Product

MIN_COVERAGE = 0.8  # share of content units the facts must cover
MIN_UNITS = 4  # fewer content units than this says nothing, unless a fact is restated

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"(?<![0-9])[a-z]+(?:'[a-z]+)?(?![0-9])")  # "a1", "sh-2": codes, checked by verify

# How the answers are phrased (compose.py, training/phrases.py): their words say nothing
# about a product, so they neither count for nor against a sentence.
_TEMPLATE_ZH = (
    "推荐 售价 价格 最适合您的是 可以看看 我建议选 主打 特点是 很合适 的特点正适合您 在货架 位于货架 放在货架 "
    "库存 件 双 个 款 只 台 套 条 目前缺货 另外也可以考虑 备选还有 抱歉 不好意思 暂时卖完了 您好 欢迎再次光临 "
    "有的 多少钱 什么价格 在哪里 放在哪个货架 还有货吗 有库存吗 预算有限的话选 想省钱可以选 更实惠的是 本店规定 "
    "是这样的 还有其他问题随时问我 价格以店内标价为准 为您找到 推荐这几款 符合 这几款 比较合适 看看这些 "
    "第一款暂时缺货 可以请店员帮您调货 想了解哪一款 可以直接问我 需要比较一下的话 跟我说一声 比刚才看的更便宜的有 "
    "实惠一些的 以内 以上 有现货 位置请咨询店员 库存请咨询店员 目前有货 还有 尺码 颜色 对比一下 最便宜 "
    "刚才那几款里 已经是最便宜的了 暂时没有更便宜又符合条件的 暂时没有找到 符合条件 可以放宽一下条件 "
    "或者让店员帮您看看 码 元 商品 这款 那款 它 您 我们 适合 口碑不错 很受欢迎 非常 也 和 还 都 是 在 了 "
    "好的 好 当然 没问题 嗯 呢 吧 的 有 这 那 它们 两款 一款 选 买 要 可以 需要 帮您 店员 如果 就 更 比 但 而且 另外 一下 性价比 "
    # The training phrases' no-match, out-of-scope and social answers (training/phrases.py,
    # dialogs.py): the guard must let the model say what it was taught to say.
    "很抱歉 店里暂时没有符合您要求的商品 需要的话我可以请一位店员来帮您看看 目前没有符合条件的商品 "
    "要不要我请同事过来帮您 没有找到合适的商品 我可以帮您叫店员 看看有没有其他选择 我只了解本店的商品和政策 "
    "这个问题可以咨询店员 这个问题我帮不上忙 我只能回答本店商品和服务的问题 需要的话可以请店员帮您 不用谢 "
    "有需要随时叫我 不客气 祝您购物愉快 欢迎下次光临 再见 慢走 期待再次见到您 马上为您叫一位店员 "
    "我这就请店员过来帮您 您想找什么商品 我为您推荐 的价格是"
)
_TEMPLATE_EN = (
    "a an the is are am be been it its it's this that these those to of in on at for with and or by "
    "from as your you i i'd i'm we our us me my can could would will do does have has had any some more "
    "most very also just here there what which who where when how not no yes sure sorry recommend "
    "suggest best match look take costs cost price priced aisle shelf section stock left available fits "
    "fit suits suit option another consider choose go pick cheaper cheap cheapest save money budget least "
    "expensive side find found couldn't nothing product products item items right now moment afraid sold "
    "out policy ask help staff member colleague store anything else like might want compare them one "
    "first loosen condition conditions up size sizes colour colours color colors great good popular "
    "choice welcome hello hi thanks thank you'll it's on should if so but then than both each there's "
    "affordable suggestion here's only quote quoted back again visit visiting shopping enjoy nice day "
    "today else pleasure good see about them me would call come need needs just let know tell "
    "may able matches requirements store's don't couldn't that's outside answer questions policies "
    "services prices next time course i'll over you're goodbye looking have"
)


def stem(word: str) -> str:
    """Light and symmetric: the same word in a sentence and in the facts stems alike."""
    w = word.removesuffix("'s")
    for end, repl in (("ies", "y"), ("ing", ""), ("ed", "")):
        if w.endswith(end) and len(w) > len(end) + 3:
            return w[: -len(end)] + repl
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _CJK_RUN.findall(text):
        out |= {run[i : i + 2] for i in range(len(run) - 1)}
        if len(run) == 1:
            out.add(run)
    return out


def _words(text: str) -> set[str]:
    return {stem(w) for w in _LATIN.findall(text)}


@dataclass
class Units:
    """The bigrams and words of some text, for "is this unit from here?" questions."""

    bigrams: set[str] = field(default_factory=set)
    chars: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    singles: set[str] = field(default_factory=set)  # characters that are a unit on their own
    edges: set[str] = field(default_factory=set)  # first/last characters of runs ("T恤": 恤)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Units:
        u = cls()
        for t in texts:
            f = fold(t or "")
            u.bigrams |= _bigrams(f)
            runs = _CJK_RUN.findall(f)
            u.chars |= set("".join(runs))
            u.edges |= {r[0] for r in runs} | {r[-1] for r in runs}
            u.words |= _words(f)
        return u

    def has_char_at(self, run: str, i: int) -> bool:
        """A character is covered when a bigram it belongs to is (a lone one by itself)."""
        if run[i] in self.singles:
            return True
        if len(run) == 1:
            return run in self.bigrams or run in self.chars
        if (i == 0 or i == len(run) - 1) and run[i] in self.edges:
            return True  # a run cut by Latin or digits ("T恤", "3D打印") stays whole
        return (i > 0 and run[i - 1 : i + 1] in self.bigrams) or (
            i + 1 < len(run) and run[i : i + 2] in self.bigrams)


_TEMPLATE = Units.of([_TEMPLATE_ZH, _TEMPLATE_EN])
_TEMPLATE.edges = set()  # template words are whole words, not parts of a cut run
for _w in _TEMPLATE_EN.split():  # every template word is also a lone unit
    _TEMPLATE.words.add(stem(_w))
for _w in _TEMPLATE_ZH.split():
    if len(_w) == 1:
        _TEMPLATE.singles.add(_w)


@dataclass
class Coverage:
    fact: int = 0  # units the facts say
    unknown: int = 0  # units from nowhere
    cjk_content: int = 0
    latin_content: int = 0

    @property
    def content(self) -> float:
        # CJK characters count as bigrams (about one per two characters), words as one each.
        return self.latin_content + self.cjk_content / 2

    @property
    def ratio(self) -> float:
        total = self.fact + self.unknown
        return 1.0 if total == 0 else self.fact / total


def coverage(sentence: str, facts: Units, neutral: Units) -> Coverage:
    c = Coverage()
    text = fold(sentence)
    for run in _CJK_RUN.findall(text):
        # Template and the shopper's words go first: "the", "在货架" say nothing even
        # where the facts happen to contain them.
        for i in range(len(run)):
            if _TEMPLATE.has_char_at(run, i) or neutral.has_char_at(run, i):
                continue
            c.cjk_content += 1
            if facts.has_char_at(run, i):
                c.fact += 1
            else:
                c.unknown += 1
    for w in _LATIN.findall(text):
        s = stem(w)
        if s in _TEMPLATE.words or s in neutral.words:
            continue
        c.latin_content += 1
        if s in facts.words:
            c.fact += 1
        else:
            c.unknown += 1
    return c


_RECOMMEND_ZH = re.compile(r"(?:推荐|最适合您的是|可以看看|建议选|也可以考虑|备选还有|更实惠的是|可以选|话选)"
                           r"([^（(，,。：:；;！!？?\s¥￥$\d、]+)")
_RECOMMEND_EN = re.compile(
    r"\b(?:recommend|match is|look at|consider|option is|go for|choose|pick is|suggest)"
    r"(?:\s+the)?\s+([^,.;:!?()¥￥$\d]+?)(?=\s+(?:by|at|for|is|which|that|costs?|and|in|on|-)\b|[,.;:!?()]|$)",
    re.I)


def _names(products: Iterable[Product]) -> list[tuple[str, str]]:
    """(folded name, folded brand) for every spelling of every product."""
    out = []
    for p in products:
        for n in {p.name, p.name_en, p.name_zh} - {None, ""}:
            out.append((fold(n), fold(p.brand or "")))
    return out


_POINTING = re.compile(r"^(?:these|those|some|this|that|这|那)")


def name_ok(span: str, products: Iterable[Product], asked: Units | None = None) -> bool:
    """A presented name is a product's name, or its brand plus part of that name.
    "These hiking boots" presents no name: a pointing word may take the shopper's words."""
    s = fold(span).strip()
    if s.startswith("the "):
        s = s[4:]
    names = _names(products)
    cats = Units.of(leaf for p in products for leaf in p.category.split("/"))
    plain = Units()
    plain.bigrams, plain.words = set(cats.bigrams), set(cats.words)
    neutral = asked if asked is not None and _POINTING.match(s) else Units()
    if not coverage(s, plain, neutral).unknown:
        return True  # "这几款跑鞋", "these": no name is presented
    for name, brand in names:
        if len(s) >= 2 and (s in name or name in s):
            return True
        rest = s.replace(brand, "").strip() if brand and brand in s else None
        if rest and len(rest) >= 2:
            own = Units.of([name])
            if coverage(rest, own, Units()).unknown == 0 and coverage(rest, own, Units()).fact >= 2:
                return True
    return False


class Gate:
    """The coverage gate for one answer: its facts, the question and the composed answer."""

    def __init__(self, products: Iterable[Product], faqs: Iterable[FaqEntry] = (),
                 question: str = "", composed: str = "", names: Iterable[str] = ()) -> None:
        self.products = list(products)
        texts: list[str] = []
        for p in self.products:
            texts += [p.name, p.name_en or "", p.name_zh or "", p.brand or "", p.category,
                      p.description, p.description_en or "", p.description_zh or "", p.sku,
                      p.aisle or "", *p.tags, *p.colors, *p.sizes]
        self.faq_text = ""
        for f in faqs:
            texts += [f.question, f.answer]
            self.faq_text += fold(f.question + "\n" + f.answer) + "\n"
        self.facts = Units.of(texts)
        # The shopper's own words, the composed answer's, and the shopper's name.
        self.neutral = Units.of([question, composed, *names])
        self.asked = Units.of([question])

    def check(self, sentence: str, restates_fact: bool = False) -> str | None:
        """None when the sentence keeps to the facts, else why not. A short sentence made
        only of answer-template words ("Sure.") passes but says nothing: see ``says_something``."""
        for pat in (_RECOMMEND_ZH, _RECOMMEND_EN):
            for m in pat.finditer(sentence):
                said = fold(m.group(1)).strip()
                if said not in self.faq_text and not name_ok(m.group(1), self.products,
                                                             self.asked):
                    # The span itself stays out of the reason: it goes to the log, and the
                    # model may have put the shopper's name there.
                    return "presents a name that is not a product in the facts"
        clauses = [fold(x).strip(" .") for x in re.split(r"[,，;；:：]", sentence)]
        clauses = [x for x in clauses if len(x) >= 3]
        if len(set(clauses)) < len(clauses):
            return "repeats itself"
        c = coverage(sentence, self.facts, self.neutral)
        if c.ratio < MIN_COVERAGE:
            return f"only {c.ratio:.0%} of its words come from the facts"
        if c.content < MIN_UNITS and not restates_fact and c.unknown:
            return "too short to say anything"
        return None

    def says_something(self, sentence: str, restates_fact: bool = False) -> bool:
        """Enough of the facts' words (or a restated fact) to stand as an answer."""
        return restates_fact or coverage(sentence, self.facts, self.neutral).content >= MIN_UNITS


_ORDINAL = re.compile(r"\b(?:the\s+)?(first|second|third|fourth|fifth)\s+(?:one|item|product|option)\b|"
                      r"第\s*([一二三四五1-5])\s*(?:款|个|件|双|种)", re.I)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "一": 0, "二": 1, "三": 2,
             "四": 3, "五": 4, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4}


class Thread:
    """One model answer, sentence by sentence: which product it is talking about, so a
    figure in "It's on aisle A1." is checked against that product alone ("the first one"
    against the first product it named), and what it has already said, so it is not
    said twice."""

    def __init__(self, facts: Facts, gate: Gate) -> None:
        self.facts = facts
        self.gate = gate
        self.subject: Product | None = None
        self.said: set[str] = set()
        self.shown: list[Product] = []  # products in the order the answer named them

    def about(self, sentence: str, named: list[Product]) -> Product | None:
        """The product a sentence naming at most one speaks of."""
        if named:
            return named[0]
        m = _ORDINAL.search(sentence)
        if m:
            i = _ORDINALS[(m.group(1) or m.group(2)).casefold()]
            return self.shown[i] if i < len(self.shown) else None
        return self.subject

    def check_figures(self, sentence: str) -> str | None:
        """Are the sentence's figures those of the product it speaks of?"""
        named = mentioned(sentence, self.facts)
        if states_figures(sentence, self.facts) and len(named) <= 1:
            about = self.about(sentence, named)
            why = check_sentence(sentence, self.facts.only(about))
            if why is not None:
                if about is None:
                    return "states a figure without naming the product it belongs to"
                return f"{why} for the product it speaks of"
        return None

    def note(self, sentence: str) -> None:
        """The sentence was shown: remember it, and the product it named."""
        self.said.add(fold(sentence).strip())
        named = mentioned(sentence, self.facts)
        self.shown += [p for p in named if not any(p is q for q in self.shown)]
        if named:
            self.subject = named[0] if len(named) == 1 else None

    def check(self, sentence: str) -> str | None:
        if fold(sentence).strip() in self.said:
            return "already said"
        why = self.check_figures(sentence)
        if why is not None:
            return why
        named = mentioned(sentence, self.facts)
        why = self.gate.check(sentence, bool(named) or states_figures(sentence, self.facts))
        if why is None:
            self.note(sentence)
        return why

    def says_something(self, sentence: str) -> bool:
        return self.gate.says_something(
            sentence, bool(mentioned(sentence, self.facts)) or states_figures(sentence, self.facts))
