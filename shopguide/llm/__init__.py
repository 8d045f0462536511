"""Language-model runtime: load GPT-2 checkpoints, stream answers, stop at once.

    model = load_model("bundled")            # or a folder, or a cached HF id
    stream = model.stream(prompt, GenerationSettings(max_new_tokens=96), cancel_event)
    for piece in stream:                     # whole characters; stop strings never shown
        show(piece)
    stream.finish_reason                     # "stop" | "eos" | "length" | "cancelled"

``prompt`` may be a str or a ``guide.prompt.Prompt`` (cut to fit the context:
oldest conversation first, facts last). Errors and settings import without
torch, so the UI can name them cheaply; ``load_model`` and the model classes
import torch on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shopguide.llm.errors import (
    ModelConfigMismatch,
    ModelCorrupt,
    ModelFilesMissing,
    ModelLoadError,
    ModelNotFound,
    ModelTooLarge,
    NotAModel,
)
from shopguide.llm.settings import GenerationSettings

if TYPE_CHECKING:
    from shopguide.llm.model import LoadedModel
    from shopguide.llm.runtime import load_model
    from shopguide.llm.stream import GenerationStream

_LAZY = {
    "load_model": "shopguide.llm.runtime",
    "LoadedModel": "shopguide.llm.model",
    "GenerationStream": "shopguide.llm.stream",
}

__all__ = [
    "GenerationSettings",
    "GenerationStream",
    "LoadedModel",
    "ModelConfigMismatch",
    "ModelCorrupt",
    "ModelFilesMissing",
    "ModelLoadError",
    "ModelNotFound",
    "ModelTooLarge",
    "NotAModel",
    "load_model",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shopguide.llm' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
