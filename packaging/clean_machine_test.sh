#!/usr/bin/env bash
# Follow the README's Install section as a new user on a clean Debian 12 machine:
# debootstrap a minimal bookworm image, make a new user, unpack the release tarball,
# ./install.sh, `shopguide --version`, `shopguide ask` in Chinese and English (the
# answers must name demo products at their catalog prices), start the window under
# Xvfb and take screenshots, ./install.sh --uninstall, then the same with
# `sudo ./install.sh --system` and a second user. Not part of CI (minutes, a mirror,
# root). Run it after `make package`:
#
#   sudo packaging/clean_machine_test.sh [TARBALL]      (or: sudo make clean-machine-test)
#
#   WORK=/tmp/shopguide-clean-machine   where the image goes (removed at the end)
#   OUT=build/clean-machine             screenshots, the answers and summary.txt
#   MIRROR=http://deb.debian.org/debian
#   KEEP=1                              keep the image (chroot into $WORK/root to look)
#   BASE_TAR=FILE                       unpack this debootstrapped image instead (reruns)
#
# Host needs: root, debootstrap, ImageMagick (convert/identify: the image's Xvfb writes
# its screen as an XWD file that is turned into a PNG here), python3. The image gets only
# what a desktop would have: first nothing (the terminal commands must work on bare
# minbase), then Xvfb as the stand-in X server, then the system libraries the README
# lists as requirements. Which libraries the bundle needed that minbase lacked is
# recorded in summary.txt.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-/tmp/shopguide-clean-machine}
OUT=${OUT:-$REPO/build/clean-machine}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOT=$WORK/root
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$REPO/shopguide/__init__.py")
TARBALL=${1:-$REPO/dist/ShopGuide-$VERSION-linux-$(uname -m).tar.gz}
RELEASE=ShopGuide-$VERSION
# The README's requirements for the window (Debian 12 package names); any X11 or Wayland
# desktop has them. Kept equal to the README by tests/test_packaging.py.
DESKTOP_LIBS="libegl1 libgl1 libxcb1 libwayland-client0 libwayland-cursor0"
ZH_QUESTION="有没有500元以内适合扁平足的跑鞋？"
EN_QUESTION="Do you have waterproof hiking boots under 800 yuan?"

die() { echo "clean_machine_test: $*" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot): sudo $0"
for tool in debootstrap chroot convert identify python3; do
    command -v "$tool" >/dev/null || die "$tool is missing on this machine"
