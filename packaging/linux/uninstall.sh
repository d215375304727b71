#!/bin/sh
# Remove the LeadDesk that install.sh put into ~/.local: exactly the files and folders listed in
# ~/.local/lib/leaddesk/.installed-files, then the app folder itself. The user's data
# (~/.local/share/LeadDesk/: the encrypted store and its backups) is never touched.
# Runs from the unpacked tarball or as ~/.local/lib/leaddesk/uninstall.sh.
set -eu

ME=uninstall.sh

fail() {
    # $1: exit code, $2: one line saying what happened and what to do.
    printf '%s: %s\n' "$ME" "$2" >&2
    exit "$1"
}

if [ "$(id -u)" -eq 0 ] && [ "${LEADDESK_ALLOW_ROOT_INSTALL:-}" != 1 ]; then
    fail 2 "this removes a LeadDesk installed for one user in ~/.local and must not run as root. Run it as that user (no sudo); the Debian package is removed with: apt remove leaddesk"
fi
if [ -z "${HOME:-}" ] || [ ! -d "$HOME" ]; then
    fail 2 "HOME is not set to an existing folder; cannot tell what to remove."
fi

DATA_HOME=${XDG_DATA_HOME:-}
case "$DATA_HOME" in
/*) ;;
*) DATA_HOME="$HOME/.local/share" ;;
esac
LIB_DIR="$HOME/.local/lib/leaddesk"
MANIFEST="$LIB_DIR/.installed-files"
EXECUTABLE="$LIB_DIR/leaddesk"

tilde() {
    # $1 with the home folder written as ~, as the user would type it.
    # shellcheck disable=SC2088 # a ~ for the reader, not for the shell
    case "$1" in
    "$HOME"/*) printf '~/%s' "${1#"$HOME"/}" ;;
    *) printf '%s' "$1" ;;
    esac
}

if [ ! -f "$MANIFEST" ]; then
    if [ -d "$LIB_DIR" ]; then
        fail 2 "$(tilde "$LIB_DIR") exists but has no list of installed files, so nothing was removed. Run install.sh from the LeadDesk tarball again, then this."
    fi
    fail 2 "LeadDesk is not installed for this user (there is no $(tilde "$MANIFEST")); nothing to remove."
fi
ENTRIES=$(cat "$MANIFEST")

is_users_data() {
    # True for anything in a data folder named LeadDesk: the user's store is never removed, whatever
    # a damaged or edited list says.
    case "$1" in
    */LeadDesk | */LeadDesk/*) return 0 ;;
    esac
    return 1
}

# 1. Files and the command symlink (only if it still points at this install).
REMOVED=0
DIRS=""
while IFS= read -r entry; do
    kind=${entry%% *}
    path=${entry#* }
    case "$path" in
    /*) ;;
    *) continue ;; # comments, blank lines, anything not an absolute path
    esac
    if is_users_data "$path"; then
        continue
    fi
    case "$kind" in
    file)
        case "$path" in
        */applications/io.leaddesk.LeadDesk.desktop) DATA_HOME=${path%/applications/*} ;;
        esac
        if [ -f "$path" ] && [ ! -L "$path" ]; then
            rm -f "$path"
            REMOVED=$((REMOVED + 1))
        fi
        ;;
    cache)
        rm -f "$path" # a desktop cache this install created
        ;;
    link)
        if [ -L "$path" ] && [ "$(readlink "$path")" = "$EXECUTABLE" ]; then
            rm -f "$path"
            REMOVED=$((REMOVED + 1))
        fi
        ;;
    dir)
        DIRS="$path
$DIRS" # innermost first
        ;;
    esac
done <<EOF
$ENTRIES
EOF

# 2. Desktop caches that were there before LeadDesk: rebuilt without LeadDesk in them. (The data
# folder is the one install.sh used, should XDG_DATA_HOME have changed since.)
USER_DATA="$DATA_HOME/LeadDesk"
APPS_DIR="$DATA_HOME/applications"
ICONS_DIR="$DATA_HOME/icons/hicolor"
if [ -f "$APPS_DIR/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS_DIR" 2>/dev/null || true
fi
if [ -f "$ICONS_DIR/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$ICONS_DIR" 2>/dev/null || true
fi

# 3. The app folder (the bundle, this list, the copy of this script).
rm -rf "$LIB_DIR"

# 4. Folders install.sh created, if nothing else has been put in them since.
while IFS= read -r dir; do
    if [ -n "$dir" ] && [ -d "$dir" ] && ! is_users_data "$dir"; then
        rmdir "$dir" 2>/dev/null || true
    fi
done <<EOF
$DIRS
EOF

echo "LeadDesk is uninstalled: removed $(tilde "$LIB_DIR")/ and $REMOVED other files (menu entry, icons, AppStream data, the leaddesk command)."
if [ -d "$USER_DATA" ]; then
    echo "Your LeadDesk data in $(tilde "$USER_DATA") was kept. Delete that folder yourself only if you want your notes gone for good."
else
    echo "Your LeadDesk data folder ($(tilde "$USER_DATA")) was not touched; there is none for this user."
fi
