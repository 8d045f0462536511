"""Gates that read the question (``masks.decoding_masks`` adds them to the stream's gates):
the product the question is about is named first (``name_gates``), and a product's
sentences that say none of the question's words wait for one that does (``need_gates``).
Both go by the prompt's text alone (the facts behind their tags, the last ``Q:`` line), so
the app and the card's held-out measure decode alike. ``tags``: tag → token id.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from shopguide.guide.refs import focus_words, relevance

_FEATURE = re.compile(r"(\[P(\d)\.([dt])\d+\]) ([^\[\n]*)")
_QUESTION = re.compile(r"^Q: (.*)\nA:\s*$", re.M)


def need_gates(tags: Mapping[str, int], prompt_text: str, banned: Collection[int] = ()
               ) -> list[tuple[list[int], list[int]]]:
    """A product's sentences (or tags) that say none of the question's words are held until
    one of its sentences (tags) that does is written: asked for flat feet, the model cites
    "适合扁平足" rather than the catalog's first sentence ("轻便透气"). It still chooses whether
    to give a feature at all. Only what may be written opens a gate (not a ``banned`` tag)."""
    asked = _QUESTION.findall(prompt_text)
    focus = focus_words(asked[-1]) if asked else frozenset()
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for tag, k, kind, text in _FEATURE.findall(prompt_text):
        if tag in tags:
            held, opening = groups.setdefault((k, kind), ([], []))
            if not relevance(text, focus):
                held.append(tags[tag])
            elif tags[tag] not in banned:
                opening.append(tags[tag])
    return [(held, opening) for held, opening in groups.values() if held and opening]


_PRODUCT_LINE = re.compile(r"^\[P(\d)\] (.*)$", re.M)
_FACT_TAG = re.compile(r"\[P\d\.(?:brand|price|stock|aisle|sizes|colors)\][^\[]*")


def name_gates(tags: Mapping[str, int], prompt_text: str) -> list[tuple[list[int], list[int]]]:
    """When one product's name, tags and sentences say more of the question's words than
    every other's, the others' names are held until it is named: the answer starts with the
    product the question is about, wherever the facts list it. (Figures, brand, stock and
    aisle do not count: they say nothing of what is asked for.)"""
    asked = _QUESTION.findall(prompt_text)
    focus = focus_words(asked[-1]) if asked else frozenset()
    scores = {k: relevance(re.sub(r"\[P\d\.[dt]\d+\]", " ", _FACT_TAG.sub(" ", line)), focus)
              for k, line in _PRODUCT_LINE.findall(prompt_text)}
    if len(scores) < 2 or not focus:
        return []
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return []
    best = max(scores, key=lambda k: scores[k])
    held = [tags[f"[P{k}]"] for k in scores if k != best and f"[P{k}]" in tags]
    return [(held, [tags[f"[P{best}]"]])] if held and f"[P{best}]" in tags else []
