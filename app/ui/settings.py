"""Bellwether's settings: an INI file beside the recovery copies in the user's data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.storage.recovery import data_folder


def settings() -> QSettings:
    """Bellwether's settings (``settings.ini`` in the data folder)."""
    return QSettings(str(data_folder() / "settings.ini"), QSettings.Format.IniFormat)
