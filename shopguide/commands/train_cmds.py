"""``shopguide train``: rebuild the bundled model, or fine-tune a model on one store.

    shopguide train --preset bundled [--out FOLDER]
    shopguide train --from bundled|FOLDER --store STORE [--qa PAIRS.csv] --minutes N --out FOLDER

Registering imports nothing heavy; torch and transformers load in the handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the bundled model, or fine-tune a model on a store",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--preset", choices=("bundled", "tiny"), help="rebuild a model from scratch")
    p.add_argument("--from", dest="base", metavar="MODEL",
                   help="fine-tune this model: 'bundled', a model folder, or a cached HF id")
    # The top-level --store is also accepted; this one reads naturally after `train`.
    p.add_argument("--store", dest="train_store", metavar="STORE",
                   help="store database (.sqlite) or store folder (products.csv, faq.csv) to fine-tune on")
    p.add_argument("--qa", metavar="PAIRS.csv", help="extra question,answer pairs to learn")
    p.add_argument("--minutes", type=float, default=10.0, help="time budget for fine-tuning (default 10)")
    p.add_argument("--out", metavar="FOLDER", help="where the model is written")
    p.add_argument("--workdir", metavar="DIR",
                   help="corpus, tokenizer and checkpoints (default: the user data folder)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run from its checkpoint")
    p.add_argument("--threads", type=int, help="CPU threads for torch")
    p.add_argument("--eval-answers", type=int, default=300, help="test answers to generate for the card")
    p.add_argument("--json", action="store_true", help="print the final report as JSON")
    p.set_defaults(handler=run)


def _progress_printer():
    last = {"pct": -1}

    def show(pr) -> None:
        pct = int(1000 * pr.step / max(1, pr.max_steps))
        if pr.val_loss is not None or pct != last["pct"]:
            last["pct"] = pct
            val = f" val {pr.val_loss:.3f}" if pr.val_loss is not None else ""
            print(f"\r[{pct / 10:5.1f}%] step {pr.step}/{pr.max_steps} loss {pr.loss:.3f}{val} "
                  f"lr {pr.lr:.2e} {pr.elapsed_s / 60:.1f} min", end="\n" if val else "", flush=True)

    return show


def run(args: argparse.Namespace) -> int:
    if bool(args.preset) == bool(args.base):
        print("shopguide train: give either --preset NAME or --from MODEL (with --store)", file=sys.stderr)
        return 2
    if args.preset:
        return _run_preset(args)
    return _run_finetune(args)


def _run_preset(args: argparse.Namespace) -> int:
    from shopguide.config import bundled_model_dir, demo_store_dir, user_data_dir
    from shopguide.training.pipeline import run_preset
    from shopguide.training.report import evaluate_and_record

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    out = Path(args.out) if args.out else bundled_model_dir()
    workdir = Path(args.workdir) if args.workdir else user_data_dir() / "training" / out.name
    res = run_preset(args.preset, out, workdir, demo_faq=demo_store_dir() / "faq.csv",
                     progress=_progress_printer(), resume=args.resume,
                     log=lambda m: print(m, flush=True))
    print(f"\ntraining {res.result.stopped} after {res.result.steps} steps, "
          f"{res.result.elapsed_s / 60:.1f} min; best validation loss {res.result.best_val_loss}")
    if res.result.stopped == "cancelled":
        return 1
    summary = evaluate_and_record(out, workdir / "corpus", args.eval_answers)
    print(json.dumps(summary, ensure_ascii=False, indent=2) if args.json else _lines(summary))
    return 0


def _run_finetune(args: argparse.Namespace) -> int:
    from shopguide.training.finetune import finetune

    store = args.train_store or args.store
    if not store:
        print("shopguide train --from: --store STORE is required (a .sqlite file or a store folder)",
              file=sys.stderr)
        return 2
    if not args.out:
        print("shopguide train --from: --out FOLDER is required", file=sys.stderr)
        return 2
    try:
        report = finetune(args.base, Path(store), Path(args.out), qa=Path(args.qa) if args.qa else None,
                          minutes=args.minutes, threads=args.threads, progress=_progress_printer(),
                          log=print)
    except (FileNotFoundError, ValueError) as exc:
        print(f"shopguide train: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print("\nbefore: " + _lines(report["before"]))
        print("after:  " + _lines(report["after"]))
        print(f"model written to {args.out} (use it with --model {args.out})")
    return 0


def _lines(summary: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in summary.items() if not isinstance(v, (dict, list)))
