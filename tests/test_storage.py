"""Loading and saving workshop files: encodings, atomic saves, the saved form."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from app.domain.fingerprint import fingerprint
from app.domain.model import Workshop
from app.storage import workshop_file
from app.storage.atomic import atomic_write
from app.storage.recovery import RecoveryJournal, pending_copies
from app.storage.workshop_file import (
    WorkshopFileError,
    dumps_workshop,
    load_workshop,
    parse_workshop,
    save_workshop,
)
from tests.builders import raw, request
from tests.conftest import CRM_SAMPLE, SMALL_SAMPLE

SAMPLES = [CRM_SAMPLE, SMALL_SAMPLE]


def small_plan() -> Workshop:
    return Workshop.model_validate(
        raw(
            [request("r1", "p1", effort=8.0, benefit={"sales": 2.5}), request("r2", None)],
            title="Kundeservice på Ærø",
            votes={"sales": {"r1": 3}},
        )
    )


# --- reading ----------------------------------------------------------------------------------


def test_utf8_with_and_without_a_byte_order_mark_load_the_same() -> None:
    text = SMALL_SAMPLE.read_bytes()
    assert parse_workshop(b"\xef\xbb\xbf" + text) == parse_workshop(text)


def test_a_byte_order_mark_file_on_disk_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.bellwether.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_workshop(small_plan()).encode("utf-8"))
    assert load_workshop(path) == small_plan()


def test_utf16_is_not_utf8() -> None:
    text = json.dumps(raw(title="Ærø")).encode("utf-16")
    with pytest.raises(WorkshopFileError, match="not UTF-8"):
        parse_workshop(text)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_the_samples_load(sample: Path) -> None:
    workshop = load_workshop(sample)
    assert workshop.requests


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkshopFileError, match="no such file"):
        load_workshop(tmp_path / "nope.bellwether.json")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(WorkshopFileError, match="is a folder"):
        load_workshop(tmp_path)


def test_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert workshop_file.MAX_BYTES == 200 * 1024 * 1024
    path = tmp_path / "big.bellwether.json"
    path.write_bytes(SMALL_SAMPLE.read_bytes())
    monkeypatch.setattr(workshop_file, "MAX_BYTES", 100)
    with pytest.raises(WorkshopFileError, match="the most a workshop file may be"):
        load_workshop(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_something_endless_is_refused_without_reading_it() -> None:
    with pytest.raises(WorkshopFileError, match=r"^it is a device, not a workshop file$"):
        load_workshop(Path("/dev/zero"))


def test_loading_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "plan.bellwether.json"
    path.write_bytes(b'{\n"format": "bellwether/1", "title":"x"}')
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    with pytest.raises(WorkshopFileError):
        load_workshop(path)
    assert path.read_bytes() == b'{\n"format": "bellwether/1", "title":"x"}'
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert os.listdir(tmp_path) == ["plan.bellwether.json"]


# --- the saved form ---------------------------------------------------------------------------


def test_saved_files_are_indented_utf8_with_a_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "plan.bellwether.json"
    save_workshop(path, small_plan())
    text = path.read_bytes().decode("utf-8")
    assert text.startswith('{\n  "format": "bellwether/1",\n  "title": "Kundeservice på Ærø",\n')
    assert text.endswith("}\n")
    assert '\n    {\n      "id": "sales",' in text
    assert "\\u" not in text


def test_saved_keys_come_in_the_formats_order() -> None:
    data = json.loads(dumps_workshop(small_plan()))
    assert list(data) == [
        "format", "title", "organisation", "vision", "start", "settings", "departments",
        "phases", "requests", "votes", "accepted", "attendees", "signoffs",
    ]  # fmt: skip
    assert list(data["requests"][0]) == [
        "id", "title", "department", "description", "effort", "benefit", "burden",
        "weeks_to_benefit", "depends_on", "phase",
    ]  # fmt: skip


def test_saved_whole_numbers_are_integers() -> None:
    text = dumps_workshop(small_plan())
    assert '"effort": 8,' in text
    assert '"sales": 2.5' in text
    assert '"weeks": 4,' in text
    assert '"capacity": 100\n' in text
    assert ".0," not in text


def test_saving_is_stable() -> None:
    first = dumps_workshop(small_plan())
    again = dumps_workshop(parse_workshop(first.encode("utf-8")))
    assert again == first


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_save_then_load_gives_an_equal_workshop(sample: Path, tmp_path: Path) -> None:
    workshop = load_workshop(sample)
    path = tmp_path / "copy.bellwether.json"
    save_workshop(path, workshop)
    loaded = load_workshop(path)
    assert loaded == workshop
    assert fingerprint(loaded) == fingerprint(workshop)


def test_signoffs_and_attendees_survive_a_round_trip(tmp_path: Path) -> None:
    data = raw(
        attendees=[{"name": "Ida", "role": "Facilitator", "department": None}],
        signoffs=[
            {
                "department": "sales",
                "name": "Mette",
                "at": "2027-01-10T10:00:00.250000+01:00",
                "fingerprint": "sha256:" + "c" * 64,
            }
        ],
    )
    workshop = Workshop.model_validate(data)
    path = tmp_path / "signed.bellwether.json"
    save_workshop(path, workshop)
    assert load_workshop(path) == workshop
    assert '"at": "2027-01-10T10:00:00.250000+01:00"' in path.read_text(encoding="utf-8")


# --- atomic saves -----------------------------------------------------------------------------


def old_file(tmp_path: Path) -> tuple[Path, bytes]:
    """A saved workshop file that a failing save must leave as it is."""
    path = tmp_path / "plan.bellwether.json"
    save_workshop(path, small_plan())
    return path, path.read_bytes()


def failing(*_: Any, **__: Any) -> Any:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_a_failed_save_leaves_the_old_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path, before = old_file(tmp_path)
    edited = Workshop.model_validate(raw(title="Edited"))
    monkeypatch.setattr(os, step, failing)
    with pytest.raises(OSError, match="No space left"):
        save_workshop(path, edited)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name], "the temporary file is removed"


def test_a_save_interrupted_while_writing_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = old_file(tmp_path)
    real_fdopen = os.fdopen

    class Broken:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Broken(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        save_workshop(path, Workshop.model_validate(raw(title="Edited")))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_the_new_file_is_flushed_and_synced_in_the_same_folder_before_it_replaces_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = old_file(tmp_path)
    calls: list[tuple[str, Any]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.fstat(fd).st_size))
        real_fsync(fd)

    def replace(source: str, target: Path) -> None:
        calls.append(("replace", Path(source).parent))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    edited = Workshop.model_validate(raw(title="Edited"))
    save_workshop(path, edited)
    size = len(dumps_workshop(edited).encode("utf-8"))
    assert calls[:2] == [("fsync", size), ("replace", tmp_path)]
    assert load_workshop(path) == edited


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write to read-only folders"
)
def test_a_read_only_folder_refuses_the_save_and_keeps_the_old_file(tmp_path: Path) -> None:
    path, before = old_file(tmp_path)
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(PermissionError):
            save_workshop(path, Workshop.model_validate(raw(title="Edited")))
    finally:
        tmp_path.chmod(stat.S_IRWXU)
    assert path.read_bytes() == before


def test_a_folder_refusing_new_files_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does, simulated, since tests may run as root."""
    path, before = old_file(tmp_path)

    def refuse(*_: Any, **__: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError):
        save_workshop(path, Workshop.model_validate(raw(title="Edited")))
    assert path.read_bytes() == before


