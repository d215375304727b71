"""The AppStream metainfo: valid for appstreamcli, naming real screenshots, this version's release
and the desktop entry that launches the app."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from helpers.system_tools import require_tool

import leaddesk

APP_ID = "io.leaddesk.LeadDesk"
REPO = Path(__file__).resolve().parents[2]
METAINFO = REPO / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"


def component() -> ElementTree.Element:
    return ElementTree.parse(METAINFO).getroot()


def test_metainfo_validates_without_errors_or_warnings() -> None:
    done = subprocess.run(
        [require_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    issues = [line for line in report.splitlines() if line[:2] in ("E:", "W:", "I:")]
    assert issues == [], report  # only pedantic (P:) remarks may remain


def test_metainfo_names_the_app_its_licences_and_its_desktop_entry() -> None:
    root = component()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert (METAINFO.parent / (launchable.text or "")).is_file()
    assert root.findtext("provides/binary") == "leaddesk"
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"


def test_every_screenshot_named_is_in_docs_screenshots() -> None:
    screenshots = component().findall("screenshots/screenshot")
    names = [
        PurePosixPath(urlparse(shot.findtext("image") or "").path).name for shot in screenshots
    ]
    assert names == ["week.png", "person_overview.png", "one_on_one.png", "board.png"]
    for name in names:
        assert (REPO / "docs" / "screenshots" / name).is_file(), name
    assert screenshots[0].get("type") == "default"
    assert all(shot.findtext("caption") for shot in screenshots)


def test_newest_release_is_this_version_with_notes() -> None:
    release = component().find("releases/release")
    assert release is not None
    assert release.get("version") == leaddesk.__version__
    assert release.get("date")
    assert release.findall("description/ul/li")
