"""Findings are data, said in the language spoken when they are read; `check` speaks it too."""

from __future__ import annotations

import json
import re

import pytest

from app import cli
from app.domain.rules import RULES, findings, rule_name, severity_name
from app.i18n import set_language
from app.storage.workshop_file import load_workshop
from tests.conftest import CRM_SAMPLE

ENGLISH = re.compile(r"\b(phase|waits|depends|weeks?|capacity|backlog|users|limit)\b")


def test_a_finding_is_the_same_value_in_every_language() -> None:
    workshop = load_workshop(CRM_SAMPLE)
    english = findings(workshop)
    said = [f.message for f in english]
    set_language("fi")
    assert findings(workshop) == english
    assert said != [f.message for f in english]


@pytest.mark.parametrize("language", ["da", "fi"])
def test_every_finding_of_the_sample_is_said_in_the_language(language: str) -> None:
    workshop = load_workshop(CRM_SAMPLE)
    found = findings(workshop)
    assert {f.rule for f in found} >= set(RULES) - {
        "vote-budget",
        "onboarding-breadth",
        "no-benefit",
    }
    english = [f.message for f in found]
    set_language(language)
    for finding, before in zip(found, english, strict=True):
        said = finding.message
        assert said != before and "{" not in said
        names = {workshop.title, *(p.name for p in workshop.phases)}
        names |= {r.title for r in workshop.requests} | {d.name for d in workshop.departments}
        bare = said
        for name in sorted(names, key=len, reverse=True):
            bare = bare.replace(name, "")
        assert not ENGLISH.search(bare), said
    assert all(rule_name(rule) != rule for rule in RULES)
    assert severity_name("warning") in ("advarsel", "varoitus")


def test_findings_name_days_not_plan_weeks() -> None:
    found = findings(load_workshop(CRM_SAMPLE))
    delay = next(f for f in found if f.key == "first-win-delay:hr")
    assert delay.message == (
        "HR waits 38 weeks for its first win (new work from 15 Feb 2027, first win "
        "8 Nov 2027); the limit is 3 weeks."
    )
    set_language("da")
    assert "fra 15. feb. 2027, første gevinst 8. nov. 2027" in delay.message
    set_language("fi")
    assert "15.2.2027 alkaen" in delay.message


def test_check_prints_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["check", "--lang", "da", str(CRM_SAMPLE)])
    text = capsys.readouterr().out
    assert "30 anmodninger planlagt, 7 i backloggen; planen slutter 2. jan. 2028." in text
    assert "\nFEJL (2)\n" in text and "ADVARSLER (5)" in text
    cli.main(["check", "--json", "--lang", "fi", str(CRM_SAMPLE)])
    report = json.loads(capsys.readouterr().out)
    first = report["findings"][0]
    assert first["key"] == "phase-capacity:p3" and first["severity"] == "error"
    assert first["message"].startswith('Vaihe "Marketing og kampagner" ylittää kapasiteetin')
