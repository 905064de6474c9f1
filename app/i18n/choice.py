"""Which language to speak: `--lang` first, then (in the app) View > Language, then the system's.

The command line's `--lang` is taken out of the arguments before anything else reads them, so
it works in every place of a command line (`bellwether --lang da check F`, `check F --lang da`)
and an unknown language is refused in one line rather than argparse's usage block.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.i18n import LANGUAGES

LANG_OPTION = "--lang"


@dataclass(frozen=True)
class LanguageArgument:
    """What `--lang` said: the language (None: not given), the rest, or why it is refused."""

    language: str | None
    rest: list[str]
    problem: str | None = None


def unknown_language(value: str) -> str:
    """The one line that refuses a language Bellwether does not speak."""
    return f"--lang: unknown language {value!r}; choose one of {', '.join(LANGUAGES)}"


def take_language(argv: Sequence[str]) -> LanguageArgument:
    """Take `--lang CODE` or `--lang=CODE` out of ``argv`` (the last one given wins)."""
    rest: list[str] = []
    chosen: str | None = None
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--":
            rest += items[index:]
            break
        if item == LANG_OPTION or item.startswith(LANG_OPTION + "="):
            if item == LANG_OPTION:
                if index + 1 >= len(items):
                    return LanguageArgument(None, rest, unknown_language(""))
                value, index = items[index + 1], index + 2
            else:
                value, index = item.partition("=")[2], index + 1
            code = value.strip().lower()
            if code not in LANGUAGES:
                return LanguageArgument(None, rest, unknown_language(value))
            chosen = code
            continue
        rest.append(item)
        index += 1
    return LanguageArgument(chosen, rest)


def language_of_locale(name: str | None) -> str | None:
    """The language of a locale name (``da_DK.UTF-8``, ``fi-FI``, ``C``); None if not ours."""
    if not name:
        return None
    code = name.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the system's locale, as gettext reads it; English when it is not ours.

    On Linux and the other Unixes the first of LANGUAGE (a list), LC_ALL, LC_MESSAGES and LANG
    that is set decides. On Windows and macOS, where the user's setting is not in the
    environment, the platform is asked (the app itself also asks Qt, see app.ui.language).
    """
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            if value in ("C", "POSIX") or value.startswith("C."):
                return "en"
            listed = [language_of_locale(part) for part in env.get("LANGUAGE", "").split(":")]
            for code in [*listed, language_of_locale(value)]:
                if code is not None:
                    return code
            return "en"
    return _platform_language() or "en"


def _platform_language() -> str | None:
    """The user's language on Windows (the UI language), else None."""
    import ctypes
    import locale

    windll = getattr(ctypes, "windll", None) if sys.platform.startswith("win") else None
    if windll is None:
        return None
    identifier = windll.kernel32.GetUserDefaultUILanguage()
    return language_of_locale(locale.windows_locale.get(identifier))


CHILD_VARIABLE = "BELLWETHER_LANG"
"""How a child process (the PDF export, the plan search) learns the language of its parent."""


def child_environment(language: str) -> dict[str, str]:
    """The environment of a child process that is to speak ``language``."""
    return {**os.environ, CHILD_VARIABLE: language}


def inherited_language(environ: Mapping[str, str] | None = None) -> str:
    """The language a child process was started in, else the system's."""
    env = os.environ if environ is None else environ
    given = env.get(CHILD_VARIABLE, "")
    return given if given in LANGUAGES else system_language(env)
