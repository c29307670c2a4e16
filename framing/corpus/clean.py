"""Clean scraped article text: HTML, boilerplate lines and Unicode, each step reported.

`clean_text` runs three steps and says which of them changed anything, so a loader can warn:

1. **Unicode.** NFC; Unicode spaces (no-break, thin, ideographic...) become a plain space;
   zero-width characters (U+200B-U+200D, U+2060, U+FEFF), soft hyphens and control characters
   are removed; C1 controls U+0080-U+009F, which in real text are cp1252 punctuation decoded
   as Latin-1, become that punctuation (as HTML5 does for ``&#150;``); U+0085, U+2028 and
   ``\\r`` end a line, U+2029 ends a paragraph.
   Curly quotes are kept, both kinds. `framing.analysers.text.quotations` knows where a
   quotation opens and closes from “ and ” (a straight " must be guessed from the spaces
   around it), so straightening them would lose information. ’ is kept too: every analyser
   pattern accepts both ’ and ', and ``_PARAGRAPH_BREAK`` in that module ends a paragraph at a
   single newline after ’ (a closing single quote) but not after ', so changing it would
   change paragraphs.
2. **HTML**, only when the text looks like markup (a known tag name such as ``<p`` or ``</div``,
   or ``<!--``) or contains an entity (``&amp;``, ``&#8220;``): the cheap check means clean text
   costs almost nothing, and plain text with a bare ``<`` (``x < 5``) is left alone. Markup goes
   through `html.parser.HTMLParser`: the contents of script, style, noscript, nav, footer,
   aside, form, button, iframe, svg, head, template and select are dropped; block elements
   (p, div, br, li, h1-h6, article, section, blockquote, tr...) become paragraph breaks;
   entities are decoded. Text with entities but no tags only has its entities decoded. Steps 1
   and 2 repeat until nothing changes (double-escaped pages need two passes), which also makes
   cleaning idempotent.
3. **Boilerplate lines.** A line with fewer than 12 words (separated by spaces) is
   lower-cased, punctuation and symbols (except ©) are trimmed from both ends and runs of
   spaces become one. The line is removed when it then equals an ``exact`` pattern, starts
   with a ``prefix`` pattern or ends with a ``suffix`` pattern of
   ``framing/data/boilerplate.txt`` (at word boundaries). A longer line is a real paragraph
   and is always kept, and when every line matches nothing is removed, so the only paragraph
   is never lost. Removing a line can expose markup that an unclosed comment hid, so the
   steps run again while they remove lines from text that still has ``<`` or ``&``.

Finally runs of spaces and tabs become one space, lines are trimmed and more than one blank
line becomes one: paragraph breaks survive. This whitespace tidying is not reported as a change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from importlib.resources import files

__all__ = ["MAX_BOILERPLATE_WORDS", "Cleaned", "boilerplate_rules", "clean_text", "clean_title"]

MAX_BOILERPLATE_WORDS = 12
"""A line with this many words or more is never boilerplate."""

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|center|cite|code|dd|del|details|"
    "div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|"
    "input|ins|label|li|link|main|mark|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|"
    "section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|"
    "tfoot|th|thead|time|title|tr|u|ul|video"
)
_LOOKS_LIKE_MARKUP = re.compile(rf"</?(?:{_TAG_NAMES})(?=[\s/>])|<!--", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_SKIPPED = frozenset(
    "script style noscript nav footer aside form button iframe svg head template select".split()
)
_RAW_TEXT = frozenset({"script", "style"})
_BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 article section blockquote tr table pre hr "
    "figure figcaption header main caption details summary".split()
)
_CELLS = frozenset({"td", "th"})

_LINE_ENDINGS = {"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_SPECIAL = re.compile(
    "[\r\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200d\u2028-\u2029"
    "\u202f\u205f\u2060\u3000\ufeff]"
)
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
_BLANK_LINES = re.compile(r"\n{3,}")
_ALL_WHITESPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[^\w©]+|[^\w©]+$")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and what was done to it, e.g. ``("html markup removed",)``.

    ``changes`` is empty when the text only had its whitespace tidied.
    """

    text: str
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BoilerplateRules:
    """Patterns from ``framing/data/boilerplate.txt``, by kind (all lower case)."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """Read the boilerplate patterns shipped in ``framing/data/boilerplate.txt``."""
    text = (files("framing") / "data" / "boilerplate.txt").read_text(encoding="utf-8")
    kinds: dict[str, list[str]] = {"exact": [], "prefix": [], "suffix": []}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, pattern = line.split(None, 1)
            kinds[kind].append(pattern.strip())
    return BoilerplateRules(
        frozenset(kinds["exact"]), tuple(kinds["prefix"]), tuple(kinds["suffix"])
    )


def clean_text(text: str) -> Cleaned:
    """Remove HTML, boilerplate lines and Unicode oddities from article text.

    Parameters
    ----------
    text : str
        Article body, plain text or an HTML fragment.

    Returns
    -------
    Cleaned
        The text with paragraph breaks kept, and the changes made (empty for clean text).

    Examples
    --------
    >>> clean_text("<p>Rates rose &amp; fell.</p><p>Advertisement</p><p>Markets shrugged.</p>")
    Cleaned(text='Rates rose & fell.\\n\\nMarkets shrugged.', changes=('html markup removed', \
'1 boilerplate line removed'))
    >>> clean_text("If x < 5 and y > 3, stop.")
    Cleaned(text='If x < 5 and y > 3, stop.', changes=())
    """
    changes: list[str] = []
    removed = 0
    for _ in range(10):
        text, found = _markup_and_unicode(text)
        changes += [change for change in found if change not in changes]
        lines = [_tidy(line) for line in text.split("\n")]
        kept = _without_boilerplate(lines)
        text = _BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()
        dropped = sum(1 for line in lines if line) - sum(1 for line in kept if line)
        removed += dropped
        # Removing a line can expose markup an unclosed comment or tag had hidden: go again.
        if not dropped or ("<" not in text and "&" not in text):
            break
    if removed:
        changes.append(f"{removed} boilerplate line{'s' if removed > 1 else ''} removed")
    return Cleaned(text, tuple(changes))


def clean_title(text: str) -> Cleaned:
    """Clean a headline: HTML, entities and Unicode as `clean_text`, on one line.

    No boilerplate rule applies; all whitespace, line breaks included, becomes single spaces.

    Examples
    --------
    >>> clean_title("Rates &amp;\\u00a0jobs:\\n<em>what next</em>")
    Cleaned(text='Rates & jobs: what next', changes=('html markup removed', 'unicode normalised'))
    """
    text, changes = _markup_and_unicode(text)
    return Cleaned(_ALL_WHITESPACE.sub(" ", text).strip(), tuple(changes))


def _markup_and_unicode(text: str) -> tuple[str, list[str]]:
    """Steps 1 and 2, repeated until nothing changes; returns the changes in a fixed order."""
    done: set[str] = set()
    for _ in range(10):
        before = text
        text = _normalise_unicode(text, done)
        text = _strip_markup(text, done)
        if text == before:
            break
    order = ("html markup removed", "html entities decoded", "unicode normalised")
    return text, [change for change in order if change in done]


def _normalise_unicode(text: str, done: set[str]) -> str:
    if _SPECIAL.search(text):
        replaced = _SPECIAL.sub(_replace_special, text.replace("\r\n", "\n"))
        if replaced.replace("\n", "") != text.replace("\r", "").replace("\n", ""):
            done.add("unicode normalised")
        text = replaced
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        done.add("unicode normalised")
    return text


def _replace_special(match: re.Match[str]) -> str:
    char = match.group()
    if char in _LINE_ENDINGS:
        return _LINE_ENDINGS[char]
    if char in "\f\v":
        return " "
    if unicodedata.category(char) == "Zs":
        return " "
    if "\x80" <= char <= "\x9f":
        try:
            return bytes([ord(char)]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""


def _strip_markup(text: str, done: set[str]) -> str:
    if "<" not in text and "&" not in text:
        return text
    if _LOOKS_LIKE_MARKUP.search(text):
        parser = _TextExtractor()
        parser.feed(text)
        parser.close()
        extracted = parser.text()
        if extracted != text:
            done.add("html markup removed")
        return extracted
    if _ENTITY.search(text):
        decoded = _ENTITY.sub(lambda match: unescape(match.group()), text)
        if decoded != text:
            done.add("html entities decoded")
        return decoded
    return text


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML fragment, with block elements as paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip_depth = 0
        self._skip_start = 0
        self._skip_tag = ""
        self._skipped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            if self._skip_depth == 0:
                self._skip_start = len(self._parts)
                self._skip_tag = tag
                self._skipped = []
            self._skip_depth += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip_depth > 0:
            self._skip_depth -= 1
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            self._skipped.append(data)
        else:
            self._parts.append(data)

    def _break(self, tag: str) -> None:
        if self._skip_depth:
            return
        if tag in _BLOCKS:
            self._parts.append("\n\n")
        elif tag in _CELLS:
            self._parts.append(" ")

    def text(self) -> str:
        """The text collected; an unclosed element that is skipped keeps its text, unless it
        is a script or style, since its end cannot be known."""
        parts = self._parts
        if self._skip_depth and self._skip_tag not in _RAW_TEXT:
            parts = [*parts[: self._skip_start], "\n\n", *self._skipped, *parts[self._skip_start :]]
        return "".join(parts)


def _tidy(line: str) -> str:
    """One space between words, none at the ends (the check first: most lines need nothing)."""
    if "  " in line or "\t" in line:
        line = _SPACE_RUN.sub(" ", line)
    return line.strip()


def _without_boilerplate(lines: list[str]) -> list[str]:
    rules = boilerplate_rules()
    flags = [bool(line) and _is_boilerplate(line, rules) for line in lines]
    if all(flag or not line for flag, line in zip(flags, lines, strict=True)):
        return lines
    return [line for line, flag in zip(lines, flags, strict=True) if not flag]


def _is_boilerplate(line: str, rules: BoilerplateRules) -> bool:
    # Lines are tidied (one space between words), so counting spaces is a cheap first test.
    if line.count(" ") >= MAX_BOILERPLATE_WORDS or len(line.split()) >= MAX_BOILERPLATE_WORDS:
        return False
    key = " ".join(_EDGE.sub("", line.lower()).split())
    if key in rules.exact:
        return True
    return any(_starts(key, prefix) for prefix in rules.prefixes) or any(
        _ends(key, suffix) for suffix in rules.suffixes
    )


def _starts(key: str, prefix: str) -> bool:
    if not key.startswith(prefix):
        return False
    rest = key[len(prefix) : len(prefix) + 1]
    return not rest or not (rest.isalnum() and prefix[-1].isalnum())


def _ends(key: str, suffix: str) -> bool:
    if not key.endswith(suffix):
        return False
    before = key[-len(suffix) - 1 : -len(suffix)]
    return not before or not (before.isalnum() and suffix[0].isalnum())
