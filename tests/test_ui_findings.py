"""The findings panel updates its tree in place: it must end up as a panel built afresh.

After every edit of a random sequence (moves, undo, redo, accepting, withdrawing), the tree must
show what a new `FindingsPanel` on the same document shows, in the rules' order, while the rows
of findings that stayed are the same items (and the selected one stays selected).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt, QTranslator
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from app.domain.edits import accept, move_request, withdraw
from app.domain.model import Workshop
from app.domain.rules import SEVERITIES, Finding, findings
from app.ui.document import WorkshopDocument
from app.ui.findings.panel import FindingsPanel
from app.ui.findings.rows import WrappingDelegate, breakable
from app.ui.theme import presentation_theme
from app.ui.wrapping import SOFT_HYPHEN
from bench.workshops import generate
from tests.ui_helpers import assert_flat_scroll_bar, largest_difference

Row = tuple[object, ...]


def look(item: QTreeWidgetItem) -> Row:
    """Everything a row shows: text, key, tooltip, colour, boldness, flags."""
    brush = item.data(0, Qt.ItemDataRole.ForegroundRole)
    font = item.data(0, Qt.ItemDataRole.FontRole)
    return (
        item.text(0),
        item.data(0, Qt.ItemDataRole.UserRole),
        item.toolTip(0),
        brush.color().rgba() if isinstance(brush, QBrush) else None,
        font.bold() if isinstance(font, QFont) else None,
        item.flags(),
    )


def heads(panel: FindingsPanel) -> list[QTreeWidgetItem]:
    """The tree's top rows: the summary, then one group per severity."""
    tree = panel.tree
    found = [tree.topLevelItem(top) for top in range(tree.topLevelItemCount())]
    return [item for item in found if item is not None]


