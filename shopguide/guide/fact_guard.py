"""Fact-guarded decoding: the model may only write figures and words the facts hold.

The verifier (verify.py, fluency.py) judges whole sentences after the model wrote
them, and a sentence with one wrong digit is lost. A small model usually has the
right figure among its top few choices even when its first choice is wrong, so
the guard acts one token earlier: the runtime asks it about each candidate token
(``GenerationStream(guard=…)``) and writes the most likely one it accepts.

What it accepts, for the answer text so far plus the candidate:

- **figures**: every number is one the facts hold, of the right kind for the
  product being spoken of (the product named last before it): a price after a
  currency sign, a code such as an aisle after letters (``A3``), any figure of
  that product otherwise; the question's, the customer's and the policies'
  amounts are always allowed. A number still being written must be the start of
  such a figure.
- **words**: every Chinese character sits in a bigram of the facts, the
  question, the composed answer or the answer templates of the asker's language,
  and every Latin word is one of theirs (a word still being written must start
  one). So no invented product name ("云跃简约修身衬衫"), no English answer to a
  Chinese question.

It is a filter, not the judge: what it lets through is still verified sentence
by sentence before a shopper sees it.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shopguide.guide.fluency import _TEMPLATE_EN, _TEMPLATE_ZH, Units, stem
from shopguide.guide.prompt import product_fact, read_prompt
from shopguide.guide.verify import Facts
from shopguide.guide.vocab import fold

# A figure: a currency sign or a short code before the digits ("¥459", "A3", "RS-104"), or
# digits alone; a decimal part is read with it.
_FIGURE = re.compile(r"(?:(?P<cur>[¥￥$£€])\s?|(?<![A-Za-z])(?P<code>[A-Za-z]{1,3})-?)?"
                     r"(?P<num>\d+(?:\.\d+)?)")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"(?<![0-9])[a-z]+(?:'[a-z]+)?")
_SURROGATES = "".join(chr(c) for c in range(0xDC80, 0xDD00))
_PUNCTUATION = "，。、；：？！（）《》“”‘’—…·￥¥€£℃"
_PUNCTUATION_ZH = "，。、；：？！（）《》“”‘’"
FIRST_NAME_CHARS = 2
_FULL_STOP = re.compile(r"[。！？!?]|\.(?!\d)")
_STUTTER = re.compile(r"(.{3,24}?)\1\1$")  # "特点是特点是特点是": twice may be a list
# "aisle C-," lost its number; "eco-friendly", "non-stick" are words
_DANGLING_CODE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,3}-(?![\dA-Za-z]|$)")
_SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?!\d)")
_BARE_CURRENCY = re.compile(r"[¥￥$£€]\s?[^\d\s]|[¥￥$£€]\s\s")


def _template(words: str, lang_units: Units) -> Units:
    lang_units.edges = set()
    for w in words.split():
        if len(w) == 1:
            lang_units.singles.add(w)
        lang_units.words.add(stem(w))
    return lang_units


_TEMPLATES = {
    "zh": _template(_TEMPLATE_ZH, Units.of([_TEMPLATE_ZH])),
    "en": _template(_TEMPLATE_EN, Units.of([_TEMPLATE_EN])),
}
_TEMPLATE_SURFACE = {"zh": [], "en": sorted(set(_TEMPLATE_EN.split()))}


@dataclass
class _Figures:
    """One product's figures by kind (or the union over products)."""

    prices: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)

    def add_text(self, text: str) -> None:
        for m in _FIGURE.finditer(text):
            num = _plain(m.group("num"))
            self.numbers.add(num)
            if m.group("cur"):
                self.prices.add(num)
            if m.group("code"):
                self.codes.add(m.group("code").upper() + num)

    def update(self, other: _Figures) -> None:
        self.prices |= other.prices
        self.codes |= other.codes
        self.numbers |= other.numbers


def _plain(num: str) -> str:
    """``459.00`` and ``459`` are one figure; ``49.90`` is written ``49.9`` too."""
    if "." in num:
        num = num.rstrip("0").rstrip(".")
    return num


