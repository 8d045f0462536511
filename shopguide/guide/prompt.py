"""The one place prompts are made, for inference and for training alike.

The form is the seed's ``Q: …\nA:`` preceded by the facts behind reference tags
(``guide/refs.py``)::

    Facts:
    [P1] 云跃缓震跑鞋 [P1.brand] 云跃 [P1.price] ¥459 [P1.stock] 12 [P1.aisle] A3 [P1.t1] 缓震
    [F1] 退货政策？ [F1.c1] 购物后30天内凭小票可退货。
    [C] 王芳 | shoe 38 | budget 200-500
    Q: earlier question
    A: earlier answer (as shown: facts, not tags)
    Q: 有没有500元以内适合扁平足的跑鞋？
    A:

The model continues after ``A:`` with a space and the answer, written with tags, and ends
with a newline (the runtime stops on ``\nQ:`` and end-of-text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

# format_price lives with the references; it is imported from here by the UI and compose.
from shopguide.guide.refs import MAX_FAQS, MAX_PRODUCTS, References, format_price  # noqa: F401
from shopguide.guide.refs import focus_words, references
from shopguide.store.models import Customer, FaqEntry, Product

# Answers are one line by construction (see _one_line), so the first newline ends one.
STOP_STRINGS: tuple[str, ...] = ("\n", "\nQ:")
ANSWER_PREFIX = " "
STATED_NONE = "none"  # the ``Stated:`` line where the catalog is silent on what is asked

def customer_line(c: Customer) -> str:
    parts = [c.name]
    for kind, size in c.sizes.items():
        parts.append(f"{kind} {size}")
    if c.brands:
        parts.append("brands " + "/".join(c.brands))
    if c.budget_min is not None or c.budget_max is not None:
        lo = "" if c.budget_min is None else f"{c.budget_min:g}"
        hi = "" if c.budget_max is None else f"{c.budget_max:g}"
        parts.append(f"budget {lo}-{hi}")
    return "Customer: " + " | ".join(parts)


@dataclass
class Prompt:
    """A prompt in parts, so that it can be cut to fit a context window.

    ``fit`` drops the oldest conversation first and the facts last, since an
    answer without its facts cannot be grounded.
    """

    question: str
    facts: list[str] = field(default_factory=list)
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, answer), oldest first
    customer: str | None = None
    # For a question about the product discussed: the reference of the sentence or tag that
    # answers it, or "none" where the catalog is silent (the engine's reading, ``Plan.about``).
    stated: str | None = None

    def render(self) -> str:
        lines: list[str] = []
        if self.facts:
            lines.append("Facts:")
            lines.extend(self.facts)
        if self.customer:
            lines.append(self.customer)
        for q, a in self.history:
            lines.append(f"Q: {_one_line(q)}")
            lines.append(f"A: {_one_line(a)}")
        if self.stated:
            lines.append(f"Stated: {self.stated}")
        lines.append(f"Q: {_one_line(self.question)}")
        lines.append("A:")
        return "\n".join(lines)

    def fit(self, count_tokens: Callable[[str], int], budget: int,
            keep: Iterable[str] = ()) -> str:
        """Render within ``budget`` tokens, cutting history, then a product's least needed
        facts (its last sentences and tags, then sizes and colours; the longest line first),
        then facts from the end. ``keep``: fields the question asks about ("sizes" of "有43码
        的吗？"), never cut from a line."""
        trimmed = Prompt(self.question, list(self.facts), list(self.history), self.customer,
                         self.stated)
        kept = frozenset(keep)
        text = trimmed.render()
        while count_tokens(text) > budget and trimmed.history:
            trimmed.history.pop(0)
            text = trimmed.render()
        while count_tokens(text) > budget and _cut_a_field(trimmed.facts, kept):
            text = trimmed.render()
        while count_tokens(text) > budget and len(trimmed.facts) > 1:
            trimmed.facts.pop()
            text = trimmed.render()
        if count_tokens(text) > budget:
            # A question longer than the whole context: keep its end, where the ask usually is.
            q = trimmed.question
            while q and count_tokens(text) > budget:
                q = q[len(q) // 4 + 1 :]
                trimmed.question = q
                text = trimmed.render()
        return text


# What a product line can do without, least needed first: its later sentences and tags (the
# ones that share the question's words come first), then the lists of sizes and colours. Its
# name, price, stock, aisle, first sentence and first two tags stay.
_CUTTABLE = tuple((f, re.compile(rf" \[P\d\.{f}\] [^\n]*?(?= \[P\d\.|$)")) for f in
                  ("d4", "d3", "t4", "d2", "t3", "sizes", "colors"))


def _cut_a_field(facts: list[str], keep: frozenset[str] = frozenset()) -> bool:
    """Drop the least needed field (not one in ``keep``) of the longest product line that
    has one; False when none is left to drop."""
    for name, field_re in _CUTTABLE:
        if name in keep:
            continue
        lines = [i for i, line in enumerate(facts) if line.startswith("[P") and field_re.search(line)]
        if lines:
            i = max(lines, key=lambda j: len(facts[j]))
            facts[i] = field_re.sub("", facts[i], count=1)
            return True
    return False


def build_tagged_prompt(
    question: str,
    products: Sequence[Product] = (),
    faqs: Sequence[FaqEntry] = (),
    history: Sequence[tuple[str, str]] = (),
    customer: Customer | None = None,
    lang: str = "en",
    focus: Iterable[str] = (),
    question_first: bool = True,
) -> tuple[Prompt, References]:
    """The prompt with every fact behind a reference tag (``guide/refs.py``), and the tags'
    values to fill the model's answer with. The facts are cut to what the scheme has tags
    for (five products, two FAQ rows), best first. A product's sentences and tags that say
    the question's words (and ``focus``, words the question means: a synonym's) come first,
    unless ``question_first`` is off (the catalog's order: the shipped model's corpus)."""
    products, faqs = list(products)[:MAX_PRODUCTS], list(faqs)[:MAX_FAQS]
    order = focus_words(question) | frozenset(focus) if question_first else frozenset()
    refs = references(products, faqs, customer, lang, order)
    line = customer_line(customer).removeprefix("Customer: ") if customer else None
    return Prompt(question=question, facts=refs.lines(len(products), len(faqs), line),
                  history=list(history)), refs


def facts_of(text: str) -> str:
    """A rendered prompt without its ``Stated:`` line (which names a fact that the fitting
    may have cut from the facts themselves)."""
    head, _, tail = text.rpartition("\nStated: ")
    return head + tail[tail.find("\n"):] if head else text


def training_text(prompt: Prompt, answer: str) -> tuple[str, str]:
    """(context, target) for training: the loss is taken on the target alone."""
    return prompt.render(), ANSWER_PREFIX + _one_line(answer) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
