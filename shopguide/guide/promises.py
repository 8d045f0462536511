"""Is a promise in a sentence (free, a discount, "50% cheaper", 买一送一 …) backed by the facts?

The word alone is not enough: the demo store's FAQ offers a *free* gait check, which
must not let "everything is free today" through. A claim stands when a clause of the
facts makes the same kind of promise (the same discount, where it has a figure) about
the same things: the claim's own clause, less the promise and filler words, must be
mostly made of that fact clause's words, and a sweeping word ("all", "全场") must be
the fact's too. "A is 50% cheaper than B" stands when the two products' prices say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shopguide.guide.figures import CN_NUM, cn_number, lower, narrow
from shopguide.text.phrases import pattern as cue_pattern
from shopguide.store.models import Product

MIN_SUPPORT = 0.75  # share of a claim clause's words the backing fact clause must hold

_FREE = ("免费", "白送", "赠送", "送给", "赠品", "包邮", "不要钱", "不收费", "free", "complimentary",
         "giveaway", "at no cost", "no charge", "for nothing")
_SALE = ("打折", "折扣", "优惠", "促销", "特价", "减价", "降价", "discount", "discounted", "on sale",
         "coupon", "voucher", "promotion", "promo", "clearance", "清仓")
_COMPARATIVE = r"cheaper|less|lower|便宜|省|低"
_NUMBER = rf"(\d+(?:\.\d+)?|{CN_NUM})"
_KEYED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_NUMBER}\s*%\s*(off|discount|savings?|{_COMPARATIVE})", re.I), "pct"),
    (re.compile(rf"(?:save|saving|savings of|discount of|省|优惠|便宜)\s*{_NUMBER}\s*%", re.I), "pct"),
    (re.compile(r"(?<![\d.])(?:打\s*)?(\d(?:\.\d)?|\d{2}|[一二三四五六七八九两][一二三四五六七八九]?)\s*折"
                r"(?!叠|页|痕|线|扣|边|合|起|断)"), "zhe"),
    (re.compile(r"half[- ]price|half off|half the price|半价|打对折|对折|便宜(?:了)?一半"), "half"),
    (re.compile(r"买\s*([一二三1-3])\s*[送赠]\s*([一二三1-3])|buy (one|1),? get (one|1)|bogo|"
                r"\b(?:2|two) for (?:1|one)\b"), "bogo"),
    (re.compile(rf"(?:满\s*{_NUMBER}\s*)?(?:立减|减|省下?|便宜(?:了)?)\s*(\d+(?:\.\d+)?)\s*(?:元|块)|"
                r"(?:save|saving)\s*[¥$£€]?\s*(\d+(?:\.\d+)?)|[¥$£€]\s*(\d+(?:\.\d+)?)\s*off\b",
                re.I), "minus"),
]
_WORDS = cue_pattern(_FREE + _SALE)
_CLAUSE = re.compile(r"[,，;；:：。!！?？\n]|\.(?!\d)")
_SWEEPING = re.compile(r"全场|全店|所有|全部|一切|任何|一律|全品|everything|everyone|anything|"
                       r"\ball\b|\bevery\b|\bany\b|\bwhole\b|\bentire\b|\bstorewide\b")
_FILLER_ZH = ("我们", "本店", "店里", "店内", "您", "你", "可以", "提供", "享受", "享有", "现在", "目前",
              "这款", "那款", "这个", "的", "是", "都", "也", "还", "和", "与", "及", "了", "吗", "呢",
              "啊", "吧", "就", "会", "在", "有", "给", "为", "对", "它", "可", "将")
_FILLER_EN = set(
    "a an the is are was were be been it its it's this that these those we our us you your i to "
    "of in on at for with and or by from as can could will would do does get gets got have has "
    "had offer offers provide provides enjoy enjoys come comes include includes included there "
    "here also just yes sure now".split())
_FILLER_ZH_RE = re.compile("|".join(sorted(_FILLER_ZH, key=len, reverse=True)))
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    key: str  # "free", "sale", "x0.8", "bogo1-1", "minus50"
    comparative: bool = False


def _num(s: str) -> float:
    return cn_number(s) if re.fullmatch(CN_NUM, s) else float(s)


def _zhe(s: str) -> float:
    """八折 / 8折 → 0.8; 八五折 / 85折 / 8.5折 → 0.85."""
    digits = "".join(str(int(cn_number(c))) for c in s) if re.fullmatch(CN_NUM, s) else s
    return float(digits) / 10 if "." in digits or len(digits) == 1 else float(digits) / 100


def claims(text: str) -> list[Claim]:
    """The promises in lower-cased text, each with a key two statements of it share."""
    low = lower(text)
    out: list[Claim] = []
    for pat, kind in _KEYED:
        for m in pat.finditer(low):
            g = [x for x in m.groups() if x]
            comparative = bool(re.search(_COMPARATIVE + "|half the price|便宜", m.group(0)))
            if kind == "pct":
                key = f"x{round(1 - _num(g[0]) / 100, 3):g}"
            elif kind == "zhe":
                key = f"x{round(_zhe(g[0]), 3):g}"
            elif kind == "half":
                key = "x0.5"
            elif kind == "bogo":
                nums = [int(_num({"one": "1", "two": "2"}.get(x, x))) for x in g] or [1, 1]
                key = f"bogo{nums[0]}-{nums[1]}" if len(nums) == 2 else "bogo1-1"
            else:
                key = f"minus{_num(g[-1]):g}"
            out.append(Claim(m.start(), m.end(), key, comparative))
    for m in _WORDS.finditer(low):
        if any(c.start <= m.start() < c.end for c in out):
            continue  # "20% discount" is one claim, not two
        if low[max(0, m.start() - 1):m.start()] == "-" or low[m.end():m.end() + 1] == "-" or \
                low[max(0, m.start() - 5):m.start()] == "feel ":
            continue  # "BPA-free", "free-range", "feel free to ask": no price promise
        word = m.group(0).strip()
        out.append(Claim(m.start(), m.end(), "free" if word in _FREE else "sale"))
    return sorted(out, key=lambda c: c.start)


def _units(text: str) -> set[str]:
    """Content units: CJK bigrams (lone characters) and Latin words, filler left out."""
    low = narrow(text).casefold()
    units: set[str] = set()
    for run in _CJK.findall(_FILLER_ZH_RE.sub(" ", low)):
        units |= {run[i:i + 2] for i in range(len(run) - 1)} or {run}
    units |= {w.removesuffix("s") for w in _LATIN.findall(low) if w not in _FILLER_EN}
    return units


def _clause_at(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in _CLAUSE.finditer(text) if m.end() <= pos]
    ends = [m.start() for m in _CLAUSE.finditer(text) if m.start() >= pos]
    return (starts[-1] if starts else 0), (ends[0] if ends else len(text))


def _compatible(claim: str, fact: str) -> bool:
    if claim == "sale":  # "有折扣" is backed by any discount the facts state
        return fact != "free"
    return claim == fact


@dataclass
class Backing:
    """The facts' own promises, clause by clause, and their text to find a restatement in."""

    clauses: list[tuple[set[str], set[str], bool]]  # (keys, units, sweeping)
    flat: str

    @classmethod
    def of(cls, texts: Iterable[str]) -> Backing:
        clauses, flat = [], []
        for t in texts:
            low = narrow(t or "").casefold()
            flat.append(re.sub(r"\s+", "", low))
            for part in _CLAUSE.split(low):
                keys = {c.key for c in claims(part)}
                if keys:
                    clauses.append((keys, _units(part), bool(_SWEEPING.search(part))))
        return cls(clauses, "\n".join(flat))


