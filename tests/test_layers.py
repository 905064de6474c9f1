"""The layers below the UI work with Qt, pyqtgraph and reportlab impossible to import.

Each test runs a fresh interpreter whose first act is to put an import blocker on
`sys.meta_path`, so an import of a blocked package anywhere (directly or through another module)
fails exactly as if it were not installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from tests.builders import MAIN, ROOT
from tests.conftest import CRM_SAMPLE

pytestmark = pytest.mark.slow

BLOCKED = ("PySide6", "pyqtgraph", "shiboken6", "reportlab")

BLOCKER = textwrap.dedent(
    f"""
    import sys

    BLOCKED = {BLOCKED!r}


    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                raise ImportError(f"{{name}} is blocked in this test")
            return None


    sys.meta_path.insert(0, Blocker())
    for name in BLOCKED:
        try:
            __import__(name)
        except ImportError:
            pass
        else:
            raise SystemExit(f"the blocker let {{name}} through")
    """
)


def run_blocked(body: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run BLOCKER then `body` in a fresh interpreter at the project root."""
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + textwrap.dedent(body), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def last_json_line(text: str) -> Any:
    return json.loads(text.strip().splitlines()[-1])


def test_every_domain_and_storage_module_imports_without_qt() -> None:
    result = run_blocked(
        """
        import importlib, json, pkgutil
        import app.domain, app.storage

        names = []
        for package in (app.domain, app.storage):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
                names.append(info.name)
        leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
        print(json.dumps({"modules": names, "leaked": leaked}))
        """
    )
    assert result.returncode == 0, result.stderr
    summary = last_json_line(result.stdout)
    assert summary["leaked"] == []
    expected = {
        "app.domain.model",
        "app.domain.rules",
        "app.domain.schedule",
        "app.domain.metrics",
        "app.domain.fingerprint",
        "app.domain.edits",
        "app.storage.workshop_file",
        "app.storage.atomic",
    }
    assert expected <= set(summary["modules"])


def test_check_runs_without_qt() -> None:
    result = run_blocked(
        """
        import json, runpy

        sys.argv = [sys.argv[1], "check", sys.argv[2], "--json"]
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as done:
            code = done.code
        leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
        print(json.dumps({"code": code, "leaked": leaked}))
        """,
        str(MAIN),
        str(CRM_SAMPLE),
    )
    assert "Traceback" not in result.stderr, result.stderr
    summary = last_json_line(result.stdout)
    assert summary == {"code": 1, "leaked": []}
    report = json.loads(result.stdout.strip().rsplit("\n", 1)[0])
    assert list(report) == ["fingerprint", "findings", "metrics"]


def test_the_blocker_blocks() -> None:
    """Guard: without this, the tests above would pass even if the blocker did nothing."""
    result = run_blocked("import PySide6.QtCore\n")
    assert result.returncode != 0
    assert "ImportError: PySide6 is blocked in this test" in result.stderr
