"""Packaging: one version, the desktop files agree, every shipped file reaches the wheel."""

from __future__ import annotations

import configparser
import fnmatch
import re
import runpy
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__
from app.resources import ResourceMissingError, resource_folder, resource_path
from tests.builders import MAIN, ROOT, run_main
from tests.conftest import SMALL_SAMPLE

PACKAGING = ROOT / "packaging"
MIME = "application/x-bellwether+json"


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}
    metainfo = ET.parse(PACKAGING / "app.bellwether.bellwether.metainfo.xml").getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__


def test_the_desktop_entry_the_mime_type_and_the_metainfo_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "bellwether.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "bellwether %f"
    assert desktop["Icon"] == "bellwether"
    assert set(desktop["MimeType"].strip(";").split(";")) == {MIME, "application/pdf"}
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / "bellwether-mime.xml").getroot()
    kind = mime.find("m:mime-type", namespace)
    assert kind is not None
    assert kind.get("type") == MIME
    assert [glob.get("pattern") for glob in kind.findall("m:glob", namespace)] == [
        "*.bellwether.json"
    ]
    metainfo = ET.parse(PACKAGING / "app.bellwether.bellwether.metainfo.xml").getroot()
    assert metainfo.findtext("launchable") == "bellwether.desktop"
    assert metainfo.findtext("provides/mediatype") == MIME
    assert len(metainfo.findall("screenshots/screenshot")) >= 2


def test_every_shipped_file_is_package_data() -> None:
    """A file under app/resources that no pattern names would be missing from the wheel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["app.resources"]
    folder = resource_folder()
    shipped = [
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py"
    ]
    # guide/ is docs/ (a link): the guide and the screenshots it shows, not the rest of docs.
    guide = resource_path("guide", "guide.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)
    assert images
    shipped += ["guide/guide.md", *(f"guide/{image}" for image in images)]
    assert all((folder / name).is_file() for name in shipped)
    unnamed = [name for name in shipped if not any(fnmatch.fnmatch(name, p) for p in patterns)]
    assert unnamed == []


def test_a_missing_resource_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    with pytest.raises(ResourceMissingError, match=r"^the shipped file fonts/x\.ttf is missing"):
        resource_path("fonts", "x.ttf")


@pytest.mark.slow
def test_the_launcher_runs_the_pdf_worker_as_the_bundle_does(tmp_path: Path) -> None:
    out = tmp_path / "child.pdf"
    child = subprocess.run(
        [sys.executable, str(MAIN), "-m", "app.report.worker", str(out), "a4"],
        input=SMALL_SAMPLE.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    verified = run_main("verify", out, SMALL_SAMPLE)
    assert verified.returncode == 0, verified.stderr


def test_the_launcher_runs_only_its_own_modules() -> None:
    refused = run_main("-m", "http.server")
    assert (refused.returncode, refused.stderr) == (
        2,
        "bellwether: -m runs only Bellwether's own modules\n",
    )


def test_the_icons_are_rendered_from_the_svg(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    render = runpy.run_path(str(PACKAGING / "render_icons.py"))["render"]
    written = {path.relative_to(tmp_path).as_posix() for path in render(tmp_path)}
    assert {"bellwether.ico", "bellwether.icns"} <= written
    for size in (16, 48, 256, 512):
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "bellwether.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255  # drawn, not transparent
