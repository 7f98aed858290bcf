"""Light Markdown in the journal editor, shown cleanly while the words stay plain text.

The entry is stored exactly as typed; this only changes how it looks on screen: a
heading (``# ``, ``## ``, ``### ``) larger and bold, ``**bold**`` bold, ``*emphasis*``
or ``_emphasis_`` in italics, ``> `` quotes in italics, list marks (``-``, ``*``,
``1.``) in the accent colour. The marks themselves are kept, in a quieter colour, so
what is typed is always what is there.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

HEADING = re.compile(r"^(#{1,3})\s+\S")
LIST_MARK = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+")
QUOTE = re.compile(r"^\s*>\s?")
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")
HEADING_SCALE = {1: 1.45, 2: 1.25, 3: 1.1}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Shows headings, bold, emphasis, quotes and lists in a QPlainTextEdit's document."""

    def __init__(self, document: QTextDocument, font: QFont) -> None:
        super().__init__(document)
        self._point_size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        self._muted = QColor("#5f6368")
        self._accent = QColor("#2e6b70")

    def set_colours(self, muted: QColor, accent: QColor) -> None:
        """The palette's quiet and accent colours (called again when the theme changes)."""
        if (muted, accent) != (self._muted, self._accent):
            self._muted, self._accent = QColor(muted), QColor(accent)
            self.rehighlight()

    def set_font(self, font: QFont) -> None:
        if font.pointSizeF() > 0 and font.pointSizeF() != self._point_size:
            self._point_size = font.pointSizeF()
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not text:
            return
        marks = QTextCharFormat()
        marks.setForeground(self._muted)

        heading = HEADING.match(text)
        if heading is not None:
            level = len(heading.group(1))
            whole = QTextCharFormat()
            whole.setFontWeight(QFont.Weight.Bold)
            whole.setFontPointSize(self._point_size * HEADING_SCALE[level])
            self.setFormat(0, len(text), whole)
            hashes = QTextCharFormat(whole)
            hashes.setForeground(self._muted)
            self.setFormat(0, level, hashes)
            return

        quote = QUOTE.match(text)
        if quote is not None:
            italic = QTextCharFormat()
            italic.setFontItalic(True)
            self.setFormat(0, len(text), italic)
            self.setFormat(0, quote.end(), marks)
        else:
            listed = LIST_MARK.match(text)
            if listed is not None:
                bullet = QTextCharFormat()
                bullet.setForeground(self._accent)
                bullet.setFontWeight(QFont.Weight.Bold)
                self.setFormat(listed.start(1), len(listed.group(1)), bullet)

        taken = [False] * len(text)  # characters inside **bold**, not emphasis marks
        for found in BOLD.finditer(text):
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            self.setFormat(found.start(2), len(found.group(2)), bold)
            for start in (found.start(), found.end() - 2):
                self.setFormat(start, 2, marks)
            taken[found.start() : found.end()] = [True] * (found.end() - found.start())
        for found in EMPHASIS.finditer(text):
            if any(taken[found.start() : found.end()]):
                continue
            italic = QTextCharFormat()
            italic.setFontItalic(True)
            self.setFormat(found.start(2), len(found.group(2)), italic)
            self.setFormat(found.start(), 1, marks)
            self.setFormat(found.end() - 1, 1, marks)
