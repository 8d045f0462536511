"""``shopguide bench``: speed of the model runtime (and, when the engine provides them,
retrieval and end-to-end answers) on this machine.

Registering is cheap; torch and transformers load inside the handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

DEFAULT_RETRIEVAL_SIZES = "10000,1000000"
DEFAULT_IMPORT_SIZES = "10000,100000,1000000"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bench",
        help="measure model load, first-token time, decode speed, memory",
        description="Measure the language-model runtime on this machine: model load time, time "
        "to first token after a 300-token prompt, decode tokens/s (and the same decode with "
        "transformers' generate() for comparison), peak memory. Medians over --repeat runs.",
    )
    p.add_argument("--model", dest="bench_model", metavar="SPEC",
                   help="'bundled' (default; a random stand-in of its size if it is missing), "
                        "a model folder, or a cached Hugging Face id")  # fmt: skip
    p.add_argument("--repeat", type=int, default=5, help="runs per figure; medians are shown")
    p.add_argument("--threads", type=int,
                   help="torch CPU threads (default: 1 for models under 50M parameters, which "
                        "decode fastest on one thread; 0 = torch's own choice)")  # fmt: skip
    p.add_argument("--device", default="cpu", choices=("cpu", "cuda", "auto"))
    p.add_argument("--backend", default="auto", choices=("auto", "numpy", "lean"),
                   help="the runtime measured (default: the one the app would use)")
    p.add_argument("--no-startup", action="store_true",
                   help="skip the start-up runs (a fresh process per run, each runtime: the "
                        "model alone, and the window on the demo store)")
    p.add_argument("--prompt-tokens", type=int, default=300)
    p.add_argument("--new-tokens", type=int, default=128, help="tokens decoded per run")
    p.add_argument("--no-transformers", action="store_true",
                   help="skip the comparison with transformers' generate()")  # fmt: skip
    p.add_argument("--retrieval", action="store_true", help="add retrieval p50/p95 (engine)")
    p.add_argument("--retrieval-sizes", default=DEFAULT_RETRIEVAL_SIZES, metavar="N,N",
                   help=f"catalog sizes for --retrieval (default {DEFAULT_RETRIEVAL_SIZES})")
    p.add_argument("--e2e", action="store_true",
                   help="add end-to-end answer time p50/p95 over the demo query set (engine)")
    p.add_argument("--imports", action="store_true",
                   help="add catalog imports: generated catalogs imported in a fresh process "
                        "(time, peak memory, store ÷ CSV), whole answers without the model on "
                        "each, and the first answer after a re-import (1M: ~6 minutes)")
    p.add_argument("--import-sizes", default=DEFAULT_IMPORT_SIZES, metavar="N,N",
                   help=f"catalog sizes for --imports (default {DEFAULT_IMPORT_SIZES})")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.set_defaults(handler=_bench)


def _bench(args: argparse.Namespace) -> int:
    from shopguide.llm.bench import BenchOptions, run_model_bench
    from shopguide.llm.bench_report import format_table
    from shopguide.llm.errors import ModelLoadError

    if args.repeat < 1 or args.new_tokens < 2 or args.prompt_tokens < 1:
        print("error: --repeat must be ≥ 1, --new-tokens ≥ 2, --prompt-tokens ≥ 1", file=sys.stderr)
        return 2
    opts = BenchOptions(
        model=args.bench_model or getattr(args, "model", None) or "bundled",
        repeat=args.repeat,
        prompt_tokens=args.prompt_tokens,
        new_tokens=args.new_tokens,
        threads=args.threads,
        device=args.device,
        compare_hf=not args.no_transformers,
        backend=args.backend,
    )
    log = (lambda s: None) if args.json else (lambda s: print(s, file=sys.stderr, flush=True))
    try:
        report = run_model_bench(opts, log)
    except ModelLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not args.no_startup and args.device == "cpu":
        from shopguide.llm.bench_startup import startup_bench

        log("timing start-up in fresh processes, each runtime …")
        # (Without a bundled model the runs fail, and the table says so in a sentence.)
        report.extra["startup"] = startup_bench(opts.model, repeat=min(args.repeat, 3),
                                                prompt_tokens=args.prompt_tokens)
        if opts.model == "bundled":
            from shopguide.llm.bench_startup import window_bench

            log("timing the window's start on the demo store, each runtime …")
            report.extra["window"] = window_bench(repeat=min(args.repeat, 3))
    if args.retrieval:
        report.extra["retrieval"] = _run_hook("retrieval_bench", log, _sizes(args.retrieval_sizes))
    if args.e2e:
        report.extra["e2e"] = _run_hook("e2e_bench", log, lambda: _store(args), report.loaded)
    if args.imports:
        report.extra["imports"] = _run_hook("import_bench", log, _sizes(args.import_sizes))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(format_table(report))
    return 0


def _sizes(text: str) -> list[int]:
    return [int(x.replace("_", "")) for x in text.split(",") if x.strip()]


def _store(args: argparse.Namespace) -> Any:
    from shopguide.store.location import open_from_args

    if not getattr(args, "store", None) and not getattr(args, "demo", False):
        args.demo = True  # the end-to-end figures are defined over the demo query set
    return open_from_args(args)


def _run_hook(name: str, log: Any, *params: Any) -> Any:
    from shopguide.llm.bench import optional_hook

    fn = optional_hook(name)
    if fn is None:
        return "not available yet"
    log(f"running {name} …")
    resolved = [p() if callable(p) else p for p in params]
    return fn(*resolved)
