#!/usr/bin/env bash
# Install or uninstall ShopGuide on Linux, from the release folder or a source checkout.
#
#   ./install.sh                      for the current user (~/.local)
#   sudo ./install.sh --system        for every user (/opt/shopguide, /usr/share, /usr/local/bin)
#   ./install.sh --prefix DIR         everything under DIR (packagers, tests)
#   ./install.sh --autostart xdg      also start the kiosk at login (XDG autostart entry)
#   ./install.sh --autostart systemd  ...or through a systemd user unit (restarts on a crash)
#   ./install.sh --uninstall [--system|--prefix DIR]
#
# Every file and folder the install creates is written to a manifest
# (<app dir>/install-manifest.txt); --uninstall removes exactly those, and a
# folder only if it is empty. The user's store, settings and logs are never
# touched: they live in the user's own data/config/log folders.
set -euo pipefail

PROG=$(basename "$0")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    cat <<EOF

Options:
  --system            install for all users (needs root)
  --prefix DIR        install under DIR instead (DIR/lib/shopguide, DIR/bin, DIR/share, DIR/etc)
  --bundle DIR        the built bundle folder (default: ./shopguide beside this script,
                      else dist/shopguide of the source checkout)
  --autostart KIND    xdg or systemd: start the kiosk when the user logs in
  --no-enable         with --autostart systemd: install the unit but do not run systemctl
  --uninstall         remove what an earlier install put there
  -h, --help          this text
EOF
}

die() { echo "$PROG: $*" >&2; exit 1; }

MODE=user PREFIX="" BUNDLE="" AUTOSTART="" UNINSTALL=0 ENABLE=1
while [ $# -gt 0 ]; do
    case "$1" in
        --system) MODE=system ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; MODE=prefix PREFIX=$2; shift ;;
        --prefix=*) MODE=prefix PREFIX=${1#--prefix=} ;;
        --bundle) [ $# -ge 2 ] || die "--bundle needs a folder"; BUNDLE=$2; shift ;;
        --bundle=*) BUNDLE=${1#--bundle=} ;;
        --autostart) [ $# -ge 2 ] || die "--autostart needs xdg or systemd"; AUTOSTART=$2; shift ;;
        --autostart=*) AUTOSTART=${1#--autostart=} ;;
        --no-enable) ENABLE=0 ;;
        --uninstall) UNINSTALL=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done
case "$AUTOSTART" in ""|xdg|systemd) ;; *) die "--autostart takes xdg or systemd, not '$AUTOSTART'" ;; esac

case "$MODE" in
    user)
        [ -n "${HOME:-}" ] || die "HOME is not set"
        APP_DIR=$HOME/.local/lib/shopguide
        BIN_DIR=$HOME/.local/bin
        DATA_DIR=${XDG_DATA_HOME:-$HOME/.local/share}
        AUTOSTART_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/autostart
        UNIT_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user
        ;;
    system)
        [ "$(id -u)" -eq 0 ] || die "--system needs root: run it with sudo"
        APP_DIR=/opt/shopguide
        BIN_DIR=/usr/local/bin
        DATA_DIR=/usr/share
        AUTOSTART_DIR=/etc/xdg/autostart
        UNIT_DIR=/etc/systemd/user
        ;;
    prefix)
        [ -n "$PREFIX" ] || die "--prefix needs a folder"
        mkdir -p "$PREFIX" && PREFIX=$(cd "$PREFIX" && pwd)
        APP_DIR=$PREFIX/lib/shopguide
        BIN_DIR=$PREFIX/bin
        DATA_DIR=$PREFIX/share
        AUTOSTART_DIR=$PREFIX/etc/xdg/autostart
        UNIT_DIR=$PREFIX/lib/systemd/user
        ;;
esac
MANIFEST=$APP_DIR/install-manifest.txt
UNIT_NAME=shopguide-kiosk.service
WANTS_LINK=$UNIT_DIR/graphical-session.target.wants/$UNIT_NAME

