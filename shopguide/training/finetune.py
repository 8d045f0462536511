"""Fine-tune a model (the bundled one, a folder, or a cached GPT-2) on one merchant's store.

Exchanges are generated from the store's own catalog and FAQ (through the real
engine, as for the bundled corpus), plus the merchant's optional
``question,answer`` pairs, mixed with generic synthetic stores so the model
keeps its general skill. The model is measured on held-out exchanges of the
same store before and after. Customer records are never used: greetings use
made-up names, so no customer data reaches the corpus or the logs.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from shopguide.store.models import FaqEntry
from shopguide.guide.refs import TAGGED_FORMAT
from shopguide.training import corpus as corpus_mod
from shopguide.training.synth import SynthStore, _customers, make_store
from shopguide.training.train import Progress, TrainConfig

TOKENIZER_FILES = ("tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json",
                   "special_tokens_map.json")


def read_qa_csv(path: Path) -> list[tuple[str, str]]:
    """``question,answer`` rows (a header row is optional)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.reader(fh), start=1):
            if not row or not any(c.strip() for c in row):
                continue
            if i == 1 and [c.strip().lower() for c in row[:2]] == ["question", "answer"]:
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise ValueError(f"{path}: row {i}: expected two columns, question and answer")
            pairs.append((row[0].strip(), row[1].strip()))
    if not pairs:
        raise ValueError(f"{path}: no question,answer rows")
    return pairs


def reviewed_pairs_of(path: Path) -> list[tuple[str, str]]:
    """The questions the merchant reviewed in this store, with their corrected answers
    (``shopguide/review/pairs.py``). They live in the store file's review log, so a store
    folder of CSV files has none."""
    from shopguide.review import reviewed_pairs
    from shopguide.store import open_store

    if path.is_dir() or not path.exists():
        raise ValueError(f"{path}: the reviewed questions are kept in a store file (.sqlite); "
                         "give --store the store file to learn from them")
    with open_store(path, create=False) as db:
        return reviewed_pairs(db)


def merchant_pairs(store_path: Path, qa: Path | None, reviewed: bool) -> list[tuple[str, str]]:
    """The Q&A pairs to learn besides the store's own exchanges: the CSV's, then the
    reviewed questions' (a question in both keeps the CSV's answer)."""
    pairs = read_qa_csv(qa) if qa else []
    if reviewed:
        have = {q.casefold() for q, _a in pairs}
        pairs += [(q, a) for q, a in reviewed_pairs_of(store_path) if q.casefold() not in have]
    return pairs


def load_store(path: Path) -> SynthStore:
    """The store's catalog and FAQ (a .sqlite store, or a folder of CSV files to import)."""
    from shopguide.guide.catalog_text import trusted, trusted_faq
    from shopguide.store import open_store

    tmp = None
    if path.is_dir():
        from shopguide.store.importer import import_path

        tmp = Path(tempfile.mkdtemp()) / "store.sqlite"
        db = open_store(tmp)
        import_path(db, path)
    elif path.exists():
        db = open_store(path, create=False)
    else:
        raise FileNotFoundError(f"{path}: no store here (give a .sqlite store or a folder of CSV files)")
    try:
        settings = db.settings()
        # The model learns to quote what answers may quote: no doubted catalog sentence.
        products = [trusted(p) for p in db.all_products()]
        faqs = [trusted_faq(f) for f in db.all_faq()]
    finally:
        db.close()
        if tmp is not None:
            shutil.rmtree(tmp.parent, ignore_errors=True)
    if not products and not faqs:
        raise ValueError(f"{path}: the store has no products and no FAQ to learn from")
    store = SynthStore("target", settings, None, products, faqs)  # type: ignore[arg-type]
    rng = random.Random(0)
    trade = make_store(0).trade  # only for made-up customers' preferred brands
    store.customers = _customers(rng, trade, settings.language)
    return store


