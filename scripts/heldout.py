"""The app's model-written share on the generated stores the shipped model never saw.

    .venv/bin/python scripts/heldout.py                 # the bundled model, the test stores
    .venv/bin/python scripts/heldout.py --model FOLDER --split validation

Each held-out store of the bundled preset's corpus (the card's test split) is imported into a
temporary store; the single-turn questions of its test records (those asked with no earlier
turn) are then asked through the engine with the model, as a shopper would ask them. A turn
counts as the model's as in ``scripts/quality.py``: product, locate, comparison and policy
turns whose answer is the model's text. Grounded: every figure the answer gives is the store's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shopguide.guide.conversation import Conversation  # noqa: E402
from shopguide.guide.engine import Engine  # noqa: E402
from shopguide.guide.events import Done  # noqa: E402
from shopguide.llm import load_model  # noqa: E402
from shopguide.store import open_store  # noqa: E402
from shopguide.training.corpus import split_stores, store_examples  # noqa: E402
from shopguide.training.pipeline import PRESETS  # noqa: E402
from shopguide.training.synth import make_store  # noqa: E402

ANSWERED = ("find", "locate", "compare", "policy")


def questions(store, seed: int, n: int, split: str) -> list[tuple[str, str]]:
    """(kind, question) of the store's records asked with no earlier turn."""
    out = []
    for r in store_examples(store, n, seed + 7, split):
        if r.context.count("\nQ: ") + r.context.startswith("Q: ") == 1:
            out.append((r.kind, r.context.rsplit("Q: ", 1)[-1].removesuffix("\nA:").strip()))
    return out


def run(model, split: str) -> tuple[Counter, Counter]:
    spec = PRESETS["bundled"].corpus
    shares, kinds = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for s in split_stores(spec)[split]:
            synth = make_store(s, spec.coined, spec.name_styles)
            store = open_store(Path(tmp) / f"{s}.sqlite")
            st = synth.settings
            store.set_settings(name=st.name, language=st.language, currency=st.currency)
            for p in synth.products:
                store.save_product(p)
            for f in synth.faqs:
                store.save_faq(f)
            engine = Engine(store, model)
            for kind, q in questions(synth, s, max(10, spec.per_store // 3), split):
                done = [e for e in engine.answer(q, Conversation()) if isinstance(e, Done)]
                if engine.last_plan.intent not in ANSWERED or not done:
                    continue
                by = "model" if done[-1].used_model else "composed"
                shares[(synth.lang, by)] += 1
                shares[(synth.lang, "grounded")] += bool(done[-1].grounded)
                kinds[(kind, by)] += 1
            store.close()
    return shares, kinds


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="bundled")
    ap.add_argument("--split", default="test", choices=("test", "validation"))
    args = ap.parse_args()
    shares, kinds = run(load_model(args.model), args.split)
    for lang in ("zh", "en"):
        m, c = shares[(lang, "model")], shares[(lang, "composed")]
        g = shares[(lang, "grounded")]
        print(f"{lang}: {m}/{m + c} the model's ({m / max(1, m + c):.0%}), {g} grounded")
    for kind in sorted({k for k, _ in kinds}):
        m, c = kinds[(kind, "model")], kinds[(kind, "composed")]
        print(f"  {kind}: {m}/{m + c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
