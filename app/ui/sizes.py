"""The sizes that differ between the desk and the projector: a card's height, a week's width.

Scene units are pixels at zoom 1. The themes choose between them; the board's geometry lays
cards out with whichever the theme gives it.
"""

from __future__ import annotations

CARD_H = 74.0
PX_PER_WEEK = 32.0
PROJECTOR_PX_PER_WEEK = 20.0
"""The projector's narrower time axis: the board fits the screen at a zoom that can be read."""
PROJECTOR_CARD_H = 104.0
"""The projector's taller card: its larger type needs three lines for a title to be read."""
