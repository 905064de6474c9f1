"""The files Bellwether ships inside its package: fonts (with their licence), samples and icons.

Read through `importlib.resources`, so the same code finds them in a clone, in an installed wheel
and in the one-folder bundle. Every reader asks `resource_path`, which names the missing file in
one line instead of failing later with a bare path.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


class ResourceMissingError(RuntimeError):
    """A file that should ship with Bellwether is not there: the installation is incomplete."""


def resource_folder() -> Path:
    """The folder of the shipped files (always a real folder: Bellwether never runs zipped)."""
    return Path(str(files(__name__)))


def resource_path(*parts: str) -> Path:
    """The shipped file ``parts`` (e.g. ``"fonts", "DejaVuSans.ttf"``); raises when missing."""
    path = resource_folder().joinpath(*parts)
    if not path.exists():
        name = "/".join(parts)
        raise ResourceMissingError(f"the shipped file {name} is missing; reinstall Bellwether")
    return path
