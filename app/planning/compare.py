"""Two plans side by side: what moved, came or went, which findings changed, what it means.

`compare(a, b)` reads B against A: the requests moved (from, to), added and removed; the
findings B has that A had not, those it lost, and those B accepts that A did not; the plan's
end, its benefit-weighted mean win week and each department's first win in both; which
sign-offs hold for each plan; and the dots that changed (what a meeting's record needs too).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.fingerprint import fingerprint, signoff_validity
from app.domain.metrics import Metrics, metrics
from app.domain.model import Workshop
from app.domain.rules import Finding, findings
from app.domain.schedule import build_schedule
from app.planning.placement import Move, moves_between


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two plans, as the comparison reads it."""

    workshop: Workshop
    fingerprint: str
    findings: tuple[Finding, ...]
    metrics: Metrics
    signoffs: tuple[tuple[str, str, bool], ...]
    """(department, name, valid) of each sign-off."""


@dataclass(frozen=True, slots=True)
class FirstWin:
    """A department's first win week in A and in B (None: no win, or not in that plan)."""

    department: str
    name: str
    a: int | None
    b: int | None


@dataclass(frozen=True, slots=True)
class VoteChange:
    """A head's dots on one request in A and in B (0: none)."""

    department: str
    request: str
    a: int
    b: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Plan B read against plan A."""

    a: Side
    b: Side
    moved: tuple[Move, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    findings_added: tuple[Finding, ...]
    findings_removed: tuple[Finding, ...]
    newly_accepted: tuple[Finding, ...]
    first_wins: tuple[FirstWin, ...]
    votes: tuple[VoteChange, ...] = ()

    @property
    def same_plan(self) -> bool:
        """Whether the two are one plan (the same fingerprint)."""
        return self.a.fingerprint == self.b.fingerprint


def side(workshop: Workshop) -> Side:
    """Read one plan: its findings, metrics and sign-offs."""
    schedule = build_schedule(workshop)
    current = fingerprint(workshop)
    held = tuple((s.department, s.name, valid) for s, valid in signoff_validity(workshop, current))
    return Side(
        workshop, current, tuple(findings(workshop, schedule)), metrics(workshop, schedule), held
    )


def compare(a: Workshop, b: Workshop) -> Comparison:
    """Plan B read against plan A."""
    left, right = side(a), side(b)
    ids_a = {request.id for request in a.requests}
    ids_b = {request.id for request in b.requests}
    keys_a = {finding.key: finding for finding in left.findings}
    keys_b = {finding.key: finding for finding in right.findings}
    return Comparison(
        left,
        right,
        tuple(moves_between(a, b)),
        tuple(r.id for r in b.requests if r.id not in ids_a),
        tuple(r.id for r in a.requests if r.id not in ids_b),
        tuple(f for f in right.findings if f.key not in keys_a),
        tuple(f for f in left.findings if f.key not in keys_b),
        tuple(f for f in right.findings if f.accepted and not _accepted(keys_a.get(f.key))),
        _first_wins(left, right),
        _votes(a, b),
    )


def _votes(a: Workshop, b: Workshop) -> tuple[VoteChange, ...]:
    """Every department's dots that differ, in B's order of departments and requests."""
    changes = []
    departments = list(dict.fromkeys([*b.votes, *a.votes]))
    for department in departments:
        given_a, given_b = a.votes.get(department, {}), b.votes.get(department, {})
        for request in dict.fromkeys([*given_b, *given_a]):
            dots_a, dots_b = given_a.get(request, 0), given_b.get(request, 0)
            if dots_a != dots_b:
                changes.append(VoteChange(department, request, dots_a, dots_b))
    return tuple(changes)


def _accepted(finding: Finding | None) -> bool:
    return finding is not None and finding.accepted


def _first_wins(a: Side, b: Side) -> tuple[FirstWin, ...]:
    names = {d.id: d.name for d in a.workshop.departments}
    names.update({d.id: d.name for d in b.workshop.departments})
    wins_a = {d.id: d.first_win_week for d in a.metrics.departments}
    wins_b = {d.id: d.first_win_week for d in b.metrics.departments}
    order = list(dict.fromkeys([*wins_a, *wins_b]))
    return tuple(FirstWin(d, names[d], wins_a.get(d), wins_b.get(d)) for d in order)
