"""Jira's wiki markup in exported descriptions, as plain text a committee can read.

jira2markdown parses the markup into Markdown; the Markdown is then reduced to plain text:
headings and emphasis lose their signs, `[text|url]` becomes "text (url)", lists become
bullets, tables tab-separated lines and code blocks indented text.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

_MARKUP_HINT = re.compile(r"[*_+{}\[\]|~^#]|h[1-6]\.|&\w+;|&#\d+;|-\S|\?\?")
_HTML_TAG = re.compile(r"</?(?:u|font|sup|sub|span|ins|del)\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
_HEADING = re.compile(r"^(\s*)#{1,6}\s+", re.MULTILINE)
_STRONG = re.compile(r"\*\*(.+?)\*\*|~~(.+?)~~", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*])[_*](?=\S)(.+?)(?<=\S)[_*](?![\w*])", re.DOTALL)
_CODE = re.compile(r"`([^`\n]+)`")
_BULLET = re.compile(r"^(\s*)[-*+] ", re.MULTILINE)
_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
_QUOTE = re.compile(r"^(\s*)> ?", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_NUMBERED = re.compile(r"^(\s*)1\. ")


def line_ends(text: str) -> str:
    """CRLF and lone CR as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def jira_to_text(text: str) -> str:
    """A description in Jira's wiki markup as plain text (text without markup is kept as is)."""
    text = line_ends(text)
    if not _MARKUP_HINT.search(text):
        return text
    try:
        markdown = str(_grammar().transform_string(text))
    except Exception:  # a parser's failure must not cost the row: keep the text as written
        return html.unescape(text)
    return _plain(markdown)


@functools.cache
def _grammar() -> Any:
    """jira2markdown's grammar, built once: its `convert` builds it anew for every text, which
    cost a 187-row Jira export 20 s. The same elements, no user names to map."""
    from jira2markdown.elements import MarkupElements
    from pyparsing import Forward

    elements = MarkupElements()
    inline_markup = Forward()
    markup = Forward()
    inline = filter(lambda element: element.is_inline_element, elements)
    inline_markup <<= elements.expr(inline_markup, markup, {}, inline)
    markup <<= elements.expr(inline_markup, markup, {}, elements)
    return markup


def _plain(markdown: str) -> str:
    lines: list[str] = []
    fenced = False
    counters: dict[int, int] = {}
    for line in markdown.split("\n"):
        line = _numbered(line, counters)
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            lines.append("    " + line)
        elif not _RULE.match(line):
            lines.append(_inline(_table_row(line)))
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _numbered(line: str, counters: dict[int, int]) -> str:
    """Markdown numbers every item 1.: count them again, per indentation."""
    match = _NUMBERED.match(line)
    if match is None:
        if line.strip():
            depth = len(line) - len(line.lstrip())
            for key in [key for key in counters if key >= depth]:
                del counters[key]
        return line
    depth = len(match.group(1))
    counters[depth] = counters.get(depth, 0) + 1
    return f"{match.group(1)}{counters[depth]}. {line[match.end() :]}"


def _table_row(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        return "\t".join(cells)
    return line


def _inline(line: str) -> str:
    line = _HTML_TAG.sub("", line)
    line = _HEADING.sub(r"\1", line)
    line = _QUOTE.sub(r"\1", line)
    line = _BULLET.sub(r"\1• ", line)
    line = _LINK.sub(_link, line)
    line = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m.group(1) or m.group(2), line)
    line = _EMPHASIS.sub(r"\1", line)
    return html.unescape(line)


def _link(match: re.Match[str]) -> str:
    text, url = match.group(1).strip(), match.group(2)
    if not url or text == url or text == url.removeprefix("mailto:"):
        return url.removeprefix("mailto:") or text
    return f"{text} ({url.removeprefix('mailto:')})"
