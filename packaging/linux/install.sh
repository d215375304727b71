#!/bin/sh
# Install LeadDesk for the current user into ~/.local, from the unpacked tarball
# LeadDesk-<version>-linux-x86_64/ (this script sits at its top, next to LeadDesk/ and share/).
#
#   the app          ~/.local/lib/leaddesk/            (the bundle; an older install is replaced)
#   the command      ~/.local/bin/leaddesk             (a symlink)
#   menu, icons,     ${XDG_DATA_HOME:-~/.local/share}/{applications,icons/hicolor,metainfo}/
#   AppStream data
#
# Every file and folder it creates is listed in ~/.local/lib/leaddesk/.installed-files, so
# uninstall.sh removes exactly those. The user's data (~/.local/share/LeadDesk/) is never touched.
# No root: root installs the .deb. (LEADDESK_ALLOW_ROOT_INSTALL=1 lets the test suite, which runs
# as root in a container, install into a scratch HOME.)
set -eu

APP_ID=io.leaddesk.LeadDesk
ME=install.sh

fail() {
    # $1: exit code, $2: one line saying what happened and what to do.
    printf '%s: %s\n' "$ME" "$2" >&2
    exit "$1"
}

if [ "$(id -u)" -eq 0 ] && [ "${LEADDESK_ALLOW_ROOT_INSTALL:-}" != 1 ]; then
    fail 2 "this installs LeadDesk for one user into ~/.local and must not run as root. Run it as yourself (no sudo), or, as root, install the Debian package: apt install ./leaddesk_<version>_amd64.deb"
fi
if [ -z "${HOME:-}" ] || [ ! -d "$HOME" ]; then
    fail 2 "HOME is not set to an existing folder; cannot tell where to install."
fi

HERE=$(cd "$(dirname "$0")" && pwd -P)
BUNDLE="$HERE/LeadDesk"
SHARE="$HERE/share"
DESKTOP_SRC="$SHARE/applications/$APP_ID.desktop"
METAINFO_SRC="$SHARE/metainfo/$APP_ID.metainfo.xml"
ICONS_SRC="$SHARE/icons/hicolor"

if [ ! -f "$BUNDLE/leaddesk" ] || [ ! -x "$BUNDLE/leaddesk" ]; then
    fail 2 "the app is missing: no executable LeadDesk/leaddesk in $HERE. Unpack the whole LeadDesk-<version>-linux-x86_64.tar.gz and run install.sh from inside the folder it makes."
fi
for needed in "$HERE/uninstall.sh" "$DESKTOP_SRC" "$METAINFO_SRC" "$ICONS_SRC/scalable/apps/$APP_ID.svg"; do
    if [ ! -f "$needed" ]; then
        fail 2 "${needed#"$HERE"/} is missing in $HERE. Unpack the whole LeadDesk-<version>-linux-x86_64.tar.gz again and run install.sh from inside the folder it makes."
    fi
done

DATA_HOME=${XDG_DATA_HOME:-}
case "$DATA_HOME" in
/*) ;;
*) DATA_HOME="$HOME/.local/share" ;; # unset, empty or relative: the XDG default
esac
LIB_PARENT="$HOME/.local/lib"
LIB_DIR="$LIB_PARENT/leaddesk"
BIN_DIR="$HOME/.local/bin"
APPS_DIR="$DATA_HOME/applications"
ICONS_DIR="$DATA_HOME/icons/hicolor"
METAINFO_DIR="$DATA_HOME/metainfo"
EXECUTABLE="$LIB_DIR/leaddesk"

# A desktop entry's Exec= needs quoting for spaces, and escapes that would be easy to get wrong for
# the few characters below; a home folder with them is rare enough to refuse plainly.
case "$LIB_DIR" in
*[\"\`\$\\%]* | *'
'*)
    fail 2 "your home folder path ($HOME) holds a character a desktop entry cannot name (\" \` \$ \\ % or a newline); install the Debian package or use pipx instead."
    ;;
esac
case "$EXECUTABLE" in
*[!A-Za-z0-9/._+-]*) EXEC_VALUE="\"$EXECUTABLE\"" ;;
*) EXEC_VALUE=$EXECUTABLE ;;
esac

VERSION=$(sed -n 's/.*<release [^>]*version="\([^"]*\)".*/\1/p' "$METAINFO_SRC" | head -n 1)

