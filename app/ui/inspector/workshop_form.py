"""The Workshop page: title, organisation, vision, start date and the rules' settings."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QGroupBox, QWidget

from app.domain.model import Workshop
from app.domain.structure import update_workshop
from app.ui.document import WorkshopDocument
from app.ui.inspector.fields import DateField, FieldBox, LineField, TextField
from app.ui.inspector.form import Form, add_row, form_layout, hint, page_layout, scrolled
from app.ui.inspector.parsing import format_number, parse_number

TEXTS = ("title", "organisation", "vision")
SETTINGS = (
    "first_win_weeks",
    "max_gap_weeks",
    "caution_load",
    "max_onboarding_per_phase",
    "dots_per_head",
)


class WorkshopForm(Form):
    """Edits the workshop as a whole; each field is applied on its own as one command."""

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.title = LineField()
        self.organisation = LineField()
        self.vision = TextField(lines=3)
        self.start = DateField()
        self.start_hint = hint("")
        self.settings = {name: LineField() for name in SETTINGS}
        self.words = self._words()
        self._lay_out()
        for name, field in self._fields().items():
            field.committed.connect(lambda name=name: self._commit(name))
        self.refresh(force=True)

    def _words(self) -> dict[str, str]:
        """What each field is called in labels and undo texts."""
        return {
            "title": self.tr("Title"),
            "organisation": self.tr("Organisation"),
            "vision": self.tr("Vision"),
            "start": self.tr("Start (week 0)"),
            "first_win_weeks": self.tr("First win within (weeks)"),
            "max_gap_weeks": self.tr("Longest gap between wins (weeks)"),
            "caution_load": self.tr("Caution from load (share of capacity)"),
            "max_onboarding_per_phase": self.tr("Departments starting per phase (0: any)"),
            "dots_per_head": self.tr("Dots per head"),
        }

    def _fields(self) -> dict[str, FieldBox]:
        fields: dict[str, FieldBox] = {
            "title": self.title,
            "organisation": self.organisation,
            "vision": self.vision,
            "start": self.start,
        }
        fields.update(self.settings)
        return fields

    def _lay_out(self) -> None:
        content = QWidget()
        form = form_layout()
        for name in (*TEXTS, "start"):
            add_row(form, self.words[name], self._fields()[name])
        form.addWidget(self.start_hint)
        rules = QGroupBox(self.tr("Rules"))
        rules_form = form_layout()
        for name in SETTINGS:
            add_row(rules_form, self.words[name], self.settings[name])
        rules.setLayout(rules_form)
        layout = page_layout(content)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addStretch(1)
        outer = page_layout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))

    def refresh(self, force: bool = False) -> None:
        """Redraw from the document when the workshop's own fields have changed."""
        workshop = self.document.workshop
        key = (
            workshop.title,
            workshop.organisation,
            workshop.vision,
            workshop.start,
            workshop.settings,
        )
        if key == self._key and not force:
            return
        self._key = key
        self.title.set_value(workshop.title, force)
        self.organisation.set_value(workshop.organisation, force)
        self.vision.set_value(workshop.vision, force)
        start = workshop.start
        self.start.set_value(QDate(start.year, start.month, start.day), force)
        self.start_hint.setText(self._start_hint(start))
        for name, field in self.settings.items():
            field.set_value(format_number(getattr(workshop.settings, name)), force)

    def _start_hint(self, start: date) -> str:
        year, week, _day = start.isocalendar()
        weekday = QLocale().toString(QDate(start.year, start.month, start.day), "dddd")
        text = self.tr("{weekday}, ISO week {week} of {year}")
        return text.format(weekday=weekday, week=week, year=year)

    def _commit(self, name: str) -> None:
        field = self._fields()[name]

        def build() -> Workshop:
            return update_workshop(self.document.workshop, **self._change(name))

        self.apply(field, self._undo_text(name), build)

    def _change(self, name: str) -> dict[str, Any]:
        """The change asked for, as `update_workshop` takes it (ParseError if unreadable)."""
        if name in TEXTS:
            field = self._fields()[name]
            assert isinstance(field, LineField | TextField)
            return {name: field.text()}
        if name == "start":
            chosen = self.start.value()
            return {"start": date(chosen.year(), chosen.month(), chosen.day())}
        return {"settings": {name: parse_number(self.settings[name].text())}}

    def _undo_text(self, name: str) -> str:
        if name == "start":
            chosen = self.start.value().toString("yyyy-MM-dd")
            return self.tr("Set workshop start to {date}").format(date=chosen)
        if name in SETTINGS:
            setting = {
                "first_win_weeks": self.tr("first win within"),
                "max_gap_weeks": self.tr("longest gap between wins"),
                "caution_load": self.tr("caution from load"),
                "max_onboarding_per_phase": self.tr("departments starting per phase"),
                "dots_per_head": self.tr("dots per head"),
            }[name]
            text = self.tr("Set {setting} to {value}")
            return text.format(setting=setting, value=self.settings[name].text().strip())
        return self.tr("Edit workshop {field}").format(field=self.words[name].lower())
