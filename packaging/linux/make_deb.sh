#!/usr/bin/env bash
# Make leaddesk_<version>_<arch>.deb from a built bundle (called by packaging/build.sh):
# the bundle in /opt/LeadDesk, /usr/bin/leaddesk, the desktop entry, icons, metainfo and the
# licences under /usr/share. No maintainer scripts: dpkg's triggers of desktop-file-utils and
# hicolor-icon-theme refresh the menu and icon caches, and nothing touches the user's data.
#
# Usage: make_deb.sh BUNDLE_DIR BUILD_DIR VERSION DEB_ARCH OUT_DIR
set -euo pipefail

bundle="$1" build="$2" version="$3" arch="$4" out="$5"
export PATH="$PATH:/usr/sbin:/sbin"  # ldconfig, for a build as a normal user
here="$(cd "$(dirname "$0")" && pwd)"
deb="$build/deb"

rm -rf "$deb"
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/applications" \
  "$deb/usr/share/metainfo" "$deb/usr/share/icons" "$deb/usr/share/doc/leaddesk"
cp -a "$bundle" "$deb/opt/LeadDesk"
ln -s /opt/LeadDesk/leaddesk "$deb/usr/bin/leaddesk"
install -m 0644 "$here/io.leaddesk.LeadDesk.desktop" "$deb/usr/share/applications/"
install -m 0644 "$here/io.leaddesk.LeadDesk.metainfo.xml" "$deb/usr/share/metainfo/"
cp -a "$build/icons/hicolor" "$deb/usr/share/icons/"
install -m 0644 "$build"/licenses/* "$deb/usr/share/doc/leaddesk/"
{
  echo "LeadDesk $version is MIT licensed (the text follows). The libraries it bundles, Qt and"
  echo "PySide6 under the LGPL-3.0 among them, are listed with their licences in"
  echo "/usr/share/doc/leaddesk/THIRD-PARTY-NOTICES.txt."
  echo
  cat "$build/licenses/LICENSE"
} > "$deb/usr/share/doc/leaddesk/copyright"
# Readable by every user whatever the umask of the build (files keep their execute bits).
chmod -R u+rwX,go+rX,go-w "$deb/opt" "$deb/usr"

# Depends: what the app's own binaries (Qt, its plugins, Python and its extensions) need from the
# system, as dpkg-shlibdeps words it. Copies of system libraries that PyInstaller put beside them
# are not roots (they are what the system provides); Wayland is optional (Qt falls back to xcb).
system_libs="$(ldconfig -p | awk '{print $1}' | sort -u)"
roots=()
while IFS= read -r -d '' file; do
  rel="${file#"$deb/opt/LeadDesk/"}"
  base="$(basename "$file")"
  case "$rel" in *wayland*|*libQt6Wayland*|*libQt6Wl*) continue ;; esac
  if [[ "$rel" == _internal/lib*.so* && "$rel" != */*/* ]] && grep -qxF "$base" <<<"$system_libs"; then
    continue
  fi
  case "$(file -b "$file")" in ELF*) roots+=("$file") ;; esac
done < <(find "$deb/opt/LeadDesk" -type f \( -name '*.so*' -o -name leaddesk \) -print0)
mapfile -t libdirs < <(for f in "${roots[@]}"; do dirname "$f"; done | sort -u)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/debian"
printf 'Source: leaddesk\n\nPackage: leaddesk\nArchitecture: any\n' > "$scratch/debian/control"
if ! depends="$(cd "$scratch" && dpkg-shlibdeps -O --ignore-missing-info \
    "${libdirs[@]/#/-l}" "${roots[@]}" 2>"$scratch/shlibdeps.log")"; then
  grep -v 'warning' "$scratch/shlibdeps.log" >&2 || true
  echo "make_deb.sh: dpkg-shlibdeps failed: a system library the bundle needs is not installed here." >&2
  exit 1
fi
depends="${depends#shlibs:Depends=}"
# The bundle's copies of system libraries (left out above) load first, and were built against the
# build machine's glibc: the newest GLIBC_ symbol version any file of the bundle needs sets the
# floor, or apt would install LeadDesk where it cannot start.
glibc="$(find "$deb/opt/LeadDesk" -type f \( -name '*.so*' -o -name leaddesk \) -print0 \
  | { xargs -0 objdump -T 2>/dev/null || true; } | sed -n 's/.*GLIBC_\([0-9][0-9.]*\).*/\1/p' \
  | sort -uV | tail -1)"
if [ -n "$glibc" ]; then
  depends="$(printf '%s' "$depends" | sed "s/libc6 ([^)]*)/libc6 (>= $glibc)/; t; s/^/libc6 (>= $glibc), /")"
fi
# Emoji in notes print in colour in PDFs with an emoji font (without one they print as words).
# Wayland libraries, named by the sonames the Wayland plugin asks for (libwayland-client.so.0 -> libwayland-client0).
recommends="$(find "$deb/opt/LeadDesk" -path '*wayland*' -name '*.so*' -type f -exec readelf -d {} + 2>/dev/null \
  | sed -n 's/.*Shared library: \[\(libwayland-[a-z]*\)\.so\.\([0-9]*\)\]/\1\2/p' | sort -u | paste -sd, - | sed 's/,/, /g')"

installed_size="$(du -sk --apparent-size "$deb" | cut -f1)"
cat > "$deb/DEBIAN/control" <<EOF
Package: leaddesk
Version: $version
Architecture: $arch
Maintainer: The LeadDesk developers <dev@leaddesk.invalid>
Installed-Size: $installed_size
Depends: $depends
Recommends: ${recommends:-libwayland-client0}, fonts-noto-color-emoji
Suggests: gnome-keyring | kwalletmanager | keepassxc
Section: utils
Priority: optional
Homepage: https://github.com/leaddesk/leaddesk
Description: private, offline dashboard for a leader who leads other leaders
 LeadDesk tracks what you delegated and at which level of empowerment, the
 checkpoints that verify it, the success factors you agreed, promises made in
 both directions, 1:1s and feedback, and draws a trust-over-time chart for
 every direct report. Everything stays on this computer in an encrypted
 SQLCipher store; nothing is sent anywhere. Removing the package keeps your
 store (in ~/.local/share/LeadDesk).
EOF

package="$out/leaddesk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$deb" "$package.part" >/dev/null
mv "$package.part" "$package"
echo "$package"
echo "Depends: $depends"
