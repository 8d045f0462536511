"""A second training stage on a model's weights, on the ``train --preset`` corpus the code
builds today: how the shipped model of session 17 was made from session 10's weights.

    .venv/bin/python scripts/second_stage.py --base resources/models/shopguide-gpt2 \
        --out /tmp/stage2 --workdir /tmp/stage2-work [--steps 1800]

The base keeps its tokenizer; the stage restarts warm-up and decay (learning rate 5e-4 to
5e-5) and keeps the best weights by validation loss. The card gains the stage's record and
the prompt form the corpus is written in. About 25 minutes on the 2-core VM.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shopguide.guide.refs import TAGGED_FORMAT  # noqa: E402
from shopguide.training.data import tokenize_pairs  # noqa: E402
from shopguide.training.pipeline import (  # noqa: E402
    PRESETS, corpus_for, prompt_lengths, save_model, stage_record)
from shopguide.training.tokenizer import load_tokenizer  # noqa: E402
from shopguide.training.train import Progress, TrainConfig, train  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, required=True, help="the model folder to continue")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--workdir", type=Path, required=True, help="corpus and checkpoints")
    ap.add_argument("--preset", default="bundled", choices=sorted(PRESETS))
    ap.add_argument("--steps", type=int, default=1800)
    ap.add_argument("--minutes", type=float, default=45)
    args = ap.parse_args()
    from transformers import GPT2LMHeadModel

    preset = PRESETS[args.preset]
    records = corpus_for(preset.corpus, args.workdir / "corpus", print)
    tok = load_tokenizer(args.base)
    model = GPT2LMHeadModel.from_pretrained(str(args.base))
    train_recs = [r for r in records if r.split == "train"]
    pairs = {s: [(r.context, r.target) for r in records if r.split == s]
             for s in ("train", "validation")}
    cfg = TrainConfig(lr=5e-4, min_lr_ratio=0.1, warmup_steps=50, max_steps=args.steps,
                      batch_size=16, eval_every=250, eval_examples=192, patience=6,
                      max_minutes=args.minutes, threads=2, time_schedule=True, seed=4321)

    def show(p: Progress) -> None:
        if p.val_loss is not None:
            print(f"step {p.step} loss {p.loss:.3f} val {p.val_loss:.3f} "
                  f"{p.elapsed_s / 60:.1f} min", flush=True)

    train_items = tokenize_pairs(tok, pairs["train"], preset.max_len)
    result = train(model, train_items, tokenize_pairs(tok, pairs["validation"], preset.max_len),
                   tok.eos_token_id, cfg, args.workdir / "run", progress=show)
    card_path = args.base / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    card.setdefault("training", {}).setdefault("stages", []).append(stage_record(cfg, result))
    card["prompt_format"] = TAGGED_FORMAT
    # The runtime fits prompts to the longest the model was trained on (its card says).
    card.setdefault("corpus", {})["prompt_tokens"] = prompt_lengths(train_items)
    save_model(model, args.base, args.out, card, (r.target for r in train_recs), base=args.base)
    print("done:", result.stopped, "best validation loss", result.best_val_loss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