def store_corpus(store: SynthStore, qa: list[tuple[str, str]], n_train: int, n_test: int,
                 replay: float = 0.3) -> tuple[list, list]:
    """(train, test) records in the reference-tag form: the store's exchanges with different
    seeds, its Q&A pairs as quoted policies, plus replay of generated stores."""
    train = list(corpus_mod.store_examples(store, n_train, 11, "train"))
    test = list(corpus_mod.store_examples(store, n_test, 99, "test"))
    if qa:
        faqs = [FaqEntry(f"qa{i}", q, a) for i, (q, a) in enumerate(qa, 1)]
        train.extend(corpus_mod.faq_records(faqs, "qa", store.lang, 5, copies=3))
    n_replay = int(len(train) * replay / (1 - replay))
    seeds = range(900_000, 900_000 + max(1, n_replay // 40))
    for s in seeds:
        train.extend(corpus_mod.store_examples(make_store(s, name_styles=True), 40, s, "train"))
    random.Random(3).shuffle(train)
    return train, test


def finetune(base: str, store_path: Path, out: Path, qa: Path | None = None, minutes: float = 10.0,
             threads: int | None = None, progress: Callable[[Progress], None] | None = None,
             cancel: threading.Event | None = None, log: Callable[[str], None] = print,
             eval_answers: int = 60, phase: Callable[[str], None] | None = None,
             reviewed: bool = False) -> dict:
    """``phase`` hears each stage as it starts ("evaluating-before", "training", "saving",
    "evaluating-after"), so a progress display can say what the untimed stages are doing.
    ``reviewed``: also learn the questions the merchant reviewed in the store file."""
    import torch

    # Training widens torch's thread pool; the app's runtime (same process when the
    # app fine-tunes in-process) is tuned for its own count, so put it back afterwards.
    previous = torch.get_num_threads()
    try:
        return _finetune(base, store_path, out, qa, minutes, threads, progress, cancel, log, eval_answers,
                         phase or (lambda _p: None), reviewed)
    finally:
        torch.set_num_threads(previous)


def _finetune(base: str, store_path: Path, out: Path, qa: Path | None, minutes: float,
              threads: int | None, progress: Callable[[Progress], None] | None,
              cancel: threading.Event | None, log: Callable[[str], None], eval_answers: int,
              phase: Callable[[str], None], reviewed: bool = False) -> dict:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from shopguide.llm.loader import resolve_spec
    from shopguide.training.data import tokenize_pairs
    from shopguide.training.pipeline import hardware, save_model
    from shopguide.training.train import train

    if threads:
        torch.set_num_threads(threads)
    src = resolve_spec(base)
    card_src = src / "model_card.json"
    card = json.loads(card_src.read_text(encoding="utf-8")) if card_src.exists() else {}
    store = load_store(store_path)
    pairs = merchant_pairs(store_path, qa, reviewed)
    train_recs, test_recs = store_corpus(store, pairs, n_train=max(200, len(store.products) * 12),
                                         n_test=eval_answers)
    log(f"store: {len(store.products)} products, {len(store.faqs)} FAQ, {len(pairs)} Q&A pairs; "
        f"{len(train_recs)} training exchanges")
    phase("evaluating-before")
    # A model never taught the tags (a plain GPT-2) measures near nothing: that is the point.
    before = _measure(test_recs, src)
    log("before: " + json.dumps(before, ensure_ascii=False))
    tok = AutoTokenizer.from_pretrained(str(src))
    if tok.eos_token_id is None:
        raise ValueError(f"{src}: the tokenizer has no end-of-text token")
    model = AutoModelForCausalLM.from_pretrained(str(src))
    added = _add_tags(tok, model)
    if added:
        log(f"the base model did not know the reference tags: {added} added to its vocabulary")
    ctx = int(getattr(model.config, "n_positions", 0) or getattr(model.config, "max_position_embeddings", 512))
    max_len = min(ctx, 640)  # tagged prompts spell out every fact
    items = tokenize_pairs(tok, [(r.context, r.target) for r in train_recs], max_len)
    val = tokenize_pairs(tok, [(r.context, r.target) for r in test_recs], max_len)
    # The step count only shapes the schedule; the time budget ends the run.
    cfg = TrainConfig(lr=4e-4, warmup_steps=20, max_steps=max(50, int(minutes * 60)), batch_size=8,
                      eval_every=50, eval_examples=64, patience=6, max_minutes=minutes,
                      time_schedule=True, threads=threads)
    phase("training")  # before the work folder exists: a cancel raised here leaves none behind
    work = Path(tempfile.mkdtemp(prefix="shopguide-ft-"))
    try:
        result = train(model, items, val, tok.eos_token_id, cfg, work, progress=progress, cancel=cancel)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if result.stopped == "cancelled":
        raise ValueError("fine-tuning was cancelled; nothing was written")
    card["fine_tuned"] = {"from": base, "store_products": len(store.products), "store_faq": len(store.faqs),
                          "qa_pairs": len(pairs), "train_exchanges": len(train_recs),
                          "steps": result.steps, "seconds": round(result.elapsed_s, 1),
                          "best_val_loss": result.best_val_loss, "hardware": hardware()}
    phase("saving")
    card["prompt_format"] = TAGGED_FORMAT
    save_model(model, src, out, card, (r.target for r in train_recs), base=src)
    if added:
        tok.save_pretrained(str(out))  # the vocabulary with the tags, over the base's copy
    for name in TOKENIZER_FILES:  # a cached HF GPT-2 may name its files differently
        if not (out / name).exists() and (src / name).exists():
            shutil.copy(src / name, out / name)
    phase("evaluating-after")
    after = _measure(test_recs, out)
    card["fine_tuned"]["before"], card["fine_tuned"]["after"] = before, after
    (out / "model_card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"before": before, "after": after, "steps": result.steps, "out": str(out),
            "stopped": result.stopped, "seconds": round(result.elapsed_s, 1), "minutes": minutes}


def _measure(records: list, folder: Path) -> dict:
    from shopguide.training.evaluate_tagged import evaluate_tagged, tagged_answerer

    return evaluate_tagged(records, tagged_answerer(str(folder)), keep_samples=0).summary()


def _add_tags(tok, model) -> int:
    """Give a base model the reference tags as whole tokens (new rows of its embedding)."""
    from shopguide.guide.refs import all_tags

    missing = [t for t in all_tags() if len(tok.encode(t)) != 1]
    if missing:
        tok.add_tokens(missing)
        model.resize_token_embeddings(len(tok))
    return len(missing)