done
[ -f "$TARBALL" ] || die "no release tarball at $TARBALL: run 'make package' first"
case "$WORK" in /tmp/*|/var/tmp/*) ;; *) die "WORK must be under /tmp or /var/tmp (it is deleted)";; esac

mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/*.txt "$OUT"/*.json
SUMMARY=$OUT/summary.txt
FAILED=0
T0=$SECONDS
log() { echo "$*" | tee -a "$SUMMARY"; }
check() {  # check "what" COMMAND...: record PASS/FAIL, never stop the run
    local what=$1; shift
    if "$@"; then log "PASS  $what"; else log "FAIL  $what"; FAILED=$((FAILED + 1)); fi
}
step() { log ""; log "== $* (t=$((SECONDS - T0)) s)"; }

# --- the image ------------------------------------------------------------------------------
image_pids() {  # processes running inside the image (only ever started by this script)
    local p
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOT" ] && echo "${p#/proc/}"
    done
    return 0
}
cleanup() {
    local pids
    pids=$(image_pids)
    [ -n "$pids" ] && kill -TERM $pids 2>/dev/null && sleep 2
    pids=$(image_pids)
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
    for m in dev/shm proc; do
        mountpoint -q "$ROOT/$m" 2>/dev/null && umount "$ROOT/$m"
    done
    if [ "${KEEP:-0}" = 1 ]; then
        echo "image kept in $ROOT (umounted; mount proc again to use it)"
    elif [ -d "$WORK" ]; then
        # Never delete through a mount that is still there.
        if grep -q " $WORK/" /proc/mounts; then
            echo "clean_machine_test: something is still mounted under $WORK; not deleting it" >&2
        else
            rm -rf --one-file-system "$WORK"
        fi
    fi
}
trap cleanup EXIT

rm -rf --one-file-system "$WORK"
mkdir -p "$WORK"
: >"$SUMMARY"
log "ShopGuide clean-machine test, $(date -u '+%Y-%m-%d %H:%M UTC')"
log "release: $(basename "$TARBALL") ($(du -m "$TARBALL" | cut -f1) MB)"
log "host: $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -m)"

step "Debian 12 minbase image"
if [ -n "${BASE_TAR:-}" ]; then
    mkdir -p "$ROOT" && tar -C "$ROOT" -xf "$BASE_TAR"
else
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
        { tail -20 "$WORK/debootstrap.log"; die "debootstrap failed"; }
fi
echo "deb $MIRROR bookworm main" >"$ROOT/etc/apt/sources.list"
# A desktop has a UTF-8 locale; minbase has only C. C.UTF-8 needs no locales package.
echo "LANG=C.UTF-8" >"$ROOT/etc/default/locale"
echo "127.0.1.1 $(hostname)" >>"$ROOT/etc/hosts"
mount -t proc proc "$ROOT/proc"
mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm"
log "image: $(chroot "$ROOT" dpkg-query -W | wc -l) packages, $(du -sxm "$ROOT" | cut -f1) MB"

in_image() { chroot "$ROOT" "$@"; }
as_user() {  # as_user USER 'shell command': a login shell, as a person at a terminal
    timeout "${AS_USER_TIMEOUT:-600}" chroot "$ROOT" su - "$1" -c "$2"
}
apt_install() {
    in_image env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
        >>"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; die "apt-get install $* failed"; }
}
home_tree() { in_image find "/home/$1" -path "/home/$1/$RELEASE" -prune -o -print | sort; }

in_image useradd -m -s /bin/bash alice
cp "$TARBALL" "$ROOT/home/alice/"
in_image chown alice:alice "/home/alice/$(basename "$TARBALL")"
home_tree alice >"$WORK/home-before.txt"

# --- the README, literally --------------------------------------------------------------------
step "as alice: tar xzf, ./install.sh"
s=$SECONDS
as_user alice "tar xzf $(basename "$TARBALL") && cd $RELEASE && ./install.sh" >"$OUT/install.txt" 2>&1 \
    && rc=0 || rc=$?
cat "$OUT/install.txt"
log "unpack + install: $((SECONDS - s)) s, installed $(du -sm "$ROOT/home/alice/.local/lib/shopguide" | cut -f1) MB"
check "install.sh exits 0" test "$rc" = 0
check "install.sh says how to reach ~/.local/bin before the next login" \
    grep -q "not on your PATH yet" "$OUT/install.txt"

step "shopguide --version (a new login shell: ~/.profile now adds ~/.local/bin)"
version=$(as_user alice "shopguide --version" 2>&1 || true)
log "  $version"
check "shopguide --version prints 'ShopGuide $VERSION'" test "$version" = "ShopGuide $VERSION"

ask() {  # ask NAME QUESTION: the plain answer (as a person reads it) and the JSON one
    local s=$SECONDS
    as_user alice "shopguide ask '$2'" >"$OUT/ask-$1.txt" 2>&1 || true
    log "  shopguide ask '$2' ($((SECONDS - s)) s wall, start-up and model load included):"
    sed 's/^/    /' "$OUT/ask-$1.txt" | tee -a "$SUMMARY"
    as_user alice "shopguide ask --json '$2'" >"$OUT/ask-$1.json" 2>"$WORK/ask-$1.err" || true
}
# Every product card is a demo product at its catalog price, within the budget, and the
# answer names one of them with that price.
grounded() {  # grounded NAME MAX_PRICE
    python3 - "$OUT/ask-$1.json" "$REPO/resources/demo/products.csv" "$2" <<'EOF'
import csv, json, sys
turn = json.loads(open(sys.argv[1], encoding="utf-8").read().splitlines()[0])
with open(sys.argv[2], encoding="utf-8-sig") as fh:
    catalog = {r["sku"]: r for r in csv.DictReader(fh)}
cards = [c for c in turn["cards"] if c["kind"] == "product"]
bad = [c["sku"] for c in cards if c["sku"] not in catalog
       or float(catalog[c["sku"]]["price"]) != float(c["price"]) or float(c["price"]) > float(sys.argv[3])]
named = [c for c in cards
         if any(n and n in turn["answer"] for n in (catalog.get(c["sku"], {}).get(k) for k in ("name", "name_en")))]
priced = [c for c in named if f"¥{float(c['price']):g}" in turn["answer"]]
print(f"    cards {[c['sku'] for c in cards]}, named in the answer {[c['sku'] for c in named]}, "
      f"with price {[c['sku'] for c in priced]}, not in the catalog/over budget {bad}, "
      f"grounded={turn['grounded']}, {turn['timings']['total_ms']:.0f} ms")
sys.exit(0 if cards and not bad and priced and turn["grounded"] else 1)
EOF
}

step "shopguide ask, Chinese and English (the first ask creates alice's store from the demo)"
ask zh "$ZH_QUESTION"
check "zh answer: demo products under 500 at catalog prices, one named with its price" grounded zh 500
ask en "$EN_QUESTION"
check "en answer: demo products under 800 at catalog prices, one named with its price" grounded en 800
check "the bundled model loaded (no 'note: ... model' on stderr)" \
    bash -c "! grep -qi '^note:.*model' '$WORK/ask-zh.err' '$WORK/ask-en.err'"

# --- the window -------------------------------------------------------------------------------
missing_libs() {  # libraries some file of the install needs that neither it nor the image has
    as_user alice 'I=$HOME/.local/lib/shopguide/_internal
        find "$I" -type f \( -name "*.so*" -o -perm -u+x \) | while read -r f; do
            LD_LIBRARY_PATH="$I" ldd "$f" 2>/dev/null | awk "/not found/ {print \$1}"
        done | sort -u | tr "\n" " "'
}
step "the window on bare minbase (no X, no GL)"
log "  libraries the install needs that minbase lacks: $(missing_libs)"
# DISPLAY as a desktop session sets it (no server is needed: Qt's libraries fail to load first).
as_user alice "DISPLAY=:0 shopguide" >"$OUT/gui-minbase.txt" 2>&1 && rc=0 || rc=$?
sed 's/^/    /' "$OUT/gui-minbase.txt" | tee -a "$SUMMARY"
check "without them the window names every package to install (exit 3, no traceback)" \
    bash -c "[ $rc = 3 ] && grep -q 'sudo apt-get install .*libgl1' '$OUT/gui-minbase.txt' \
             && grep -q 'sudo apt-get install .*libegl1' '$OUT/gui-minbase.txt' && ! grep -q Traceback '$OUT/gui-minbase.txt'"

step "Xvfb (the stand-in for a desktop's X server), then the README's libraries"
apt_install xvfb xauth
log "  with Xvfb installed, still missing: $(missing_libs)"
apt_install $DESKTOP_LIBS
left=$(missing_libs)
log "  after apt-get install $DESKTOP_LIBS, still missing: ${left:-nothing}"
check "the README's requirements are all the window needs" test -z "$left"

window() {  # window NAME ARGS...: start it under Xvfb, screenshot once it is drawn, SIGTERM it
    local name=$1; shift
    local fb=/tmp/fb-$name shot=$OUT/window-$name.png drawn=0 colours=0 s=$SECONDS pid=""
    as_user alice "rm -rf $fb && mkdir -p $fb && nohup xvfb-run -a -s '-screen 0 1280x800x24 -fbdir $fb' \
        shopguide $* >/tmp/gui-$name.log 2>&1 &"
    for _ in $(seq 120); do
        sleep 1
        if [ -f "$ROOT$fb/Xvfb_screen0" ] && convert "xwd:$ROOT$fb/Xvfb_screen0" "$shot" 2>/dev/null; then
            colours=$(identify -format %k "$shot")
            [ "$colours" -gt 200 ] && { drawn=1; break; }
        fi
    done
    log "  shopguide $* ($name): drawn after $((SECONDS - s)) s"
    sleep 5  # the model loads in its worker; the status bar then says so
    convert "xwd:$ROOT$fb/Xvfb_screen0" "$shot" 2>/dev/null || true
    for p in $(image_pids); do
        [ "$(cat "/proc/$p/comm" 2>/dev/null)" = shopguide ] && pid=$p
    done
    check "window ($name) drawn ($colours colours) and still running" test "$drawn" = 1 -a -n "$pid"
    if [ -n "$pid" ]; then
        kill -TERM "$pid"
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        check "window ($name) ends on SIGTERM" bash -c "! kill -0 $pid 2>/dev/null"
    fi
    sed 's/^/    /' "$ROOT/tmp/gui-$name.log" | tee -a "$SUMMARY"
    log "  screenshot: $shot"
}
step "the window with no display at all (as over ssh)"
AS_USER_TIMEOUT=60 as_user alice "shopguide" >"$OUT/gui-nodisplay.txt" 2>&1 && rc=0 || rc=$?
sed 's/^/    /' "$OUT/gui-nodisplay.txt" | head -8 | tee -a "$SUMMARY"
check "without a display it says so (exit 3), not Qt's abort advising a reinstall" \
    bash -c "[ $rc = 3 ] && grep -q 'no display to show the window on' '$OUT/gui-nodisplay.txt'"

step "the window under Xvfb (the user's own store, made by the first ask)"
window clerk
window kiosk --mode kiosk

# --- uninstall --------------------------------------------------------------------------------
step "./install.sh --uninstall"
{ as_user alice "cd $RELEASE && ./install.sh --uninstall" 2>&1 || true; } | sed 's/^/    /' | tee -a "$SUMMARY"
home_tree alice >"$WORK/home-after.txt"
left=$(comm -13 "$WORK/home-before.txt" "$WORK/home-after.txt" |
       grep -vE '^/home/alice/(\.local|\.local/share|\.local/state|\.cache)$' |
       grep -vE '^/home/alice/(\.local/share/shopguide|\.local/state/shopguide|\.cache/fontconfig|\.config|\.config/ShopGuide)(/|$)' || true)
log "  left in alice's home besides her store, settings, log and font cache: ${left:-nothing}"
check "uninstall leaves only the user's own data" test -z "$left"
not_on_path() { ! as_user alice "command -v shopguide" >/dev/null 2>&1; }
check "shopguide is gone from a new login shell" not_on_path

# --- for every user ---------------------------------------------------------------------------
step "sudo ./install.sh --system, used by a second new user, then removed"
apt_install sudo
echo 'alice ALL=(ALL) NOPASSWD: ALL' >"$ROOT/etc/sudoers.d/alice" && chmod 440 "$ROOT/etc/sudoers.d/alice"
in_image useradd -m -s /bin/bash bob
system_tree() { in_image find / -xdev \( -path /proc -o -path /home -o -path /tmp -o -path /var -o -path /root \
    -o -path /dev \) -prune -o -print | sort; }
system_tree >"$WORK/system-before.txt"
{ as_user alice "cd $RELEASE && sudo ./install.sh --system" 2>&1 || true; } | sed 's/^/    /' | tee -a "$SUMMARY"
version=$(as_user bob "shopguide --version" 2>&1 || true)
check "bob runs shopguide from /usr/local/bin: '$version'" test "$version" = "ShopGuide $VERSION"
as_user bob "shopguide ask 'What is your return policy?'" >"$OUT/ask-bob.txt" 2>&1 || true
check "bob's ask answers the return policy from his own new store" \
    bash -c "grep -q 'Within 30 days' '$OUT/ask-bob.txt' && [ -f '$ROOT/home/bob/.local/share/shopguide/store.sqlite' ]"
{ as_user alice "cd $RELEASE && sudo ./install.sh --uninstall --system" 2>&1 || true; } | sed 's/^/    /' | tee -a "$SUMMARY"
system_tree >"$WORK/system-after.txt"
left=$(diff "$WORK/system-before.txt" "$WORK/system-after.txt" || true)
check "system uninstall leaves the system as it was${left:+: $left}" test -z "$left"

step "done"
log "image at the end: $(du -sxm "$ROOT" | cut -f1) MB; total $((SECONDS - T0)) s"
if [ "$FAILED" = 0 ]; then log "RESULT: all checks passed"; else log "RESULT: $FAILED check(s) FAILED"; fi
[ "$FAILED" = 0 ]
