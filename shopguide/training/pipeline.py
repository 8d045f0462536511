"""From nothing to a model folder: corpus → tokenizer → GPT-2 → training → saved model.

``PRESETS["bundled"]`` is the recipe of the model shipped in
``resources/models/shopguide-gpt2``; ``PRESETS["tiny"]`` runs in seconds for tests.
"""

from __future__ import annotations

import json
import platform
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from shopguide.guide import answer_shapes
from shopguide.guide.refs import TAGGED_FORMAT, all_tags
from shopguide.training import corpus as corpus_mod
from shopguide.training.data import tokenize_pairs
from shopguide.training.tokenizer import load_tokenizer, train_tokenizer
from shopguide.training.train import Progress, TrainConfig, TrainResult, train



@dataclass
class ModelShape:
    n_layer: int = 4
    n_embd: int = 256
    n_head: int = 4
    n_positions: int = 512


@dataclass
class Preset:
    corpus: corpus_mod.CorpusSpec
    vocab_size: int
    shape: ModelShape
    train: TrainConfig
    max_len: int = 640
    # Further stages: each restarts warm-up and decay from the best weights of the one before.
    more: tuple[TrainConfig, ...] = ()


PRESETS: dict[str, Preset] = {
    # The shipped model: answers with reference tags (issue 13), one stage sized to finish
    # within ~80 minutes on two threads (it stopped at its 6,000 steps after ~60).
    "bundled": Preset(
        corpus=corpus_mod.CorpusSpec(stores=420, per_store=60, validation_stores=20,
                                     test_stores=30, seed=2024, coined=0.4),
        vocab_size=6000,
        shape=ModelShape(n_layer=4, n_embd=256, n_head=4, n_positions=768),
        train=TrainConfig(lr=2e-3, warmup_steps=100, max_steps=6000, batch_size=16,
                          eval_every=250, eval_examples=192, patience=6, max_minutes=80, threads=2,
                          time_schedule=True),
    ),
    "tiny": Preset(
        corpus=corpus_mod.CorpusSpec(stores=14, per_store=12, validation_stores=2, test_stores=2),
        vocab_size=500,
        shape=ModelShape(n_layer=1, n_embd=32, n_head=2, n_positions=768),
        train=TrainConfig(lr=3e-3, warmup_steps=5, max_steps=30, batch_size=8, eval_every=10,
                          eval_examples=32, patience=10, threads=1),
        more=(TrainConfig(lr=1e-3, warmup_steps=2, max_steps=10, batch_size=8, eval_every=5,
                          eval_examples=32, patience=10, threads=1, seed=7),),
    ),
}


def new_model(vocab_size: int, shape: ModelShape, eos_id: int, seed: int):
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(seed)
    cfg = GPT2Config(vocab_size=vocab_size, n_positions=shape.n_positions, n_embd=shape.n_embd,
                     n_layer=shape.n_layer, n_head=shape.n_head, resid_pdrop=0.0, embd_pdrop=0.0,
                     attn_pdrop=0.0, bos_token_id=eos_id, eos_token_id=eos_id, pad_token_id=eos_id,
                     tie_word_embeddings=True)
    return GPT2LMHeadModel(cfg)


