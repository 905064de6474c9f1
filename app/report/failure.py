"""A fault while laying out the roadmap, told in one plain line instead of reportlab's internals.

Every plan the file format accepts is meant to export (long text flows, long words break), so a
layout failure is a fault in Bellwether, not in the plan. The user still reads a sentence that
says so and that nothing was written, never "Flowable <Table@0x7F94…> too large on page 2".
"""

from __future__ import annotations

import re

from app.i18n import _

_PAGE = re.compile(r"\bon page (\d+)\b")


class RenderError(Exception):
    """The roadmap could not be made; the message is for the user, and nothing was written."""


def render_error(failure: Exception) -> RenderError:
    """The user's line for a renderer's exception (its type and text stay on `__cause__`)."""
    page = _PAGE.search(str(failure))
    if page is not None:  # reportlab's LayoutError: one part of the page is larger than a page
        return RenderError(
            _(
                "the roadmap could not be laid out: a part of page {page} is larger than a page"
                " (a fault in Bellwether); nothing was written"
            ).format(page=page.group(1))
        )
    return RenderError(
        _(
            "the roadmap could not be made ({kind}, a fault in Bellwether); nothing was written"
        ).format(kind=type(failure).__name__)
    )
