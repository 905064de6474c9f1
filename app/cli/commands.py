"""Each command's name and the module that adds it to the parser (`add_commands(commands)`).

Kept light: the launcher reads it to tell a command from a file to open before anything loads.
"""

from __future__ import annotations

COMMAND_MODULES: dict[str, str] = {
    "check": "app.cli.check",
    "export": "app.cli.report",
    "verify": "app.cli.report",
    "import": "app.cli.sheet",
    "suggest": "app.cli.suggest",
    "compare": "app.cli.compare",
}