def _starts(values: Iterable[str], prefix: str) -> bool:
    return any(v.startswith(prefix) for v in values)


class FactGuard:
    """Call it with the answer text so far (plus a candidate); True to accept."""

    def __init__(self, facts: Facts, lang: str, question: str = "", composed: str = "",
                 extra: Sequence[str] = ()) -> None:
        self.lang = "zh" if lang == "zh" else "en"
        self.products = list(facts.products)
        self._figures: list[_Figures] = []
        texts: list[str] = []  # names, tags, codes: words in any language
        prose: list[str] = []  # descriptions: words in the asker's language only
        for p in self.products:
            f = _Figures()
            for lang_ in ("zh", "en"):
                f.add_text(product_fact(p, lang_))
            self._figures.append(f)
            texts += [p.name, p.name_en or "", p.name_zh or "", p.brand or "", p.category,
                      p.sku, p.aisle or "", *p.tags, *p.colors, *p.sizes]
            prose += [p.description, p.description_en or "", p.description_zh or ""]
        # Amounts anyone may restate: the policies', the shopper's and the customer's.
        self._common = _Figures()
        for e in facts.faqs:
            self._common.add_text(e.question + " " + e.answer)
            texts += [e.question, e.answer]
        for t in (question, *extra):
            self._common.add_text(t)
        self._common.numbers |= {_plain(f"{b:g}") for b in facts.budget}
        self._common.prices |= self._common.numbers
        self._all = _Figures()
        for f in self._figures:
            self._all.update(f)
        self._names = [(p, [n for n in {p.name, p.name_en, p.name_zh, p.sku} if n])
                       for p in self.products]
        self._facts = Units.of(texts)
        said = Units.of(prose)
        if self.lang == "zh":  # "the", "best" from an English description are no answer to 你好
            self._facts.bigrams |= said.bigrams
            self._facts.chars |= said.chars
            self._facts.edges |= said.edges
        else:
            self._facts.words |= said.words
        self._neutral = Units.of([question, composed, *extra])
        self._template = _TEMPLATES[self.lang]
        own = [*texts, question, composed, *extra] + (prose if self.lang == "en" else [])
        surface = {w for t in own for w in _LATIN.findall(fold(t))}
        self._surface = sorted(surface | set(_TEMPLATE_SURFACE[self.lang]))
        # The first bytes of every character an answer may hold (most of them CJK, 3 bytes).
        chars = set(_PUNCTUATION) | self._facts.chars | self._neutral.chars
        chars |= self._template.chars | self._template.singles
        for t in own:
            chars |= {ch for ch in t if ord(ch) > 127}
        self._char_starts: dict[bytes, list[str]] = {}
        for ch in sorted(chars):
            raw = ch.encode()
            for k in range(1, len(raw)):
                self._char_starts.setdefault(raw[:k], []).append(ch)
        # Product names as the answer may write them, and where each starts to be a claim:
        # past the brand (or 3 characters in), "云跃女…" can only go on as one of the names.
        # In rank order, the asker's language first: a begun name is finished as the first
        # one it can become (``completion``).
        self._locks: list[tuple[str, int]] = []
        self._brand_of: list[tuple[str, str]] = []  # folded name → its product's brand
        for p in self.products:
            own = p.name_zh if self.lang == "zh" else p.name_en
            brand = p.brand or ""
            for n in dict.fromkeys(x for x in (own, p.name, p.name_en, p.name_zh) if x):
                at = len(brand) if brand and n.startswith(brand) else 3
                self._locks.append((n, max(2, at)))
                self._brand_of.append((fold(n), fold(brand)))
        self._template_words = _TEMPLATE_SURFACE[self.lang]
        self._folded_names = {fold(n) for n, _ in self._locks}
        self._tags = {fold(t) for p in self.products for t in p.tags if len(t) >= 2}
        # What may follow "主打" / "特点是": the products' tags and colours.
        self._listable = sorted({fold(t) for p in self.products for t in (*p.tags, *p.colors) if t})
        self._own_listable = [sorted({fold(t) for t in (*p.tags, *p.colors) if t})
                              for p in self.products]  # "…跑鞋，主打缓震": that shoe's own
        self._brands = {b for _, b in self._brand_of if b}
        self._fact_marks = {ch for t in texts for ch in t if ch in _PUNCTUATION_ZH}
        top = self.products[0] if self.products else None
        self._first = [n for n in {top.name, top.name_en, top.name_zh} - {None, ""}] if top else []
        self._longest = max((len(n) for n, _ in self._locks), default=0)

    def __call__(self, text: str) -> bool:
        """``text``: the answer so far; bytes of a character not yet complete (or broken)
        come as lone surrogates (``errors="surrogateescape"``)."""
        text = text.split("\n", 1)[0]  # a newline ends the answer: what follows is not shown
        body = text.rstrip(_SURROGATES)
        if any("\udc80" <= ch <= "\udcff" for ch in body):
            return False  # bytes that are no character at all
        if len(body) < len(text):
            # Half a character: fine if some character it could become would be.
            tail = bytes(ord(ch) - 0xDC00 for ch in text[len(body):])
            return any(self._ok(body + ch) for ch in self._char_starts.get(tail, ()))
        return self._ok(body)

    def completion(self, text: str) -> str:
        """The rest of the product name ``text`` has begun past its brand, or "".

        A small model copies names it never saw poorly: it writes the brand, then wanders
        ("云跃）", "Nova Arch Sup Trail"). Once a name is begun far enough to be a claim,
        the runtime writes the rest as the facts spell it (``GenerationStream`` feeds these
        characters to the model as if it had chosen them). Before any name is complete the
        engine's top match is the only one that may be begun (as ``_names_ok`` demands);
        after that, the best ranked name the text can continue.
        """
        text = text.split("\n", 1)[0]
        if not self._locks or (text and "\udc80" <= text[-1] <= "\udcff"):
            return ""
        if any(text.endswith(n) for n, _ in self._locks):
            return ""  # a name just finished ("云跃跑鞋") is not "云跃跑鞋Pro" begun
        named = any(n in text for n, _ in self._locks)
        if not named and len(text) <= _LEAD_IN_WITHIN and _LEAD_IN.search(text) and self._first:
            # Where the answer's templates name the product ("最适合您的是", "I'd recommend
            # the "), a model that never saw these names starts one of its own ("The service",
            # "the bas"); the top match is what goes there.
            own = [n for n, _ in self._locks if n in self._first]
            if not own:
                return ""
            # Byte-level BPE writes " service" as one token: "the" has no space after it yet.
            gap = " " if text[-1:].isalpha() and text[-1].isascii() else ""
            return gap + own[0]
        best, best_k = "", 0
        for n, at in self._locks:
            if not named and n not in self._first:
                continue
            # Once a name is written, the brand alone is the brand ("…跑鞋（云跃）"): another
            # name is finished only when the model wrote past its brand.
            if n in _SENTENCE_END.split(text)[-1]:
                continue  # said already in this sentence: a second time is a loop, not a name
            for k in range(min(len(n) - 1, len(text)), at - 1 + named, -1):
                if k > best_k and text.endswith(n[:k]):
                    start = len(text) - k
                    # "Novalite" is not "Nova" begun: a Latin name starts at a word's start.
                    if not (start and n[0].isascii() and n[0].isalnum()
                            and text[start - 1].isascii() and text[start - 1].isalnum()):
                        best, best_k = n[k:], k
                    break
        return best

    def _ok(self, body: str) -> bool:
        return (self._figures_ok(body) and self._words_ok(body) and self._names_ok(body)
                and not _repeats(body) and not self._tag_again(body)
                and not _BARE_CURRENCY.search(body) and not _STUTTER.search(body)
                and not _DANGLING_CODE.search(body) and not _unopened(body)
                and not _price_again(body) and self._listed_ok(body) and self._brands_ok(body)
                and not self._said_twice(body) and not self._name_runs_on(body)
                and (self.lang == "zh" or not self._foreign_marks(body)))

    # -- figures -----------------------------------------------------------------------------

    def _subject(self, before: str) -> _Figures:
        best = self._subject_index(before)
        return self._all if best is None else self._figures[best]

    def _subject_index(self, before: str) -> int | None:
        """The product named last in ``before``: the one a figure or feature is about."""
        best, at = None, -1
        for i, (_, names) in enumerate(self._names):
            for n in names:
                pos = before.rfind(n)
                if pos >= 0 and pos + len(n) > at:
                    best, at = i, pos + len(n)
        return best

    def _in_names(self, text: str) -> list[tuple[int, int]]:
        """Where product names are written (a trailing one may be unfinished): their
        digits ("Headlamp 8", "25升") are the name's, not claims."""
        spans = []
        for n, _ in self._locks:
            at = text.find(n)
            while at >= 0:
                spans.append((at, at + len(n)))
                at = text.find(n, at + 1)
        window = max(0, len(text) - self._longest)
        for start in range(window, len(text) - 2):
            if any(n.startswith(text[start:]) for n, _ in self._locks):
                spans.append((start, len(text)))
                break
        return spans

    def _figures_ok(self, text: str) -> bool:
        names = self._in_names(text)
        for m in _FIGURE.finditer(text):
            if any(a <= m.start("num") and m.end("num") <= b for a, b in names):
                continue
            if m.group("code") and m.group("code").lower() in ("in", "at", "is", "of", "to"):
                continue  # "in 3 colours" glued by the tokenizer: not a code
            own = self._subject(text[: m.start()])
            num = _plain(m.group("num"))
            end = m.end()
            growing = end == len(text) or (end == len(text) - 1 and text[-1] == ".")
            if m.group("cur"):
                pool = own.prices | self._common.prices
                key = num
            elif m.group("code"):
                pool = own.codes | self._common.codes
                key = m.group("code").upper() + num
            else:
                pool = own.numbers | self._common.numbers
                key = num
            if key in pool:
                continue
            if growing and _starts(pool, key if end == len(text) else key + "."):
                continue
            return False
        return True

    def _tag_again(self, text: str) -> bool:
        """A tag or a name said twice in one sentence ("waterproof and waterproof",
        "宽松、宽松", "the X by X by X")."""
        low = fold(text)
        whole = _FULL_STOP.split(low)[-1]  # "A is ¥1; A is ¥1" is one comparison gone wrong
        if any(whole.count(n) >= 2 for n in self._folded_names):
            return True
        for n in self._folded_names:  # "无谷" in "青春无谷狗粮" is the name's, not the tag said
            low = low.replace(n, " ")
        sentence = _SENTENCE_END.split(low)[-1]
        return any(sentence.count(t) >= 2 for t in self._tags)

    def _name_runs_on(self, text: str) -> bool:
        """A finished name followed by a word of its own or a bare number ("…Running Shoe
        Running Shoes", "…Family Tent 6 is"): the name repeated or patched, not phrasing."""
        low = fold(text)
        for n in self._folded_names:
            at = low.rfind(n)
            if at < 0 or not n.isascii():
                continue
            after = low[at + len(n):]
            m = _NEXT_WORD.match(after)
            longer = n + " " + (m.group(1) if m else "")
            if m and (m.group(1)[0].isdigit() or m.group(1) in n.split()) and not any(
                    o != n and o.startswith(longer) for o in self._folded_names):
                return True  # ("Keyboard" then " 1" is fine where "Keyboard 1" is a name)
        return False

    def _said_twice(self, text: str) -> bool:
        """Five Chinese characters or more said twice in one sentence, names aside
        ("店位于新华路88号线新华路88号线"): a loop."""
        sentence = fold(_FULL_STOP.split(text.rstrip("。！？!?. "))[-1])
        for n in self._folded_names:
            sentence = sentence.replace(n, "|")
        for run in _CJK_DIGIT_RUN.findall(sentence):
            for i in range(len(run) - _TWICE + 1):
                piece = run[i:i + _TWICE]
                if sum(map(len, _CJK_RUN.findall(piece))) >= 3 and sentence.count(piece) >= 2:
                    return True
        return False

    def _listed_ok(self, text: str) -> bool:
        """After "主打" / "特点是" come the tags of the product spoken of, not another's
        ("主打缓震" for a stability shoe) nor debris ("主打瓦", "主打入门、诺瓦")."""
        if not self._listable:
            return True
        for m in _LISTING.finditer(text):
            who = self._subject_index(text[: m.start()])
            listable = self._listable if who is None else self._own_listable[who]
            items = m.group(1).split("、")
            growing = m.end() == len(text)
            done, last = (items[:-1], fold(items[-1])) if growing else (items, "")
            if any(fold(i) not in listable for i in done if i or not growing):
                return False
            if last and not any(t.startswith(last) for t in listable):
                return False
        return True

    def _brands_ok(self, text: str) -> bool:
        """A brand written right after a product name ("…泳衣（Aqualine）", "… Boot by 诺瓦") is
        that product's own."""
        low = fold(text)
        for name, brand in self._brand_of:
            at = low.find(name)
            while at >= 0:
                m = _BRAND_AFTER.match(low, at + len(name))
                if m and m.group(1) in self._brands and m.group(1) != brand:
                    return False
                at = low.find(name, at + 1)
        return True

    def _foreign_marks(self, text: str) -> bool:
        """Chinese punctuation in an English answer ("by Sonicwave），"), unless a fact has it."""
        return any(ch in _PUNCTUATION_ZH and ch not in self._fact_marks for ch in text)

    # -- names -------------------------------------------------------------------------------

    def _names_ok(self, text: str) -> bool:
        """A product name once begun past its brand is finished, not patched from others
        ("Wildtrail" + "Joy Headlamp"), and the first one named is the engine's top match."""
        if not self._locks:
            return True
        window = text[-(self._longest + 8):]
        first_named = any(n in text for n, _ in self._locks)
        for start in range(len(window)):
            tail = window[start:]
            if any(n.startswith(tail) or tail.startswith(n) for n, _ in self._locks):
                if first_named or len(tail) < FIRST_NAME_CHARS or tail[0].isspace():
                    continue
                # Before any name is complete, only the top match's may be begun (the
                # engine ranks; the model phrases).
                if not any(n.startswith(tail) or tail.startswith(n) for n in self._first):
                    return False
                continue
            # Not a name: fine unless it began as one (its brand written) and then swerved
            # into something that is not plain phrasing ("Wildtrail" + "Joy Headlamp").
            for n, at in self._locks:
                cp = len(os.path.commonprefix([n, tail]))
                if cp >= at and not (cp <= at + 1 and self._phrasing(tail[cp:])):
                    return False
        return True

    def _phrasing(self, rest: str) -> bool:
        """Does ``rest`` (what follows a brand) start with answer wording, not a name?"""
        rest = rest.lstrip()
        if not rest or not (rest[0].isalnum()):
            return True
        if rest[0].isdigit():
            return False
        if _CJK_RUN.match(rest):
            return rest[0] in self._template.singles or self._template.has_char_at(rest[:2], 0)
        word = _LATIN.match(fold(rest))
        if word is None:
            return False
        i = bisect.bisect_left(self._template_words, word.group())
        return i < len(self._template_words) and self._template_words[i].startswith(word.group())

    # -- words -------------------------------------------------------------------------------

    def _covered(self, run: str, i: int) -> bool:
        return (self._template.has_char_at(run, i) or self._neutral.has_char_at(run, i)
                or self._facts.has_char_at(run, i))

    def _words_ok(self, text: str) -> bool:
        low = fold(text)
        for m in _CJK_RUN.finditer(low):
            run = m.group()
            last = len(run) - 1
            for i in range(len(run)):
                if i == last and m.end() == len(low):
                    ch = run[i]  # still being written: its bigram may come with the next one
                    if i > 0 and self._covered(run, i):
                        continue
                    if not (ch in self._facts.chars or ch in self._neutral.chars
                            or ch in self._template.chars or ch in self._template.singles):
                        return False
                elif not self._covered(run, i):
                    return False
        for m in _LATIN.finditer(low):
            word = m.group()
            if m.end() == len(low) - 1 and low[-1] == "'":
                word += "'"  # "don'" is "don't" being written
            if m.end() >= len(low) - (word[-1] == "'"):  # still being written
                i = bisect.bisect_left(self._surface, word)
                if i < len(self._surface) and self._surface[i].startswith(word):
                    continue
                return False
            if low[m.end()].isdigit():
                continue  # a code ("A3"): the figures' business
            s = stem(word)
            if not (s in self._template.words or s in self._neutral.words
                    or s in self._facts.words):
                return False
        return True


