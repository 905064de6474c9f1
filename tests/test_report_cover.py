"""The cover says what was decided: who gets what and when, the open risks, who signed."""

from __future__ import annotations

from app.domain.approval import approvals
from app.domain.model import Workshop
from app.domain.rules import findings
from app.domain.schedule import build_schedule
from app.report.approval import meeting_date, open_errors_note
from app.report.document import render_pdf
from app.storage.workshop_file import workshop_data, workshop_from_data
from tests.report_helpers import cover_text, crm
from tests.test_report_signoff import _signed


def _cover(workshop: Workshop) -> str:
    return cover_text(render_pdf(workshop))


def test_a_partly_signed_cover_names_the_signers_and_the_rest() -> None:
    cover = _cover(_signed(crm(), "hr"))
    assert "Signed this version: HR (Birgitte Løvschall, 10 Jan 2027)" in cover
    assert "Not signed: Salg (Mette Sørensen)" in cover
    assert "Birgitte Løvschall" not in cover.split("Not signed:")[1]


def test_a_department_that_gets_nothing_is_said_plainly() -> None:
    data = workshop_data(crm())
    data["departments"].append({"id": "legal", "name": "Jura"})
    cover = _cover(workshop_from_data(data))
    assert "Jura Gets nothing in this plan: no request is scheduled for it." in cover


def test_each_department_has_its_first_win_and_first_requests_with_ids() -> None:
    cover = _cover(crm())
    assert "What each department gets" in cover
    assert "HR 8 Nov 2027" in cover
    assert "(user-onboarding)" in cover
    assert "Open risks Error:" in cover


def test_an_approval_says_which_errors_it_was_given_with() -> None:
    signed = _signed(crm(), *(d.id for d in crm().departments))
    found = findings(signed, build_schedule(signed))
    assert any(f.severity == "error" and not f.accepted for f in found)
    note = open_errors_note(approvals(signed), found)
    assert note == (
        "The approval was given with 1 open error that the committee has not accepted "
        "and 1 error the committee accepted as a risk."
    )
    assert note in _cover(signed)
    assert open_errors_note(approvals(crm()), findings(crm(), build_schedule(crm()))) is None


def test_the_meeting_date_counts_only_valid_signoffs() -> None:
    stale = _signed(crm(), "sales", fingerprint_="sha256:" + "0" * 64)
    assert meeting_date(stale) is None
    assert "not recorded (nobody has signed this version yet)" in _cover(stale)


def test_the_cover_counts_one_phase_in_the_singular() -> None:
    from app.report.visible import speaking
    from tests.builders import build, phase, request

    one = build([request("r1", "p1"), request("r2", None)], phases=[phase("p1")])
    assert "1 scheduled in 1 phase, 1 deferred to the backlog" in _cover(one)
    with speaking("da"):
        assert "1 planlagt i 1 fase, 1 udskudt" in _cover(one)
    assert f"scheduled in {len(crm().phases)} phases," in _cover(crm())
