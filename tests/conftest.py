"""Shared fixtures: Qt offscreen, sample paths and a compact workshop builder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English unless they choose a language: the machine's locale does not decide.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
os.environ.pop("BELLWETHER_LANG", None)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "app" / "resources" / "samples"
CRM_SAMPLE = SAMPLES / "crm-rollout.bellwether.json"
SMALL_SAMPLE = SAMPLES / "small.bellwether.json"


def workshop_data(**overrides: Any) -> dict[str, Any]:
    """A minimal valid workshop as raw JSON data; keyword arguments replace top-level fields."""
    data: dict[str, Any] = {
        "format": "bellwether/1",
        "title": "Test workshop",
        "start": "2027-01-04",
        "departments": [
            {"id": "sales", "name": "Sales", "head": "Mette Larsen"},
            {"id": "service", "name": "Service", "head": "Ole Ærø"},
        ],
        "phases": [
            {"id": "p1", "name": "Phase 1", "weeks": 4, "capacity": 40},
            {"id": "p2", "name": "Phase 2", "weeks": 4, "capacity": 40},
        ],
        "requests": [],
    }
    data.update(overrides)
    return data


class UnexpectedDialogError(AssertionError):
    """A modal dialog opened that the test did not expect (it would block forever)."""


@pytest.fixture(autouse=True)
def desktop_look_after_each_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Presentation mode sets an application-wide style sheet, a test may choose a language: no
    test passes either to the next."""
    yield
    import sys

    from app.i18n import set_language

    set_language("en")
    translator = sys.modules.get("app.ui.language.translator")
    if translator is not None:  # a test spoke another language to Qt: its locale too
        translator.speak("en")
    if "qtbot" in request.fixturenames:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet("")


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly instead of hanging when code under test opens a modal message box.

    Tests that expect a dialog patch the QMessageBox function they expect, after this fixture.
    """
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise UnexpectedDialogError(f"unexpected dialog: {args[2:4] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def crm_sample() -> Path:
    """The CRM rollout sample shipped in app/resources/samples."""
    return CRM_SAMPLE


@pytest.fixture
def small_sample() -> Path:
    """The small English sample."""
    return SMALL_SAMPLE
