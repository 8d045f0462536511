"""The review's one error: a request that cannot be done, said in one line."""

from __future__ import annotations

from shopguide.store.errors import StoreError


class ReviewError(StoreError):
    """An action that cannot be applied, previewed or undone; the message says why.

    A StoreError, so the CLI prints it as one line (``cli._failed``) and the window can
    show it as it is."""