def children(head: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """A group's finding rows, top to bottom."""
    found = [head.child(child) for child in range(head.childCount())]
    return [item for item in found if item is not None]


def shown(panel: FindingsPanel) -> list[Row]:
    """The tree's rows from top to bottom; each head row also says whether it is expanded."""
    rows: list[Row] = []
    for head in heads(panel):
        rows.append((*look(head), head.isExpanded()))
        rows.extend(look(child) for child in children(head))
    return rows


def items(panel: FindingsPanel) -> dict[str, QTreeWidgetItem]:
    """The finding rows by key."""
    return {
        item.data(0, Qt.ItemDataRole.UserRole): item
        for head in heads(panel)[1:]
        for item in children(head)
    }


def expected_texts(found: list[Finding]) -> list[list[str]]:
    """What each severity group lists, worked out from the findings alone."""
    return [
        [
            f"✔ Accepted: {f.message}\nNote: {f.note}" if f.accepted else f.message
            for f in found
            if f.severity == severity
        ]
        for severity in SEVERITIES
    ]


def assert_same_as_fresh(panel: FindingsPanel) -> None:
    """The panel shows exactly what a panel built from scratch on its document shows."""
    fresh = FindingsPanel(panel.document)
    fresh.set_theme(panel.theme)
    panel.document.changed.disconnect(fresh.refresh)
    assert shown(panel) == shown(fresh)
    fresh.deleteLater()
    texts = [[item.text(0) for item in children(head)] for head in heads(panel)[1:]]
    assert texts == expected_texts(panel.document.analysis.findings)


def assert_rows_measured(panel: FindingsPanel) -> None:
    """Every row is as tall as its text wrapped now, measured without remembered sizes."""
    QApplication.processEvents()
    tree = panel.tree
    measure = WrappingDelegate(tree)
    option = QStyleOptionViewItem()
    option.font = tree.font()
    for head in heads(panel):
        for item in (head, *children(head)):
            height = measure.sizeHint(option, tree.indexFromItem(item)).height()
            assert tree.visualItemRect(item).height() == height, item.text(0)


def select(panel: FindingsPanel, key: str) -> QTreeWidgetItem:
    """Select a finding's row as a click would."""
    item = items(panel)[key]
    panel.tree.setCurrentItem(item)
    return item


def move_somewhere(document: WorkshopDocument, rng: random.Random) -> None:
    """Push a random request to a random other column."""
    workshop = document.workshop
    request = rng.choice(workshop.requests)
    columns = [None, *(p.id for p in workshop.phases)]
    phase = rng.choice([c for c in columns if c != request.phase])
    document.push("move", move_request(workshop, request.id, phase))


def edit(document: WorkshopDocument, rng: random.Random) -> None:
    """One random edit as the app pushes it, or an undo or redo."""
    kind = rng.choice(("move", "move", "move", "move", "undo", "redo", "accept", "withdraw"))
    found = document.analysis.findings
    if kind == "move":
        move_somewhere(document, rng)
    elif kind == "undo":
        document.undo_stack.undo()
    elif kind == "redo":
        document.undo_stack.redo()
    elif kind == "accept" and any(not f.accepted for f in found):
        key = rng.choice([f.key for f in found if not f.accepted])
        document.push("accept", accept(document.workshop, key, f"agreed {rng.randrange(9)}"))
    elif kind == "withdraw" and any(f.accepted for f in found):
        key = rng.choice([f.key for f in found if f.accepted])
        document.push("withdraw", withdraw(document.workshop, key))


@pytest.fixture
def panel(qtbot: QtBot) -> FindingsPanel:
    """A shown panel, narrow enough to wrap, on a generated workshop of 300 requests."""
    document = WorkshopDocument(Workshop.model_validate(generate(300)))
    shown_panel = FindingsPanel(document)
    qtbot.addWidget(shown_panel)
    shown_panel.resize(420, 700)
    shown_panel.show()
    qtbot.waitExposed(shown_panel)
    return shown_panel


def a_move_where(panel: FindingsPanel, wanted: Callable[[list[Finding]], bool]) -> Workshop:
    """A workshop one move away whose findings are as `wanted`."""
    workshop = panel.document.workshop
    rng = random.Random(3)
    moves = [
        (request.id, phase)
        for request in workshop.requests
        for phase in (None, *(p.id for p in workshop.phases))
    ]
    for request_id, phase in rng.sample(moves, len(moves)):
        after = move_request(workshop, request_id, phase)
        if after != workshop and wanted(findings(after)):
            return after
    raise AssertionError("no such move")


def keeping(panel: FindingsPanel, key: str) -> Callable[[list[Finding]], bool]:
    """Findings that still include `key`, and differ from the panel's now."""
    now = panel.document.analysis.findings
    return lambda found: found != now and key in {f.key for f in found}


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_after_random_edits_the_tree_equals_a_fresh_one(panel: FindingsPanel, seed: int) -> None:
    rng = random.Random(seed)
    assert_same_as_fresh(panel)
    for step in range(60):
        edit(panel.document, rng)
        assert_same_as_fresh(panel)
        if step % 10 == 9:
            assert_rows_measured(panel)


def test_any_order_of_findings_is_shown_as_the_rules_give_it(panel: FindingsPanel) -> None:
    """Reordered, regrouped, added, removed and accepted findings, beyond what moves produce."""
    pool = [
        Finding("r", SEVERITIES[n % 3], f"key-{n}", f"Finding {n} " + "word " * (n % 25))
        for n in range(40)
    ]
    rng = random.Random(5)
    analysis = panel.document.analysis
    for _ in range(80):
        rows = items(panel)
        selected = rng.choice([*rows, None])
        if selected is not None:
            panel.tree.setCurrentItem(rows[selected])
        chosen = rng.sample(pool, rng.randrange(len(pool)))
        analysis.findings = [
            replace(
                f,
                severity=rng.choice(SEVERITIES) if rng.random() < 0.1 else f.severity,
                accepted=(accepted := rng.random() < 0.2),
                note="a note" if accepted else None,
            )
            for f in chosen
        ]
        panel.refresh()
        assert_same_as_fresh(panel)
        current, now = panel.tree.currentItem(), items(panel)
        if selected in now:  # a new item only when its finding changed severity
            assert current is now[selected] and current.isSelected()
        elif selected is not None:
            assert current is None and panel.tree.selectedItems() == []
    assert_rows_measured(panel)


def test_rows_of_findings_that_stay_are_the_same_items(panel: FindingsPanel) -> None:
    keys = [f.key for f in panel.document.analysis.findings]
    before = items(panel)
    before_heads = heads(panel)
    panel.document.push("move", a_move_where(panel, keeping(panel, keys[0])))
    after = items(panel)
    stayed = before.keys() & after.keys()
    assert keys[0] in stayed
    assert all(after[key] is before[key] for key in stayed)
    assert all(a is b for a, b in zip(heads(panel), before_heads, strict=True))
    assert_same_as_fresh(panel)


def test_a_move_that_changes_no_finding_changes_no_row(panel: FindingsPanel) -> None:
    before = shown(panel)
    rows = items(panel)
    now = panel.document.analysis.findings
    panel.document.push("move", a_move_where(panel, lambda found: found == now))
    assert shown(panel) == before
    assert all(items(panel)[key] is item for key, item in rows.items())


def test_selected_finding_stays_selected_without_a_signal(
    panel: FindingsPanel, qtbot: QtBot
) -> None:
    keys = [f.key for f in panel.document.analysis.findings]
    key = keys[len(keys) // 2]
    item = select(panel, key)
    with qtbot.assertNotEmitted(panel.findingSelected):
        for _ in range(3):
            panel.document.push("move", a_move_where(panel, keeping(panel, key)))
    assert panel.tree.currentItem() is item and item.isSelected()
    selected = panel.selected()
    assert selected is not None and selected.key == key
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()


def test_selection_is_cleared_when_its_finding_goes(panel: FindingsPanel, qtbot: QtBot) -> None:
    document = panel.document
    finding = next(f for f in document.analysis.findings if f.rule == "dependency-order")
    select(panel, finding.key)
    with qtbot.assertNotEmitted(panel.findingSelected):
        document.push("move", move_request(document.workshop, finding.requests[0], None))
    assert finding.key not in {f.key for f in document.analysis.findings}
    assert panel.tree.currentItem() is None
    assert panel.tree.selectedItems() == []
    assert panel.selected() is None
    assert not panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()
    assert_same_as_fresh(panel)


def test_a_selected_finding_that_changes_stays_selected_without_a_signal(
    panel: FindingsPanel, qtbot: QtBot
) -> None:
    # The board follows the finding by its key in its own refresh; a signal from the panel's
    # refresh would redraw the board a second time for the same edit.
    document = panel.document
    finding = next(f for f in document.analysis.findings if f.rule == "phase-capacity")
    select(panel, finding.key)
    phase = finding.phase
    request = next(r for r in document.workshop.requests if r.phase is None)
    with qtbot.assertNotEmitted(panel.findingSelected):
        document.push("move", move_request(document.workshop, request.id, phase))
    now = panel.selected()
    assert isinstance(now, Finding) and now.key == finding.key and request.id in now.requests


def test_accept_and_withdraw_redraw_the_row_in_place(panel: FindingsPanel) -> None:
    finding = next(f for f in panel.document.analysis.findings if not f.accepted)
    item = select(panel, finding.key)
    QApplication.processEvents()
    height = panel.tree.visualItemRect(item).height()
    assert panel.accept_selected("Finance lends two people")
    assert items(panel)[finding.key] is item and panel.tree.currentItem() is item
    assert item.text(0) == f"✔ Accepted: {finding.message}\nNote: Finance lends two people"
    assert item.foreground(0).color() == panel.theme.muted
    assert panel.withdraw_button.isEnabled() and not panel.accept_button.isEnabled()
    assert_rows_measured(panel)
    assert panel.tree.visualItemRect(item).height() > height
    assert panel.withdraw_selected()
    assert items(panel)[finding.key] is item
    assert item.text(0) == finding.message
    assert item.data(0, Qt.ItemDataRole.ForegroundRole) is None
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()
    assert_rows_measured(panel)
    assert panel.tree.visualItemRect(item).height() == height
    panel.document.undo_stack.undo()
    assert item.text(0).startswith("✔ Accepted: ")
    assert_same_as_fresh(panel)


def test_a_new_theme_recolours_every_row(panel: FindingsPanel) -> None:
    document = panel.document
    key = next(f.key for f in document.analysis.findings if not f.accepted)
    document.push("accept", accept(document.workshop, key, "agreed"))
    theme = presentation_theme()
    panel.set_theme(theme)
    assert items(panel)[key].foreground(0).color() == theme.muted
    colours = [head.foreground(0).color() for head in heads(panel)[1:]]
    assert colours == [theme.severity(s) for s in SEVERITIES]
    assert_same_as_fresh(panel)


def test_a_collapsed_group_stays_collapsed(panel: FindingsPanel) -> None:
    group = panel.groups[SEVERITIES[1]]
    group.setExpanded(False)
    rng = random.Random(4)
    for _ in range(10):
        move_somewhere(panel.document, rng)
    assert not group.isExpanded()
    assert all(panel.groups[s].isExpanded() for s in (SEVERITIES[0], SEVERITIES[2]))


def test_rows_are_measured_again_at_a_new_width(panel: FindingsPanel) -> None:
    longest = max(items(panel).values(), key=lambda item: len(item.text(0)))
    panel.resize(260, 700)
    assert_rows_measured(panel)
    narrow = panel.tree.visualItemRect(longest).height()
    panel.resize(900, 700)
    assert_rows_measured(panel)
    assert panel.tree.visualItemRect(longest).height() < narrow


def test_a_larger_font_measures_every_row_again(panel: FindingsPanel) -> None:
    assert_rows_measured(panel)
    font = panel.tree.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    panel.tree.setFont(font)  # as presentation mode's style sheet does
    assert_rows_measured(panel)
    panel.set_theme(presentation_theme())  # which makes the group titles larger too
    assert_rows_measured(panel)
    assert_same_as_fresh(panel)


def test_the_scroll_bar_is_flat_in_the_theme_colours(panel: FindingsPanel) -> None:
    for theme in (presentation_theme(), panel.theme):
        panel.set_theme(theme)
        assert_flat_scroll_bar(panel.tree.verticalScrollBar(), theme)


def test_rows_painted_from_pictures_look_as_the_style_draws_them(panel: FindingsPanel) -> None:
    class StyleDrawn(WrappingDelegate):
        """The same rows, drawn by the style on every paint."""

        def paint(self, *args: Any) -> None:
            QStyledItemDelegate.paint(self, *args)

    tree = panel.tree
    rng = random.Random(8)

    def assert_as_drawn_by_the_style() -> None:
        QApplication.processEvents()
        ours = tree.viewport().grab().toImage()
        tree.setItemDelegate(StyleDrawn(tree))
        theirs = tree.viewport().grab().toImage()
        tree.setItemDelegate(tree.delegate)
        assert largest_difference(ours, theirs) <= 8  # text blended onto a picture rounds apart

    assert_as_drawn_by_the_style()
    document = panel.document
    first = next(f for f in document.analysis.findings if not f.accepted)
    document.push("accept", accept(document.workshop, first.key, "agreed"))  # a muted row
    select(panel, next(f.key for f in document.analysis.findings if not f.accepted))
    tree.setFocus()
    assert_as_drawn_by_the_style()
    for _ in range(6):  # rows come, go and change their text under the pictures
        move_somewhere(document, rng)
        assert_as_drawn_by_the_style()
    panel.set_theme(presentation_theme())
    assert_as_drawn_by_the_style()


def test_rows_fit_the_width_left_when_the_list_starts_to_scroll(qtbot: QtBot) -> None:
    small = Workshop.model_validate(generate(300))
    few = small.model_copy(update={"requests": small.requests[:12]})
    document = WorkshopDocument(few)
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert_rows_measured(panel)
    document.push("many findings", small)  # more rows than fit: the list scrolls from now on
    assert_rows_measured(panel)
    assert panel.tree.verticalScrollBar().maximum() > 0


class Marking(QTranslator):
    """A translation that marks every string of the findings panel, to show which pass tr()."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context == "FindingsPanel" else ""


def test_the_panels_own_words_can_be_translated(qtbot: QtBot) -> None:
    workshop = Workshop.model_validate(generate(60))
    found = findings(workshop)
    workshop = accept(workshop, found[0].key, "Agreed.")
    translator = Marking()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.installTranslator(translator)
    try:
        panel = FindingsPanel(WorkshopDocument(workshop))
        qtbot.addWidget(panel)
    finally:
        app.removeTranslator(translator)
    assert panel.summary.text(0).startswith("«"), panel.summary.text(0)
    titles = [head.text(0) for head in heads(panel)[1:]]  # after the summary
    assert len(titles) == 3 and all(title.startswith("««") for title in titles), titles
    assert titles[0].endswith("«, 1 accepted»")
    accepted = children(heads(panel)[1])[0].text(0)
    assert accepted.startswith("«✔ Accepted: ") and "Agreed." in accepted


def test_a_word_too_long_for_the_panel_wraps_between_syllables(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QApplication.font())
    word = "Kundeservicemedarbejderuddannelsesprogram"
    width = metrics.horizontalAdvance(word) // 3
    text = f'Phase "{word}" is over capacity: 74 person-days against 70.'
    soft = breakable(text, metrics, width)
    assert soft.replace(SOFT_HYPHEN, "") == text, "only soft hyphens are added"
    assert soft.count(SOFT_HYPHEN) >= 3 and "capacity:" in soft, "ordinary words are left alone"
    flags = int(Qt.TextFlag.TextWordWrap)
    assert metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text).width() > width
    assert metrics.boundingRect(QRect(0, 0, width, 10_000), flags, soft).width() <= width
