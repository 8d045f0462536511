"""The training corpus: generated stores split BY STORE into train / validation / test.

No test store is ever seen in training (``check_disjoint``). Every answer refers to the
facts by tag (``training/tagged.py``, ``guide/refs.py``).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from shopguide.store.models import FaqEntry
from shopguide.training import tagged
from shopguide.training.synth import SynthStore, make_store

SPLITS = ("train", "validation", "test")


@dataclass
class Record:
    store: str
    split: str
    kind: str
    lang: str
    context: str
    target: str
    top: str | None = None  # the product tag the answer must name first ("[P2]")
    faq: str | None = None  # the policy tag it must quote ("[F1]")
    cite: str | None = None  # the clause tag it must cite ("[P2.d3]")
    shuffled: bool = False  # facts not in retrieval order


@dataclass
class CorpusSpec:
    stores: int = 400
    per_store: int = 60
    validation_stores: int = 20
    test_stores: int = 30
    seed: int = 1234
    coined: float = 0.0  # share of stores with coined brand and name words (synth.make_store)
    name_styles: bool = True  # product names in many catalog styles (synth.restyle)
    # Share of stores whose catalog has no stock and no aisle columns: many real catalogs are
    # a name, a price and a description (a marketplace export, a web shop), and a model taught
    # only on stores with both reads their absence as a fact ("it's out of stock").
    bare: float = 0.0
    # Share of questions about the product discussed asked with no earlier turn in the prompt
    # (the app cuts history first when the facts fill it).
    alone: float = 0.0
    # Share of silent attribute questions asked loosely about goods the facts never name, and
    # share of all questions given as shoppers type them (``tagged.OPEN_QUESTION``, ``TYPED``).
    loose: float = 0.0
    typed: float = 0.0


def split_stores(spec: CorpusSpec) -> dict[str, list[int]]:
    """Store seeds for each split; disjoint by construction and checked."""
    seeds = list(range(spec.seed * 1000, spec.seed * 1000 + spec.stores))
    rng = random.Random(spec.seed)
    rng.shuffle(seeds)
    v, t = spec.validation_stores, spec.test_stores
    out = {"test": seeds[:t], "validation": seeds[t : t + v], "train": seeds[t + v :]}
    check_disjoint({k: [str(s) for s in vals] for k, vals in out.items()})
    return out


def check_disjoint(splits: dict[str, Iterable[str]]) -> None:
    seen: dict[str, str] = {}
    for name, keys in splits.items():
        for key in keys:
            if key in seen and seen[key] != name:
                raise ValueError(f"store {key} is in both {seen[key]} and {name}")
            seen[key] = name


def store_examples(store: SynthStore, n: int, seed: int, split: str) -> Iterator[Record]:
    rng = random.Random(seed)
    for _ in range(n):
        t = tagged.example(rng, store)
        yield Record(store.key, split, t.kind, t.lang, t.context, t.target, t.top, t.faq,
                     t.cite, t.shuffled)


def faq_records(faqs: list[FaqEntry], key: str, lang: str, seed: int,
                copies: int = 3) -> Iterator[Record]:
    """Policy exchanges from a real FAQ (a merchant's Q&A pairs): training only."""
    rng = random.Random(seed)
    shell = SynthStore(key, None, None, [], faqs)  # type: ignore[arg-type]
    for _ in range(copies * len(faqs)):
        t = tagged.policy(rng, shell, lang)
        yield Record(key, "train", t.kind, t.lang, t.context, t.target, t.top, t.faq)


def build(spec: CorpusSpec) -> list[Record]:
    """Generated stores only: the demo store and the test stores of the project's query sets
    are stores the model never sees."""
    records: list[Record] = []
    tagged.ALONE = spec.alone
    tagged.OPEN_QUESTION, tagged.TYPED = spec.loose, spec.typed
    for split, seeds in split_stores(spec).items():
        for s in seeds:
            store = make_store(s, spec.coined, spec.name_styles)
            if spec.bare and random.Random(s * 13 + 5).random() < spec.bare:
                store = bare(store)  # (its own stream: bare=0 gives the stores it always did)
            n = spec.per_store if split == "train" else max(10, spec.per_store // 3)
            records.extend(store_examples(store, n, s + 7, split))
    check_disjoint(_keys_by_split(records))
    return records


def bare(store: SynthStore) -> SynthStore:
    """The store with neither stock figures nor aisles (``CorpusSpec.bare``)."""
    return replace(store, products=[replace(p, stock=None, aisle=None) for p in store.products])


def _keys_by_split(records: list[Record]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {s: set() for s in SPLITS}
    for r in records:
        out[r.split].add(r.store)
    return out


def save(records: list[Record], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for r in records:
                if r.split == split:
                    fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")


def load(folder: Path, split: str) -> list[Record]:
    with (folder / f"{split}.jsonl").open(encoding="utf-8") as fh:
        return [Record(**json.loads(line)) for line in fh if line.strip()]


def stats(records: list[Record]) -> dict:
    by_split = Counter(r.split for r in records)
    keys = _keys_by_split(records)
    return {
        "examples": dict(by_split),
        "stores": {s: len(k) for s, k in keys.items()},
        "kinds": dict(Counter(r.kind for r in records if r.split == "train")),
        "languages": dict(Counter(r.lang for r in records if r.split == "train")),
        "characters": sum(len(r.context) + len(r.target) for r in records),
    }
