"""The inspector: each edit is one undoable command; a refused value is shown, not applied."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QFocusEvent
from PySide6.QtWidgets import QApplication

from app.domain.edits import move_request
from app.domain.model import Department
from app.report.weeks import date_span
from app.storage.workshop_file import load_workshop
from app.ui.document import WorkshopDocument
from app.ui.inspector import InspectorPanel
from app.ui.inspector.fields import ChecklistField, ComboField, FieldBox, LineField, TextField
from app.ui.inspector.parsing import ParseError, format_points, parse_points
from app.ui.wrapping import SOFT_HYPHEN
from tests.conftest import SMALL_SAMPLE


@pytest.fixture
def document() -> WorkshopDocument:
    return WorkshopDocument(load_workshop(SMALL_SAMPLE))


@pytest.fixture
def panel(qtbot, document: WorkshopDocument) -> InspectorPanel:
    widget = InspectorPanel(document)
    qtbot.addWidget(widget)
    widget.resize(440, 900)
    widget.show()
    widget.show_request("outlook")
    return widget


def type_into(qtbot, field: LineField, text: str) -> None:
    """Replace the field's text by typing, then press Return, as a user would."""
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def leave(widget) -> None:
    """Take the focus away from a widget (the user clicks elsewhere)."""
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut))


def request_field(panel: InspectorPanel, name: str) -> FieldBox:
    return panel.request_form.fields[name]


def line(panel: InspectorPanel, name: str) -> LineField:
    field = request_field(panel, name)
    assert isinstance(field, LineField)
    return field


def assert_refused(field: FieldBox, problem: str) -> None:
    assert field.error.isVisible()
    assert problem in field.error.text()
    assert field.error.textFormat() == Qt.TextFormat.PlainText
    assert "border" in field.editor.styleSheet()


# --- the request page ---------------------------------------------------------------------


def test_shows_the_selected_request(panel: InspectorPanel):
    assert panel.tabs.currentWidget() is panel.request_form
    assert line(panel, "title").text() == "Outlook integration"
    assert line(panel, "effort").text() == "6"
    assert line(panel, "benefit").text() == "Sales: 2", "departments by name, not by id"
    assert line(panel, "weeks_to_benefit").text() == "1"
    phase = request_field(panel, "phase")
    assert isinstance(phase, ComboField)
    assert phase.combo.currentText() == "Sales quick wins"
    depends = request_field(panel, "depends_on")
    assert isinstance(depends, ChecklistField)
    assert depends.checked() == ["customer-register"]
    assert "goes live in week 4" in panel.request_form.when.text()


def test_no_request_shows_a_hint(panel: InspectorPanel):
    panel.show_request("")
    assert panel.request_form.placeholder.isVisible()
    assert not panel.request_form.body.isVisible()
    assert not panel.request_form.remove_button.isEnabled()


def test_editing_effort_is_one_undoable_command(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    type_into(qtbot, line(panel, "effort"), "12,5")
    assert document.workshop.request("outlook").effort == 12.5
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit effort of 'Outlook integration'"
    assert line(panel, "effort").text() == "12.5"
    document.undo_stack.undo()
    assert document.workshop == before
    assert line(panel, "effort").text() == "6"


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("effort", "-5", "effort: must be >= 0, got -5"),
        ("effort", "lots", '"lots" is not a number'),
        ("weeks_to_benefit", "2.5", "must be a whole number"),
        ("benefit", "sales: 2, marketing: 1", 'unknown department "marketing"'),
        ("benefit", "sales: 0", "must be > 0"),
        ("burden", "sales 2", 'write "department: number"'),
        ("title", "   ", "title: must not be empty"),
    ],
)
def test_an_invalid_value_is_refused_visibly(
    qtbot, panel: InspectorPanel, name: str, text: str, problem: str
):
    document = panel.document
    before = document.workshop
    field = line(panel, name)
    type_into(qtbot, field, text)
    assert_refused(field, problem)
    assert document.workshop == before
    assert document.undo_stack.count() == 0
    assert field.text() == text


def test_a_refused_value_survives_other_changes_until_fixed(qtbot, panel: InspectorPanel):
    document = panel.document
    field = line(panel, "effort")
    type_into(qtbot, field, "-5")
    document.push("Move", move_request(document.workshop, "outlook", "p2"))
    assert field.text() == "-5"
    assert field.error.isVisible()
    phase = request_field(panel, "phase")
    assert isinstance(phase, ComboField)
    assert phase.combo.currentText() == "Service desk"
    type_into(qtbot, field, "7")
    assert not field.error.isVisible()
    assert field.editor.styleSheet() == ""
    assert document.workshop.request("outlook").effort == 7


