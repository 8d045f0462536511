"""Fast packaging checks (run in CI): launchers, unit, icons, install/uninstall, version, trim rules.

The bundle itself is built and exercised by tests/test_packaging_bundle.py (make package-test).
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import shopguide
from shopguide.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
INSTALL = LINUX / "install.sh"
DESKTOP_FILES = {
    "shopguide.desktop": None,  # the clerk window: the CLI's default mode
    "shopguide-kiosk.desktop": "kiosk",
    "shopguide-kiosk-autostart.desktop": "kiosk",
}
ICON_SIZES = (16, 32, 48, 64, 128, 256)

sys.path.insert(0, str(PACKAGING))
import bundle_rules  # noqa: E402


# --- desktop entries and the systemd unit -------------------------------------------------


def parse_desktop(path: Path) -> dict[str, dict[str, str]]:
    """A strict reader for the subset of the Desktop Entry spec these files use."""
    groups: dict[str, dict[str, str]] = {}
    current = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            assert line.endswith("]"), f"{path.name}:{number}: bad group header"
            current = groups.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path.name}:{number}: key before the first group"
        key, sep, value = line.partition("=")
        assert sep and key == key.strip(), f"{path.name}:{number}: not a key=value line"
        assert key not in current, f"{path.name}:{number}: duplicate key {key}"
        current[key] = value
    return groups


@pytest.mark.parametrize("name", sorted(DESKTOP_FILES))
def test_desktop_entry_is_valid(name):
    path = LINUX / name
    entry = parse_desktop(path)["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon"):
        assert entry.get(key), f"{name}: {key} is missing"
    assert entry["Type"] == "Application"
    assert entry["Icon"] == "shopguide"
    assert entry["Terminal"] == "false"
    assert "Name[zh_CN]" in entry, f"{name}: shoppers read Chinese; the launcher should too"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.parametrize("name,mode", sorted(DESKTOP_FILES.items()))
def test_launchers_start_a_mode_the_cli_knows(name, mode):
    entry = parse_desktop(LINUX / name)["Desktop Entry"]
    argv = shlex.split(entry["Exec"])
    assert argv[0] == "shopguide" and entry["TryExec"] == "shopguide"
    args = build_parser().parse_args(argv[1:])
    assert args.mode == mode
    assert getattr(args, "handler", None) is None, "a launcher must open the window, not a command"


def test_clerk_launcher_offers_kiosk_as_an_action():
    groups = parse_desktop(LINUX / "shopguide.desktop")
    assert groups["Desktop Entry"]["Actions"] == "kiosk;"
    argv = shlex.split(groups["Desktop Action kiosk"]["Exec"])
    assert build_parser().parse_args(argv[1:]).mode == "kiosk"


def test_kiosk_unit_restarts_the_window_in_the_graphical_session():
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read(LINUX / "shopguide-kiosk.service", encoding="utf-8")
    argv = shlex.split(unit["Service"]["ExecStart"])
    assert argv[0] == "shopguide"
    assert build_parser().parse_args(argv[1:]).mode == "kiosk"
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    assert "graphical-session.target" in unit["Unit"]["After"]


# --- icons ----------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_exists_at_every_size_and_as_svg():
    for size in ICON_SIZES:
        path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "shopguide.png"
        assert png_size(path) == (size, size)
    svg = ET.parse(LINUX / "icons" / "shopguide.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"


@pytest.mark.slow
def test_committed_pngs_match_the_svg(tmp_path):
    """Editing the SVG without re-running packaging/render_icons.py fails here."""
    script = f"""
import sys
sys.path.insert(0, {str(PACKAGING)!r})
import render_icons
from PySide6.QtGui import QImage
worst = 0
for out in render_icons.render(base=__import__("pathlib").Path({str(tmp_path)!r})):
    fresh = QImage(str(out))
    committed = QImage(str(render_icons.png_path(fresh.width())))
    assert committed.size() == fresh.size(), out
    for y in range(fresh.height()):
        for x in range(fresh.width()):
            a, b = fresh.pixelColor(x, y), committed.pixelColor(x, y)
            worst = max(worst, abs(a.red() - b.red()), abs(a.green() - b.green()),
                        abs(a.blue() - b.blue()), abs(a.alpha() - b.alpha()))
