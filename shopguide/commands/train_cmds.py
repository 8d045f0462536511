"""``shopguide train``: rebuild the bundled model, or fine-tune a model on one store.

    shopguide train --preset bundled [--out FOLDER]
    shopguide train --from bundled|FOLDER --store STORE [--qa PAIRS.csv] [--reviewed] --minutes N
                    --out FOLDER [--progress-json] [--stdin-cancel]

Fine-tuning writes the model into a hidden sibling folder (``.NAME.partial``) and
renames it to ``--out`` only once it is complete, so a cancelled, failed or killed
run never leaves a half-written model where the app would look for one.

With ``--progress-json`` every line on standard output is one JSON object (the app
reads them to draw its progress bar)::

    {"event": "phase", "phase": "loading" | "evaluating-before" | "training" | "saving" | "evaluating-after"}
    {"event": "progress", "phase": "training", "step": 12, "max_steps": 600, "fraction": 0.02,
     "loss": 2.31, "val_loss": null, "best_val_loss": null, "elapsed_s": 3.1, "minutes": 10}
    {"event": "log", "message": "..."}
    {"event": "done", "phase": "done", "report": {"before": {...}, "after": {...}, "steps": 600, "out": "..."}}
    {"event": "cancelled"}                      (exit status 1; nothing written)
    {"event": "error", "message": "..."}        (exit status 1, 2 for a bad argument; also on stderr)

``fraction`` is the larger of the step and the time-budget fractions (the budget
usually ends the run). With ``--stdin-cancel`` a line ``cancel`` on standard input,
or standard input closing (the app that started the run is gone), stops the run.

Registering imports nothing heavy; torch and transformers load in the handler.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the bundled model, or fine-tune a model on a store",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--preset", choices=("bundled", "tiny"),
                   help="rebuild a model from scratch ('tiny': seconds, for tests)")
    p.add_argument("--from", dest="base", metavar="MODEL",
                   help="fine-tune this model: 'bundled', a model folder, or a cached HF id")
    # The top-level --store is also accepted; this one reads naturally after `train`.
    p.add_argument("--store", dest="train_store", metavar="STORE",
                   help="store database (.sqlite) or store folder (products.csv, faq.csv) to fine-tune on")
    p.add_argument("--qa", metavar="PAIRS.csv", help="extra question,answer pairs to learn")
    p.add_argument("--reviewed", action="store_true",
                   help="also learn the questions reviewed in the store file (shopguide review)")
    p.add_argument("--minutes", type=float, default=10.0, help="time budget for fine-tuning (default 10)")
    p.add_argument("--out", metavar="FOLDER", help="where the model is written")
    p.add_argument("--workdir", metavar="DIR",
                   help="corpus, tokenizer and checkpoints (default: the user data folder)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run from its checkpoint")
    p.add_argument("--threads", type=int, help="CPU threads for torch")
    p.add_argument("--eval-answers", type=int,
                   help="test answers to generate for the card (default 300; 60 when fine-tuning)")
    p.add_argument("--json", action="store_true", help="print the final report as JSON")
    p.add_argument("--progress-json", action="store_true",
                   help="fine-tuning: print one JSON object per line (phases, progress, final report)")
    p.add_argument("--stdin-cancel", action="store_true",
                   help="fine-tuning: stop when 'cancel' is read from standard input, or when it closes")
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
    from shopguide.config import bundled_model_dir, user_data_dir
    from shopguide.training.pipeline import run_preset
    from shopguide.training.report import evaluate_and_record

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    out = Path(args.out) if args.out else bundled_model_dir()
    workdir = Path(args.workdir) if args.workdir else user_data_dir() / "training" / out.name
    res = run_preset(args.preset, out, workdir, progress=_progress_printer(), resume=args.resume,
                     log=lambda m: print(m, flush=True))
    print(f"\ntraining {res.result.stopped} after {res.result.steps} steps, "
          f"{res.result.elapsed_s / 60:.1f} min; best validation loss {res.result.best_val_loss}")
    if res.result.stopped == "cancelled":
        return 1
    summary = evaluate_and_record(out, workdir / "corpus", args.eval_answers or 300)
    print(json.dumps(summary, ensure_ascii=False, indent=2) if args.json else _lines(summary))
    return 0


def staging_dir(out: Path) -> Path:
    """Where a fine-tuning run writes before its model is complete (beside ``out``)."""
    return out.parent / f".{out.name}.partial"


class _Cancelled(Exception):
    """Raised in the main thread when a cancel arrives outside the training loop."""


def _emit(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _json_progress(minutes: float) -> Callable:
    budget = max(minutes * 60, 1e-9)

    def show(pr) -> None:
        fraction = min(1.0, max(pr.step / max(1, pr.max_steps), pr.elapsed_s / budget))
        _emit({"event": "progress", "phase": "training", "step": pr.step, "max_steps": pr.max_steps,
               "fraction": round(fraction, 4), "loss": _num(pr.loss), "val_loss": _num(pr.val_loss),
               "best_val_loss": _num(pr.best_val_loss), "elapsed_s": round(pr.elapsed_s, 1),
               "minutes": minutes})

    return show


def _num(x: float | None) -> float | None:
    # NaN and infinity are not JSON; a reader gets null instead of a line it cannot parse.
    return round(x, 4) if isinstance(x, (int, float)) and x == x and abs(x) != float("inf") else None


class _CancelWatch:
    """Turns a cancel request into the right kind of stop for the stage that is running.

    During training the loop checks ``event`` between steps and stops cleanly; in the
    other stages (evaluation, saving) there is no such check, so the main thread is
    interrupted instead (``_thread.interrupt_main``: a KeyboardInterrupt, as for Ctrl+C).
    """

    def __init__(self) -> None:
        self.event = threading.Event()
        self.phase = "loading"
        self.finished = False
        self._lock = threading.Lock()

    def set_phase(self, phase: str) -> None:
        with self._lock:
            self.phase = phase
            late = self.event.is_set() and phase != "training"
        if late:
            raise _Cancelled()

    def request(self) -> None:
        import _thread

        with self._lock:
            if self.event.is_set() or self.finished:
                return
            self.event.set()
            interrupt = self.phase != "training"
        if interrupt:
            _thread.interrupt_main()

    def watch_stdin(self) -> None:
        def read() -> None:
            for line in sys.stdin:
                if line.strip().lower() == "cancel":
                    break
            self.request()  # a cancel line, or the end of input: whoever started us is gone

        threading.Thread(target=read, name="stdin-cancel", daemon=True).start()


def _run_finetune(args: argparse.Namespace) -> int:
    from shopguide.training.finetune import finetune

    as_json = args.progress_json
    store = args.train_store or args.store

    def fail(message: str, code: int = 1) -> int:
        if as_json:
            _emit({"event": "error", "message": message})
        print(message, file=sys.stderr)
        return code

    if not store:
        return fail("shopguide train --from: --store STORE is required (a .sqlite file or a store folder)", 2)
    if not args.out:
        return fail("shopguide train --from: --out FOLDER is required", 2)
    out = Path(args.out).expanduser()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "config.json").exists())):
        return fail(f"shopguide train: {out} already exists and is not a model folder; "
                    "choose a new folder for the fine-tuned model", 2)
    watch = _CancelWatch()
    if args.stdin_cancel:
        watch.watch_stdin()
    staging = staging_dir(out)
    if as_json:
        _emit({"event": "phase", "phase": "loading"})

    def phase(name: str) -> None:
        watch.set_phase(name)
        if as_json:
            _emit({"event": "phase", "phase": name})

    def log(message: str) -> None:
        if as_json:
            _emit({"event": "log", "message": message})
        else:
            print(message, flush=True)

    try:
        shutil.rmtree(staging, ignore_errors=True)  # left by a run that was killed
        staging.parent.mkdir(parents=True, exist_ok=True)
        report = finetune(args.base, Path(store), staging, qa=Path(args.qa) if args.qa else None,
                          minutes=args.minutes, threads=args.threads,
                          progress=_json_progress(args.minutes) if as_json else _progress_printer(),
                          cancel=watch.event, log=log, phase=phase, eval_answers=args.eval_answers or 60,
                          reviewed=args.reviewed)
        with watch._lock:
            if watch.event.is_set():
                raise _Cancelled()
            watch.finished = True  # from here on the model is complete: a cancel is too late
        _replace(staging, out)
    except (_Cancelled, KeyboardInterrupt):
        return _cancelled(staging, as_json)
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if watch.event.is_set():  # training stopped by the cancel: finetune reports it as an error
            return _cancelled(staging, as_json)
        from shopguide.llm.errors import ModelLoadError
        from shopguide.store.errors import StoreError

        if isinstance(exc, ImportError):
            return fail(f"shopguide train: fine-tuning needs torch and transformers, and this "
                        f"installation cannot load them ({exc})")
        # Bad input (store, Q&A file, model folder) is the merchant's to fix: one clear line.
        if isinstance(exc, (FileNotFoundError, ValueError, OSError, ModelLoadError, StoreError)):
            return fail(f"shopguide train: {exc}")
        raise
    except BaseException:  # SystemExit and the like: still nothing half-written
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report["out"] = str(out)
    if as_json:
        _emit({"event": "done", "phase": "done", "report": report})
    elif args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print("\nbefore: " + _lines(report["before"]))
        print("after:  " + _lines(report["after"]))
        print(f"model written to {out} (use it with --model {out})")
    return 0


def _cancelled(staging: Path, as_json: bool) -> int:
    shutil.rmtree(staging, ignore_errors=True)
    if as_json:
        _emit({"event": "cancelled"})
    print("shopguide train: fine-tuning was cancelled; nothing was written", file=sys.stderr)
    return 1


def _replace(staging: Path, out: Path) -> None:
    """Put the finished model at ``out``; an older model there is replaced only now."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _lines(summary: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in summary.items() if not isinstance(v, (dict, list)))
