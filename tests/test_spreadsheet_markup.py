"""Jira's wiki markup in descriptions becomes plain text; other descriptions keep their text."""

from __future__ import annotations

import pytest

from app.storage.spreadsheet import import_rows
from app.storage.spreadsheet.markup import jira_to_text

CORPUS = [
    ("h2. Background", "Background"),
    ("+*_Acceptance Criteria:_*+", "Acceptance Criteria:"),
    ("*bold* and _italic_ and -strike- and +under+", "bold and italic and strike and under"),
    ("{color:#172b4d}The agent{color} answers", "The agent answers"),
    ("Run {{crm sync}} nightly", "Run crm sync nightly"),
    ("[the spec|https://example.org/spec]", "the spec (https://example.org/spec)"),
    ("[https://example.org]", "https://example.org"),
    ("[Mette|mailto:mette@example.org]", "Mette (mette@example.org)"),
    ("ask [~accountid:5b10a2844c20165700ede21g]", "ask @5b10a2844c20165700ede21g"),
    ("Fish &amp; chips &quot;today&quot;", 'Fish & chips "today"'),
    ("* one\n* two\n** two a", "• one\n• two\n  • two a"),
    ("# first\n# second\n# third", "1. first\n2. second\n3. third"),
    ("||Field||Value||\n|Owner|Sales|", "Field\tValue\nOwner\tSales"),
    ("{code:python}\nx = 1\n{code}", "    x = 1"),
    ("{noformat}\n*kept* as is\n{noformat}", "    *kept* as is"),
    ("Line one\r\nLine two\rLine three", "Line one\nLine two\nLine three"),
    ("snake_case_name stays", "snake_case_name stays"),
]


@pytest.mark.parametrize(("markup", "text"), CORPUS)
def test_each_construct(markup: str, text: str) -> None:
    assert jira_to_text(markup) == text


def test_a_jira_export_gets_plain_descriptions_and_other_sheets_keep_theirs() -> None:
    jira = [["Summary", "Issue key", "Team", "Description"],
            ["  Quote templates ", "CRM-2", "Sales", "h2. Goal\r\n*Faster* quotes"]]  # fmt: skip
    request = import_rows(jira).requests[0]
    assert (request.title, request.description) == ("Quote templates", "Goal\nFaster quotes")
    plain = [["Title", "Department", "Description"], ["A", "Sales", "*Not* Jira\r\n- a list"]]
    assert import_rows(plain).requests[0].description == "*Not* Jira\n- a list"


def test_jira_links_left_out_are_noted_by_kind() -> None:
    rows = [["Summary", "Issue key", "Team", "Inward issue link (Relates)",
             "Outward issue link (Test)", "Parent"],
            ["A", "CRM-1", "Sales", "CRM-9", "", "CRM-100"],
            ["B", "CRM-2", "Sales", "CRM-8", "CRM-7", "CRM-100"]]  # fmt: skip
    notes = import_rows(rows).notes
    assert "Jira links left out: Relates (2), Test (1), Parent (2)" in notes
