"""One log for the whole app: a rotating file in the user's log folder.

Call ``setup_logging()`` once, first thing in the process (the CLI's ``main`` and
the bundle's entry point do). After that every module just uses
``logging.getLogger(__name__)``.

Customer data never goes into the log. Callers log events and counts, not
names, phone numbers, notes or questions; as a second line of defence a filter
masks anything shaped like an e-mail address or a phone number before a record
is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

from shopguide import __version__, config
from shopguide.privacy.contacts import mask_contacts

LOG_FILE_NAME = "shopguide.log"
MAX_BYTES = 1_000_000  # a kiosk runs for months: cap the folder at ~4 MB
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"



def redact(text: str) -> str:
    """Mask e-mail addresses and phone-number-like digit runs (privacy/contacts.py)."""
    return mask_contacts(text)


class RedactingFilter(logging.Filter):
    """Render the message once, mask contact details, and keep the masked text."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class _SafeFormatter(logging.Formatter):
    """``log.exception`` writes the exception's type and where, never its message or
    source lines (the same rule as for uncaught exceptions below: both can quote data)."""

    def formatException(self, ei) -> str:
        exc_type, _exc, tb = ei
        stack = "\n".join(
            f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in traceback.extract_tb(tb)
        )
        name = getattr(exc_type, "__name__", "Exception")
        return f"Traceback (most recent call last):\n{stack}\n{name} (message not logged)"

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the full traceback text on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached


class _LazyDirRotatingHandler(logging.handlers.RotatingFileHandler):
    """Creates the log folder only when the first record is written.

    So ``shopguide --version`` and a run that logs nothing leave no trace on disk.
    """

    def _open(self):  # type: ignore[override]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def log_file(log_dir: Path | None = None) -> Path:
    return (log_dir or config.user_log_dir()) / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, log_dir: Path | None = None) -> Path:
    """Send the root logger to the rotating log file; calling it again replaces the handler.

    Returns the log file's path (shown in the About box and in bug reports).
    """
    path = log_file(log_dir)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_shopguide", False)]:
        root.removeHandler(old)
        old.close()
    handler = _LazyDirRotatingHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler._shopguide = True  # type: ignore[attr-defined]
    handler.setFormatter(_SafeFormatter(FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    # Third-party libraries chatter at INFO; their warnings still come through.
    for noisy in ("transformers", "torch", "urllib3", "huggingface_hub", "filelock"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    _log_uncaught_exceptions()
    logging.getLogger("shopguide").debug(
        "ShopGuide %s, Python %s, frozen=%s", __version__, sys.version.split()[0], _frozen()
    )
    return path


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _log_uncaught_exceptions() -> None:
    """A crash in a kiosk has no terminal to print to: the traceback goes to the log too.

    Only the exception type and where it happened are logged: an exception's
    message can quote the data it failed on (a customer's name in a constraint
    error), and so can a source line.
    """
    previous = sys.excepthook
    if getattr(previous, "_shopguide", False):
        return

    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            # File, line and function only: a source line can quote data too.
            stack = "\n".join(
                f'  File "{f.filename}", line {f.lineno}, in {f.name}'
                for f in traceback.extract_tb(tb)
            )
            logging.getLogger("shopguide").critical(
                "Uncaught %s\nTraceback (most recent call last):\n%s", exc_type.__name__, stack
            )
        previous(exc_type, exc, tb)

    hook._shopguide = True  # type: ignore[attr-defined]
    sys.excepthook = hook
