"""Write THIRD-PARTY-NOTICES.txt for the LeadDesk bundle from the installed package metadata.

Run with the build venv's python (the bundle ships what that venv holds):

    .venv/bin/python packaging/third_party_notices.py dist/THIRD-PARTY-NOTICES.txt
    .venv/bin/python packaging/third_party_notices.py --check    # summary only, no file
    .venv/bin/python packaging/third_party_notices.py OUT --bundle dist/LeadDesk  # a built one

It follows `Requires-Dist` from the `leaddesk` distribution (markers evaluated, only requested
extras), so dev tools in the same venv stay out, and adds CPython itself (the interpreter is
bundled) and the PyInstaller bootloader when PyInstaller is installed; with `--bundle`, also the
system libraries PyInstaller copied into the built bundle (their Debian copyright files). For
each: name, version, licence, homepage and the full text of its licence files. Generated, never
hand-written: a new dependency appears by itself, and one with neither a licence name nor a text
makes this script exit 1, so it cannot slip into a release unnoticed.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundled_natives import native_notes, qt_notice  # beside this script
from requirement_markers import canonical, marker_applies, parse_requirement
from system_libraries import (
    copyright_text,
    declared_licence,
    group,
    package_facts,
    top_level_libraries,
)

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licenses"  # verbatim licence texts no wheel carries
COMMON_LICENCES = Path("/usr/share/common-licenses")
COMMON_LICENCE = re.compile(r"/usr/share/common-licenses/([A-Za-z0-9.+-]+)")
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
NO_TEXT = "licence text not shipped by the package"
# Packages whose wheels carry no licence file, and the texts that apply (from TEXTS).
EXTRA_TEXTS = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "pyside6-addons": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "pyside6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    # SQLCipher is linked into the driver; its BSD-3-Clause text asks to travel with binaries.
    "sqlcipher3-binary": ("SQLCipher-BSD-3-Clause.txt",),
}


@dataclass(slots=True)
class Notice:
    """What the notice says about one bundled component."""

    name: str
    version: str
    licence: str
    homepage: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (title, full text)
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """A component is acceptable with a licence name or a text; with neither it is not."""
        return bool(self.licence or self.texts)


def runtime_closure(root: str) -> tuple[list[metadata.Distribution], list[str]]:
    """The installed distributions `root` needs at run time, and the needed ones not installed."""
    installed: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():  # sys.path order: the first one is what imports
        installed.setdefault(canonical(dist.metadata["Name"] or ""), dist)
    wanted: dict[str, set[str]] = {}
    missing: list[str] = []
    queue: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while queue:
        name, extras = queue.pop()
        key = canonical(name)
        if key not in installed:
            if key == canonical(root):
                raise SystemExit(f"{root} is not installed in {sys.prefix}: pip install . first")
            missing.append(name)
            continue
        done = wanted.get(key)
        if done is not None and extras <= done:
            continue
        wanted[key] = (done or set()) | extras
        for line in installed[key].requires or []:
            req = parse_requirement(line)
            if any(marker_applies(req.marker, extra) for extra in ("", *sorted(extras))):
                queue.append((req.name, req.extras))
    dists = [installed[key] for key in wanted if key != canonical(root)]
    return sorted(dists, key=lambda d: canonical(d.metadata["Name"])), sorted(set(missing))


def field_of(meta: metadata.PackageMetadata, key: str) -> str:
    """A metadata field, "" when absent."""
    return str(meta[key]) if key in meta else ""


def licence_name(meta: metadata.PackageMetadata) -> str:
    """SPDX expression if declared, else the License field, else the licence classifiers."""
    expression = field_of(meta, "License-Expression").strip()
    if expression:
        return expression
    declared = field_of(meta, "License").strip()
    if declared and declared.upper() != "UNKNOWN":
        first = declared.splitlines()[0].strip()
        # Some packages paste their whole licence into the field: name it by its first line.
        return first if len(declared) <= 100 and "\n" not in declared else f"{first[:80]} (…)"
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return " / ".join(classifiers)


def homepage(meta: metadata.PackageMetadata) -> str:
    """Home-page, or the project URL labelled as the home or the source."""
    if field_of(meta, "Home-page"):
        return field_of(meta, "Home-page").strip()
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in ("homepage", "home", "source", "source code", "repository", "documentation"):
        if label in urls:
            return urls[label]
    return next(iter(urls.values()), "")


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence texts the distribution carries: its dist-info licence files (RECORD)."""
    files = [Path(str(f)) for f in dist.files or []]
    ours = [
        f
        for f in files
        if f.parts[0].endswith(".dist-info")
        and (f.parts[1:2] == ("licenses",) or LICENCE_FILE.match(f.name))
        and f.name not in ("RECORD", "METADATA")
    ]
    if not ours:  # an older layout: a LICENSE beside the package code
        ours = [f for f in files if LICENCE_FILE.match(f.name) and len(f.parts) <= 2]
    for name in dist.metadata.get_all("License-File") or []:  # no RECORD entry (rare)
        if not any(str(f).endswith(name) for f in ours):
            ours += [Path(p) for p in (f"licenses/{name}", name) if dist.read_text(p) is not None]
    texts: list[tuple[str, str]] = []
    for path in sorted(ours, key=str):
        located = Path(str(dist.locate_file(path)))
        text = (
            located.read_text(encoding="utf-8", errors="replace")
            if located.is_file()
            else dist.read_text(str(path))
        )
        if text and text.strip() and all(text != seen for _, seen in texts):
            texts.append((str(path), text))
    return texts


