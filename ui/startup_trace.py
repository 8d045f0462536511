"""Start-up timestamps for ``shopguide bench`` (shopguide/llm/bench_startup.py).

With SHOPGUIDE_STARTUP_TRACE naming a file, the window writes there, as one JSON object,
the wall-clock moments it was shown, its store was ready, its model was ready (or failed),
and its first answer was complete; then it quits. The bench starts the app in a fresh
process per run and subtracts the moment it started it. Nothing is traced otherwise.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from ui.qt import QApplication, QTimer

ENV = "SHOPGUIDE_STARTUP_TRACE"
QUESTION = "退货政策是什么？"  # a policy answer: the model writes it on the demo store


def install(app: QApplication, window: Any) -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    marks: dict[str, Any] = {}
    client = window.client

    def mark(name: str) -> None:
        marks.setdefault(name, time.time())

    def model_done(ok: bool) -> None:
        mark("model")
        marks["model_ok"] = ok
        window.chat.ask(QUESTION)

    def answered(_done: Any) -> None:
        mark("answer")
        Path(path).write_text(json.dumps(marks), encoding="utf-8")
        app.quit()

    QTimer.singleShot(0, lambda: mark("window"))  # the first turn of the event loop
    client.storeReady.connect(lambda _info: mark("store"))
    client.modelReady.connect(lambda _name: model_done(True))
    client.modelFailed.connect(lambda _msg: model_done(False))
    client.done.connect(answered)
