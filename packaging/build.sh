#!/usr/bin/env bash
# Build what a user installs, from a clean checkout, in a venv of its own:
#   dist/LeadDesk-<version>-linux-x86_64.tar.gz   (install.sh / uninstall.sh into ~/.local)
#   dist/leaddesk_<version>_amd64.deb             (apt install ./leaddesk_<version>_amd64.deb)
# On macOS and Windows the same script builds the bundle only (README: "Build the installers").
#
# Usage: packaging/build.sh            (output in dist/, work files in build/packaging/)
#        LEADDESK_DIST=/some/dir packaging/build.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${LEADDESK_DIST:-$root/dist}"
build="$root/build/packaging"
pyinstaller_version="6.22.3"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 is needed (3.11 or newer)."
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || fail "Python 3.11 or newer is needed."

step "A clean build venv in $build"
rm -rf "$build"
mkdir -p "$build" "$out"
out="$(cd "$out" && pwd)"  # the steps below run in other folders
python3 -m venv "$build/venv"
if [ -x "$build/venv/bin/python" ]; then py="$build/venv/bin/python"; else py="$build/venv/Scripts/python.exe"; fi
"$py" -m pip install -q --upgrade pip
# LeadDesk as a user gets it (a wheel, not the source tree), and the pinned PyInstaller.
"$py" -m pip install -q "$root" "pyinstaller==$pyinstaller_version"
cd "$build"  # never import leaddesk from the checkout (see the PyInstaller step)
version="$("$py" -c 'import leaddesk; print(leaddesk.__version__)')"
echo "LeadDesk $version"

step "Icons (from resources/icons/leaddesk.svg)"
QT_QPA_PLATFORM=offscreen "$py" "$root/packaging/make_icons.py" "$build/icons"

step "Licences and third-party notices"
mkdir -p "$build/licenses"
"$py" "$root/packaging/third_party_notices.py" "$build/licenses/THIRD-PARTY-NOTICES.txt"
cp "$root/LICENSE" "$build/licenses/LICENSE"
cp "$root"/packaging/licenses/* "$build/licenses/"

step "PyInstaller one-folder bundle"
# From the build folder: `python -m` puts the current folder first on sys.path, and the checkout's
# leaddesk/ (no resources inside) must not shadow the installed wheel.
(cd "$build" && LEADDESK_BUILD="$build" "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$root/packaging/leaddesk.spec")
bundle="$build/dist/LeadDesk"
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null && command -v file >/dev/null; then
  # Debug information (17 MB in libpython alone on some builds) is no use to a user. Libraries a
  # wheel vendors (*.libs/) were patched by auditwheel and break if rewritten: left alone.
  find "$bundle" -type f -name '*.so*' -not -path '*.libs/*' -print0 \
    | while IFS= read -r -d '' library; do
        # (file's output is read whole: with pipefail, `| grep -q` could miss a match on SIGPIPE)
        case "$(file -b "$library")" in *"with debug_info"*) strip --strip-debug "$library" ;; esac
      done
fi
if command -v dpkg >/dev/null; then
  # Name the system libraries PyInstaller copied into the bundle, with their Debian copyright files.
  "$py" "$root/packaging/third_party_notices.py" \
    "$bundle/_internal/licenses/THIRD-PARTY-NOTICES.txt" --bundle "$bundle"
  cp "$bundle/_internal/licenses/THIRD-PARTY-NOTICES.txt" "$build/licenses/"
fi

case "$(uname -s)" in
  Linux) ;;
  *) step "Bundle ready in $build/dist (installers are built on Linux only)"; exit 0 ;;
esac

step "The bundle checks itself"
QT_QPA_PLATFORM=offscreen "$bundle/leaddesk" --self-test

arch="$(uname -m)"
case "$arch" in
  x86_64) deb_arch="amd64" ;;
  aarch64) deb_arch="arm64" ;;
  *) deb_arch="$arch" ;;
esac

step "Tarball"
name="LeadDesk-$version-linux-$arch"
stage="$build/$name"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons"
cp -a "$bundle" "$stage/LeadDesk"
cp "$root/packaging/linux/io.leaddesk.LeadDesk.desktop" "$stage/share/applications/"
cp "$root/packaging/linux/io.leaddesk.LeadDesk.metainfo.xml" "$stage/share/metainfo/"
cp -a "$build/icons/hicolor" "$stage/share/icons/"
install -m 0755 "$root/packaging/linux/install.sh" "$root/packaging/linux/uninstall.sh" "$stage/"
tarball="$out/$name.tar.gz"
tar -C "$build" --owner=0 --group=0 --numeric-owner -czf "$tarball.part" "$name"
mv "$tarball.part" "$tarball"
echo "$tarball"

missing=""
for tool in dpkg-deb dpkg-shlibdeps file readelf objdump; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  step "The .deb is skipped: missing${missing} (Debian/Ubuntu: sudo apt-get install dpkg-dev binutils file)"
  exit 0
fi

step ".deb"
"$root/packaging/linux/make_deb.sh" "$bundle" "$build" "$version" "$deb_arch" "$out"
