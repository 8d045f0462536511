# PyInstaller runtime hook: make the bundled CJK font visible to Qt through fontconfig.
#
# A kiosk image often has no Chinese font; the bundle carries Noto Sans CJK and a
# fonts.conf that adds it *after* the system's own configuration, so a machine's
# own fonts still win. The config file names the font folder relative to itself
# (fontconfig >= 2.13), so the bundle can live anywhere. A user who sets
# FONTCONFIG_FILE themselves keeps their choice.
import os
import sys

_conf = os.path.join(getattr(sys, "_MEIPASS", ""), "fonts", "fonts.conf")
if os.path.isfile(_conf) and "FONTCONFIG_FILE" not in os.environ:
    os.environ["FONTCONFIG_FILE"] = _conf