_LEAD_IN = re.compile(r"(?:^|\s)(?:the|is|try|recommend|at)\s?$|(?:最适合您的是|推荐|可以看看|我建议选|建议选|看看)$",
                      re.I)
_LEAD_IN_WITHIN = 40  # characters: the opening of an answer, not a later mention


_NEXT_WORD = re.compile(r" ([a-z0-9][a-z0-9'-]*)[ ,.;:!?]")
_TWICE = 5  # characters, 3 of them Chinese ("新华路88号线" twice)
_CJK_DIGIT_RUN = re.compile(r"[\u4e00-\u9fff\d]+")
_LISTING = re.compile(r"(?:主打|特点是)([^，。；：！？,.;:!?（）()]*)")
_BRAND_AFTER = re.compile(r"(?:（|\(|\s+by\s+)([^）),.;:!?，。；：！？]+?)(?:[）),.;:!?，。；：！？]|\s|$)")
_PRICE = re.compile(r"[¥￥$£€]\s?\d+(?:\.\d+)?")


def _price_again(text: str) -> bool:
    """The same price twice in one sentence, or three times in the answer ("it's ¥699. It's
    ¥699 and it's ¥699"): a loop, whatever its wording."""
    done = text if not text[-1:].isdigit() else text[: len(text.rstrip("0123456789."))]
    prices = _PRICE.findall(done)
    if any(prices.count(p) >= 3 for p in prices):
        return True
    current = _PRICE.findall(_FULL_STOP.split(done.rstrip("。！？!?. "))[-1])
    return len(current) != len(set(current))


