"""Typed errors for a model that cannot be loaded.

Each message is written for a merchant, not a developer: what is wrong, which
file, and what to do about it. The UI shows ``str(error)`` as it is.
"""

from __future__ import annotations

from pathlib import Path

_FIX_BUNDLED = (
    "Reinstall ShopGuide to restore the bundled model, or choose another model "
    "folder in Settings (or with --model)."
)


class ModelLoadError(Exception):
    """Base class: the model could not be loaded. ``path`` names the file or folder at fault."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class ModelNotFound(ModelLoadError):
    """No folder at that path, and no model of that name in the local download cache."""


class NotAModel(ModelLoadError):
    """The folder exists but holds no language model (no config.json and no weights)."""


class ModelFilesMissing(ModelLoadError):
    """A model folder that lacks a file it needs: weights, config or tokenizer."""


class ModelCorrupt(ModelLoadError):
    """A file is there but cannot be read: truncated, damaged, or not what its name says."""


class ModelConfigMismatch(ModelLoadError):
    """The weights do not fit the shapes that config.json describes."""


class ModelTooLarge(ModelLoadError):
    """The model would need more memory than the machine has free."""


def fix_hint(folder: Path) -> str:
    """What to do, phrased for the kind of folder the merchant pointed at."""
    try:
        from shopguide.config import bundled_model_dir

        if Path(folder).resolve() == bundled_model_dir().resolve():
            return _FIX_BUNDLED
    except OSError:
        pass
    return (
        "Copy the complete model folder again (config.json, the weights and the tokenizer "
        "files belong together), or choose another model."
    )
