"""Reading the figures a sentence states, wherever they sit in it.

Amounts come in many spellings (``¥499``, ``499元``, ``499块``, ``RMB 499``, ``499.00``,
full-width ``４９９``, ``四百九十九元``, or a bare ``99`` after "costs"/"卖"/"只要"), and an
aisle may be a range (``7-12``, ``A3-2``) that must be read whole. Each reading keeps its
position so the verifier can attach it to the product named nearest before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width digits, letters and the money/percent signs read as their ASCII twins. One
# character for one, so positions in the sentence stay where they were.
_WIDE = {chr(0xFF10 + i): str(i) for i in range(10)}
_WIDE |= {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
_WIDE |= {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
_WIDE |= {"．": ".", "￥": "¥", "＄": "$", "％": "%", "－": "-", "＃": "#", "～": "~", "＠": "@"}
_NARROW = str.maketrans(_WIDE)
_WIDE_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


def narrow(text: str) -> str:
    """Full-width figures as ASCII; same length, so a position means the same in both.
    A full-width comma is a thousands separator only between digits (１，２９９)."""
    return _WIDE_COMMA.sub(",", text.translate(_NARROW))


def lower(text: str) -> str:
    """``narrow`` and lower-cased, still one character for one (``casefold`` is not)."""
    text = narrow(text)
    low = text.lower()
    # Almost always one for one already: only a letter that lowers to two (İ) changes the
    # length, and only Σ lowers differently in a word than alone (final ς).
    if len(low) == len(text) and "Σ" not in text:
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_NUM = r"[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二两三四五六七八九]+)?"


def cn_number(text: str) -> float:
    """``四百九十九`` → 499, ``十五`` → 15, ``九九`` → 99, ``一百二十九点五`` → 129.5."""
    whole, _, frac = text.partition("点")
    if whole and not any(c in _CN_UNIT or c == "万" for c in whole):
        value = float("".join(str(_CN_DIGIT[c]) for c in whole))  # read digit by digit
    else:
        total = section = num = 0
        if len(whole) >= 3 and whole[-1] in _CN_DIGIT and whole[-2] in "百千万":
            # "四百九" is 490 and "一千二" 1200: the last digit counts the next unit down.
            whole += {"百": "十", "千": "百", "万": "千"}[whole[-2]]
        for ch in whole:
            if ch in _CN_DIGIT:
                num = _CN_DIGIT[ch]
            elif ch in _CN_UNIT:
                section += (num or 1) * _CN_UNIT[ch]
                num = 0
            elif ch == "万":
                total += (section + num) * 10000
                section = num = 0
        value = float(total + section + num)
    if frac:
        value += float("0." + "".join(str(_CN_DIGIT[c]) for c in frac))
    return value


# English number words: "twelve", "ninety-nine", "four hundred and fifty-nine",
# "one thousand two hundred", "a dozen". Bounded by non-letters so "someone" holds no "one".
_EN_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_EN_DIGIT = "one|two|three|four|five|six|seven|eight|nine"
_EN_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_EN_BELOW_100 = (rf"(?:(?:{'|'.join(_EN_TENS)})(?:[- ](?:{_EN_DIGIT})(?![a-z]))?|{_EN_TEEN}|"
                 rf"{_EN_DIGIT}|zero)")
_EN_BELOW_1000 = (rf"(?:(?:a|{_EN_BELOW_100})\s+hundred(?:\s+(?:and\s+)?{_EN_BELOW_100})?|"
                  rf"{_EN_BELOW_100})")
EN_NUM = (rf"(?<![a-z])(?=[aefhnostz])(?:(?:half\s+a|a|{_EN_DIGIT})\s+dozen|"
          rf"(?:a|{_EN_BELOW_1000})\s+thousand(?:,?\s+(?:and\s+)?{_EN_BELOW_1000})?|"
          rf"{_EN_BELOW_1000})(?![a-z])")


def en_number(text: str) -> float:
    """``ninety-nine`` → 99, ``four hundred and fifty-nine`` → 459, ``a dozen`` → 12."""
    total = current = 0
    words = re.findall(r"[a-z]+", text.casefold())
    if words[:2] == ["half", "a"]:
        return 6.0
    for w in words:
        if w in _EN_SMALL:
            current += _EN_SMALL[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif w == "a":
            current += 1
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
    return float(total + current)


_SCALE = {"k": 1000, "千": 1000, "万": 10000}
_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")


def to_float(s: str) -> float:
    """A written amount; NaN (equal to no fact) for a garbled one such as ``429.99.5``.
    ``1.2k`` and ``1.2万`` are scaled, ``1 299`` read as 1299, words read as numbers."""
    s = narrow(s).strip()
    if re.fullmatch(EN_NUM, s, re.I):
        return en_number(s)
    if s[-1:].casefold() in _SCALE and re.fullmatch(r"\d+(\.\d+)?", s[:-1]):
        return round(float(s[:-1]) * _SCALE[s[-1].casefold()], 2)
    if re.fullmatch(r"\d{1,3}([ \u00a0\u2009\u202f]\d{3})+(\.\d+)?", s):
        s = _SPACES.sub("", s)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+([.,]\d+)?", s):
        return float(s.replace(",", "."))
    if re.fullmatch(CN_NUM, s):
        return cn_number(s)
    return float("nan")


# A figure is read whole, separators and all, so "429.99.5" or "A1.99" is one token
# that matches no fact rather than a true prefix ("429", "A1") that does.
# "1 299" (a space between thousands) is one figure; "1k", "1.2万" carry their scale.
_SPACED = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d|[.,]\d)"
NUM = rf"({_SPACED}|\d+(?:[.,]\d+)*(?:[kK千万](?![a-zA-Z]))?)"
_CUR_WORD = r"(?:元|块钱|块|rmb|cny|usd|dollars?|bucks|pounds?|quid|euros?|eur|gbp|yuan|kuai|人民币)"
PRICE = [
    re.compile(rf"[¥$£€]\s*{NUM}"),
    re.compile(rf"(?<![a-z])(?:rmb|cny|usd|eur|gbp|jpy|hkd|人民币)\s*{NUM}", re.I),
    re.compile(rf"{NUM}\s*{_CUR_WORD}", re.I),
    # "块" is also a measure word ("一块瑜伽砖"): after a Chinese numeral it is money only
    # where the phrase ends.
    re.compile(rf"(?<![\d.])({CN_NUM})\s*(?:元|块钱|块(?=[的钱，。！？,.!?;；\s]|$))"),
    # "ninety-nine yuan"; not "pounds", which weighs as often as it pays.
    re.compile(rf"({EN_NUM})\s*(?:yuan|kuai|dollars?|bucks|euros?|rmb|元|块钱)(?![a-z])", re.I),
]

# A bare number is a price where words tie it to one: strong cues read any number after
# them, weak ones ("is", "for") only a number that closes the clause ("It's yours for 99.").
_STRONG = (r"costs?|costing|priced(?:\s+at)?|price(?:\s+is|\s+of|:)?|sells?\s+for|selling\s+for|"
           r"goes\s+for|retails?\s+(?:for|at)|only|just|"
           r"卖|只卖|售价|售|价格|价钱|价位|标价|定价|现价|原价|特价|只要|只需|仅需|仅售|仅要|仅|(?<!刚)才|要价")
_WEAK = r"is|are|was|it's|for|at"
_GAP = r"\s*(?:是|为|:|：|约|大约|about|around)?\s*"
_VALUE = rf"(\d+(?:[.,]\d+)*(?:(?-i:k)(?![a-z]))?|{CN_NUM})"
# What a number is when it is not money: a size, a count, a share, a time, a measure.
_NOT_MONEY = (
    r"\s*(?:%|percent|折|码|号|件|双|个|台|套|把|只|条|份|款|种|色|天|日|周|星期|月|年|小时|分钟|秒|岁|"
    r"人|位|次|层|楼|排|米|公里|千米|厘米|毫米|克|千克|公斤|斤|升|毫升|瓦|伏|寸|英寸|度|℃|°|"
    r"km|cm|mm|m\b|kg|g\b|lbs?\b|oz\b|ml|l\b|w\b|v\b|mah|gb|tb|mp\b|hz|x\b|×|\"|"
    r"left|in\s+stock|available|remaining|units?|pieces?|pcs|pairs?|items?|sizes?|colou?rs?|"
    r"styles?|models?|kinds?|types?|people|persons?|kids?|runs?|times?|days?|weeks?|months?|"
    r"years?|hours?|hrs?|minutes?|mins?|seconds?|grams?|kilos?|kilograms?|miles?|meters?|"
    r"metres?|inch(?:es)?|feet|foot|litres?|liters?|watts?|volts?|degrees?|points?|stars?|"
    r"reviews?|nights?|layers?|packs?|-pack|%|st\b|nd\b|rd\b|th\b|[-/.:]\d|"
    r"元|块|rmb|cny|usd|dollars?|bucks|pounds?|quid|euros?|eur|gbp|yuan|kuai)")
_MORE = r"[\d零〇一二两三四五六七八九十百千万点]"  # the number goes on: not read short
BARE_STRONG = re.compile(rf"(?<![a-z])(?:{_STRONG}){_GAP}{_VALUE}(?![.,]?{_MORE}|{_NOT_MONEY})", re.I)
BARE_WEAK = re.compile(rf"(?<![a-z])(?:{_WEAK})\s+{_VALUE}(?![.,]?{_MORE})(?=\s*(?:[,.;!?，。；！？)）]|$|"
                       r"and\b|now\b|today\b|each\b|only\b|at the moment\b|right now\b))", re.I)
# A time word before a number that closes its clause: "现在 99", "now 99", "is currently 99".
_TIME = (r"现在|目前|如今|今天|当前|眼下|(?:right\s+)?now|today|currently|at\s+the\s+moment")
_CLOSES = r"(?=\s*(?:[,.;!?，。；！？)）]|$|each\b|only\b|today\b|now\b))"
# Not the first of a list ("now 40, 41"): sizes, not a price.
BARE_TIME = re.compile(rf"(?<![a-z])(?:{_TIME})\s*(?:只要|只需|仅需|仅|就|是|为|only|just|is)?\s*"
                       rf"{_VALUE}(?![.,]?{_MORE}){_CLOSES}"
                       r"(?!\s*[,，、]\s*\d+\s*(?:[,，、.。;；]|and\b|or\b|和|或|$))", re.I)
# Words after a price or time word, closing the clause: "costs ninety-nine.", "now twelve
# hundred!". Below ten they are too often no price ("the only one.", "just two.").
BARE_WORDS = re.compile(rf"(?<![a-z])(?:{_STRONG}|{_TIME}){_GAP}({EN_NUM}){_CLOSES}", re.I)
# "1.2k" alone, closing its clause; a whole "42k" or "a 10k" is a run, "2700 K" a colour
# of light (a whole "1k" is money after a price word or before 元, see above).
BARE_K = re.compile(r"(?<![A-Za-z0-9.,])(?<!\ba )(?<!\bthe )(?<!\bmy )(?<!\byour )"
                    rf"(\d+\.\d+[kK]){_CLOSES}")
PRICES = [*PRICE, BARE_STRONG, BARE_WEAK, BARE_TIME, BARE_WORDS, BARE_K]
_BARE = (BARE_STRONG, BARE_WEAK, BARE_TIME, BARE_WORDS, BARE_K)
# A word that leads a stock figure: a bare number right after it counts stock, not money
# ("库存现在 12", "the stock is only 12"). "in stock" leads none ("In stock and only 99!").
_STOCK_LEAD = re.compile(r"库存|现货|存货|(?<!in )stock(?! up)|inventory|in stock[\w ]{0,10}[:：]", re.I)
# A size word before a bare number: "sizes now 40", "尺码现在 41" give a size, not a price.
_SIZE_LEAD = re.compile(r"(?<![a-z])sizes?(?![a-z])|尺码|码数", re.I)
_CLAUSE_BREAK = re.compile(r"[,，;；。!！?？]")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    loose: bool = False  # read with no aisle word ("在B7", "is in B7"): may be a SKU


# Every amount and count pattern reads a numeral: a digit (any script's), a Chinese numeral
# or an English number word (every EN_NUM match holds one of _EN_WORDS as a whole word).
# Text with none of them states no figure, and is passed by with one cheap look instead of a
# dozen searches (the catalog check at import reads every sentence of every description).
_DIGIT_OR_CN = re.compile(rf"\d|{CN_NUM}")
_EN_WORDS = frozenset([*_EN_SMALL, *_EN_TENS, "hundred", "thousand", "dozen"])
_LATIN_WORD = re.compile(r"[a-z]+")


def has_numeral(text: str) -> bool:
    if _DIGIT_OR_CN.search(text):
        return True
    return not _EN_WORDS.isdisjoint(_LATIN_WORD.findall(text.lower()))


def prices(text: str) -> list[Figure]:
    """Every amount the text states, each once, in order."""
    text = narrow(text)
    if not has_numeral(text):
        return []
    seen: dict[int, Figure] = {}
    for pat in PRICES:
        for m in pat.finditer(text):
            s = m.start(1)
            if s in seen:
                continue
            value = to_float(m.group(1))
            if pat in _BARE and (_counts_stock(text, m.start())
                                 or (pat in (BARE_TIME, BARE_WEAK) and _after_size(text, m.start()))
                                 or (pat is BARE_WORDS and value < 10)):
                continue
            seen[s] = Figure(m.start(), m.end(), m.group(1), value)
    return sorted(seen.values(), key=lambda f: f.start)


def _counts_stock(text: str, start: int) -> bool:
    """Is a stock word shortly before ``start``, in the same clause?"""
    before = _CLAUSE_BREAK.split(text[max(0, start - 16):start])[-1]
    return bool(_STOCK_LEAD.search(before))


def _after_size(text: str, start: int) -> bool:
    """Is a size word shortly before ``start``, in the same clause?"""
    before = _CLAUSE_BREAK.split(text[max(0, start - 16):start])[-1]
    return bool(_SIZE_LEAD.search(before))


# Aisles: the token after (or before) an aisle word, a range ("7-12", "7 至 12") read with it.
_GLUED = r"(?:[.,:/-]?[A-Za-z0-9]+)*"  # "A1.99", "A1-7": more of the same token, read with it
_RANGE = r"(?:\s*(?:-|–|—|~|至|到|to)\s*[A-Za-z]{0,2}\d{1,3}[A-Za-z]?(?!\d|\.\d))?"
_AISLE_TOKEN = rf"[A-Za-z]{{0,2}}-?\d{{1,3}}[A-Za-z]?{_GLUED}{_RANGE}"
AISLE = [
    re.compile(r"(?:aisles?|shelf|shelves|section|row|bay|货架|通道|区域|过道)\s*(?:no\.?|#|号|编号)?"
               rf"\s*[:：]?\s*({_AISLE_TOKEN})", re.I),
    re.compile(rf"(?:位置|(?<![a-z])location)\s*[:：]\s*({_AISLE_TOKEN})", re.I),
    re.compile(rf"(?<![A-Za-z0-9.,:/-])((?:[A-Za-z]{{1,2}}-?)?\d{{1,3}}[A-Za-z]?{_GLUED}{_RANGE})"
               r"\s*(?:号|排|列)?\s*(?:货架|通道|区|过道)"),
]
# With no aisle word, only a letter-and-digits code right after a word that places a thing
# ("在B7", "位于B7", "is in B7", "find it at B7"), where its phrase ends: "在EU42码" (a size),
# "在MP3里" or "in US9 size" are no aisle.
_PLACED_ZH = r"(?:在|位于|放在|摆在|陈列在)\s*"
_PLACED_EN = (r"(?<![a-z])(?:located|find|found|kept|stocked|displayed|shelved|sits?|is|are|it's|"
              r"they're)(?:\s+(?:it|them|the|this|that|one|those|these))?\s+(?:at|in|on)\s+")
_PLACE_ENDS = (r"(?=\s*(?:(?:号|排|列)?\s*(?:货架|通道|区|过道|附近|旁边|那边|那里|一带)|和|或|与|及|、|"
               r"(?:and|or)\b|[，。！？,.!?;；)）]|$))")
_LOOSE_TOKEN = rf"([A-Za-z]{{1,2}}-?\d{{1,3}}[A-Za-z]?{_GLUED}{_RANGE})"
_NO_AISLE = re.compile(r"(?:eu|us|uk|cm|mm|ml|kg|mp|no)-?\d+", re.I)  # sizes, units, "No.3"
AISLE_LOOSE = [re.compile(_PLACED_ZH + _LOOSE_TOKEN + _PLACE_ENDS),
               re.compile(_PLACED_EN + _LOOSE_TOKEN + _PLACE_ENDS, re.I)]


def aisle_value(token: str) -> str:
    """One spelling for an aisle value: ``A3 – 2`` and ``a3-2`` are the same."""
    t = re.sub(r"\s+", "", narrow(token).casefold())
    return re.sub(r"[–—~至到]|(?<=\d)to(?=[a-z]{0,2}\d)", "-", t)


def aisle_text(text: str) -> str:
    """Running text with its aisle ranges spelled as ``aisle_value`` spells them."""
    t = narrow(text).casefold()
    return re.sub(r"\s*(?:[–—~至到-]|(?<=\d)\s+to\s+(?=[a-z]{0,2}\d))\s*", "-", t)


def aisles(text: str) -> list[Figure]:
    """Every aisle the text names, each once, in order; a range is one aisle."""
    text = narrow(text)
    out: dict[int, Figure] = {}
    for pat in AISLE:
        for m in pat.finditer(text):
            out.setdefault(m.start(1), Figure(m.start(1), m.end(1), m.group(1), 0.0))
    for pat in AISLE_LOOSE:
        for m in pat.finditer(text):
            if not _NO_AISLE.fullmatch(m.group(1)):
                fig = Figure(m.start(1), m.end(1), m.group(1), 0.0, loose=True)
                out.setdefault(m.start(1), fig)
    return sorted(out.values(), key=lambda f: f.start)
