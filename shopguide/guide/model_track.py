"""Whether the model has been worth asking lately.

A model whose answers never hold on a store (they name nothing the turn is about, or fail
the checks; a catalog far from anything it was trained on) only delays the composed answer:
the shopper waits for the model's whole attempt before the facts' answer starts. After ``window`` attempts in
a row with nothing kept, the engine asks the model only every ``probe_every``-th time, so it
comes back as soon as it helps again (a fine-tuned model, a changed catalog).
"""

from __future__ import annotations

from collections import deque


class ModelTrack:
    def __init__(self, window: int = 20, probe_every: int = 10) -> None:
        self.window = window
        self.probe_every = probe_every
        self._kept: deque[bool] = deque(maxlen=window)
        self._skipped = 0

    @property
    def idle(self) -> bool:
        """Nothing kept in the last ``window`` attempts."""
        return len(self._kept) == self.window and not any(self._kept)

    def should_ask(self) -> bool:
        if not self.idle:
            return True
        if self._skipped + 1 >= self.probe_every:
            self._skipped = 0
            return True
        self._skipped += 1
        return False

    def record(self, kept: bool) -> None:
        self._kept.append(kept)
