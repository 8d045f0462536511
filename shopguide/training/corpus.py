"""The training corpus: synthetic stores split BY STORE into train / validation / test.

No test store is ever seen in training (``check_disjoint``). The demo store's
own FAQ and the seed's Q&A pairs go to training only.
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from shopguide.store.models import FaqEntry
from shopguide.training.dialogs import Example, example
from shopguide.training.dialogs import policy as policy_example
from shopguide.training import tagged as tagged_mod
from shopguide.training.synth import SynthStore, make_store

def _seed_qa() -> tuple[tuple[str, str], ...]:
    """The seed's own Q&A pairs (resources/training/seed_qa.csv), kept in training as FAQ
    facts the model learns to restate."""
    import csv

    from shopguide.config import resource

    with resource("training", "seed_qa.csv").open(encoding="utf-8", newline="") as f:
        return tuple((r["question"], r["answer"]) for r in csv.DictReader(f))


SEED_QA: tuple[tuple[str, str], ...] = _seed_qa()

SPLITS = ("train", "validation", "test")


@dataclass
class Record:
    store: str
    split: str
    kind: str
    lang: str
    context: str
    target: str
    top: str | None = None
    faq: str | None = None
    cite: str | None = None  # tagged corpora: the clause tag the answer must cite
    shuffled: bool = False  # tagged corpora: facts not in retrieval order


@dataclass
class CorpusSpec:
    stores: int = 400
    per_store: int = 60
    validation_stores: int = 20
    test_stores: int = 30
    seed: int = 1234
    routed_share: float = 0.5  # share of exchanges planned by the real engine (0 = none)
    coined: float = 0.0  # share of stores with coined brand and name words (synth.make_store)
    tagged: bool = False  # answers refer to the facts by tag (training/tagged.py)
    name_styles: bool = False  # product names in many catalog styles (synth.restyle)


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


def store_examples(store: SynthStore, n: int, seed: int, split: str,
                   routed_share: float = 0.0, tagged_answers: bool = False) -> Iterator[Record]:
    rng = random.Random(seed)
    if tagged_answers:
        for _ in range(n):
            t = tagged_mod.example(rng, store)
            yield Record(store.key, split, t.kind, t.lang, t.context, t.target, t.top, t.faq,
                         t.cite, t.shuffled)
        return
    n_routed = int(n * routed_share)
    exs: list[Example] = []
    if n_routed:
        from shopguide.training.routed import Router, routed_examples

        router = Router(store)
        try:
            exs.extend(routed_examples(rng, store, router, n_routed))
        finally:
            router.close()
    exs.extend(example(rng, store) for _ in range(n - len(exs)))
    for ex in exs:
        yield Record(store.key, split, ex.kind, ex.lang, ex.context, ex.target, ex.top, ex.faq)


def faq_records(faqs: list[FaqEntry], key: str, lang: str, seed: int, copies: int = 3,
                tagged: bool = False) -> Iterator[Record]:
    """Policy examples from a real FAQ (the demo store's, the seed's, a merchant's Q&A
    pairs): training only. ``tagged``: answers quote the clauses by tag."""
    rng = random.Random(seed)
    shell = SynthStore(key, None, None, [], faqs)  # type: ignore[arg-type]
    for _ in range(copies * len(faqs)):
        ex = tagged_mod.policy(rng, shell, lang) if tagged else policy_example(rng, shell, lang)
        yield Record(key, "train", ex.kind, ex.lang, ex.context, ex.target, ex.top, ex.faq)


def read_faq_csv(path: Path) -> list[FaqEntry]:
    out: list[FaqEntry] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=1):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if not row.get("question") or not row.get("answer"):
                raise ValueError(f"{path}: row {i}: question and answer are required")
            alts = tuple(a.strip() for a in row.get("alternates", "").split(";") if a.strip())
            out.append(FaqEntry(row.get("id") or f"faq{i}", row["question"], row["answer"], alts))
    return out


def build(spec: CorpusSpec, demo_faq: Path | None = None) -> list[Record]:
    records: list[Record] = []
    for split, seeds in split_stores(spec).items():
        for s in seeds:
            store = make_store(s, spec.coined, spec.name_styles)
            n = spec.per_store if split == "train" else max(10, spec.per_store // 3)
            records.extend(store_examples(store, n, s + 7, split, spec.routed_share, spec.tagged))
    if spec.tagged:  # the seed's and the demo's FAQ are policies of stores it never sees
        check_disjoint(_keys_by_split(records))
        return records
    seed_faqs = [FaqEntry(f"seed{i}", q, a) for i, (q, a) in enumerate(SEED_QA, 1)]
    records.extend(faq_records(seed_faqs, "seed", "zh", spec.seed, copies=4))
    if demo_faq is not None and demo_faq.exists():
        records.extend(faq_records(read_faq_csv(demo_faq), "demo", "zh", spec.seed + 1, copies=4))
    check_disjoint(_keys_by_split(records))
    return records


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