STAGE="$LIB_PARENT/.leaddesk-installing.$$"
RETIRED="$LIB_PARENT/.leaddesk-replaced.$$"
cleanup() {
    rm -rf "$STAGE" "$RETIRED"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

missing_dirs() {
    # The folders that mkdir -p "$1" would create, outermost first, one per line.
    _dir=$1
    _missing=""
    while [ ! -d "$_dir" ]; do
        _missing="$_dir
$_missing"
        _dir=$(dirname "$_dir")
    done
    printf '%s' "$_missing"
}

record_dirs() {
    # Append "dir PATH" for each line of $1 to the manifest.
    while IFS= read -r _line; do
        if [ -n "$_line" ]; then
            printf 'dir %s\n' "$_line" >>"$MANIFEST"
        fi
    done <<EOF
$1
EOF
}

make_dir() {
    # mkdir -p "$1", listing in the manifest each folder it creates.
    _created=$(missing_dirs "$1")
    mkdir -p "$1"
    record_dirs "$_created"
}

install_file() {
    # Copy $1 to $2 (replaced in one rename), mode $3, and list it in the manifest.
    make_dir "$(dirname "$2")"
    cp "$1" "$2.new.$$"
    chmod "$3" "$2.new.$$"
    mv -f "$2.new.$$" "$2"
    printf 'file %s\n' "$2" >>"$MANIFEST"
}

# 1. The bundle, copied beside the old install first: a failed copy (a full disk) changes nothing.
OLD_MANIFEST=""
if [ -f "$LIB_DIR/.installed-files" ]; then
    OLD_MANIFEST=$(cat "$LIB_DIR/.installed-files")
fi
LIB_PARENT_CREATED=$(missing_dirs "$LIB_PARENT")
mkdir -p "$LIB_PARENT"
rm -rf "$STAGE"
mkdir "$STAGE"
cp -R -P "$BUNDLE/." "$STAGE/" ||
    fail 1 "could not copy the app into $LIB_PARENT (is the disk full?); nothing was changed."
cp "$HERE/uninstall.sh" "$STAGE/uninstall.sh"
chmod 755 "$STAGE/uninstall.sh"

MANIFEST="$STAGE/.installed-files"
printf '# LeadDesk %s, installed by install.sh: what uninstall.sh removes\n' "$VERSION" >"$MANIFEST"
# Folders and caches an earlier install created stay on the list: still LeadDesk's to remove.
printf '%s\n' "$OLD_MANIFEST" | grep -e '^dir ' -e '^cache ' >>"$MANIFEST" || true
record_dirs "$LIB_PARENT_CREATED"
printf 'tree %s\n' "$LIB_DIR" >>"$MANIFEST"

# 2. Swap it in. A running LeadDesk keeps its open files; the next start uses the new version.
if [ -e "$LIB_DIR" ] || [ -L "$LIB_DIR" ]; then
    mv "$LIB_DIR" "$RETIRED"
    if ! mv "$STAGE" "$LIB_DIR"; then
        mv "$RETIRED" "$LIB_DIR"
        fail 1 "could not put the new version in place in $LIB_PARENT; the previous install is unchanged."
    fi
    rm -rf "$RETIRED"
else
    mv "$STAGE" "$LIB_DIR"
fi
MANIFEST="$LIB_DIR/.installed-files"

# 3. The command, unless something else already answers to it (e.g. a pipx install).
make_dir "$BIN_DIR"
LINK="$BIN_DIR/leaddesk"
LINK_NOTE=""
if [ -L "$LINK" ] && [ "$(readlink "$LINK")" = "$EXECUTABLE" ]; then
    printf 'link %s\n' "$LINK" >>"$MANIFEST"
elif [ -e "$LINK" ] || [ -L "$LINK" ]; then
    LINK_NOTE="$LINK already exists (another LeadDesk, e.g. from pipx) and was left as it is; the menu entry starts this install."
else
    ln -s "$EXECUTABLE" "$LINK"
    printf 'link %s\n' "$LINK" >>"$MANIFEST"
fi

# 4. The desktop entry, pointing at the installed executable by its full path: a desktop session
# may not have ~/.local/bin on its PATH.
make_dir "$APPS_DIR"
DESKTOP="$APPS_DIR/$APP_ID.desktop"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
    Exec=leaddesk | Exec=leaddesk\ *) printf 'Exec=%s%s\n' "$EXEC_VALUE" "${line#Exec=leaddesk}" ;;
    TryExec=*) printf 'TryExec=%s\n' "$EXECUTABLE" ;;
    *) printf '%s\n' "$line" ;;
    esac
