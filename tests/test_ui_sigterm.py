"""``systemctl stop`` sends SIGTERM: the app, kiosk included, must end cleanly and promptly.

Qt 6's quit() asks every window to close first and the kiosk refuses without the PIN, so a
handler that called quit() would leave the service hanging until systemd kills it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shopguide import config


@pytest.mark.parametrize("mode", ["clerk", "kiosk"])
def test_sigterm_ends_the_app_cleanly(mode, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    if mode == "kiosk":  # a kiosk with no PIN asks for one first (tests/test_ui_kiosk_pin.py)
        conf = Path(env["XDG_CONFIG_HOME"]) / config.APP_NAME / f"{config.APP_NAME}.conf"
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text("[kiosk]\npin=2468\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "shopguide", "--demo", "--mode", mode, "--model", str(tmp_path)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    log = config.user_log_dir() / "shopguide.log"
    try:
        deadline = time.monotonic() + 120  # the first start imports Qt and builds the demo
        while "started in" not in (log.read_text(errors="replace") if log.exists() else ""):
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
            assert time.monotonic() < deadline, "the window never started"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # The --demo copy lives in a temp folder that a clean exit removes.
    assert not list(tmp_path.glob("shopguide-demo-*"))
