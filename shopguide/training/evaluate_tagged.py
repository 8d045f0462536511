"""Metrics of a model that answers with reference tags, on held-out stores (issue 13).

- top_ordered / top_shuffled: the first product the answer refers to is the one the
  question is about, with the facts in retrieval order / shuffled (it reads the question,
  not just the first fact); counted where the reference answer refers to a product;
- cited: where the question names a need one product's clause answers, the answer cites
  that clause (or tag), or refers first to the product where its name already says it (the
  app never writes such a tag);
- policy_quoted: a policy answer quotes every clause of the policy asked about and states
  no number of its own;
- foreign_tags: tags written that point at no fact of the prompt (masking makes it 0);
- no_loop: the answer ends by itself and says no sentence twice;
- frame_repeat: per language, the share of (up to 40) answers that share the most common
  sentence frame (tags folded to their kind: "[P2.price]" → "[P.price]").
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from shopguide.guide.frames import most_repeated
from shopguide.guide.masks import named_already
from shopguide.guide.refs import TAG, sentences
from shopguide.guide.tagged_answer import unreferenced_number

_FIRST_PRODUCT = re.compile(r"\[(P\d)[\].]")
_INDEX = re.compile(r"(?<=\[[PF])\d")
_WORD = re.compile(r"[^\W\d_]")
_FOLDED = re.compile(r"\[[^\]]*\]")
FRAME_ANSWERS = 40

# a corpus record → (its raw tagged answer, ended by itself)
TaggedAnswerer = Callable[[Any], tuple[str, bool]]


def frame_of(raw: str) -> set[str]:
    """Sentence frames of a raw answer: tags folded to their kind."""
    out = {" ".join(s.split()).lower() for s in sentences(_INDEX.sub("", raw))}
    return {f for f in out if _WORD.search(_FOLDED.sub("", f))}  # a clause quoted alone: no frame


@dataclass
class TaggedReport:
    n: int = 0
    counts: dict[str, list[int]] = field(default_factory=dict)  # metric → [right, total]
    foreign_tags: int = 0
    frames: dict[str, list[set[str]]] = field(default_factory=dict)
    seconds: float = 0.0
    samples: list[dict] = field(default_factory=list)

    def count(self, metric: str, ok: bool) -> None:
        right_total = self.counts.setdefault(metric, [0, 0])
        right_total[0] += bool(ok)
        right_total[1] += 1

    def summary(self) -> dict:
        out: dict = {"answers": self.n}
        for metric in ("top_ordered", "top_shuffled", "cited", "policy_quoted", "no_loop"):
            right, total = self.counts.get(metric, [0, 0])
            out[metric] = round(right / total, 4) if total else None
            out[f"{metric}_n"] = total
        out["foreign_tags"] = self.foreign_tags
        out["frame_repeat"] = {lang: round(most_repeated(per)[1], 4)
                               for lang, per in sorted(self.frames.items())}
        out["seconds"] = round(self.seconds, 1)
        return out


def _cites(r: Any, raw: str) -> bool:
    """Whether the answer states the fact the need asks for: its tag, or, where the product's
    name already says it ("Windproof Shell Jacket" for a windproof jacket: the app never
    writes that tag, ``masks.named_already``), the product's name."""
    if r.cite in raw:
        return True
    first = _FIRST_PRODUCT.search(raw)  # and it is the product the answer recommends first
    return r.cite in named_already(r.context) and bool(first) and \
        f"[{first.group(1)}]" == r.cite.split(".")[0] + "]"


def evaluate_tagged(records: Sequence, answer: TaggedAnswerer,
                    keep_samples: int = 20) -> TaggedReport:
    rep = TaggedReport()
    t0 = time.monotonic()
    for r in records:
        raw, finished = answer(r)
        rep.n += 1
        written = TAG.findall(raw)
        rep.foreign_tags += sum(t not in r.context for t in written)
        if r.top and r.top.startswith("[P") and _FIRST_PRODUCT.search(r.target):
            # Only where the reference answer refers to a product: "商品资料里没有提到…" (the
            # catalog is silent, said without a name) refers to none, and neither need the model.
            first = _FIRST_PRODUCT.search(raw)
            ok = bool(first) and f"[{first.group(1)}]" == r.top
            rep.count("top_shuffled" if r.shuffled else "top_ordered", ok)
        if r.cite:
            rep.count("cited", _cites(r, raw))
        if r.kind == "policy" and r.faq:
            clauses = re.findall(re.escape(r.faq[:-1]) + r"\.c\d\]", r.context)
            rep.count("policy_quoted", bool(clauses) and all(c in raw for c in clauses)
                      and not unreferenced_number(raw))
        said = [s.strip() for s in sentences(raw)]
        rep.count("no_loop", finished and len(said) == len(set(said)))
        per = rep.frames.setdefault(r.lang, [])
        if len(per) < FRAME_ANSWERS:
            per.append(frame_of(raw))
        if len(rep.samples) < keep_samples:
            rep.samples.append({"kind": r.kind, "question": r.context.rsplit("Q: ", 1)[-1][:-3],
                                "answer": raw, "reference": r.target.strip()})
    rep.seconds = time.monotonic() - t0
    return rep


def tagged_answerer(folder: str, max_new_tokens: int = 120,
                    threads: int | None = None) -> TaggedAnswerer:
    """Greedy raw answers through the app's runtime, with the app's decoding masks."""
    from shopguide.guide.masks import decoding_masks
    from shopguide.guide.tagged_answer import wording
    from shopguide.llm import GenerationSettings, load_model

    model = load_model(folder, threads=threads)
    settings = GenerationSettings(max_new_tokens=max_new_tokens, do_sample=False)

    def answer(r: Any) -> tuple[str, bool]:
        masks = decoding_masks(model, r.context, r.lang, r.kind == "compare",
                               policy=r.kind == "policy" and bool(r.faq))
        stream = model.stream(r.context, wording(settings, r.context), **masks)
        text = stream.read_all()
        return text.strip(), stream.finish_reason in ("stop", "eos")

    return answer
