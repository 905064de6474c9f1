"""The phone page: plain HTML, CSS and a little JavaScript, shipped inside the package.

No external assets: the page loads only its own script and style sheet from the room's server,
which a strict Content-Security-Policy enforces. Its words are chosen on the server, in the
committee's language; the script writes every text from the server with `textContent`, never as
markup.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib.resources import files
from string import Template

from app.i18n import _, language


@cache
def asset(name: str) -> str:
    """One of the page's files, as text."""
    return (files(__package__) / name).read_text(encoding="utf-8")


def words() -> dict[str, str]:
    """Every sentence the script shows, in the committee's language."""
    return {
        "pick": _("Which department do you vote for?"),
        "code": _("Type your department's four-digit code"),
        "join": _("Join"),
        "wrong": _("Wrong code. Try again."),
        "wait": _("Too many wrong codes. Wait a few minutes and try again."),
        "left": _("{left} of {budget} dots left"),
        "spent": _("All your dots are spent. Take one back to move it."),
        "give": _("Give a dot to {title}"),
        "take": _("Take a dot back from {title}"),
        "mine": _("your dots"),
        "total": _("{total} in all"),
        "hidden": _("Every head's dots stay hidden until the facilitator reveals them."),
        "closed": _("Voting is closed. Thank you!"),
        "lost": _("Connection lost. Reconnecting…"),
        "gone": _("This voting address is no longer valid. Scan the QR code again."),
        "slow": _("The app did not answer. Try again."),
        "other": _("Change department"),
    }


def _script_json(data: object) -> str:
    """JSON that cannot end the script block it sits in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_html(token: str) -> str:
    """The page for one meeting, its words filled in."""
    base = f"/j/{token}"
    return Template(asset("room.html")).substitute(
        lang=escape(language()),
        base=escape(base),
        title=escape(_("Room voting")),
        words=_script_json(words()),
    )
