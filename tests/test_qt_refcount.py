"""Guard against Qt bindings that leak references to None (fatal on Python 3.11).

PySide6 6.12.0 took one reference off `None` on every Qt call returning nothing; on Python < 3.12
`None` is not immortal, so after a few hundred board repaints the interpreter aborted with
"none_dealloc" in the middle of a meeting. pyproject.toml keeps that release out; this test
fails if a binding with the same defect is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_nones_refcount(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        QApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 4,000 calls"
