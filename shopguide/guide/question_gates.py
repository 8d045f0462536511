"""Gates that read the question (``masks.decoding_masks`` adds them to the stream's gates):
the product the question is about comes first (``name_gates``: by its words, else the one the
last answer named), the cheapest or dearest when that is asked (``pick_gates``: the prompt's
prices compared here), and a product's sentences that say none of the question's words wait
for one that does (``need_gates``). All go by the prompt's text alone (the facts behind
their tags, the earlier answers, the last ``Q:`` line), so the app and the card's held-out
measure decode alike. ``tags``: tag → token id.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from shopguide.guide.figures import prices
from shopguide.guide.refs import focus_words, relevance, stated
from shopguide.text import fold
from shopguide.text.phrases import pattern
from shopguide.text.resources import cue_words

_QUESTION = re.compile(r"^Q: (.*)\nA:\s*$", re.M)
_ANSWERED = re.compile(r"^A: (.+)$", re.M)  # the earlier answers, as the shopper saw them
_NAME = re.compile(r"\[P(\d)\]")
_FEATURE = re.compile(r"\[P(\d)\.([dt])\d+\]")  # a product's sentence (d) or tag (t)
_BRAND = re.compile(r"\[P(\d)\.brand\]")
_PRICE = re.compile(r"\[P(\d)\.price\]")
PICKS = {"cheapest": min, "priciest": max}  # cues.csv acts → which price is asked for


def asked(prompt_text: str) -> str:
    """The question the prompt ends on (its last ``Q:`` line)."""
    asked = _QUESTION.findall(prompt_text)
    return asked[-1] if asked else ""


def need_gates(tags: Mapping[str, int], prompt_text: str, banned: Collection[int] = ()
               ) -> list[tuple[list[int], list[int]]]:
    """A product's sentences (or tags) that say none of the question's words are held until
    one of its sentences (tags) that does is written: asked for flat feet, the model cites
    "适合扁平足" rather than the catalog's first sentence ("轻便透气"). It still chooses whether
    to give a feature at all. Only what may be written opens a gate (not a ``banned`` tag)."""
    focus = focus_words(asked(prompt_text))
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for tag, text in stated(prompt_text).items():
        feature = _FEATURE.fullmatch(tag)
        if feature and tag in tags:
            held, opening = groups.setdefault(feature.groups(), ([], []))
            if not relevance(text, focus):
                held.append(tags[tag])
            elif tags[tag] not in banned:
                opening.append(tags[tag])
    return [(held, opening) for held, opening in groups.values() if held and opening]


def pick_gates(tags: Mapping[str, int], prompt_text: str) -> list[tuple[list[int], list[int]]]:
    """"哪个最便宜？", "which is least expensive?": the product with that price is named
    first; the others wait (the prices are the prompt's facts, compared here, not by the
    model, which cannot)."""
    said = fold(asked(prompt_text))
    wanted = next((how for act, how in PICKS.items() if pattern(cue_words(act)).search(said)),
                  None)
    found = {m.group(1): figures[0].value for tag, text in stated(prompt_text).items()
             if (m := _PRICE.fullmatch(tag)) and (figures := prices(text))}
    if wanted is None or len(found) < 2:
        return []
    target = wanted(found.values())
    best = [k for k, v in found.items() if v == target]
    return _first_named(tags, best[0], found) if len(best) == 1 else []


def _first_named(tags: Mapping[str, int], best: str, products: Collection[str]
                 ) -> list[tuple[list[int], list[int]]]:
    """The others' names and facts wait until product ``best`` is named or one of its facts
    is given ("It is. [P1.t1]" speaks of P1 as much as a name does)."""
    def of(k: str) -> list[int]:
        return [i for t, i in tags.items() if t == f"[P{k}]" or t.startswith(f"[P{k}.")]
    held = [i for k in products if k != best for i in of(k)]
    opening = of(best)
    return [(held, opening)] if held and opening else []


def name_gates(tags: Mapping[str, int], prompt_text: str) -> list[tuple[list[int], list[int]]]:
    """When one product's name, tags and sentences say more of the question's words than
    every other's, the others' names are held until it is named: the answer starts with the
    product the question is about, wherever the facts list it. (Figures, stock and aisle do
    not count: they say nothing of what is asked for; a brand does: "Can you recommend 喵趣
    leash?") When the words tell none apart ("价格是多少？", "is this one non-slip?"), the
    product the last answer named is the one asked about."""
    focus = focus_words(asked(prompt_text))
    facts = stated(prompt_text)
    names = {m.group(1): text for tag, text in facts.items() if (m := _NAME.fullmatch(tag))}
    features: dict[str, list[str]] = {}
    for tag, text in facts.items():
        if feature := _FEATURE.fullmatch(tag) or _BRAND.fullmatch(tag):
            features.setdefault(feature.group(1), []).append(text)
    scores = {k: relevance(" ".join([name, *features.get(k, [])]), focus)
              for k, name in names.items()}
    if len(scores) < 2:
        return []
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] > ranked[1]:
        return _first_named(tags, max(scores, key=lambda k: scores[k]), scores)
    said = _ANSWERED.findall(prompt_text)
    last = fold(said[-1]) if said else ""
    named = sorted((at, k) for k, name in names.items() if (at := last.find(fold(name))) >= 0)
    return _first_named(tags, named[0][1], scores) if last and named else []
