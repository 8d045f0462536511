"""Why the model's text was not the answer: each product, comparison or policy turn of one
query set that was composed, with the model's raw attempts and the engine's reasons for
dropping their sentences (its INFO log). Used by ``scripts/quality.py --why``.

The engine logs no customer data at INFO (the reasons name checks, not text); the raw
attempts are the model's tagged text, printed here for a developer on a test store.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from shopguide.guide.engine import Engine


class _Recorder(logging.Handler):
    """The engine's reasons, by the question being answered."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.question = ""
        self.lines: dict[str, list[str]] = defaultdict(list)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("dropped a model sentence") or "showed nothing" in message:
            self.lines[self.question].append(message)


class _Watched:
    """The model, with each attempt's raw text recorded under the question it answers."""

    def __init__(self, model: Any, recorder: _Recorder) -> None:
        self._model, self._recorder = model, recorder

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def stream(self, *args: Any, **kwargs: Any) -> Any:
        inner = self._model.stream(*args, **kwargs)
        recorder = self._recorder

        class Recorded:
            token_ids = getattr(inner, "token_ids", None)

            def __iter__(self):
                said: list[str] = []
                try:
                    for piece in inner:
                        said.append(piece)
                        yield piece
                finally:
                    recorder.lines[recorder.question].append("raw: " + "".join(said).strip())

            def close(self) -> None:
                getattr(inner, "close", lambda: None)()

            def read_all(self) -> str:
                for _ in self:
                    pass
                for found in getattr(inner, "candidates", []):
                    recorder.lines[recorder.question].append(
                        f"beam ({found.score:.1f}): {found.text.strip()}")
                return inner.text

            @property
            def candidates(self) -> list:
                return getattr(inner, "candidates", [])

        return Recorded()


def why(run: Any, name: str, part: str, tmp: Path, model: Any, answered: tuple[str, ...]) -> None:
    """Print each turn of ``answered`` intents that the model did not write, and why."""
    recorder = _Recorder()
    log = logging.getLogger("shopguide")
    old_level = log.level
    log.addHandler(recorder)
    log.setLevel(logging.INFO)
    answer = Engine.answer

    def answer_noting(self: Engine, question: str, *args: Any, **kwargs: Any):
        recorder.question = question
        yield from answer(self, question, *args, **kwargs)

    Engine.answer = answer_noting  # type: ignore[method-assign]
    try:
        results = run(name, part, tmp, _Watched(model, recorder))["results"]
    finally:
        Engine.answer = answer  # type: ignore[method-assign]
        log.removeHandler(recorder)
        log.setLevel(old_level)
    for r in results:
        turn = r["turn"]
        if turn["intent"] in answered and turn["by"] != "model":
            print(f"[{turn['intent']}] {turn['question']}")
            for line in recorder.lines.get(turn["question"], []):
                print("    " + line)