print(worst)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) <= 2, "re-run packaging/render_icons.py and commit the PNGs"


# --- install.sh -----------------------------------------------------------------------------


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def run_install(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(INSTALL), *args],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
        timeout=60,
    )


@pytest.fixture
def prefix(tmp_path: Path) -> Path:
    """A prefix that already holds someone else's launcher: it must survive an uninstall."""
    root = tmp_path / "prefix"
    (root / "share" / "applications").mkdir(parents=True)
    (root / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    return root


def test_install_into_a_prefix_puts_everything_in_place(prefix, fake_bundle):
    result = run_install("--prefix", str(prefix), "--bundle", str(fake_bundle))
    assert result.returncode == 0, result.stderr
    app = prefix / "lib" / "shopguide"
    assert (app / "_internal" / "resources" / "demo" / "products.csv").is_file()
    assert (app / "_internal" / "products-link.csv").is_symlink()
    link = prefix / "bin" / "shopguide"
    assert link.is_symlink() and link.resolve() == (app / "shopguide").resolve()
    ran = subprocess.run([str(link), "--version"], capture_output=True, text=True)
    assert ran.stdout.strip() == "ShopGuide fake --version"
    for size in ICON_SIZES:
        assert (prefix / "share/icons/hicolor" / f"{size}x{size}" / "apps/shopguide.png").is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps/shopguide.svg").is_file()
    for name, mode in (("shopguide.desktop", None), ("shopguide-kiosk.desktop", "kiosk")):
        installed = prefix / "share" / "applications" / name
        entry = parse_desktop(installed)["Desktop Entry"]
        argv = shlex.split(entry["Exec"])
        # Absolute: ~/.local/bin is often not on a desktop session's PATH.
        assert argv[0] == str(app / "shopguide") and entry["TryExec"] == str(app / "shopguide")
        assert build_parser().parse_args(argv[1:]).mode == mode
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
            assert check.returncode == 0, check.stdout
    assert not (prefix / "etc").exists(), "no autostart unless asked for"
    manifest = (app / "install-manifest.txt").read_text().splitlines()
    assert f"l {link}" in manifest and f"f {app / 'install-manifest.txt'}" in manifest


def test_uninstall_removes_exactly_what_the_install_added(prefix, fake_bundle):
    before = tree(prefix)
    assert run_install("--prefix", str(prefix), "--bundle", str(fake_bundle),
                       "--autostart", "systemd").returncode == 0  # fmt: skip
    assert (prefix / "lib/systemd/user/shopguide-kiosk.service").is_file()
    assert len(tree(prefix)) > len(before) + 20
    result = run_install("--prefix", str(prefix), "--uninstall")
    assert result.returncode == 0, result.stderr
    assert tree(prefix) == before
    assert (prefix / "share" / "applications" / "other.desktop").read_text() == "[Desktop Entry]\n"


def test_uninstall_keeps_a_folder_that_now_holds_the_users_own_file(prefix, fake_bundle):
    assert run_install("--prefix", str(prefix), "--bundle", str(fake_bundle)).returncode == 0
    mine = prefix / "share" / "icons" / "hicolor" / "my-theme-note.txt"
    mine.write_text("keep me")
    assert run_install("--prefix", str(prefix), "--uninstall").returncode == 0
    assert mine.read_text() == "keep me"
    assert not (prefix / "share/icons/hicolor/48x48").exists()
    assert not (prefix / "lib").exists() and not (prefix / "bin").exists()


def test_reinstall_replaces_the_old_install_and_its_autostart(prefix, fake_bundle):
    before = tree(prefix)
    old_file = fake_bundle / "_internal" / "only-in-v1.txt"
    old_file.write_text("old")
    assert run_install("--prefix", str(prefix), "--bundle", str(fake_bundle),
                       "--autostart", "xdg").returncode == 0  # fmt: skip
    autostart = prefix / "etc/xdg/autostart/shopguide-kiosk.desktop"
    entry = parse_desktop(autostart)["Desktop Entry"]
    assert shlex.split(entry["Exec"]) == [str(prefix / "lib/shopguide/shopguide"), "--mode", "kiosk"]
    assert (prefix / "lib/shopguide/_internal/only-in-v1.txt").is_file()
    old_file.unlink()  # version 2 no longer ships it
    assert run_install("--prefix", str(prefix), "--bundle", str(fake_bundle)).returncode == 0
    assert not (prefix / "lib/shopguide/_internal/only-in-v1.txt").exists()
    assert not autostart.exists(), "the upgrade took the old autostart entry out"
    assert run_install("--prefix", str(prefix), "--uninstall").returncode == 0
    assert tree(prefix) == before


def test_install_refuses_to_overwrite_a_foreign_command(prefix, fake_bundle):
    (prefix / "bin").mkdir()
    (prefix / "bin" / "shopguide").write_text("#!/bin/sh\necho pip's shopguide\n")
    result = run_install("--prefix", str(prefix), "--bundle", str(fake_bundle))
    assert result.returncode != 0
    assert "already exists" in result.stderr and str(prefix / "bin" / "shopguide") in result.stderr
    assert not (prefix / "lib").exists(), "nothing installed after refusing"


def test_uninstall_without_an_install_says_so(prefix):
    result = run_install("--prefix", str(prefix), "--uninstall")
    assert result.returncode != 0 and "not installed" in result.stderr


def test_install_fails_clearly_without_a_bundle(prefix, tmp_path):
    result = run_install("--prefix", str(prefix), "--bundle", str(tmp_path / "nothing"))
    assert result.returncode != 0 and "not a ShopGuide bundle" in result.stderr


def test_per_user_install_goes_to_the_xdg_folders(tmp_path, fake_bundle):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "cfg"))
    result = run_install("--bundle", str(fake_bundle), "--autostart", "systemd", "--no-enable", env=env)
    assert result.returncode == 0, result.stderr
    assert (home / ".local/lib/shopguide/shopguide").is_file()
    assert (home / ".local/bin/shopguide").is_symlink()
    assert (home / ".local/share/applications/shopguide-kiosk.desktop").is_file()
    assert (home / "cfg/systemd/user/shopguide-kiosk.service").is_file()
    assert "systemctl --user enable shopguide-kiosk.service" in result.stdout
    # The user's store lives in ~/.local/share/shopguide: an uninstall never goes near it.
    store = home / ".local/share/shopguide/store.sqlite"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"SQLite format 3\x00")
    result = run_install("--uninstall", env=env)
    assert result.returncode == 0, result.stderr
    assert store.read_bytes() == b"SQLite format 3\x00"
    assert tree(home) == {".local", ".local/share", ".local/share/shopguide",
                          ".local/share/shopguide/store.sqlite"}  # fmt: skip


