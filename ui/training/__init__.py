"""Fine-tuning the model on the merchant's own store, from the app."""

from ui.training.finetune_dialog import FinetuneDialog

__all__ = ["FinetuneDialog"]