def _unopened(text: str) -> bool:
    """A bracket closed that was never opened ("；云跃）：主打…": the tail of a template)."""
    # "1）…2）" numbers a list, as policies do: a close after a digit opened nothing.
    return any(len(re.findall(r"(?<!\d)" + re.escape(close), text)) > text.count(open_)
               for open_, close in (("（", "）"), ("(", ")")))


def guard_for(facts: Facts, lang: str, question: str, composed: str,
              names: Iterable[str] = ()) -> FactGuard:
    """The guard for one answer; ``names``: the customer's name and other words it may use."""
    return FactGuard(facts, lang, question, composed, list(names))


_CLAUSE_END = re.compile(r"(?:[，,;；。!！?？、：:]|\.(?!\d))\s*")


def _repeats(text: str) -> bool:
    """The clause just closed was said before ("waterproof，waterproof，"): the start of a loop."""
    parts = _CLAUSE_END.split(text)
    if len(parts) < 3 or parts[-1]:
        return False  # no clause was closed by the last character
    last = fold(parts[-2]).strip()
    return len(last) >= 2 and any(fold(p).strip() == last for p in parts[:-2])


def guard_from_prompt(prompt: str, lang: str) -> FactGuard:
    """The guard for a rendered prompt, for judging a model on prompts alone (the training
    report does)."""
    read = read_prompt(prompt)
    extra = [read.customer] if read.customer else []
    return FactGuard(Facts.of(read.products, read.faqs), lang, read.question, "", extra)