def package_notice(dist: metadata.Distribution) -> Notice:
    """The notice of one installed distribution, with what its wheel bundles natively."""
    meta = dist.metadata
    key = canonical(meta["Name"])
    notice = Notice(meta["Name"], dist.version, licence_name(meta), homepage(meta))
    notice.texts = licence_files(dist)
    if key in EXTRA_TEXTS:
        if not notice.texts:
            notice.notes.append(
                "The wheel carries no licence file. LeadDesk uses it under the LGPL-3.0 option; "
                "the verbatim LGPL-3.0 text and the GPL-3.0 text it extends follow."
            )
        notice.texts += [(n, read_text(n)) for n in EXTRA_TEXTS[key]]
    if key == "pyside6-essentials":
        notice.notes.append(qt_notice(dist.version))
    if key == "shiboken6":
        notice.notes.append(
            "shiboken6 is the runtime support library of PySide6; the LGPL-3.0 notice under "
            "PySide6_Essentials above applies to it in the same way."
        )
    notes, texts = native_notes(dist, read_text)
    notice.notes += notes
    notice.texts += texts
    return notice


def read_text(name: str) -> str:
    """A verbatim licence text from packaging/licenses/."""
    return (TEXTS / name).read_text(encoding="utf-8")


def python_notice() -> Notice:
    """CPython itself: the bundle carries the interpreter and its standard library."""
    version = ".".join(str(p) for p in sys.version_info[:3])
    notice = Notice("Python (CPython)", version, "PSF-2.0", "https://www.python.org/")
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    xy = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (
        stdlib / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows installs keep it at the top
        Path(sys.base_prefix) / "lib" / xy / "LICENSE.txt",
        Path("/usr/lib") / xy / "LICENSE.txt",
    ):
        if candidate.is_file():
            notice.texts.append((candidate.name, candidate.read_text(encoding="utf-8")))
            break
    return notice


def bootloader_notice() -> Notice | None:
    """PyInstaller's bootloader is the bundle's executable: its licence goes with it."""
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return None
    notice = package_notice(dist)
    notice.name = "PyInstaller bootloader"
    notice.notes.append(
        "The bundle's executable is PyInstaller's bootloader. Its GPL carries an exception that "
        "allows distributing the bundled application under the application's own licence."
    )
    return notice


def all_notices(root: str, bundle: Path | None = None) -> tuple[list[Notice], list[str]]:
    """Python, every runtime dependency of `root`, the bootloader when present, and with a built
    `bundle` the system libraries PyInstaller copied into it."""
    dists, missing = runtime_closure(root)
    notices = [python_notice(), *(package_notice(d) for d in dists)]
    bootloader = bootloader_notice()
    if bootloader is not None:
        notices.append(bootloader)
    if bundle is not None:
        wheel_files = {Path(str(f)).name for d in dists for f in d.files or []}
        notices += system_notices(bundle, wheel_files)
    return notices, missing


