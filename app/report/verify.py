"""Reading a roadmap PDF back: the plan inside it, and whether it is the plan printed on it.

A Bellwether PDF carries its workshop file as an embedded file and prints the plan's fingerprint
on the cover, the sign-off page and every footer. `verify_pdf` recomputes the fingerprint of the
embedded plan and compares it with everything printed (and with a workshop file, when given),
then renders the embedded plan again and compares every page's text and drawing with the PDF's
(`visible.py`): a PDF whose pages or plan were changed after export no longer agrees with itself.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.domain.fingerprint import fingerprint, short
from app.domain.model import Workshop
from app.i18n import _, ngettext
from app.report.embedding import ATTACHMENT, BASELINE, FINGERPRINT_KEY
from app.report.signing import Seal, read_seal
from app.report.visible import language_of, page_problems, speaking
from app.storage.reading import FileReadError, read_file
from app.storage.workshop_file import WorkshopFileError, parse_workshop


def printed_pattern() -> re.Pattern[str]:
    """The full fingerprint after its label, as the cover and sign-off page print it in the
    language spoken now (verify speaks the PDF's own)."""
    return re.compile(re.escape(_("Plan fingerprint:")) + r"\s*(sha256:[0-9a-f]{64})")


def footer_pattern() -> re.Pattern[str]:
    """The short fingerprint as every footer prints it, in the language spoken now."""
    words = re.escape(_("plan {short}")).replace(re.escape("{short}"), "([0-9a-f]{12})")
    return re.compile(words + r"\b")


MAX_PDF_BYTES = 256 * 1024 * 1024
"""The largest PDF read back (the roadmap of 10,000 requests is about a quarter of it)."""


class RoadmapPdfError(ValueError):
    """The file is not a Bellwether roadmap PDF; the message is one line for the user."""


class DamagedPlanError(RoadmapPdfError):
    """A Bellwether roadmap whose embedded plan no longer reads as a workshop."""


@dataclass(frozen=True, slots=True)
class Verification:
    """What `verify_pdf` found: the embedded plan and every disagreement, in plain words."""

    workshop: Workshop | None
    embedded: str | None
    printed: str | None
    problems: tuple[str, ...]
    seal: Seal | None = None
    """The PDF's digital signature, when it has one (`export --sign`)."""

    @property
    def genuine(self) -> bool:
        """True when the printed fingerprint is the embedded plan's (and the file's, if given)."""
        return not self.problems


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs in a damaged file; the caller reports it in one line."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_bytes(path: Path) -> bytes:
    try:
        return read_file(path, "a PDF", MAX_PDF_BYTES)
    except FileReadError as error:
        raise RoadmapPdfError(str(error)) from None


def open_pdf(raw: bytes) -> PdfReader:
    """A reader for a whole PDF; RoadmapPdfError for anything else (text, truncated, damaged)."""
    if b"%PDF-" not in raw[:1024]:
        raise RoadmapPdfError(_("is not a PDF file"))
    if b"%%EOF" not in raw[-2048:]:
        raise RoadmapPdfError(_("is truncated or damaged: the end of the PDF is missing"))
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw), strict=False)
            if reader.is_encrypted:
                raise RoadmapPdfError(_("is encrypted: it is not a Bellwether roadmap"))
            len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise RoadmapPdfError(_("is a damaged PDF ({error})").format(error=error)) from None
    return reader


def _embedded_bytes(reader: PdfReader) -> bytes:
    try:
        with _quiet_pypdf():
            files = reader.attachments.get(ATTACHMENT)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise RoadmapPdfError(_("is a damaged PDF ({error})").format(error=error)) from None
    if not files:
        raise RoadmapPdfError(_("is not a Bellwether roadmap: it carries no workshop plan"))
    return bytes(files[0])


def _embedded_workshop(reader: PdfReader) -> Workshop:
    """The workshop embedded in an open roadmap PDF."""
    data = _embedded_bytes(reader)
    try:
        return parse_workshop(data)
    except WorkshopFileError as error:
        raise DamagedPlanError(_("carries a damaged plan: {error}").format(error=error)) from None


def _baseline(reader: PdfReader) -> Workshop | None:
    """The plan as the meeting opened it, when the PDF carries one (its changes section)."""
    with _quiet_pypdf():
        files = reader.attachments.get(BASELINE)
    if not files:
        return None
    try:
        return parse_workshop(bytes(files[0]))
    except WorkshopFileError as error:
        raise DamagedPlanError(
            _("carries a damaged baseline plan: {error}").format(error=error)
        ) from None