def save_model(model, tokenizer_dir: Path, out: Path, card: dict,
               answers: Iterable[str] = (), base: Path | None = None) -> None:
    """Weights (safetensors), config, tokenizer files, generation config and model card; and
    the word orders of the training ``answers`` (with those of the ``base`` it was tuned
    from), which the runtime holds the model's sentences to (``guide/answer_shapes.py``)."""
    out.mkdir(parents=True, exist_ok=True)
    model.generation_config.eos_token_id = model.config.eos_token_id
    model.generation_config.pad_token_id = model.config.eos_token_id
    model.generation_config.do_sample = False
    model.generation_config.max_new_tokens = 120
    model.save_pretrained(str(out), safe_serialization=True)
    for name in ("tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json",
                 "special_tokens_map.json"):
        if (tokenizer_dir / name).exists() and tokenizer_dir.resolve() != out.resolve():
            shutil.copy(tokenizer_dir / name, out / name)
    (out / "model_card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    answer_shapes.save(out, answers, base)


def corpus_for(spec: corpus_mod.CorpusSpec, folder: Path,
            log: Callable[[str], None]) -> list[corpus_mod.Record]:
    """Build the corpus, or reuse the one in ``folder`` if it was built from the same spec."""
    key = json.dumps({**asdict(spec), "format": TAGGED_FORMAT}, sort_keys=True)
    stamp = folder / "spec.json"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == key:
        log(f"corpus: reusing {folder}")
        return [r for split in corpus_mod.SPLITS for r in corpus_mod.load(folder, split)]
    records = corpus_mod.build(spec)
    corpus_mod.save(records, folder)
    stamp.write_text(key, encoding="utf-8")
    return records


def prompt_lengths(items: list) -> dict[str, int]:
    """How long the training prompts are (tokens): the runtime keeps a prompt within what
    nine in ten of them stayed within (``p90``; ``LoadedModel.prompt_budget``): the model
    saw few prompts longer, none past the longest, and writes fragments there."""
    n = sorted(t.n_context for t in items)
    if not n:
        return {}
    at = lambda pct: n[min(len(n) - 1, len(n) * pct // 100)]  # noqa: E731
    return {"median": n[len(n) // 2], "p90": at(90), "p99": at(99), "max": n[-1]}


def hardware() -> dict:
    return {"cpu": platform.processor() or platform.machine(), "threads": torch.get_num_threads(),
            "torch": torch.__version__, "python": platform.python_version()}


@dataclass
class PipelineResult:
    out: Path
    result: TrainResult
    corpus_stats: dict
    params: int
    card: dict = field(default_factory=dict)


def stage_record(cfg: TrainConfig, result: TrainResult) -> dict:
    return {**asdict(cfg), "steps": result.steps, "best_step": result.best_step,
            "best_val_loss": result.best_val_loss, "stopped": result.stopped,
            "train_seconds": round(result.elapsed_s, 1), "history": result.history}


def run_preset(name: str, out: Path, workdir: Path,
               progress: Callable[[Progress], None] | None = None,
               cancel: threading.Event | None = None, resume: bool = False,
               log: Callable[[str], None] = print) -> PipelineResult:
    """Build the corpus and tokenizer, then train each stage; the model is saved after each.

    With ``resume``, stages already saved in ``out`` are skipped and the current one
    continues from its checkpoint.
    """
    from transformers import GPT2LMHeadModel

    preset = PRESETS[name]
    t0 = time.monotonic()
    records = corpus_for(preset.corpus, workdir / "corpus", log)
    stats = corpus_mod.stats(records)
    log(f"corpus: {stats['examples']} examples, stores {stats['stores']}")
    stages = [preset.train, *preset.more]
    card_path = out / "model_card.json"
    done: list[dict] = []
    if resume and card_path.exists():
        old = json.loads(card_path.read_text(encoding="utf-8"))
        if old.get("preset") == name:
            done = old.get("training", {}).get("stages", [])
    tok_dir = workdir / "tokenizer"
    train_recs = [r for r in records if r.split == "train"]
    if done:
        tok_dir = out
        model = GPT2LMHeadModel.from_pretrained(str(out))
        log(f"resuming after stage {len(done)} of {len(stages)}")
    else:
        train_tokenizer((r.context + r.target for r in train_recs), tok_dir, preset.vocab_size,
                        tags=all_tags())
    tok = load_tokenizer(tok_dir)
    if not done:
        model = new_model(len(tok), preset.shape, tok.eos_token_id, preset.train.seed)
    train_items = tokenize_pairs(tok, [(r.context, r.target) for r in train_recs], preset.max_len)
    val_items = tokenize_pairs(tok, [(r.context, r.target) for r in records if r.split == "validation"],
                               preset.max_len)
    stats["train_tokens"] = sum(len(t.ids) for t in train_items)
    stats["prompt_tokens"] = prompt_lengths(train_items)
    stats["vocab_size"] = len(tok)
    params = sum(p.numel() for p in model.parameters())
    log(f"model: {params / 1e6:.2f}M parameters; {len(train_items)} training examples, "
        f"{stats['train_tokens']} tokens")
    card = {
        "name": "shopguide-gpt2",
        "preset": name,
        "architecture": "GPT2LMHeadModel",
        "shape": asdict(preset.shape),
        "parameters": params,
        "corpus": stats,
        "training": {"stages": done},
        "hardware": hardware(),
        "prompt_format": TAGGED_FORMAT,
    }
    result = None
    for i in range(len(done), len(stages)):
        # Each stage after the first starts a fresh warm-up and decay from the best weights so far.
        run_dir = workdir / ("run" if i == 0 else f"run{i + 1}")
        result = train(model, train_items, val_items, tok.eos_token_id, stages[i], run_dir,
                       resume=resume, progress=progress, cancel=cancel)
        if result.stopped == "cancelled":
            break
        card["training"]["stages"].append(stage_record(stages[i], result))
        st = card["training"]["stages"]
        card["training"]["steps"] = sum(x["steps"] for x in st)
        card["training"]["train_seconds"] = round(sum(x["train_seconds"] for x in st), 1)
        card["training"]["best_val_loss"] = result.best_val_loss
        card["training"]["wall_seconds_this_run"] = round(time.monotonic() - t0, 1)
        save_model(model, tok_dir, out, card, (r.target for r in train_recs))
        log(f"stage {i + 1}/{len(stages)}: {result.stopped} after {result.steps} steps, "
            f"best validation loss {result.best_val_loss}")
    if result is None:  # every stage was already done
        result = TrainResult(0, card["training"].get("best_val_loss"), 0, float("nan"), 0.0, "done")
    return PipelineResult(out, result, stats, params, card)