def test_install_tells_a_fresh_account_how_to_reach_the_command(tmp_path, fake_bundle):
    """A new Debian user: ~/.profile adds ~/.local/bin only if it existed at login."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".profile").write_text('if [ -d "$HOME/.local/bin" ] ; then\n    PATH="$HOME/.local/bin:$PATH"\nfi\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    result = run_install("--bundle", str(fake_bundle), env=env)
    assert result.returncode == 0, result.stderr
    bin_dir = home / ".local" / "bin"
    assert f"{bin_dir} is not on your PATH yet" in result.stdout
    assert "at your next login" in result.stdout
    assert f'export PATH="{bin_dir}:$PATH"' in result.stdout
    env["PATH"] = f"{bin_dir}:/usr/bin:/bin"
    assert run_install("--uninstall", env=env).returncode == 0
    result = run_install("--bundle", str(fake_bundle), env=env)
    assert "not on your PATH" not in result.stdout


# --- version and changelog ------------------------------------------------------------------


def test_version_flag_prints_the_package_version():
    result = subprocess.run(
        [sys.executable, "-m", "shopguide", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ShopGuide {shopguide.__version__}"


def test_version_is_the_same_in_pyproject_and_changelog():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == shopguide.__version__
    headings = [
        line for line in (REPO / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## [")
    ]  # fmt: skip
    assert headings and headings[0].startswith(f"## [{shopguide.__version__}]")


# --- what the bundle leaves out ---------------------------------------------------------------


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qt_en.qm",
        "torch/lib/libtorch_cpu.so",
        "torch/lib/libc10.so",
        "torch/lib/libgomp.so.1",
        "torch/bin/torch_shm_manager",  # import torch fails without it
        "torch/nn/modules/linear.py",
        "torch/testing/_comparison.py",
        "transformers/models/gpt2/modeling_gpt2.py",
        "transformers/models/auto/modeling_auto.py",
        "transformers/models/__init__.py",
        "transformers/models/bert/__init__.py",  # package stubs stay; transformers imports some
        "resources/models/shopguide-gpt2/model.safetensors",
        "fonts/NotoSansCJK-Regular.ttc",
    ],
)
def test_bundle_keeps_what_the_app_needs(dest):
    assert not bundle_rules.drop_file(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "nvidia/cublas/lib/libcublas.so.12",
        "torch/lib/libtorch_cuda.so",
        "torch/lib/libcudnn.so.9",
        "triton/_C/libtriton.so",
        "torch/bin/protoc",
        "torch/test/Dict_test",
        "torch/lib/libtorchbind_test.so",
        "torch/include/ATen/ATen.h",
        "torch/testing/_internal/common_methods_invocations.py",
        "torch/utils/hipify/hipify_python.py",
        "transformers/models/albert/modeling_albert.py",
        "transformers/models/bert/configuration_bert.py",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/assistant_zh_CN.qm",
    ],
)
def test_bundle_drops_what_it_does_not_use(dest):
    assert bundle_rules.drop_file(dest)


def test_module_rules_drop_whole_subtrees_only():
    assert bundle_rules.drop_module("torch.testing._internal.opinfo.core")
    assert bundle_rules.drop_module("torch.utils.tensorboard")
    assert not bundle_rules.drop_module("torch.testing")
    assert not bundle_rules.drop_module("torch.utils.tensorboardx")  # a prefix is not a parent
    assert not bundle_rules.drop_module("torch.nn.functional")
    kept = bundle_rules.keep([("torch.nn", "", "PYMODULE"), ("torch.utils.hipify", "", "PYMODULE")], "pure")
    assert [e[0] for e in kept] == ["torch.nn"]


@pytest.mark.slow
def test_the_runtime_never_imports_what_the_bundle_drops(tiny_model_dir):
    """If torch or transformers start importing a dropped module, the bundle would break: catch it here."""
    script = """
