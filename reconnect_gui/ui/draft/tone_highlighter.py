"""Inline marks for the tone checker's findings in the draft editor.

Each severity has its own line, so the marks differ in shape and not only in colour:
a problem gets a wavy underline and a faint tint, a warning a straight underline, and a
suggestion (info) a subtle dotted one. "Too long" marks everything past the length that
works; underlining pages of words would shout, so that stretch only gets a quiet shade.
Findings about the whole message (span ``(0, 0)``) have no mark here; the findings list
shows them.

Positions: a ``Finding`` counts Python str indices (code points), a ``QTextDocument``
counts UTF-16 units, where a character beyond the Basic Multilingual Plane (most emoji)
takes two. ``Utf16Map`` converts between them.

Speed: the marks are kept as UTF-16 ranges sorted by start, so ``highlightBlock`` finds
the few that touch its block by bisection. A new set of findings rehighlights only the
blocks whose marks changed, so a check after each pause costs next to nothing when the
findings stay the same, even in a 10,000-word paste.

Typing: the document moves the words under the marks as the user types. ``_follow_edit``
moves the stored ranges the same way (it is connected before the highlighter takes the
document, so it runs before Qt re-highlights the edited block); a mark whose own words
were edited is dropped until the next check decides about them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from reconnect_gui.core.tone.report import Finding
from reconnect_gui.ui.widgets.colours import severity_colour

# severity -> (light, dark). Each colour reaches WCAG AA (4.5:1) as text against the
# editor's base and the window colour of our light and dark palettes (see the tests), so
# the findings list can use it for words too; an underline needs only 3:1.
# The faint tint behind a problem's words, and the shade past the length that works; the
# text on both stays above 4.5:1.
PROBLEM_TINT = ("#fdecea", "#3a2422")
BEYOND_SHADE = ("#eeece8", "#262a2f")
BEYOND = "beyond"  # the style of a "too long" mark
STYLE_ORDER = {"problem": 0, "warning": 1, "info": 2, BEYOND: 3}  # lower wins an overlap
# Many blocks to touch: one full pass is cheaper than many single-block passes.
FULL_PASS_BLOCKS = 200
# Marks longer than this (e.g. "too long" over everything past a page) are few; they are
# kept apart and checked against every block, so the bisection window stays short.
LONG_MARK = 1000

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # one character class: linear, no backtracking


class Utf16Map:
    """Code-point offsets of one text to UTF-16 offsets (as QTextDocument counts)."""

    def __init__(self, text: str) -> None:
        # Code-point indices of the characters that take two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self._astral, index)


@dataclass(frozen=True)
class Mark:
    start: int  # UTF-16 position in the document
    end: int
    style: str  # the severity, or BEYOND for the stretch past the length that works
    finding: Finding


def marks_for(text: str, findings: Sequence[Finding]) -> list[Mark]:
    """The findings of a check of ``text`` as document ranges, sorted by start.

    Whole-message findings and empty or out-of-range spans get no mark.
    """
    utf16 = Utf16Map(text)
    marks = []
    for finding in findings:
        start, end = finding.span
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        style = BEYOND if finding.category == "too_long" else finding.severity
        marks.append(Mark(utf16.to_utf16(start), utf16.to_utf16(end), style, finding))
    marks.sort(key=lambda m: m.start)
    return marks


Span = tuple[int, int, str]  # start, end, style


def changed_ranges(old: set[Span], new: set[Span]) -> list[tuple[int, int]]:
    """The document ranges whose marks differ between ``old`` and ``new``.

    A mark that only grew or shrank at one end (a "too long" mark as the user types on)
    changes just the stretch between its two ends, not all of it.
    """
    removed, added = old - new, new - old
    by_start = {(start, style): end for start, end, style in removed}
    by_end = {(end, style): start for start, end, style in removed}
    ranges, matched = [], set()
    for start, end, style in added:
        if (start, style) in by_start:
            other = by_start[(start, style)]
            ranges.append((min(end, other), max(end, other)))
            matched.add((start, other, style))
        elif (end, style) in by_end:
            other = by_end[(end, style)]
            ranges.append((min(start, other), max(start, other)))
            matched.add((other, end, style))
        else:
            ranges.append((start, end))
    ranges.extend((start, end) for start, end, _ in removed - matched)
    return ranges


class ToneHighlighter(QSyntaxHighlighter):
    """Underlines the findings of the latest check in ``document``."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        # No parent yet: the document comes after our edit follower, see module doc.
        super().__init__(None)  # type: ignore[call-overload]  # stub omits None
        self._marks: list[Mark] = []  # all of them, sorted by start
        self._short: list[Mark] = []  # those up to LONG_MARK long, sorted by start
        self._starts: list[int] = []  # their starts, for bisection
        self._long: list[Mark] = []
        self._formats = self._make_formats(dark)
        document.contentsChange.connect(self._follow_edit)
        self.setDocument(document)

    # ---- what the pane calls -------------------------------------------------------------

    def set_findings(self, text: str, findings: Sequence[Finding]) -> None:
        """Show ``findings`` from a check of ``text`` (the document's text right now)."""
        self._replace(marks_for(text, findings))

    def clear(self) -> None:
        self._replace([])

    def set_dark(self, dark: bool) -> None:
        """Colours for a dark or light palette (the theme can change while the app runs)."""
        self._formats = self._make_formats(dark)
        if self._marks:
            self.rehighlight()

    def marks(self) -> list[Mark]:
        """The current marks, as they stand after any typing since the check."""
        return list(self._marks)

    def finding_at(self, position: int) -> Finding | None:
        """The most serious finding whose words hold ``position`` (a cursor in them)."""
        inside = [m.finding for m in self._marks if m.start <= position < m.end]
        rank = {"problem": 0, "warning": 1, "info": 2}
        return min(inside, key=lambda f: rank.get(f.severity, 2), default=None)

    def range_of(self, finding: Finding) -> tuple[int, int] | None:
        """Where ``finding``'s words are in the document now, or None if they were edited."""
        return next(((m.start, m.end) for m in self._marks if m.finding == finding), None)

    # ---- painting ------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        if not self._marks:
            return
        block = self.currentBlock()
        # ``text`` arrives as a Python str (code points); positions are UTF-16, so the
        # block's length comes from Qt (it counts the block's separator too).
        block_start = block.position()
        block_end = block_start + block.length() - 1
        first = bisect_left(self._starts, block_start - LONG_MARK)
        last = bisect_right(self._starts, block_end)
        touching = self._short[first:last]
        touching.extend(m for m in self._long if m.start <= block_end and m.end > block_start)
        # Weaker marks first, so a stronger one wins where two overlap.
        touching.sort(key=lambda m: -STYLE_ORDER.get(m.style, 2))
        for mark in touching:
            start, end = max(mark.start, block_start), min(mark.end, block_end)
            if end > start:
                self.setFormat(start - block_start, end - start, self._formats[mark.style])

    def _make_formats(self, dark: bool) -> dict[str, QTextCharFormat]:
        formats = {}
        for severity, underline in (
            ("problem", QTextCharFormat.UnderlineStyle.WaveUnderline),
            ("warning", QTextCharFormat.UnderlineStyle.SingleUnderline),
            ("info", QTextCharFormat.UnderlineStyle.DotLine),
        ):
            char_format = QTextCharFormat()
            char_format.setUnderlineStyle(underline)
            char_format.setUnderlineColor(severity_colour(severity, dark))
            formats[severity] = char_format
        formats["problem"].setBackground(QColor(PROBLEM_TINT[1 if dark else 0]))
        formats[BEYOND] = QTextCharFormat()
        formats[BEYOND].setBackground(QColor(BEYOND_SHADE[1 if dark else 0]))
        return formats

    # ---- keeping the marks in step -------------------------------------------------------

    def _replace(self, marks: list[Mark]) -> None:
        old = {(m.start, m.end, m.style) for m in self._marks}
        self._set_marks(marks)
        self._rehighlight_ranges(changed_ranges(old, {(m.start, m.end, m.style) for m in marks}))

    def _set_marks(self, marks: list[Mark]) -> None:
        self._marks = marks
        self._short = [m for m in marks if m.end - m.start <= LONG_MARK]
        self._starts = [m.start for m in self._short]
        self._long = [m for m in marks if m.end - m.start > LONG_MARK]

    def _rehighlight_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Rehighlight the blocks that hold ``ranges``, or everything when that is cheaper."""
        document = self.document()
        if document is None or not ranges:
            return
        blocks: set[int] = set()
        for start, end in ranges:
            block = document.findBlock(start)
            while block.isValid() and block.position() < max(end, start + 1):
                blocks.add(block.blockNumber())
                if len(blocks) > FULL_PASS_BLOCKS:
                    self.rehighlight()
                    return
                block = block.next()
        for number in sorted(blocks):
            self.rehighlightBlock(document.findBlockByNumber(number))

    def _follow_edit(self, position: int, removed: int, added: int) -> None:
        """Move the marks with the words the user typed around (see the module doc)."""
        if not self._marks or (removed == 0 and added == 0):
            return
        shift = added - removed
        edit_end = position + removed
        kept = []
        for mark in self._marks:
            if mark.end <= position:
                kept.append(mark)  # wholly before the edit
            elif mark.start >= edit_end:  # wholly after it (typing just before it included)
                kept.append(Mark(mark.start + shift, mark.end + shift, mark.style, mark.finding))
            # else: the edit touched the marked words; the next check decides about them
        if len(kept) != len(self._marks) or shift:
            self._set_marks(kept)
