"""Subcommands of the ``shopguide`` CLI, one module per area.

Each module has ``register(subparsers)``; registering must stay cheap (no torch,
no transformers, no Qt at import time) so ``shopguide --version`` is instant.
Handlers import what they need when they run.
"""