import importlib, pkgutil, sys
import shopguide
for pkg in (shopguide,):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if not info.name.endswith("__main__"):  # that one would start the app
            importlib.import_module(info.name)
import torch, torch.nn.functional as F
m = torch.nn.Linear(4, 4)
opt = torch.optim.AdamW(m.parameters())
loss = F.mse_loss(m(torch.randn(2, 4)), torch.zeros(2, 4)); loss.backward(); opt.step()
from torch.utils.data import DataLoader, TensorDataset
list(DataLoader(TensorDataset(torch.zeros(4, 2)), batch_size=2))
import safetensors.torch
from transformers import AutoTokenizer, AutoModelForCausalLM, GPT2Config, GPT2LMHeadModel
sys.path.insert(0, PACKAGING)
import bundle_rules
for family in bundle_rules.TRANSFORMERS_FAMILIES:
    if family not in ("auto", "encoder_decoder"):
        importlib.import_module(f"transformers.models.{family}.modeling_{family}")
# The runtime's transformers fallback, exactly as it loads a folder.
AutoTokenizer.from_pretrained(MODEL, local_files_only=True)
AutoModelForCausalLM.from_pretrained(MODEL, local_files_only=True)
net = GPT2LMHeadModel(GPT2Config(n_layer=1, n_head=2, n_embd=8, vocab_size=50, n_positions=16))
net(torch.zeros(1, 4, dtype=torch.long)).logits.sum().backward()
print("\\n".join(sorted(sys.modules)))
"""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    script = f"PACKAGING = {str(PACKAGING)!r}\nMODEL = {str(tiny_model_dir)!r}\n" + script
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = result.stdout.split()
    assert "torch" in loaded
    assert [m for m in loaded if bundle_rules.drop_module(m)] == []


def test_font_hook_points_fontconfig_at_the_bundled_font(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(PACKAGING / "fonts" / "fonts.conf", fonts / "fonts.conf")
    conf = ET.parse(fonts / "fonts.conf").getroot()
    assert conf.find("dir").get("prefix") == "relative", "the bundle can be installed anywhere"
    assert conf.find("include").text == "/etc/fonts/fonts.conf", "the system's fonts come first"
    hook = (PACKAGING / "rthooks" / "fontconfig.py").read_text()
    script = f"import os, sys\nsys._MEIPASS = {str(tmp_path)!r}\n{hook}\nprint(os.environ.get('FONTCONFIG_FILE'))"
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == str(fonts / "fonts.conf")
    env["FONTCONFIG_FILE"] = "/mine.conf"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "/mine.conf", "a user's own setting wins"


def test_libraries_only_a_dropped_plugin_needed_are_pruned():
    links = {
        "/v/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb-icccm.so.4"],
        "/v/torch/_C.so": ["libtorch_cpu.so", "libgomp.so.1"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/v/PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("torch/_C.so", "/v/torch/_C.so", "EXTENSION"),
        ("libxcb-icccm.so.4", "/usr/lib/libxcb-icccm.so.4", "BINARY"),
        ("libgomp.so.1", "/usr/lib/libgomp.so.1", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),  # only the dropped gtk3 theme used it
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    orphans = bundle_rules.orphan_libraries(binaries, lambda src: links.get(src, []))
    assert orphans == {"libgtk-3.so.0", "libpango-1.0.so.0"}


def test_spec_names_only_files_that_exist():
    spec = (PACKAGING / "shopguide.spec").read_text(encoding="utf-8")
    named = re.findall(r'PACKAGING((?:\s*/\s*"[^"]+")+)', spec)
    assert len(named) >= 5
    for chain in named:
        path = PACKAGING.joinpath(*re.findall(r'"([^"]+)"', chain))
        assert path.exists(), f"shopguide.spec names {path}, which is missing"
    assert '"resources"' in spec and "console=True" in spec and "console=False" in spec


# --- the bundle's entry point ---------------------------------------------------------------


def _load_entry():
    import importlib.util

    spec = importlib.util.spec_from_file_location("shopguide_bundle_entry", PACKAGING / "entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("error", "package"),
    [
        # The exact text a clean Debian 12 gave (packaging/README.md, clean-machine test).
        ("libEGL.so.1: cannot open shared object file: No such file or directory", "libegl1"),
        ("libwayland-cursor.so.0: cannot open shared object file: No such file or directory",
         "libwayland-cursor0"),
        ("libxcb.so.1: cannot open shared object file: No such file or directory", "libxcb1"),
    ],
)  # fmt: skip
def test_a_missing_system_library_names_the_package_to_install(error, package):
    message = _load_entry().missing_library_message(ImportError(error), loadable=lambda lib: True)
    assert message is not None
    assert error.split(":")[0] in message
    assert f"sudo apt-get install {package}\n" in message, "only the one missing package"
    assert "shopguide ask" in message, "the user learns the terminal answers still work"


def test_every_missing_display_library_is_named_at_once():
    """Bare Debian minbase: the loader stops at libGL.so.1, but all five are missing."""
    entry = _load_entry()
    probed = []

    def loadable(lib: str) -> bool:
        probed.append(lib)
        return False

    message = entry.missing_library_message(
        ImportError("libGL.so.1: cannot open shared object file: No such file or directory"), loadable
    )
    assert "libGL.so.1" not in probed, "the library the loader named is not probed again"
    packages = list(entry.SYSTEM_LIBRARIES.values())
    expected = ["libgl1"] + [p for p in packages if p != "libgl1"]
    assert f"sudo apt-get install {' '.join(expected)}\n" in message


def test_the_probe_loads_real_libraries():
    entry = _load_entry()
    assert entry._loadable("libc.so.6") is True
    assert entry._loadable("libshopguide-does-not-exist.so.9") is False


def test_other_import_errors_are_not_dressed_up_as_a_missing_library():
    entry = _load_entry()
    assert entry.missing_library_message(ImportError("No module named 'ui'")) is None
    unknown = entry.missing_library_message(
        ImportError("libfoo.so.7: cannot open shared object file: No such file or directory"),
        loadable=lambda lib: True,
    )
    assert "libfoo.so.7" in unknown and "apt-get" not in unknown


def test_entry_point_turns_a_missing_library_into_a_message_not_a_traceback(monkeypatch, capsys):
    entry = _load_entry()
    import shopguide.cli
    import shopguide.logging_setup

    def no_egl() -> int:
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(shopguide.cli, "main", no_egl)
    monkeypatch.setattr(entry, "_loadable", lambda lib: True)
    monkeypatch.setattr(shopguide.logging_setup, "setup_logging", lambda *a, **k: None)
    assert entry._main() == 3
    err = capsys.readouterr().err
    assert "libEGL.so.1" in err and "libegl1" in err and "Traceback" not in err

    def other() -> int:
        raise ImportError("No module named 'ui'")

    monkeypatch.setattr(shopguide.cli, "main", other)
    with pytest.raises(ImportError, match="No module named"):
        entry._main()


def test_readme_script_and_entry_point_name_the_same_system_libraries():
    """What the clean-machine test installs is what the README asks for and the error names."""
    packages = set(_load_entry().SYSTEM_LIBRARIES.values())
    script = (PACKAGING / "clean_machine_test.sh").read_text(encoding="utf-8")
    listed = re.search(r'^DESKTOP_LIBS="([^"]+)"', script, re.MULTILINE)
    assert listed is not None
    assert set(listed.group(1).split()) == packages
    for readme in (REPO / "README.md", PACKAGING / "README.md"):
        text = " ".join(readme.read_text(encoding="utf-8").split())
        command = re.search(r"sudo apt-get install ((?:lib[\w-]+ ?)+)`", text)
        assert command is not None, f"{readme.name} lists no requirements to install"
        assert set(command.group(1).split()) == packages, readme


def test_clean_machine_test_is_a_make_target_outside_ci():
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^clean-machine-test:\n\tpackaging/clean_machine_test\.sh$", make, re.MULTILINE)
    ci = REPO / ".ci" / "run"
    if ci.is_file():
        assert "clean-machine" not in ci.read_text(encoding="utf-8")
    result = subprocess.run(["bash", "-n", str(PACKAGING / "clean_machine_test.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_window_without_any_display_says_so_instead_of_qts_abort(capsys, monkeypatch):
    """Over ssh, Qt aborts (exit 134) telling the user to reinstall; the cause is no display."""
    from shopguide import cli

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("shopguide.logging_setup.setup_logging", lambda *a, **k: None)
    monkeypatch.setattr("ui.app.run", lambda args: 0)  # were the window started, it would "work"
    assert cli.main([]) == 3
    err = capsys.readouterr().err
    assert "no display" in err and "shopguide ask" in err
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")  # a Wayland session without Xwayland
    assert cli.main([]) == 0
