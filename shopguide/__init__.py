"""ShopGuide core: store, shopping-guide engine, language-model runtime, training.

Nothing under this package imports Qt; see DESIGN.md and the import-linter
contracts in pyproject.toml.
"""

__version__ = "0.1.0"
