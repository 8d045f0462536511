"""The table ``shopguide bench`` prints (the JSON form is ``BenchReport.as_dict``)."""

from __future__ import annotations

import json
from typing import Any

from shopguide.llm.bench import TARGETS, BenchReport


def _ms(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 1e3:.0f} ms"


def _per_s(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0f} tokens/s"


def _times(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1f}×"


def _check(value: float | None, limit: float, at_most: bool) -> str:
    if value is None:
        return "n/a"
    return "ok" if (value <= limit if at_most else value >= limit) else "MISSED"


def format_table(r: BenchReport) -> str:
    m, rt, hf = r.machine, r.runtime, r.transformers
    load = m.get("load_average")
    lines = [
        f"ShopGuide bench — {m['cpu']}, {m['cores']} cores, torch {m['torch']} with "
        f"{m['torch_threads']} thread(s)" + (f", load average {load[0]}" if load else ""),
        f"model: {r.model['name']} — {r.model['parameters'] / 1e6:.1f}M parameters, context "
        f"{r.model['context_length']}, {r.model['device']} {r.model['dtype']}, "
        f"backend {rt['backend']}",
    ]
    lines += [f"note: {n}" for n in r.notes]
    rows: list[tuple[str, str, str, str]] = []
    if rt.get("import_s") is not None:
        rows.append(("import the runtime (once per process)", _ms(rt["import_s"]), "", ""))
    rows += [
        ("model load", _ms(rt["load_s"]), f"≤ {_ms(TARGETS['load_s'])}",
         _check(rt["load_s"], TARGETS["load_s"], True)),
        (f"first token ({rt['prompt_tokens']}-token prompt)", _ms(rt["first_token_s"]),
         f"≤ {_ms(TARGETS['first_token_s'])}",
         _check(rt["first_token_s"], TARGETS["first_token_s"], True)),
        (f"decode ({rt['new_tokens']} tokens)", _per_s(rt["decode_tok_s"]),
         f"≥ {TARGETS['decode_tok_s']:.0f}", _check(rt["decode_tok_s"], TARGETS["decode_tok_s"], False)),
        ("  in CPU time: first token", _ms(rt["first_token_cpu_s"]), "", ""),
        ("  in CPU time: decode", _per_s(rt["decode_tok_per_cpu_s"]), "", ""),
    ]  # fmt: skip
    if hf:
        rows += [
            ("transformers generate(): first token", _ms(hf["first_token_s"]), "", ""),
            ("transformers generate(): decode", _per_s(hf["decode_tok_s"]), "", ""),
            ("  in CPU time: decode", _per_s(hf["decode_tok_per_cpu_s"]), "", ""),
            ("decode speed-up over transformers", _times(hf.get("speedup")), "",
             "same tokens" if hf["same_tokens"] else "TOKENS DIFFER"),
            ("  in CPU time", _times(hf.get("speedup_cpu")), "", ""),
        ]  # fmt: skip
    rows.append(("peak memory (RSS, before transformers)", f"{rt['peak_rss_mb']:.0f} MB", "", ""))
    width = max(len(row[0]) for row in rows) + 2
    lines.append("")
    lines.append(f"{'median of ' + str(len(rt['runs']['load_s'])) + ' runs':<{width}}"
                 f"{'value':>16}  {'target':>10}")  # fmt: skip
    for name, value, target, verdict in rows:
        lines.append(f"{name:<{width}}{value:>16}  {target:>10}  {verdict}".rstrip())
    if "startup" in r.extra:
        from shopguide.llm.bench_startup import format_startup

        startup = r.extra["startup"]
        lines += ["", "start-up (a fresh process per run, medians):",
                  format_startup(startup) if isinstance(startup, dict) else f"  {startup}"]
    if "window" in r.extra:
        from shopguide.llm.bench_startup import format_window

        win = r.extra["window"]
        lines += ["", "the window on the demo store, after process start (medians):",
                  format_window(win) if isinstance(win, dict) else f"  {win}"]
    for key, title in (("retrieval", "retrieval"), ("e2e", "end-to-end answers"),
                       ("imports", "catalog imports (issue 16: 1M ≤ 6 min, ≤ 1 GB; store ≤ 3× "
                                   "the CSV; answer p95 ≤ 30 ms at 1M; first answer after an "
                                   "import ≤ 100 ms)")):
        if key in r.extra:
            lines.append("")
            lines.append(f"{title}: " + _render(r.extra[key]))
    lines.append("")
    lines.append("Wall-clock figures are medians over the runs; \"in CPU time\" divides by the CPU "
                 "seconds the process used, which is what the figure would be with the cores to "
                 "ourselves on a busy machine.")  # fmt: skip
    return "\n".join(lines)


def _render(value: Any) -> str:
    """Whatever the engine's hooks return, shown readably."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n" + "\n".join(f"  {k}: {_scalar(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "\n" + "\n".join(f"  {_scalar(v)}" for v in value)
    return _scalar(value)


def _scalar(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, dict):
        return "  ".join(f"{k} {_scalar(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)
