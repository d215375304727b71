#!/usr/bin/env bash
# Smoke test of what packaging/build.sh made, as a user gets it (run by .ci/run; root or sudo
# needed for the .deb part):
#   1. the tarball, unpacked in a folder outside the checkout, run with no Python, venv, PATH or
#      PYTHONPATH: --self-test, a new store, a team one-pager read back with pdftotext;
#   2. its install.sh into a scratch HOME: the desktop entry validates, the installed command runs
#      its self-test; uninstall.sh removes the app and keeps the user's store;
#   3. the .deb: apt installs it, `leaddesk --self-test` runs from the PATH, the desktop entry
#      validates, apt removes it and the user's store is still there.
# Usage: packaging/smoke_test.sh [DIST_DIR]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:-$root/dist}" && pwd)"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

step() { printf '\n== smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }

shopt -s nullglob
tarballs=("$dist"/LeadDesk-*-linux-*.tar.gz)
debs=("$dist"/leaddesk_*.deb)
[ "${#tarballs[@]}" -eq 1 ] || fail "expected one tarball in $dist, found ${#tarballs[@]}"
[ "${#debs[@]}" -eq 1 ] || fail "expected one .deb in $dist, found ${#debs[@]}"

scratch="$(mktemp -d /tmp/leaddesk-smoke.XXXXXX)"
deb_installed=""
cleanup() {
  # A failure between apt install and apt remove must not leave the package on this machine
  # (a later build would find the bundle's libraries under /opt/LeadDesk).
  if [ -n "$deb_installed" ]; then $SUDO apt-get remove -y -q leaddesk >/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
home="$scratch/home"
mkdir -p "$home"
# What a user's session has, and nothing of this checkout or its venv.
user_env=(env -i "HOME=$home" "LANG=C.UTF-8" "PATH=/usr/local/bin:/usr/bin:/bin" "QT_QPA_PLATFORM=offscreen")
store="$home/.local/share/LeadDesk/leaddesk.db"

step "tarball, unpacked outside the checkout"
tar -C "$scratch" -xzf "${tarballs[0]}"
unpacked=("$scratch"/LeadDesk-*-linux-*)
app="${unpacked[0]}/LeadDesk/leaddesk"
# The self-test runs pdftotext: a stand-in first on the PATH writes down the library path that
# programs LeadDesk starts get; it must be the user's, not the bundle's _internal/.
mkdir -p "$scratch/bin"
# shellcheck disable=SC2016  # the stand-in expands them when it runs, not here
printf '#!/bin/sh\nprintf "%%s\\n" "${LD_LIBRARY_PATH-unset}" > "%s"\nexec /usr/bin/pdftotext "$@"\n' \
  "$scratch/child-library-path" > "$scratch/bin/pdftotext"
chmod +x "$scratch/bin/pdftotext"
env -i "HOME=$home" "LANG=C.UTF-8" "PATH=$scratch/bin:/usr/bin:/bin" "QT_QPA_PLATFORM=offscreen" \
  LD_LIBRARY_PATH=/usr/lib/smoke-test "$app" --self-test
child="$(cat "$scratch/child-library-path")"
[ "$child" = "/usr/lib/smoke-test" ] || fail "a program LeadDesk starts got LD_LIBRARY_PATH=$child"
echo "programs LeadDesk starts get the user's LD_LIBRARY_PATH ($child)"
mkdir -p "$(dirname "$store")"
"${user_env[@]}" LEADDESK_PASSPHRASE="smoke test passphrase" "$app" --db "$store" demo --people 6
"${user_env[@]}" LEADDESK_PASSPHRASE="smoke test passphrase" "$app" --db "$store" export pdf --team \
  --out "$scratch/team.pdf"
grep -qi "team" <<<"$(pdftotext "$scratch/team.pdf" -)" || fail "the team one-pager does not read back"
echo "team one-pager: $(pdftotext "$scratch/team.pdf" - | wc -w) words read back"
cp "$store" "$scratch/store.before"

step "install.sh into a scratch HOME (no root)"
"${user_env[@]}" LEADDESK_ALLOW_ROOT_INSTALL=1 sh "${unpacked[0]}/install.sh"
entry="$home/.local/share/applications/io.leaddesk.LeadDesk.desktop"
desktop-file-validate "$entry"
installed="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")"
"${user_env[@]}" "$installed" --self-test >/dev/null
"${user_env[@]}" "$home/.local/bin/leaddesk" --version
"${user_env[@]}" LEADDESK_ALLOW_ROOT_INSTALL=1 sh "${unpacked[0]}/uninstall.sh"
[ ! -e "$entry" ] || fail "uninstall.sh left the desktop entry"
[ ! -e "$home/.local/bin/leaddesk" ] || fail "uninstall.sh left ~/.local/bin/leaddesk"
cmp -s "$store" "$scratch/store.before" || fail "uninstall.sh changed the user's store"

step ".deb: apt install, run from the PATH, apt remove"
if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then fail "installing the .deb needs root or sudo"; fi
deb_installed=1
$SUDO apt-get install -y -q "${debs[0]}"
command -v leaddesk >/dev/null || fail "no leaddesk on the PATH after apt install"
"${user_env[@]}" leaddesk --self-test
desktop-file-validate /usr/share/applications/io.leaddesk.LeadDesk.desktop
"${user_env[@]}" LEADDESK_PASSPHRASE="smoke test passphrase" leaddesk --db "$store" export pdf \
  --person "$("${user_env[@]}" LEADDESK_PASSPHRASE="smoke test passphrase" leaddesk --db "$store" people | head -1 | sed 's/  .*//')" \
  --out "$scratch/person.pdf"
grep -q "PRIVATE ONE-PAGER" <<<"$(pdftotext "$scratch/person.pdf" -)" \
  || fail "the person one-pager does not read back"
cp "$store" "$scratch/store.before"
$SUDO apt-get remove -y -q leaddesk
deb_installed=""
[ ! -e /opt/LeadDesk ] || fail "apt remove left /opt/LeadDesk"
! command -v leaddesk >/dev/null || fail "leaddesk is still on the PATH after apt remove"
cmp -s "$store" "$scratch/store.before" || fail "apt remove changed the user's store"
echo "smoke: all passed"