def test_a_refused_value_survives_an_edit_of_another_field(qtbot, panel: InspectorPanel):
    effort = line(panel, "effort")
    type_into(qtbot, effort, "lots")
    type_into(qtbot, line(panel, "burden"), "sales: 3")
    assert panel.document.workshop.request("outlook").burden == {"sales": 3}
    assert effort.text() == "lots"
    assert effort.error.isVisible()
    assert panel.document.workshop.request("outlook").effort == 6
    panel.show_request("migration")
    assert effort.text() == "10"
    assert not effort.error.isVisible()


def test_typing_is_not_overwritten_by_a_change_elsewhere(qtbot, panel: InspectorPanel):
    document = panel.document
    field = line(panel, "title")
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "Outlook add-in")
    document.push("Move", move_request(document.workshop, "mobile-app", "p3"))
    assert field.text() == "Outlook add-in"
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert document.workshop.request("outlook").title == "Outlook add-in"
    assert document.undo_stack.undoText() == (
        "Rename request 'Outlook integration' to 'Outlook add-in'"
    )


def test_benefit_accepts_department_names(qtbot, panel: InspectorPanel):
    type_into(qtbot, line(panel, "benefit"), "Sales: 2; customer service: 1.5")
    assert panel.document.workshop.request("outlook").benefit == {"sales": 2, "service": 1.5}
    assert line(panel, "benefit").text() == "Sales: 2, Customer service: 1.5"


def test_phase_combo_moves_the_request(panel: InspectorPanel):
    phase = request_field(panel, "phase")
    assert isinstance(phase, ComboField)
    phase.combo.setCurrentIndex(0)
    phase.combo.activated.emit(0)
    assert panel.document.workshop.request("outlook").phase is None
    assert panel.document.undo_stack.undoText() == "Move 'Outlook integration' to the backlog"
    assert "in the backlog" in panel.request_form.when.text()
    panel.document.undo_stack.undo()
    assert panel.document.workshop.request("outlook").phase == "p1"
    assert phase.combo.currentText() == "Sales quick wins"


def test_department_combo(panel: InspectorPanel):
    department = request_field(panel, "department")
    assert isinstance(department, ComboField)
    index = department.combo.findText("Finance")
    department.combo.setCurrentIndex(index)
    department.combo.activated.emit(index)
    assert panel.document.workshop.request("outlook").department == "finance"


def checklist_item(field: ChecklistField, request_id: str):
    for row in range(field.list.count()):
        item = field.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == request_id:
            return item
    raise AssertionError(request_id)


def test_depends_on_ticks_apply_and_a_cycle_is_refused(panel: InspectorPanel):
    document = panel.document
    depends = request_field(panel, "depends_on")
    assert isinstance(depends, ChecklistField)
    checklist_item(depends, "migration").setCheckState(Qt.CheckState.Checked)
    assert document.workshop.request("outlook").depends_on == ("customer-register", "migration")
    assert document.undo_stack.undoText() == "Edit dependencies of 'Outlook integration'"
    panel.show_request("customer-register")
    before = document.workshop
    checklist_item(depends, "outlook").setCheckState(Qt.CheckState.Checked)
    assert_refused(depends, "dependency cycle")
    assert document.workshop == before