owned() {
    # Only paths inside the folders this script installs to are ever removed,
    # whatever a damaged or edited manifest says.
    local root
    for root in "$APP_DIR" "$BIN_DIR" "$DATA_DIR" "$AUTOSTART_DIR" "$UNIT_DIR"; do
        case "$1" in "$root"|"$root"/*) return 0 ;; esac
    done
    return 1
}

systemctl_scope() { if [ "$MODE" = system ]; then echo --global; else echo --user; fi; }

refresh_caches() {
    # Only caches that already exist are refreshed: creating one would leave a
    # file behind that the uninstall does not own.
    if [ -f "$DATA_DIR/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -t -f "$DATA_DIR/icons/hicolor" || true
    fi
    if [ -f "$DATA_DIR/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$DATA_DIR/applications" || true
    fi
}

uninstall() {
    local quiet=${1:-0}
    if [ ! -f "$MANIFEST" ]; then
        [ "$quiet" = 1 ] && return 0
        die "ShopGuide is not installed here: no $MANIFEST"
    fi
    local kind path entries
    # Read it all now: the manifest lists itself among the files to remove.
    entries=$(cat "$MANIFEST")
    # Undo systemctl first, while the unit file is still there.
    while IFS=' ' read -r kind path; do
        if [ "$kind" = x ] && [ "$path" = systemctl ] && command -v systemctl >/dev/null; then
            systemctl "$(systemctl_scope)" disable "$UNIT_NAME" >/dev/null 2>&1 || true
        fi
    done <<<"$entries"
    # A unit the user enabled by hand leaves this link; it points at our unit, so it goes too.
    if [ -L "$WANTS_LINK" ]; then
        rm -f "$WANTS_LINK"
        rmdir "$(dirname "$WANTS_LINK")" 2>/dev/null || true
    fi
    while IFS=' ' read -r kind path; do
        case "$kind" in
            f|l) if owned "$path"; then rm -f -- "$path"; fi ;;
        esac
    done <<<"$entries"
    # Folders deepest first, and only when empty: anything a user put there stays.
    { grep '^d ' <<<"$entries" || true; } | cut -c3- | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- |
        while IFS= read -r path; do
            # rmdir never takes a folder that holds anything, so parents like
            # ~/.local/lib that the install created may go as well.
            case "$path" in /*) rmdir -- "$path" 2>/dev/null || true ;; esac
        done
    refresh_caches
    if [ "$quiet" != 1 ]; then
        echo "ShopGuide removed from $APP_DIR."
        if [ "$MODE" = system ]; then
            # Under sudo, HOME is root's: name the folders in each user's home instead.
            echo "Each user's store, settings and logs are kept (~/.local/share/shopguide," \
                 "~/.config/ShopGuide, ~/.local/state/shopguide in their home);" \
                 "delete them yourself if they are no longer needed."
        else
            echo "The store, settings and logs are kept (${XDG_DATA_HOME:-$HOME/.local/share}/shopguide," \
                 "${XDG_CONFIG_HOME:-$HOME/.config}/ShopGuide, ${XDG_STATE_HOME:-$HOME/.local/state}/shopguide);" \
                 "delete them yourself if they are no longer needed."
        fi
    fi
}

if [ "$UNINSTALL" = 1 ]; then
    uninstall
    exit 0
fi

# --- install ---------------------------------------------------------------
if [ -z "$BUNDLE" ]; then
    if [ -x "$HERE/shopguide/shopguide" ]; then
        BUNDLE=$HERE/shopguide                  # the release folder
    elif [ -x "$HERE/../../dist/shopguide/shopguide" ]; then
        BUNDLE=$HERE/../../dist/shopguide       # a source checkout after `make package`
    else
        die "no built bundle found: run 'make package' first, or pass --bundle DIR"
    fi
fi
[ -x "$BUNDLE/shopguide" ] || die "$BUNDLE is not a ShopGuide bundle (no executable $BUNDLE/shopguide)"
BUNDLE=$(cd "$BUNDLE" && pwd)
for f in shopguide.desktop shopguide-kiosk.desktop shopguide-kiosk-autostart.desktop \
         shopguide-kiosk.service icons/shopguide.svg; do
    [ -f "$HERE/$f" ] || die "missing $HERE/$f: unpack the whole release folder"
done

# Refuse to overwrite what an earlier install of ours did not put there.
if [ -e "$BIN_DIR/shopguide" ] || [ -L "$BIN_DIR/shopguide" ]; then
    if ! { [ -f "$MANIFEST" ] && grep -qxF "l $BIN_DIR/shopguide" "$MANIFEST"; }; then
        die "$BIN_DIR/shopguide already exists (another ShopGuide, e.g. from pip?); remove it first"
    fi
fi
# An upgrade: take the old version out first, by its own manifest.
uninstall 1
if [ -e "$APP_DIR" ] && [ -n "$(ls -A "$APP_DIR" 2>/dev/null)" ]; then
    die "$APP_DIR exists and was not installed by this script; move it away first"
fi

ENTRIES=$(mktemp)
trap 'rm -f "$ENTRIES"' EXIT

make_dir() {
    # mkdir -p that records each folder it creates, outermost first.
    local dir=$1 missing=()
    while [ ! -d "$dir" ]; do
        missing=("$dir" "${missing[@]}")
        dir=$(dirname "$dir")
    done
    local d
    for d in "${missing[@]}"; do
        mkdir -- "$d"
        echo "d $d" >>"$ENTRIES"
    done
}

put_file() {
    # put_file SRC DEST [MODE]: copy one file and record it.
    make_dir "$(dirname "$2")"
    install -m "${3:-644}" -- "$1" "$2"
    echo "f $2" >>"$ENTRIES"
}

desktop_exec() {
    # The launcher's Exec/TryExec must name the installed program itself: ~/.local/bin is
    # often not on a desktop session's PATH. Paths with spaces are quoted per the spec.
    local exe=$APP_DIR/shopguide
    case "$exe" in *' '*) exe="\"$exe\"" ;; esac
    sed -e "s|^Exec=shopguide|Exec=$exe|" -e "s|^TryExec=shopguide$|TryExec=$APP_DIR/shopguide|" "$1"
}

put_generated() {
    # put_generated DEST < content
    make_dir "$(dirname "$1")"
    cat >"$1"
    chmod 644 "$1"
    echo "f $1" >>"$ENTRIES"
}

# The program itself.
make_dir "$APP_DIR"
cp -a -- "$BUNDLE/." "$APP_DIR/"
(cd "$APP_DIR" && find . -mindepth 1 -type d) | sed "s|^\.|d $APP_DIR|" >>"$ENTRIES"
(cd "$APP_DIR" && find . \( -type f -o -type l \)) | sed "s|^\.|f $APP_DIR|" >>"$ENTRIES"
if [ -f "$HERE/README.md" ]; then
    put_file "$HERE/README.md" "$APP_DIR/README.md"
fi
chmod -R u+rwX,go+rX,go-w "$APP_DIR"

# The command on PATH.
make_dir "$BIN_DIR"
ln -s -- "$APP_DIR/shopguide" "$BIN_DIR/shopguide"
echo "l $BIN_DIR/shopguide" >>"$ENTRIES"

# Launchers and icons.
desktop_exec "$HERE/shopguide.desktop" | put_generated "$DATA_DIR/applications/shopguide.desktop"
desktop_exec "$HERE/shopguide-kiosk.desktop" | put_generated "$DATA_DIR/applications/shopguide-kiosk.desktop"
for png in "$HERE"/icons/hicolor/*/apps/shopguide.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    put_file "$png" "$DATA_DIR/icons/hicolor/$size/apps/shopguide.png"
done
put_file "$HERE/icons/shopguide.svg" "$DATA_DIR/icons/hicolor/scalable/apps/shopguide.svg"

# Kiosk autostart.
case "$AUTOSTART" in
    xdg)
        desktop_exec "$HERE/shopguide-kiosk-autostart.desktop" |
            put_generated "$AUTOSTART_DIR/shopguide-kiosk.desktop"
        ;;
    systemd)
        exe=$APP_DIR/shopguide
        case "$exe" in *' '*) exe="\"$exe\"" ;; esac
        sed "s|^ExecStart=shopguide|ExecStart=$exe|" "$HERE/$UNIT_NAME" | put_generated "$UNIT_DIR/$UNIT_NAME"
        ;;
