"""The project's own query sets, answered from the facts alone (no model): the demo ≥ 0.98
and home & kitchen ≥ 0.9 on products_any, faq and none, no constraint violations, every
answer grounded. These are regression sets (the project wrote them); the sets it did not
write (tests/data/real_*, real2_*, written_*) have floors below: the README reports their figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shopguide import config
from shopguide.guide.engine import Engine
from shopguide.guide.evaluate import load_cases, run_eval

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    (config.demo_store_dir(), config.resource("eval", "demo.jsonl")),
    (ROOT / "tests" / "data" / "home_kitchen", ROOT / "tests" / "data" / "home_kitchen" / "queries.jsonl"),
]


BARS = {"demo": 0.98, "home_kitchen": 0.9}


@pytest.mark.slow
@pytest.mark.parametrize("store_dir, queries", SETS, ids=["demo", "home_kitchen"])
def test_query_set_meets_the_bar(store_dir: Path, queries: Path, tmp_path: Path) -> None:
    if not queries.is_file():
        pytest.skip(f"{queries} not written yet")
    from shopguide.store import open_store
    from shopguide.store.importer import import_path

    store = open_store(tmp_path / "s.sqlite")
    import_path(store, store_dir)
    report = run_eval(Engine(store), load_cases(queries))
    s = report["summary"]
    failed = [(r["id"], [k for k, v in r["checks"].items() if not v])
              for r in report["results"] if not r["passed"]]
    bar = BARS[store_dir.name if store_dir.name == "home_kitchen" else "demo"]
    for kind in ("products_any", "faq", "none"):
        assert s[kind] is None or s[kind] >= bar, (kind, failed)
    assert s["constraint_violations"] == 0, failed
    assert s["grounded_rate"] == 1.0, failed
    store.close()


# Shares of queries passed on the sets the project did not write (dev and test halves
# together), a little under what the engine scores today: a change that loses ground on
# real shoppers' words fails here even if the project's own sets still pass.
FLOORS = {"real_en": 0.75, "real_zh": 0.58, "written_zh": 0.62, "written_en": 0.65,
          "real2_zh": 0.74, "real2_en": 0.73,  # (real2_*: dev halves only)
          "written2_zh": 0.80, "written2_en": 0.77}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_sets_the_project_did_not_write_keep_their_floor(name: str, tmp_path: Path) -> None:
    from shopguide.store import open_store
    from shopguide.store.importer import import_path

    folder = ROOT / "tests" / "data" / name
    store = open_store(tmp_path / "s.sqlite")
    import_path(store, folder)
    cases = [c for part in ("dev", "test") if (folder / f"{part}.jsonl").is_file()
             for c in load_cases(folder / f"{part}.jsonl")]
    s = run_eval(Engine(store), cases)["summary"]
    assert s["passed"] / s["queries"] >= FLOORS[name], s
    assert s["constraint_violations"] <= 2 and s["grounded_rate"] >= 0.98, s
    store.close()