def system_notices(bundle: Path, wheel_files: set[str]) -> list[Notice]:
    """One notice per Debian package whose libraries PyInstaller copied into `bundle`."""
    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    notices = []
    for library in group(top_level_libraries(internal, wheel_files)):
        files = ", ".join(library.files)
        if not library.package:
            notices.append(
                Notice("Unidentified system libraries", "", "", "", notes=[f"Files: {files}"])
            )
            continue
        version, home = package_facts(library.package)
        text = copyright_text(library.package)
        licence = declared_licence(text) or ("see its Debian copyright file below" if text else "")
        notice = Notice(f"{library.package} (Debian)", version, licence, home)
        notice.notes.append(f"Copied into the bundle by PyInstaller from this system: {files}.")
        if text:
            notice.texts.append((f"/usr/share/doc/{library.package}/copyright", text))
        notices.append(notice)
    common = common_licences(text for n in notices for _, text in n.texts)
    if common:
        notices.append(
            Notice(
                "Licence texts the Debian copyright files refer to",
                "",
                ", ".join(name for name, _ in common),
                "",
                notes=[
                    "Debian's copyright files point to /usr/share/common-licenses/, which other "
                    "systems do not have: the texts they name follow, verbatim."
                ],
                texts=[(f"/usr/share/common-licenses/{name}", text) for name, text in common],
            )
        )
    return notices


def common_licences(copyrights: Iterable[str]) -> list[tuple[str, str]]:
    """(name, text) of each /usr/share/common-licenses/NAME the copyright files mention."""
    names: set[str] = set()
    for text in copyrights:
        names.update(m.rstrip(".") for m in COMMON_LICENCE.findall(text))
    found = []
    for name in sorted(names):
        path = COMMON_LICENCES / name
        if name and path.is_file():
            found.append((name, path.read_text(encoding="utf-8", errors="replace")))
    return found


def summary_lines(notices: list[Notice]) -> Iterator[str]:
    """One line per component: name, version, licence (what the build log prints)."""
    width = max(len(n.name) for n in notices)
    vwidth = max(len(n.version) for n in notices)
    for n in notices:
        licence = n.licence or "NO LICENCE NAME"
        text = "" if n.texts else f"  [{NO_TEXT}]"
        yield f"{n.name:<{width}}  {n.version:<{vwidth}}  {licence}{text}"


def render(root: str, notices: list[Notice]) -> str:
    """The whole THIRD-PARTY-NOTICES.txt."""
    version = metadata.version(root)
    rule = "=" * 78
    out = [
        f"LeadDesk {version}: third-party notices",
        "",
        "LeadDesk itself is MIT-licensed (see LICENSE beside this file). This installation",
        "bundles the software listed below, each under its own licence.",
        "Generated by packaging/third_party_notices.py from the installed packages' metadata;",
        "do not edit by hand.",
        "",
        *summary_lines(notices),
        "",
    ]
    printed: dict[str, str] = {}
    for n in notices:
        out += [rule, f"{n.name} {n.version}", rule, f"Licence: {n.licence or 'not declared'}"]
        if n.homepage:
            out.append(f"Homepage: {n.homepage}")
        out.append("")
        for note in n.notes:
            out += [note, ""]
        if not n.texts:
            out += [f"({NO_TEXT})", ""]
        for title, text in n.texts:
            if text in printed:  # the LGPL under PySide6 and shiboken6: once is enough
                out += [f"--- {title} ---", f"(the same text as under {printed[text]} above)", ""]
                continue
            printed[text] = n.name
            out += [f"--- {title} ---", "", text.rstrip(), ""]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, help="where to write the notices")
    parser.add_argument("--check", action="store_true", help="print the summary, write nothing")
    parser.add_argument("--root", default="leaddesk", help="the distribution being bundled")
    parser.add_argument(
        "--bundle",
        type=Path,
        help="a built bundle (LeadDesk/ or its _internal/): also cover the system libraries "
        "PyInstaller copied into it (Debian build machines: dpkg names their packages)",
    )
    args = parser.parse_args(argv)
    if args.output is None and not args.check:
        parser.error("give an OUTPUT file, or --check")
    notices, missing = all_notices(args.root, args.bundle)
    for line in summary_lines(notices):
        print(line)
    for name in missing:
        print(
            f"warning: {name} is required but not installed, so it is not bundled", file=sys.stderr
        )
    bad = [n.name if n.version else f"{n.name} ({'; '.join(n.notes)})" for n in notices]
    bad = [label for label, n in zip(bad, notices, strict=True) if not n.complete]
    if bad:
        print(
            f"error: no licence name and no licence text for {', '.join(bad)}: find its licence "
            "and add the text to packaging/licenses/ before shipping",
            file=sys.stderr,
        )
        return 1
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(render(args.root, notices), encoding="utf-8")
        print(f"wrote {args.output} ({len(notices)} components)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