def read_embedded_workshop(path: Path) -> Workshop:
    """The plan inside a Bellwether roadmap PDF, to open it on the board.

    Raises RoadmapPdfError (one line, without the path) for anything that is not one.
    """
    return _embedded_workshop(open_pdf(_read_bytes(path)))


def _page_texts(reader: PdfReader) -> list[str]:
    try:
        with _quiet_pypdf():
            return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise RoadmapPdfError(_("is a damaged PDF ({error})").format(error=error)) from None


def _metadata_fingerprint(reader: PdfReader) -> str | None:
    with _quiet_pypdf():
        info = reader.metadata
    value = info.get(FINGERPRINT_KEY) if info is not None else None
    return str(value) if value is not None else None


def _pages(numbers: list[int]) -> str:
    listed = ", ".join(str(number) for number in numbers[:8])
    if len(numbers) > 8:
        listed = _("{pages} and {count} more").format(pages=listed, count=len(numbers) - 8)
    return ngettext("page {pages}", "pages {pages}", len(numbers)).format(pages=listed)


def _printed_problems(texts: list[str], embedded: str, pattern: re.Pattern[str]) -> list[str]:
    """The full fingerprint must be on the cover and on the sign-off page, and be this plan's."""
    found = [(number, m) for number, text in enumerate(texts, 1) for m in pattern.findall(text)]
    problems = []
    if not any(number == 1 for number, _ in found):
        problems.append(_("the cover shows no plan fingerprint: the PDF was edited"))
    if not any(number > 1 for number, _ in found):
        problems.append(_("no sign-off page shows the plan fingerprint: the PDF was edited"))
    for number, printed in found:
        if printed != embedded:
            problems.append(
                _(
                    "page {page} shows plan {printed}, but the plan inside the PDF is "
                    "{embedded}: the PDF was edited"
                ).format(page=number, printed=printed, embedded=embedded)
            )
    return problems


def _footer_problems(texts: list[str], embedded: str, footer: re.Pattern[str]) -> list[str]:
    """Every footer must show this plan's short fingerprint."""
    expected = short(embedded)
    missing, other = [], []
    for number, text in enumerate(texts, 1):
        shown = footer.findall(text)
        if not shown:
            missing.append(number)
        elif shown[-1] != expected:
            other.append(number)
    problems = []
    if other:
        problems.append(
            _("the footer of {pages} shows another plan: the PDF was edited").format(
                pages=_pages(other)
            )
        )
    if missing:
        problems.append(
            _("{pages}: no plan in the footer: the PDF was edited").format(pages=_pages(missing))
        )
    return problems


def verify_pdf(
    path: Path, against: Workshop | None = None, against_name: str = "the workshop file"
) -> Verification:
    """Compare the plan inside the PDF with what is printed on it (and with `against`).

    Raises RoadmapPdfError when the file is not a Bellwether roadmap at all.
    """
    raw = _read_bytes(path)
    reader = open_pdf(raw)
    seal = _seal(raw)
    marked = _metadata_fingerprint(reader)
    try:
        workshop = _embedded_workshop(reader)
    except DamagedPlanError as error:
        if marked is None:
            raise
        return Verification(
            None, None, marked, (_("the PDF was edited: it {error}").format(error=error),)
        )
    embedded = fingerprint(workshop)
    texts = _page_texts(reader)
    with speaking(language_of(reader)):  # the labels as the PDF prints them
        printed_in, footer_in = printed_pattern(), footer_pattern()
    problems = _printed_problems(texts, embedded, printed_in)
    problems += _footer_problems(texts, embedded, footer_in)
    printed = printed_in.findall(texts[0]) if texts else []
    problems += page_problems(reader, texts, workshop, open_pdf, _baseline(reader))
    if marked is not None and marked != embedded:
        problems.append(
            _("its metadata names plan {marked}, not {embedded}: the PDF was edited").format(
                marked=marked, embedded=embedded
            )
        )
    if against is not None and (other := fingerprint(against)) != embedded:
        problems.append(
            _(
                "{file} is another version of the plan: it is {other}, the PDF's plan is {embedded}"
            ).format(file=against_name, other=other, embedded=embedded)
        )
    if seal is not None and seal.problem is not None:
        problems.append(seal.problem)
    first = printed[0] if printed else None
    return Verification(workshop, embedded, first, tuple(problems), seal)


def _seal(raw: bytes) -> Seal | None:
    """The PDF's digital signature; a signature that cannot be read at all counts as broken."""
    try:
        return read_seal(raw)
    except Exception:  # pyHanko raises many kinds for a mangled signature: each means broken
        return Seal("?", False, False, "?")
