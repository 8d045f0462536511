"""Typed accessors over QSettings, each with an explicit default.

QSettings hands back strings for numbers and booleans on some platforms and
formats (INI, Linux), so every getter converts and falls back to its default
when a stored value is unreadable, instead of trusting the stored type.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.qt import QSettings

LANGUAGES = ("zh", "en")
THEMES = ("light", "dark")
MODES = ("clerk", "kiosk")
# The admin PIN's length, wherever one is set (first kiosk start, Settings).
PIN_DIGITS = (4, 12)


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]


@dataclass(frozen=True)
class Generation:
    """Generation settings as the user set them; the worker maps them to the runtime's type."""

    max_new_tokens: int = 96
    do_sample: bool = False  # greedy by default: the same question gets the same answer
    temperature: float = 0.8
    top_p: float = 0.95


def _to_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _to_float(value: object, default: float) -> float:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return default


def _to_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    return default


class AppSettings:
    """The app's preferences. ``qsettings`` defaults to the application's own store."""

    DEFAULT_IDLE_S = 90
    DEFAULT_PIN = "0000"
    DEFAULT_FONT_PT = 11

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings()

    def _get(self, key: str) -> object:
        return self._s.value(key, None)

    def sync(self) -> None:
        self._s.sync()

    # --- model -----------------------------------------------------------
    @property
    def model_spec(self) -> str:
        """'bundled', a model folder, or a cached Hugging Face id."""
        value = self._get("model/spec")
        return str(value) if value else "bundled"

    @model_spec.setter
    def model_spec(self, spec: str) -> None:
        self._s.setValue("model/spec", spec or "bundled")

    @property
    def generation(self) -> Generation:
        d = Generation()
        max_new = _to_int(self._get("generation/max_new_tokens"), d.max_new_tokens)
        temp = _to_float(self._get("generation/temperature"), d.temperature)
        top_p = _to_float(self._get("generation/top_p"), d.top_p)
        return Generation(
            max_new_tokens=min(max(max_new, 8), 512),
            do_sample=_to_bool(self._get("generation/do_sample"), d.do_sample),
            temperature=min(max(temp, 0.0), 2.0),
            top_p=min(max(top_p, 0.05), 1.0),
        )

    @generation.setter
    def generation(self, g: Generation) -> None:
        self._s.setValue("generation/max_new_tokens", int(g.max_new_tokens))
        self._s.setValue("generation/do_sample", bool(g.do_sample))
        self._s.setValue("generation/temperature", float(g.temperature))
        self._s.setValue("generation/top_p", float(g.top_p))

    # --- interface -------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._get("ui/language") or "")
        return value if value in LANGUAGES else "zh"

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
        self._s.setValue("ui/language", lang)

    @property
    def theme(self) -> str:
        value = str(self._get("ui/theme") or "")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}, not {theme!r}")
        self._s.setValue("ui/theme", theme)

    @property
    def font_size(self) -> int:
        """Base font size in points; everything else scales from it."""
        return min(max(_to_int(self._get("ui/font_size"), self.DEFAULT_FONT_PT), 8), 32)

    @font_size.setter
    def font_size(self, points: int) -> None:
        self._s.setValue("ui/font_size", min(max(int(points), 8), 32))

    @property
    def mode(self) -> str:
        value = str(self._get("ui/mode") or "")
        return value if value in MODES else "clerk"

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self._s.setValue("ui/mode", mode)

    # --- kiosk -----------------------------------------------------------
    @property
    def kiosk_idle_s(self) -> float:
        """Seconds without input before the 10-second wipe countdown starts."""
        value = _to_float(self._get("kiosk/idle_s"), self.DEFAULT_IDLE_S)
        return value if value > 0 else self.DEFAULT_IDLE_S

    @kiosk_idle_s.setter
    def kiosk_idle_s(self, seconds: float) -> None:
        if seconds <= 0:
            raise ValueError("kiosk idle time must be positive")
        self._s.setValue("kiosk/idle_s", float(seconds))

    @property
    def kiosk_pin(self) -> str:
        value = str(self._get("kiosk/pin") or "")
        return value if value.isdigit() else self.DEFAULT_PIN

    @property
    def kiosk_pin_is_set(self) -> bool:
        """Whether someone chose a PIN (a kiosk must not run on the default one)."""
        return str(self._get("kiosk/pin") or "").isdigit()

    @kiosk_pin.setter
    def kiosk_pin(self, pin: str) -> None:
        if not valid_pin(pin):
            raise ValueError(f"the admin PIN must be {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits")
        self._s.setValue("kiosk/pin", pin)

    # --- window ----------------------------------------------------------
    def window_geometry(self) -> bytes | None:
        value = self._get("window/geometry")
        return bytes(value) if value else None  # type: ignore[call-overload]

    def set_window_geometry(self, data: bytes) -> None:
        self._s.setValue("window/geometry", data)
