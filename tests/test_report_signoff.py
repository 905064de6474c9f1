"""Sign-off in the PDF: who approved this very plan, and stale sign-offs never shown as valid."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.domain.approval import approvals
from app.domain.edits import set_votes, sign
from app.domain.fingerprint import fingerprint, signoff_validity
from app.domain.model import Workshop
from app.report.approval import approval_status, meeting_date
from app.report.document import render_pdf
from tests.report_helpers import all_text, changed, crm, page_texts, small

AT = datetime(2027, 1, 10, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def _signed(workshop: Workshop, *departments: str, fingerprint_: str | None = None) -> Workshop:
    """Sign-offs as a file records them (by data, so a stale fingerprint can be written)."""
    records = [
        {
            "department": d,
            "name": workshop.department(d).head,
            "at": (AT + timedelta(minutes=i)).isoformat(),
            "fingerprint": fingerprint_ or fingerprint(workshop),
        }
        for i, d in enumerate(departments)
    ]
    return changed(workshop, signoffs=records)


def test_status_of_a_plan_nobody_signed() -> None:
    assert approval_status(crm()) == "Draft: not signed"
    assert meeting_date(crm()) is None


def test_status_when_every_head_signed() -> None:
    workshop = crm()
    signed = _signed(workshop, *(d.id for d in workshop.departments))
    assert approval_status(signed) == "Approved by all 7 department heads"
    assert meeting_date(signed) == AT.date()


def test_status_names_who_has_not_signed() -> None:
    workshop = crm()
    signed = _signed(workshop, "sales", "marketing", "service", "finance", "management")
    assert approval_status(signed) == "Approved by 5 of 7 (HR, Logistik have not signed)"


def test_a_stale_signoff_never_counts() -> None:
    workshop = crm()
    stale = "sha256:" + "0" * 64
    assert approval_status(_signed(workshop, "sales", fingerprint_=stale)) == (
        "Draft: not signed (1 sign-off for an earlier version, now stale)"
    )
    mixed = _signed(workshop, "marketing")
    mixed = changed(mixed, signoffs=[*_signed(workshop, "sales", fingerprint_=stale).signoffs,
                                     *mixed.signoffs])  # fmt: skip
    assert approval_status(mixed) == (
        "Approved by 1 of 7 (Kundeservice, HR, Logistik, Økonomi, Direktion have not signed; "
        "Salg signed an earlier version)"
    )
    assert [head.stale for head in approvals(mixed)][:2] == [True, False]


def test_signing_then_editing_makes_the_signoff_stale_in_the_pdf() -> None:
    workshop = small()
    signed = sign(workshop, "sales", "Mette Larsen", AT)
    signed = sign(signed, "service", "Jonas Eriksen", AT + timedelta(minutes=3))
    text = all_text(render_pdf(signed))
    assert "Approved by 2 of 3 (Finance has not signed)" in text
    assert text.count("Valid: signed for this very plan.") == 2
    assert "Signed 10 Jan 2027 10:00 (UTC+01:00) by Mette Larsen" in text

    edited = set_votes(signed, "finance", workshop.requests[0].id, 1)
    assert [valid for _, valid in signoff_validity(edited)] == [False, False]
    pdf = render_pdf(edited)
    text = all_text(pdf)
    assert "Draft: not signed (2 sign-offs for an earlier version, now stale)" in text
    assert text.count("Stale: signed for another version of the plan") == 2
    assert "Valid: signed" not in text
    assert f"For plan {fingerprint(signed)}" in text  # the version they did sign
    assert "Signature" in page_texts(pdf)[-1]  # blank lines for Finance's ink
