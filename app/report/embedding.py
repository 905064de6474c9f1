"""The plan travels inside the PDF: the workshop file as an embedded file, the fingerprint in
the metadata, and dates taken from the plan so the same workshop always gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject, TextStringObject

from app.domain.model import Workshop
from app.i18n import language
from app.report.formatting import as_utc
from app.storage.workshop_file import dumps_workshop

ATTACHMENT = "workshop.bellwether.json"
BASELINE = "baseline.bellwether.json"
"""The plan as the meeting opened it, when the PDF has a section on what changed since."""
FINGERPRINT_KEY = "/BellwetherFingerprint"
FORMAT_KEY = "/BellwetherFormat"
LANGUAGE_KEY = "/BellwetherLanguage"  # the words were printed in; verify renders in it again


def creation_moment(workshop: Workshop) -> datetime:
    """The PDF's date: the latest sign-off, else the start of the plan (in UTC).

    Taken from the plan rather than the clock, so exporting again gives identical bytes.
    """
    if workshop.signoffs:
        return max(as_utc(signoff.at) for signoff in workshop.signoffs)
    return datetime.combine(workshop.start, time(0, 0), tzinfo=UTC)


def _attach(writer: PdfWriter, name: str, workshop: Workshop, description: str) -> None:
    data = dumps_workshop(workshop).encode("utf-8")
    attachment = writer.add_attachment(name, data)
    attachment.subtype = NameObject("/application/json")
    attachment.description = TextStringObject(description)
    attachment.size = NumberObject(len(data))


def pdf_date(moment: datetime) -> str:
    """A date in the PDF's own form, `D:YYYYMMDDHHmmSS+00'00'` (always UTC)."""
    return f"D:{as_utc(moment):%Y%m%d%H%M%S}+00'00'"


def embed_plan(
    pdf: bytes, workshop: Workshop, plan: str, created: datetime, baseline: Workshop | None = None
) -> bytes:
    """`pdf` with the workshop file (and the baseline, if any) embedded, and the fingerprint
    and dates in its metadata."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    _attach(writer, ATTACHMENT, workshop, "The Bellwether workshop file of this roadmap")
    if baseline is not None:
        _attach(writer, BASELINE, baseline, "The plan as the meeting opened it")
    stamp = pdf_date(created)
    writer.add_metadata(
        {
            "/CreationDate": stamp,
            "/ModDate": stamp,
            FINGERPRINT_KEY: plan,
            FORMAT_KEY: workshop.format,
            LANGUAGE_KEY: language(),
        }
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
