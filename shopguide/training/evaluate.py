"""Model-quality metrics on held-out stores, greedy decoding, no verifier.

- top_product: the answer names the engine's top product (the first fact);
- figures: every price / aisle / stock figure the answer writes is one the facts hold;
- policy_kept: a policy answer keeps the policy's figures and its wording;
- no_loop: the answer ends by itself and repeats no phrase;
- none_clean: with no facts, the answer states no price, aisle or stock.
"""

from __future__ import annotations

import re
import time
from shopguide.text import has_cjk
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

PRICE = re.compile(r"[¥$€£]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:元|CNY|USD|EUR|GBP|RMB)")
AISLE = re.compile(r"(?:aisle|货架)\s?([A-Za-z0-9][A-Za-z0-9\-]*)", re.IGNORECASE)
STOCK = re.compile(r"库存\s?(\d+)|(\d+)\s?件|(\d+) in stock|(\d+) left", re.IGNORECASE)
FACT_PRICE = re.compile(r"\| price (\S+)")
FACT_AISLE = re.compile(r"\| aisle (\S+)")
FACT_STOCK = re.compile(r"\| stock (\d+)")


def _num(text: str) -> float | None:
    m = re.search(r"\d+(?:\.\d+)?", text)
    return float(m.group()) if m else None


@dataclass
class Figures:
    prices: set[float] = field(default_factory=set)
    aisles: set[str] = field(default_factory=set)
    stocks: set[int] = field(default_factory=set)


def facts_of(context: str) -> Figures:
    f = Figures()
    for line in context.split("\n"):
        if not line.startswith("["):
            continue
        if line.startswith("[FAQ "):  # a policy's own amounts ("满¥199免运费") may be restated
            f.prices.update(v for v in (_num(p) for p in PRICE.findall(line)) if v is not None)
            continue
        f.prices.update(v for v in (_num(p) for p in FACT_PRICE.findall(line)) if v is not None)
        f.aisles.update(a.upper() for a in FACT_AISLE.findall(line))
        f.stocks.update(int(s) for s in FACT_STOCK.findall(line))
    return f


def check_figures(answer: str, facts: Figures) -> tuple[int, int]:
    """(figures written, figures right)."""
    written = right = 0
    for m in PRICE.finditer(answer):
        written += 1
        right += _num(m.group()) in facts.prices
    for a in AISLE.findall(answer):
        written += 1
        right += a.upper().rstrip("-") in facts.aisles
    for groups in STOCK.findall(answer):
        value = next(g for g in groups if g)
        written += 1
        right += int(value) in facts.stocks
    return written, right


FACT_NAME = re.compile(r"^\[[^\]]+\] (.+?)(?: \||$)")


def fact_names(context: str) -> list[str]:
    """Product names in the facts, longest first."""
    names = [m.group(1) for line in context.split("\n") if (m := FACT_NAME.match(line))
             and not line.startswith("[FAQ ")]
    return sorted(set(names), key=len, reverse=True)


def loops(answer: str, finished: bool, names: Sequence[str] = ()) -> bool:
    """An answer that never ended, or repeats a phrase of 8+ characters three times.

    Product names are taken out first: a comparison names its products more than
    once by design, and that is not a loop.
    """
    if not finished:
        return True
    text = answer.strip()
    for name in names:
        text = text.replace(name, "#")
    for size in (8, 12, 20):
        seen: dict[str, int] = {}
        for i in range(0, max(0, len(text) - size + 1)):
            chunk = text[i : i + size]
            seen[chunk] = seen.get(chunk, 0) + 1
            if seen[chunk] >= 3:
                return True
    return False


def policy_kept(answer: str, policy: str) -> bool:
    """All of the policy's figures are there, and most of its wording."""
    if any(n not in answer for n in re.findall(r"\d+(?:[.:]\d+)?", policy)):
        return False
    if policy in answer:
        return True
    unit = list(policy) if has_cjk(policy) else policy.lower().split()
    hay = answer if unit and len(unit[0]) == 1 else answer.lower()
    return sum(u in hay for u in unit) / max(1, len(unit)) >= 0.85


@dataclass
class Report:
    n: int = 0
    top_total: int = 0
    top_right: int = 0
    figures_written: int = 0
    figures_right: int = 0
    answers_with_figures: int = 0
    answers_all_right: int = 0
    policy_total: int = 0
    policy_right: int = 0
    none_total: int = 0
    none_clean: int = 0
    loops: int = 0
    seconds: float = 0.0
    samples: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "answers": self.n,
            "top_product_named": share(self.top_right, self.top_total),
            "figures_right": share(self.figures_right, self.figures_written),
            "answers_all_figures_right": share(self.answers_all_right, self.answers_with_figures),
            "figures_written": self.figures_written,
            "policy_kept": share(self.policy_right, self.policy_total),
            "none_without_figures": share(self.none_clean, self.none_total),
            "no_loop": share(self.n - self.loops, self.n),
            "seconds": round(self.seconds, 1),
        }


Answerer = Callable[[str], tuple[str, bool]]  # context → (answer, ended by itself)


def evaluate(records: Sequence, answer: Answerer, keep_samples: int = 20) -> Report:
    rep = Report()
    t0 = time.monotonic()
    for r in records:
        text, finished = answer(r.context)
        rep.n += 1
        facts = facts_of(r.context)
        written, right = check_figures(text, facts)
        rep.figures_written += written
        rep.figures_right += right
        if written:
            rep.answers_with_figures += 1
            rep.answers_all_right += written == right
        if r.top:
            rep.top_total += 1
            rep.top_right += r.top in text
        if r.faq:
            rep.policy_total += 1
            rep.policy_right += policy_kept(text, r.faq)
        if r.kind == "none":
            rep.none_total += 1
            rep.none_clean += written == 0
        bad = loops(text, finished, fact_names(r.context))
        rep.loops += bad
        if len(rep.samples) < keep_samples or (bad or written != right) and len(rep.samples) < keep_samples * 2:
            rep.samples.append({"kind": r.kind, "question": r.context.rsplit("Q: ", 1)[-1][:-3],
                                "answer": text, "reference": r.target.strip()})
    rep.seconds = time.monotonic() - t0
    return rep


def runtime_answerer(folder: str, repetition_penalty: float = 1.0, max_new_tokens: int = 120,
                     threads: int | None = None, guarded: bool = False) -> Answerer:
    """Greedy answers through the app's own runtime (``shopguide.llm``); ``guarded``: with
    the fact guard the app decodes with (``guide/fact_guard.py``), built from the prompt."""
    from shopguide.guide.fact_guard import guard_from_prompt
    from shopguide.guide.query import detect_lang
    from shopguide.llm import GenerationSettings, load_model

    model = load_model(folder, threads=threads)
    settings = GenerationSettings(max_new_tokens=max_new_tokens, do_sample=False,
                                  repetition_penalty=repetition_penalty)

    def answer(context: str) -> tuple[str, bool]:
        guard = None
        if guarded:
            asked = context.rsplit("Q: ", 1)[-1]
            guard = guard_from_prompt(context, detect_lang(asked))
        stream = model.stream(context, settings, guard=guard)
        text = stream.read_all()
        return text.strip(), stream.finish_reason in ("stop", "eos")

    return answer
