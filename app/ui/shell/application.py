"""Start the GUI: `python main.py [FILE] [--screenshot PNG]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.i18n import LANGUAGES, _, set_language

if TYPE_CHECKING:
    from app.ui.shell.main_window import MainWindow


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's own arguments."""
    parser = argparse.ArgumentParser(prog="bellwether", description="Open the Bellwether board.")
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="FILE", help="a workshop or a Bellwether PDF"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the window at 1920x1080 offscreen to PNG and exit",
    )
    parser.add_argument("--presentation", action="store_true", help="start in presentation mode")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the app's language for this run (default: View > Language's, else the system's)"),
    )
    parser.add_argument(
        "--lane", metavar="DEPARTMENT", help="the department (id or name) the room view opens"
    )
    parser.add_argument(
        "--room", action="store_true", help="open room voting: the heads vote on their phones"
    )
    parser.add_argument("--bind", metavar="ADDR", help="room voting's address (default: the LAN's)")
    parser.add_argument("--port", type=int, metavar="N", help="room voting's port")
    return parser.parse_args(list(argv))


def run(argv: Sequence[str], language: str | None = None) -> int:
    """Open the main window (or render it to a PNG) and run until it closes.

    ``language``: the one `--lang` gave (the launcher takes it out of ``argv``), else None.
    """
    args = parse(argv)
    if language or args.lang:  # the messages before the window opens speak it too
        set_language(language or args.lang)
    if not room_arguments_valid(args):
        return 2
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        from app.ui.shell.system_check import xcb_problem

        problem = xcb_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return 2
    import_before_qt()
    from PySide6.QtWidgets import QApplication

    if args.screenshot is not None:
        quiet_offscreen_notice()

    from app.ui.files.recovery_offer import offer_recovery
    from app.ui.language.feature import start_language
    from app.ui.shell.file_open import follow_file_open
    from app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Bellwether")
    app.setApplicationVersion(__version__)
    start_language(language or args.lang)
    if args.screenshot is not None and args.file is not None and not readable(args.file):
        return 2  # no one is there to close an error dialog
    window = MainWindow()
    follow_file_open(app, window.open_path)
    if args.screenshot is None:
        window.restore_window()
    restored = args.screenshot is None and offer_recovery(window)
    opened = restored or args.file is None or window.open_path(args.file)
    if not opened and args.screenshot is not None:
        return 2
    if args.room and not open_room(window, args):
        return 2
    if args.screenshot is not None:
        return screenshot(window, args.screenshot, args.presentation, args.lane)
    if args.presentation or window.start_presenting:
        window.show()
        window.presentation_action.setChecked(True)
        window.toggle_presentation()
    else:
        window.show()
    return app.exec()


def room_arguments_valid(args: argparse.Namespace) -> bool:
    """--bind and --port need --room, and name one address and a port; else say why."""
    from app.room.network import BindError, checked_address, checked_port

    if (args.bind is not None or args.port is not None) and not args.room:
        print("bellwether: " + _("--bind and --port go with --room"), file=sys.stderr)
        return False
    try:
        if args.bind is not None:
            args.bind = checked_address(args.bind)
        if args.port is not None:
            checked_port(args.port)
    except BindError as error:
        print(f"bellwether: {error}", file=sys.stderr)
        return False
    return True


def open_room(window: MainWindow, args: argparse.Namespace) -> bool:
    """Open room voting for the workshop on screen and print its address on stdout."""
    from app.ui.room.feature import RoomController

    room = window.findChild(RoomController)
    if room is None or room.document is None:
        print("bellwether: " + _("--room needs a workshop FILE to vote on"), file=sys.stderr)
        return False
    try:
        server = room.start(args.bind, args.port)
    except OSError as error:
        said = _("room voting could not start: {reason}").format(reason=error)
        print(f"bellwether: {said}", file=sys.stderr)
        return False
    print(f"room voting: {server.url}", flush=True)
    return True


OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"


def quiet_offscreen_notice() -> None:
    """Leave out the one notice the offscreen platform prints about itself, several times over.

    It says nothing about the screenshot; every other message of Qt still reaches stderr.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if message != OFFSCREEN_NOTICE:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def readable(path: Path) -> bool:
    """Whether `path` opens; if not, says why on stderr (as the command line does)."""
    from app.storage.workshop_file import WorkshopFileError
    from app.ui.files.dialogs import read_workshop

    try:
        read_workshop(path)
    except WorkshopFileError as error:
        said = _("cannot open {name}: {reason}").format(name=path.name, reason=error)
        print(f"bellwether: {said}", file=sys.stderr)
        return False
    return True


def import_before_qt() -> None:
    """Import the Qt-free layers (domain, storage, report) before PySide6.

    Once PySide6 is imported, it looks at every later import to see whether that module uses
    PySide6. pydantic brings in a hundred-odd modules, and importing them first spares start-up
    about 40 ms.
    """
    import app.domain.edits
    import app.domain.rule_update
    import app.report.approval
    import app.report.weeks
    import app.storage.recovery
    import app.storage.workshop_file  # noqa: F401


def screenshot(window: object, path: Path, presentation: bool, lane: str | None = None) -> int:
    """Render the window at 1920x1080 and write it as a PNG (`lane`: the room view's open lane)."""
    from PySide6.QtWidgets import QApplication

    from app.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(1920, 1080)
    window.show()
    if presentation:
        window.presentation_action.setChecked(True)
        window.toggle_presentation(full_screen=False)
    for _turn in range(5):
        QApplication.processEvents()
    if lane is not None and not _open_lane(window, lane):
        said = _("--lane: no department {lane} in the workshop").format(lane=repr(lane))
        print(f"bellwether: {said}", file=sys.stderr)
        return 2
    window.zoom_to_width()
    QApplication.processEvents()
    problem = _write_png(window.grab(), path)
    if problem is not None:
        print(f"bellwether: {path}: {problem}", file=sys.stderr)
        return 2
    window.close()
    return 0


def _open_lane(window: object, lane: str) -> bool:
    """Open a department's lane by its id or name; False when the workshop has no such one."""
    from app.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if window.document is None or window.scene is None:
        return False
    for department in window.document.workshop.departments:
        if lane in (department.id, department.name):
            window.scene.open_lane(department.id)
            return True
    return False


def _write_png(picture: object, path: Path) -> str | None:
    """Write the picture atomically (a full disk leaves no empty PNG); why not, or None."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPixmap

    from app.storage.atomic import atomic_write

    assert isinstance(picture, QPixmap)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        return "could not be drawn as a PNG"
    try:
        atomic_write(path, bytes(data.data()))
    except OSError as error:
        return f"cannot be written ({error.strerror or error})"
    return None
