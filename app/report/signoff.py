"""The sign-off page: one block per department head.

A head who signed in the app gets the time and the fingerprint of the plan they signed, marked
valid (it is this plan) or stale (it was another version, so it approves nothing printed here).
A head who has not signed gets blank lines for a signature in ink and the date.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.approval import HeadApproval, approvals
from app.domain.model import Signoff, Workshop
from app.i18n import _
from app.report.approval import approval_status
from app.report.formatting import moment
from app.report.style import (
    BODY,
    CELL,
    CELL_BOLD,
    ERROR,
    H1,
    INK,
    MUTED,
    OK,
    RULE,
    SMALL,
    STATUS,
    TABLE_FONT,
    labelled,
    para,
)

HEAD_NAME = ParagraphStyle("head-name", parent=CELL_BOLD, fontSize=11, leading=14)


def signoff_section(workshop: Workshop, plan: str, width: float) -> list[Flowable]:
    """The sign-off page(s): the plan's full fingerprint, the status, a block per head."""
    story: list[Flowable] = [
        para(_("Sign-off"), H1),
        para(
            _(
                "Each department head approves the plan with this fingerprint. A sign-off counts "
                "only for the version of the plan it was made for: any later change to the plan "
                "makes it stale."
            ),
            BODY,
        ),
        Spacer(1, 4),
        labelled(_("Plan fingerprint:"), plan, BODY),
        Spacer(1, 6),
        para(approval_status(workshop), STATUS),
        Spacer(1, 10),
    ]
    heads = approvals(workshop)
    if not heads:
        story.append(para(_("The workshop has no departments, so there is nobody to sign."), SMALL))
    for head in heads:
        story += [KeepTogether(_block(head, width)), Spacer(1, 6)]
    return story


def _block(head: HeadApproval, width: float) -> Table:
    department = head.department
    who = (
        _("Head: {name}").format(name=department.head) if department.head else _("Head: not named")
    )
    rows: list[list[object]] = [[para(department.name, HEAD_NAME), "", para(who, BODY)]]
    style: list[tuple[object, ...]] = [
        TABLE_FONT,
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    signoff = head.signoff
    if signoff is not None:
        rows += _signed_rows(head, signoff)
        style += [("SPAN", (0, row), (2, row)) for row in (1, 2, 3)]
    if not head.valid:
        first = len(rows)
        rows += [["", "", ""], [para(_("Signature"), SMALL), "", para(_("Date"), SMALL)]]
        style += [
            ("TOPPADDING", (0, first), (-1, first), 24),
            ("LINEBELOW", (0, first), (0, first), 0.8, INK),
            ("LINEBELOW", (2, first), (2, first), 0.8, INK),
        ]
    return _table(rows, style, width)


def _signed_rows(head: HeadApproval, signoff: Signoff) -> list[list[object]]:
    """When and for which plan; valid, or stale (then blank lines follow to sign again)."""
    if head.valid:
        verdict = para(_("Valid: signed for this very plan."), CELL_BOLD, OK)
    else:
        text = _(
            "Stale: signed for another version of the plan; it does not approve this one. "
            "To approve this version, sign again below."
        )
        verdict = para(text, CELL_BOLD, ERROR)
    return [
        [
            para(
                _("Signed {moment} by {name}").format(moment=moment(signoff.at), name=signoff.name),
                BODY,
            ),
            "",
            "",
        ],
        [para(_("For plan {plan}").format(plan=signoff.fingerprint), CELL, MUTED), "", ""],
        [verdict, "", ""],
    ]


def _table(rows: list[list[object]], style: list[tuple[object, ...]], width: float) -> Table:
    table = Table(rows, colWidths=[width * 0.55, width * 0.07, width * 0.38])
    table.setStyle(TableStyle(style))
    return table