esac

echo "f $MANIFEST" >>"$ENTRIES"
# Written last, so a failed install above leaves no manifest claiming a complete install.
{
    echo "# ShopGuide install manifest ($MODE). Kinds: d=folder created, f=file, l=link, x=action."
    cat "$ENTRIES"
} >"$MANIFEST"

if [ "$AUTOSTART" = systemd ]; then
    if [ "$ENABLE" = 1 ] && [ "$MODE" != prefix ] && command -v systemctl >/dev/null; then
        if [ "$MODE" = user ]; then systemctl --user daemon-reload >/dev/null 2>&1 || true; fi
        if systemctl "$(systemctl_scope)" enable "$UNIT_NAME" >/dev/null 2>&1; then
            echo "x systemctl" >>"$MANIFEST"
            echo "Kiosk unit enabled: it starts at the next graphical login."
        else
            echo "Could not enable the kiosk unit here; enable it in the kiosk user's session with:"
            echo "  systemctl --user enable --now $UNIT_NAME"
        fi
    else
        echo "Kiosk unit installed in $UNIT_DIR; enable it with: systemctl $(systemctl_scope) enable $UNIT_NAME"
    fi
fi
refresh_caches

echo "ShopGuide installed in $APP_DIR."
echo "Start it from the applications menu (ShopGuide, or ShopGuide Kiosk), or run: $BIN_DIR/shopguide"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *)
        # The usual case on a fresh account: Debian's and Ubuntu's ~/.profile put
        # ~/.local/bin on PATH only if it existed at login, and this install just made it.
        echo "Note: $BIN_DIR is not on your PATH yet, so 'shopguide' is not found in this terminal."
        if [ "$MODE" = user ] && [ -f "$HOME/.profile" ] && grep -qF '.local/bin' "$HOME/.profile"; then
            echo "Your ~/.profile adds it at your next login. Until then, run $BIN_DIR/shopguide, or:"
        else
            echo "Run $BIN_DIR/shopguide, or add the folder to PATH (e.g. in ~/.profile):"
        fi
        echo "  export PATH=\"$BIN_DIR:\$PATH\""
        ;;
esac
