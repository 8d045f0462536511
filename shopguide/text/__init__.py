"""Text analysis for both languages: the one place that normalises, tells scripts apart,
segments Chinese, stems English and reads numbers. Indexing, query reading, ranking,
verification and training all use it; nothing else re-implements any of these.
"""

from shopguide.text.analyzer import Analyzer, Token, plain
from shopguide.text.english import stem, stems
from shopguide.text.normalize import fold
from shopguide.text.numbers import normalize_numbers
from shopguide.text.script import detect_lang, has_cjk, is_cjk

__all__ = ["Analyzer", "Token", "plain", "stem", "stems", "fold", "normalize_numbers",
           "detect_lang", "has_cjk", "is_cjk"]
