"""The run command names the packages Qt's X11 plugin lacks instead of letting Qt abort."""

from __future__ import annotations

import shutil

import pytest

from shopguide import platform_libs as pl


@pytest.mark.parametrize(("lib", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
])
def test_debian_package_names(lib, package):
    assert pl.package_of(lib) == package


@pytest.mark.parametrize(("env", "xcb"), [
    ({"DISPLAY": ":0"}, True), ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False), ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({}, False),
])
def test_when_qt_would_use_x11(env, xcb):
    assert pl.uses_xcb(env) is xcb


@pytest.mark.skipif(not shutil.which("ldd"), reason="needs the dynamic linker's ldd")
def test_libraries_the_linker_cannot_find_are_named_once(tmp_path):
    """A library built against one that is not on the system: ldd says "not found"."""
    import subprocess

    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build a test library")
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n")
    (tmp_path / "use.c").write_text("int dep(void); int use(void) { return dep(); }\n")
    subprocess.run([cc, "-shared", "-fPIC", "-o", tmp_path / "libsgdep-x11.so.3",
                    "-Wl,-soname,libsgdep-x11.so.3", tmp_path / "dep.c"], check=True)
    subprocess.run([cc, "-shared", "-fPIC", "-o", tmp_path / "libuse.so", tmp_path / "use.c",
                    tmp_path / "libsgdep-x11.so.3"], check=True)
    missing = pl.missing_libraries([tmp_path / "libuse.so", tmp_path / "libuse.so"])
    assert missing == ["libsgdep-x11.so.3"]
    assert "sudo apt-get install libsgdep-x11-3" in pl.advice(missing)


def test_the_run_command_prints_the_advice_instead_of_starting_qt(monkeypatch, capsys):
    from shopguide.cli import main

    monkeypatch.setattr(pl, "check_x11", lambda: pl.advice(["libxcb-icccm.so.4"]))
    monkeypatch.setenv("DISPLAY", ":99")
    assert main(["--demo"]) == 3
    assert "sudo apt-get install libxcb-icccm4" in capsys.readouterr().err
