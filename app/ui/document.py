"""The open workshop: its state, its undo stack and the one signal every view listens to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.approval import HeadApproval, approvals
from app.domain.change import Change, what_changed
from app.domain.fingerprint import fingerprint
from app.domain.metrics import Metrics, metrics
from app.domain.model import Workshop
from app.domain.rule_update import RuleMemo, rule_pass
from app.domain.rules import Finding
from app.domain.schedule import Schedule, build_schedule
from app.storage.workshop_file import SUFFIX


class Analysis:
    """Everything the views draw besides the workshop itself, computed once per change.

    The fingerprint costs as much as all the rules together at 1,000 requests, so it is
    computed only when something asks for it (a sign-off to check, the status bar).
    """

    def __init__(
        self, workshop: Workshop, previous: Analysis | None = None, known: str | None = None
    ) -> None:
        """``known``: the workshop's fingerprint when the caller already worked it out."""
        self.workshop = workshop
        if known is not None:
            self.__dict__["fingerprint"] = known  # what the cached property would compute
        self.change: Change | None = None
        """What the edit from the previous analysis's workshop changed (None: the first)."""
        if previous is None:
            self.schedule: Schedule = build_schedule(workshop)
            self.rules: RuleMemo = rule_pass(workshop, self.schedule)
        else:
            self.change = what_changed(previous.workshop, workshop)
            self.schedule = build_schedule(workshop, previous.schedule, self.change)
            self.rules = rule_pass(workshop, self.schedule, previous.rules, self.change)
        self.findings: list[Finding] = self.rules.findings
        self.metrics: Metrics = metrics(workshop, self.schedule)

    @cached_property
    def fingerprint(self) -> str:
        """The plan's fingerprint (computed on first use)."""
        return fingerprint(self.workshop)

    def heads(self, workshop: Workshop) -> list[HeadApproval]:
        """Each department head's standing on this version of the plan."""
        if not workshop.signoffs:
            return [HeadApproval(d, None, False) for d in workshop.departments]
        return approvals(workshop, self.fingerprint)

    def valid_signoffs(self, workshop: Workshop) -> int:
        """How many department heads approved exactly this version of the plan."""
        return sum(1 for head in self.heads(workshop) if head.valid)

    def stale_signoffs(self, workshop: Workshop) -> int:
        """How many department heads signed only an earlier version of the plan."""
        return sum(1 for head in self.heads(workshop) if head.stale)


class EditCommand(QUndoCommand):
    """One undoable edit: the workshop before and after a domain operation."""

    def __init__(
        self, document: WorkshopDocument, text: str, after: Workshop, merge_id: int = -1
    ) -> None:
        super().__init__()
        self.set_text(text)
        self.document = document
        self.before = document.workshop
        self.after = after
        self.merge_key: object = None
        self._merge_id = merge_id

    def id(self) -> int:
        """Commands with the same id and merge key merge (a burst of votes on one card)."""
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a following command of the same kind and key into this one."""
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.set_text(other.text())
        return True

    def set_text(self, text: str) -> None:
        """What the command does, e.g. "Move 'R&D portal' to Phase 3".

        The Edit menu's Undo and Redo items show the action text, where a single "&" would mark
        the next letter as a shortcut and vanish: there it is doubled. Qt takes the part before
        a newline as the text and the part after it as the action text.
        """
        self.setText(f"{text}\n{text.replace('&', '&&')}")

    def redo(self) -> None:
        """Apply the edit."""
        self.document.set_workshop(self.after)

    def undo(self) -> None:
        """Take the edit back."""
        self.document.set_workshop(self.before)


class WorkshopDocument(QObject):
    """Owns the workshop and its undo stack; views subscribe to `changed` and redraw from it."""

    changed = Signal()
    pathChanged = Signal()

    def __init__(
        self, workshop: Workshop, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.path = path
        self.baseline = workshop
        self.undo_stack = QUndoStack(self)
        self.analysis = Analysis(workshop)
        self.confirm_stale: Callable[[int], bool] = lambda signed: True
        self._hashed: tuple[Workshop, str] | None = None
        """The workshop `push` last hashed, with its fingerprint: the analysis of that very
        workshop reuses it rather than hashing the plan a second time for the same edit."""
        self._held = False
        """Inside `held`: edits land on the workshop and the undo stack, the views wait."""
        self._analysed: tuple[Analysis, Analysis] | None = None
        """An analysis `push` was handed, with the one it was worked out from: when the edit
        lands on that very state it is taken over rather than worked out again."""

    @property
    def modified(self) -> bool:
        """Unsaved changes: the undo stack is not at its clean state."""
        return not self.undo_stack.isClean()

    def set_workshop(self, workshop: Workshop) -> None:
        """Replace the state (only commands call this) and tell every view."""
        self.workshop = workshop
        if self._held:
            self._hashed = self._analysed = None
            return
        held, self._hashed = self._hashed, None
        known = held[1] if held is not None and held[0] is workshop else None
        ready, self._analysed = self._analysed, None
        if ready is not None and ready[0] is self.analysis and ready[1].workshop is workshop:
            if known is not None:
                ready[1].__dict__.setdefault("fingerprint", known)
            self.analysis = ready[1]
        else:
            self.analysis = Analysis(workshop, self.analysis, known)
        self.changed.emit()

    def push(
        self,
        text: str,
        after: Workshop,
        merge_id: int = -1,
        merge_key: object = None,
        analysis: Analysis | None = None,
    ) -> bool:
        """Push an edit as one undo command; False when nothing changed or the user declined.

        An edit that changes the plan while heads have signed it asks first, because it makes
        their sign-offs stale. ``analysis``: `after`'s, already worked out from the current one
        (a drop preview's), which the document then takes over.
        """
        if after == self.workshop:
            return False
        signed = self.analysis.valid_signoffs(self.workshop)
        if signed:
            new = fingerprint(after)
            self._hashed = (after, new)
            if new != self.analysis.fingerprint and not self.confirm_stale(signed):
                self._hashed = None
                return False
        if analysis is not None and analysis.workshop is after:
            self._analysed = (self.analysis, analysis)
        command = EditCommand(self, text, after, merge_id)
        command.merge_key = merge_key
        self.undo_stack.push(command)
        return True

    @contextmanager
    def held(self) -> Iterator[None]:
        """Edits made inside land together: each stays its own undo command, but the analysis
        is worked out and the views are told once, at the end (a turn of phones' votes).

        A plan with sign-offs is not held: whether an edit makes them stale is asked of the
        analysis of the plan as it is at that moment.
        """
        if self._held or self.workshop.signoffs:
            yield
            return
        start = self.workshop
        self._held = True
        try:
            yield
        finally:
            self._held = False
            if self.workshop is not start:
                self.analysis = Analysis(self.workshop, self.analysis)
                self.changed.emit()

    def revert_to_baseline(self) -> bool:
        """Return to the state the file was opened in, as one undoable command."""
        return self.push(self.tr("Revert to meeting start"), self.baseline)

    def mark_saved(self, path: Path) -> None:
        """The workshop is on disk at `path`: the stack is clean from here."""
        if path != self.path:
            self.path = path
            self.pathChanged.emit()
        self.undo_stack.setClean()


def suggested_name(workshop: Workshop) -> str:
    """A file name from the workshop's title."""
    stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in workshop.title).strip()
    return (stem or "workshop") + SUFFIX