def test_saving_into_a_missing_folder_fails_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        save_workshop(tmp_path / "gone" / "plan.bellwether.json", small_plan())
    assert os.listdir(tmp_path) == []


def test_a_save_keeps_the_files_permissions(tmp_path: Path) -> None:
    path, _ = old_file(tmp_path)
    path.chmod(0o640)
    save_workshop(path, Workshop.model_validate(raw(title="Edited")))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.bellwether.json"
    atomic_write(path, b"{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_atomic_write_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    atomic_write(Path("plain.json"), b"[1]")
    assert (tmp_path / "plain.json").read_bytes() == b"[1]"


def test_a_save_replaces_the_content_completely(tmp_path: Path) -> None:
    path = tmp_path / "plan.bellwether.json"
    path.write_bytes(b"x" * 100_000)
    save_workshop(path, small_plan())
    assert path.read_bytes() == dumps_workshop(small_plan()).encode("utf-8")


def test_read_file_names_each_failure_in_one_line(tmp_path: Path) -> None:
    from app.storage.reading import FileReadError, read_file

    with pytest.raises(FileReadError, match=r"^no such file$"):
        read_file(tmp_path / "nope", "a PDF", 4096)
    with pytest.raises(FileReadError, match=r"^it is a folder, not a spreadsheet$"):
        read_file(tmp_path, "a spreadsheet", 4096)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2048)
    assert read_file(big, "a PDF", 2048) == b"x" * 2048
    with pytest.raises(FileReadError, match=r"larger than .* the most a workshop file may be"):
        read_file(big, "a workshop file", 2047)
    with pytest.raises(FileReadError, match=r"^it is a device, not a spreadsheet$"):
        read_file(Path("/dev/zero"), "a spreadsheet", 4096)  # refused unread: it never ends


@pytest.mark.parametrize("source", [None, Path('Møde/plan "2027".bellwether.json')])
def test_a_recovery_copy_holds_the_workshop_as_a_file_would(
    tmp_path: Path, source: Path | None
) -> None:
    workshop = load_workshop(CRM_SAMPLE)
    journal = RecoveryJournal(tmp_path, source, "session")
    journal.write(workshop)
    record = json.loads(journal.path.read_text(encoding="utf-8"))
    assert record["source"] == (str(source) if source is not None else None)
    assert record["workshop"] == workshop_file.workshop_data(workshop)
    (found,) = pending_copies(tmp_path)
    assert (found.workshop, found.source) == (workshop, source)
