"""Department colours: a department's own, or one from a fixed palette by its position.

Pure data, so the board, the charts and the PDF give a department without a colour of its own
the same colour everywhere.
"""

from __future__ import annotations

from app.domain.model import Workshop

# Ten hues that stay apart for most kinds of colour blindness: the matplotlib/Tableau ten, its
# red swapped for indigo, because red says "error" on the board and in the PDF.
DEPARTMENT_PALETTE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#393b79", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip


def department_color(workshop: Workshop, index: int) -> str:
    """The `#rrggbb` colour of the department at `index`: its own, else the palette's."""
    own = workshop.departments[index].color
    return own or DEPARTMENT_PALETTE[index % len(DEPARTMENT_PALETTE)]