def _ratio_ok(key: str, products: Sequence[Product]) -> bool:
    """"A is 20% cheaper than B" / "便宜160元": true of two products the sentence names?"""
    for a in products:
        for b in products:
            if a is b or not b.price:
                continue
            if key.startswith("x") and abs(a.price / b.price - float(key[1:])) <= 0.01:
                return True
            if key.startswith("minus") and abs((b.price - a.price) - float(key[5:])) < 0.005:
                return True
    return False


def check_promises(sentence: str, rest: str, backing: Backing,
                   named: Sequence[Product]) -> str | None:
    """None when every promise in the sentence is backed; ``rest`` is the sentence with
    product names blanked (same length), so a name's words do not count as the claim's."""
    for c in claims(rest):
        if c.comparative and len(named) >= 2 and _ratio_ok(c.key, named):
            continue
        if c.key == "free" and any(p.price == 0 for p in named):
            continue
        lo, hi = _clause_at(rest, c.start)
        said = re.sub(r"\s+", "", narrow(sentence[lo:hi]).casefold()).strip(".。")
        if len(said) >= (c.end - c.start) + 4 and said in backing.flat:
            continue  # the facts' own words, restated
        own = narrow(rest[lo:c.start] + " " + rest[c.end:hi])
        units = _units(own)
        sweeping = bool(_SWEEPING.search(own.casefold()))
        if units and any(any(_compatible(c.key, k) for k in keys) and (sw or not sweeping)
                         and len(units & fu) >= MIN_SUPPORT * len(units)
                         for keys, fu, sw in backing.clauses):
            continue
        what = sentence[c.start:c.end].strip() or c.key
        return f"promise '{what}' is not in the facts"
    return None