done <"$DESKTOP_SRC" >"$DESKTOP.new.$$"
chmod 644 "$DESKTOP.new.$$"
mv -f "$DESKTOP.new.$$" "$DESKTOP"
printf 'file %s\n' "$DESKTOP" >>"$MANIFEST"

# 5. Icons (every size the tarball has) and the AppStream metadata.
for icon in "$ICONS_SRC"/*/apps/"$APP_ID".*; do
    [ -f "$icon" ] || continue
    install_file "$icon" "$ICONS_DIR/${icon#"$ICONS_SRC"/}" 644
done
install_file "$METAINFO_SRC" "$METAINFO_DIR/$APP_ID.metainfo.xml" 644

# 6. What an older install had and this one does not (an icon size since dropped) goes.
printf '%s\n' "$OLD_MANIFEST" | while IFS= read -r entry; do
    case "$entry" in
    "file "* | "link "*) ;;
    *) continue ;;
    esac
    if grep -Fqx "$entry" "$MANIFEST"; then
        continue
    fi
    old_path=${entry#* }
    case "$old_path" in
    */LeadDesk | */LeadDesk/*) continue ;; # never anything in a user's data folder
    esac
    if [ "${entry%% *}" = link ]; then
        if [ -L "$old_path" ] && [ "$(readlink "$old_path")" = "$EXECUTABLE" ]; then
            rm -f "$old_path"
        fi
    elif [ -f "$old_path" ]; then
        rm -f "$old_path"
    fi
done

# 7. Let the desktop notice (these tools are optional; a session rescans anyway). A cache file
# that was not there before is LeadDesk's to remove again.
update_cache() {
    # $1: the tool, $2: the cache file it writes, then the tool's arguments.
    _tool=$1
    _cache=$2
    shift 2
    command -v "$_tool" >/dev/null 2>&1 || return 0
    _existed=no
    [ -e "$_cache" ] && _existed=yes
    "$_tool" "$@" 2>/dev/null || return 0
    if [ "$_existed" = no ] && [ -f "$_cache" ] && ! grep -Fqx "cache $_cache" "$MANIFEST"; then
        printf 'cache %s\n' "$_cache" >>"$MANIFEST"
    fi
}
update_cache update-desktop-database "$APPS_DIR/mimeinfo.cache" -q "$APPS_DIR"
update_cache gtk-update-icon-cache "$ICONS_DIR/icon-theme.cache" -q -t -f "$ICONS_DIR"

tilde() {
    # $1 with the home folder written as ~, as the user would type it.
    # shellcheck disable=SC2088 # a ~ for the reader, not for the shell
    case "$1" in
    "$HOME"/*) printf '~/%s' "${1#"$HOME"/}" ;;
    *) printf '%s' "$1" ;;
    esac
}
case ":${PATH:-}:" in
*":$BIN_DIR:"* | *":$BIN_DIR/:"*) COMMAND=leaddesk ;;
*) COMMAND=$(tilde "$EXECUTABLE") ;;
esac
if [ -n "$LINK_NOTE" ]; then
    COMMAND=$(tilde "$EXECUTABLE") # "leaddesk" on the PATH is another install
fi

echo "LeadDesk ${VERSION} is installed for you (no root needed):"
echo "  the app          $(tilde "$LIB_DIR")/"
if [ -z "$LINK_NOTE" ]; then
    echo "  the command      $(tilde "$LINK")"
fi
echo "  the menu entry   $(tilde "$DESKTOP")"
echo "  icons            $(tilde "$ICONS_DIR")/*/apps/$APP_ID.*"
echo "  AppStream data   $(tilde "$METAINFO_DIR/$APP_ID.metainfo.xml")"
if [ -n "$LINK_NOTE" ]; then
    echo "Note: $LINK_NOTE"
fi
echo
echo "Start it from your desktop's application menu (LeadDesk; if it is not listed yet, log out"
echo "and in again), or in a terminal: $COMMAND"
if [ -z "$LINK_NOTE" ] && [ "$COMMAND" != leaddesk ]; then
    echo "($(tilde "$BIN_DIR") is not on your PATH; to type just 'leaddesk', add it, e.g. with"
    # shellcheck disable=SC2016 # the user is to type $HOME and $PATH literally
    echo '   echo '\''export PATH="$HOME/.local/bin:$PATH"'\'' >> ~/.profile   and log in again.)'
fi
echo "If something is wrong, run: $COMMAND --self-test"
echo "To uninstall: $(tilde "$LIB_DIR")/uninstall.sh (your data in $(tilde "$DATA_HOME/LeadDesk") is never touched)"