def test_description_applies_when_the_user_leaves_it(qtbot, panel: InspectorPanel):
    field = request_field(panel, "description")
    assert isinstance(field, TextField)
    field.edit.moveCursor(field.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(field.edit, " Also calendars.")
    leave(field.edit)
    description = panel.document.workshop.request("outlook").description
    assert description.endswith("one click. Also calendars.")
    assert panel.document.undo_stack.undoText() == "Edit description of 'Outlook integration'"


def test_add_and_remove_request(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    with qtbot.waitSignal(panel.requestSelected) as chosen:
        panel.request_form.add_button.click()
    assert chosen.args == ["new-request"]
    added = document.workshop.request("new-request")
    assert (added.title, added.department, added.phase) == ("New request", "sales", None)
    assert line(panel, "title").text() == "New request"
    assert document.undo_stack.undoText() == "Add request 'New request'"
    document.undo_stack.undo()
    assert document.workshop == before
    assert panel.request_form.placeholder.isVisible()


def test_remove_request_names_what_else_goes(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    panel.show_request("customer-register")
    with qtbot.waitSignal(panel.requestSelected) as chosen:
        panel.request_form.remove_button.click()
    assert chosen.args == [""]
    assert "customer-register" not in {r.id for r in document.workshop.requests}
    assert document.undo_stack.undoText() == (
        "Remove request 'Shared customer register' (unlink 4 dependent requests)"
    )
    document.undo_stack.undo()
    assert document.workshop == before


def test_file_text_is_shown_as_plain_text(qtbot, panel: InspectorPanel):
    type_into(qtbot, line(panel, "title"), "<b>Bold</b> &amp; more")
    heading = panel.request_form.heading
    assert heading.textFormat() == Qt.TextFormat.PlainText
    assert heading.text() == "<b>Bold</b> &amp; more"


# --- the workshop page --------------------------------------------------------------------


def test_edit_workshop_title_and_settings(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    panel.tabs.setCurrentWidget(panel.workshop_form)
    type_into(qtbot, panel.workshop_form.title, "CRM rollout, final")
    assert document.workshop.title == "CRM rollout, final"
    assert document.undo_stack.undoText() == "Edit workshop title"
    type_into(qtbot, panel.workshop_form.settings["dots_per_head"], "12")
    assert document.workshop.settings.dots_per_head == 12
    assert document.undo_stack.undoText() == "Set dots per head to 12"
    caution = panel.workshop_form.settings["caution_load"]
    type_into(qtbot, caution, "2")
    assert_refused(caution, "settings.caution_load: must be <= 1, got 2")
    assert document.workshop.settings.caution_load == 0.9
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.workshop == before
    assert panel.workshop_form.title.text() == before.title
    assert panel.workshop_form.settings["dots_per_head"].text() == "10"


def test_edit_vision_and_start(qtbot, panel: InspectorPanel):
    document = panel.document
    form = panel.workshop_form
    panel.tabs.setCurrentWidget(form)
    form.vision.edit.selectAll()
    qtbot.keyClicks(form.vision.edit, "Every customer, one picture")
    leave(form.vision.edit)
    assert document.workshop.vision == "Every customer, one picture"
    form.start.edit.setDate(QDate(2027, 2, 1))
    form.start.edit.editingFinished.emit()
    assert document.workshop.start == date(2027, 2, 1)
    assert document.undo_stack.undoText() == "Set workshop start to 2027-02-01"
    assert "ISO week 5 of 2027" in form.start_hint.text()
    assert document.undo_stack.count() == 2


# --- departments --------------------------------------------------------------------------


def test_add_edit_and_remove_a_department(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    page = panel.departments
    panel.tabs.setCurrentWidget(page)
    page.add_department_button.click()
    assert document.workshop.departments[-1].id == "new-department"
    assert page.selected_id == "new-department"
    assert page.list.currentItem().text() == "New department"
    type_into(qtbot, page.fields["name"], "Marketing")
    assert document.workshop.department("new-department").name == "Marketing"
    assert page.list.currentItem().text() == "Marketing"
    type_into(qtbot, page.fields["color"], "red")
    assert_refused(page.fields["color"], "must be a colour as #RRGGBB")
    assert document.workshop.department("new-department").color is None
    type_into(qtbot, page.fields["color"], "#AA3300")
    assert document.workshop.department("new-department").color == "#AA3300"
    assert document.undo_stack.undoText() == "Edit colour of department 'Marketing'"
    type_into(qtbot, page.fields["burden_capacity"], "6")
    assert document.workshop.department("new-department").burden_capacity == 6
    page.remove_department_button.click()
    assert "new-department" not in {d.id for d in document.workshop.departments}
    assert document.undo_stack.undoText() == "Remove department 'Marketing'"
    for _ in range(5):
        document.undo_stack.undo()
    assert document.workshop == before


def test_a_department_with_requests_is_not_removed(panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    page = panel.departments
    panel.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(2)
    assert page.selected_id == "finance"
    page.remove_department_button.click()
    assert_refused(page.list_box, '"Finance" still has 2 requests')
    assert document.workshop == before
    assert document.undo_stack.count() == 0


def test_clearing_a_threshold_means_the_workshop_setting(qtbot, panel: InspectorPanel):
    page = panel.departments
    panel.tabs.setCurrentWidget(page)
    type_into(qtbot, page.fields["first_win_weeks"], "5")
    assert panel.document.workshop.department("sales").first_win_weeks == 5
    type_into(qtbot, page.fields["first_win_weeks"], "")
    assert panel.document.workshop.department("sales").first_win_weeks is None
    assert "the workshop's 3" in page.fields["first_win_weeks"].edit.placeholderText()


# --- phases -------------------------------------------------------------------------------


def test_add_edit_and_remove_a_phase(qtbot, panel: InspectorPanel):
    document = panel.document
    before = document.workshop
    page = panel.phases
    panel.tabs.setCurrentWidget(page)
    page.add_phase_button.click()
    assert [p.name for p in document.workshop.phases][-1] == "Phase 4"
    assert page.selected_id == document.workshop.phases[-1].id
    type_into(qtbot, page.fields["weeks"], "0")
    assert_refused(page.fields["weeks"], "weeks: must be >= 1, got 0")
    type_into(qtbot, page.fields["weeks"], "8")
    assert document.workshop.phases[-1].weeks == 8
    dates = date_span(document.workshop.start, 16, 24).replace("\u00a0", " ")
    assert page.list.currentItem().text() == f"4. Phase 4  ({dates})"
    page.remove_phase_button.click()
    assert len(document.workshop.phases) == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.workshop == before


def test_removing_a_phase_sends_its_requests_to_the_backlog(panel: InspectorPanel):
    document = panel.document
    page = panel.phases
    panel.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(1)
    page.remove_phase_button.click()
    assert [p.id for p in document.workshop.phases] == ["p1", "p3"]
    assert document.workshop.request("case-handling").phase is None
    assert document.undo_stack.undoText() == (
        "Remove phase 'Service desk' (2 requests back to the backlog)"
    )
    document.undo_stack.undo()
    assert document.workshop.request("case-handling").phase == "p2"


def test_reorder_phases(panel: InspectorPanel):
    document = panel.document
    page = panel.phases
    panel.tabs.setCurrentWidget(page)
    assert not page.earlier_button.isEnabled()
    page.later_button.click()
    assert [p.id for p in document.workshop.phases] == ["p2", "p1", "p3"]
    assert page.selected_id == "p1"
    assert page.list.currentRow() == 1
    assert document.undo_stack.undoText() == "Move phase 'Sales quick wins' later"
    page.later_button.click()
    assert [p.id for p in document.workshop.phases] == ["p2", "p3", "p1"]
    assert not page.later_button.isEnabled()
    page.earlier_button.click()
    assert [p.id for p in document.workshop.phases] == ["p2", "p1", "p3"]
    for _ in range(3):
        document.undo_stack.undo()
    assert [p.id for p in document.workshop.phases] == ["p1", "p2", "p3"]
    assert page.list.item(0).text().startswith("1. Sales quick wins")


# --- naming departments in the points fields ----------------------------------------------


def _department(department_id: str, name: str) -> Department:
    return Department(id=department_id, name=name)


def test_points_name_departments_unless_the_name_would_read_back_wrongly():
    departments = [
        _department("sales", "Sales"),
        _department("hr", "Finance"),  # named like another department's id
        _department("finance", "Økonomi"),
        _department("ops", "Ops: north"),  # a colon: reads back, but "Ops: north: 4" misleads
        _department("it", "IT, data"),  # a separator
        _department("a", "Twin"),
        _department("b", "twin"),  # the same name, ignoring case
    ]
    points = {d.id: float(n + 1) for n, d in enumerate(departments)}
    text = format_points(points, departments)
    assert text == "Sales: 1, hr: 2, Økonomi: 3, ops: 4, it: 5, a: 6, b: 7"
    assert parse_points(text, departments) == points
    with pytest.raises(ParseError, match=r"the departments are: Sales, hr, Økonomi, ops"):
        parse_points("Marketing: 1", departments)


# Names are one line of text (a line break in a name is refused by the format).
_names = st.text(alphabet="abAB :,;-Øø", min_size=1, max_size=6).filter(str.strip)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "A", "ab", "x-1", "c"]), _names),
        min_size=1,
        max_size=5,
        unique_by=lambda pair: pair[0],
    ),
    st.data(),
)
def test_points_always_read_back_as_they_were_written(pairs, data):
    departments = [_department(department_id, name) for department_id, name in pairs]
    chosen = data.draw(st.lists(st.sampled_from([d.id for d in departments]), unique=True))
    points = {department_id: float(n + 1) for n, department_id in enumerate(chosen)}
    assert parse_points(format_points(points, departments), departments) == points


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c / 255) for c in (color.red(), color.green(), color.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_line_under_the_title_is_easy_to_read(panel: InspectorPanel):
    # "id … · goes live in week N" is quieter than the fields, but not the faint grey of a
    # disabled label: its letters stand out from the background by 4.5:1 or more.
    when = panel.request_form.when
    panel.show()
    image = when.grab().toImage()
    background = image.pixelColor(0, 0)
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    ink = max(pixels, key=lambda c: abs(luminance(c) - luminance(background)))
    light, dark = sorted((luminance(ink), luminance(background)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_a_long_compound_title_does_not_widen_the_inspector(qtbot, panel: InspectorPanel):
    title = "Kundetilfredshedsmålingsplatformsintegration med kundeservicesystemet"
    type_into(qtbot, line(panel, "title"), title)
    heading = panel.request_form.heading
    assert heading.text().replace(SOFT_HYPHEN, "") == title
    panel.resize(320, 900)
    QApplication.processEvents()
    assert heading.minimumSizeHint().width() < 300, "the long word may break between syllables"
    assert panel.request_form.when.minimumSizeHint().width() < 300
