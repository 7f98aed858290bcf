"""Inline marks: the right words (emoji included), one look per severity, marks that follow
typing, and updates that touch only what changed."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from helpers.palette import colour_pairs
from reconnect_gui.core.tone.report import Finding
from reconnect_gui.ui.draft.tone_highlighter import (
    BEYOND_SHADE,
    PROBLEM_TINT,
    ToneHighlighter,
    Utf16Map,
    changed_ranges,
)
from reconnect_gui.ui.widgets.colours import SEVERITY_COLOURS

Style = QTextCharFormat.UnderlineStyle


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two "#rrggbb" colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def finding(text: str, words: str, severity: str = "problem", nth: int = 0) -> Finding:
    """A finding on the ``nth`` occurrence of ``words`` in ``text`` (code-point span)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Finding(f"test.{severity}", "begging", severity, (start, start + len(words)), "m", "s")


def marked(document: QTextDocument) -> list[tuple[str, Style]]:
    """What the highlighter marked: (the words, their underline style), in document order."""
    found = []
    block = document.begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            cursor = QTextCursor(document)
            cursor.setPosition(block.position() + fmt_range.start)
            cursor.setPosition(
                block.position() + fmt_range.start + fmt_range.length,
                QTextCursor.MoveMode.KeepAnchor,
            )
            found.append((cursor.selectedText(), fmt_range.format.underlineStyle()))
        block = block.next()
    return found


def formats_by_style(editor: QPlainTextEdit) -> dict[Style, QTextCharFormat]:
    """The formats on the editor's first block, by underline style (copies: Qt's are temporary)."""
    ranges = editor.document().begin().layout().formats()
    return {r.format.underlineStyle(): QTextCharFormat(r.format) for r in ranges}


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.add_widget(widget)
    return widget


def show(editor: QPlainTextEdit, text: str, findings: list[Finding]) -> ToneHighlighter:
    highlighter = ToneHighlighter(editor.document())
    editor.setPlainText(text)
    highlighter.set_findings(text, findings)
    return highlighter


def test_utf16_map_counts_emoji_twice_and_other_characters_once() -> None:
    text = "é’ 😀 a 🎉🎉 b"
    utf16 = Utf16Map(text)
    assert [utf16.to_utf16(i) for i in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)] == [
        0, 1, 2, 3, 5, 6, 7, 8, 10, 12,
    ]  # fmt: skip
    assert utf16.to_utf16(len(text)) == len(text.encode("utf-16-le")) // 2


def test_marks_land_on_the_flagged_words_after_emoji(editor) -> None:
    text = "😀😀 please come back\n\nlong day 🎉👩‍👩‍👧 but i'm sorry, so sorry"
    findings = [
        finding(text, "please come back"),
        finding(text, "sorry", "warning", nth=1),
    ]
    show(editor, text, findings)
    assert marked(editor.document()) == [
        ("please come back", Style.WaveUnderline),
        ("sorry", Style.SingleUnderline),
    ]


def test_each_severity_has_its_own_line_and_problems_a_tint(editor) -> None:
    text = "one two three"
    highlighter = show(
        editor,
        text,
        [finding(text, "one"), finding(text, "two", "warning"), finding(text, "three", "info")],
    )
    assert [style for _, style in marked(editor.document())] == [
        Style.WaveUnderline,
        Style.SingleUnderline,
        Style.DotLine,
    ]
    formats = formats_by_style(editor)
    assert formats[Style.WaveUnderline].background().color() == QColor(PROBLEM_TINT[0])
    assert formats[Style.DotLine].background().style().name == "NoBrush"
    assert formats[Style.WaveUnderline].underlineColor() == QColor(SEVERITY_COLOURS["problem"][0])
    highlighter.set_dark(True)
    dark = formats_by_style(editor)
    assert dark[Style.WaveUnderline].underlineColor() == QColor(SEVERITY_COLOURS["problem"][1])


def test_where_marks_overlap_the_stronger_one_shows(editor) -> None:
    text = "so please come back to me"
    show(
        editor,
        text,
        [finding(text, "please come back"), finding(text, "come back to me", "warning")],
    )
    assert marked(editor.document()) == [
        ("please come back", Style.WaveUnderline),
        (" to me", Style.SingleUnderline),
    ]


def test_the_stretch_past_a_good_length_is_shaded_not_underlined(editor) -> None:
    text = "A short first part. " * 10 + "And far too much after it. " * 20
    past = text.index("And far")
    too_long = Finding("too_long.text", "too_long", "warning", (past, len(text)), "m", "s")
    show(editor, text, [too_long, finding(text, "first part")])
    formats = formats_by_style(editor)
    assert formats[Style.NoUnderline].background().color() == QColor(BEYOND_SHADE[0])
    assert [words for words, _ in marked(editor.document())] == ["first part", text[past:]]


def test_whole_message_and_out_of_range_findings_get_no_mark(editor) -> None:
    text = "hey"
    whole = Finding("low_effort.bare", "low_effort", "warning", (0, 0), "m", "s")
    beyond = Finding("x.y", "drama", "warning", (10, 20), "m", "s")
    highlighter = show(editor, text, [whole, beyond])
    assert marked(editor.document()) == []
    assert highlighter.range_of(whole) is None


def test_marks_follow_typing_around_them_and_drop_when_their_words_change(editor) -> None:
    text = "Hi 😀 please come back. How are you?"
    flagged = finding(text, "please come back")
    highlighter = show(editor, text, [flagged])
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("🎉 Oh\n")  # a new block and an emoji before it
    assert marked(editor.document()) == [("please come back", Style.WaveUnderline)]
    start, end = highlighter.range_of(flagged)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "please come back"
    cursor.setPosition(editor.toPlainText().index("How"))
    cursor.insertText("So ")  # after it: the mark stays put
    assert marked(editor.document()) == [("please come back", Style.WaveUnderline)]
    cursor.setPosition(editor.document().toPlainText().index("come"))
    cursor.insertText("x")  # inside it: the next check decides
    assert highlighter.marks() == []
    assert marked(editor.document()) == []


def test_a_new_check_only_rehighlights_the_blocks_that_changed(editor) -> None:
    class Counting(ToneHighlighter):
        def __init__(self, document: QTextDocument) -> None:
            self.painted: list[int] = []
            super().__init__(document)

        def highlightBlock(self, text: str) -> None:
            self.painted.append(self.currentBlock().blockNumber())
            super().highlightBlock(text)

    paragraphs = [f"paragraph {n} says please" for n in range(50)]
    text = "\n".join(paragraphs)
    highlighter = Counting(editor.document())
    editor.setPlainText(text)
    findings = [finding(text, "please", nth=n) for n in (3, 40)]
    highlighter.painted.clear()
    highlighter.set_findings(text, findings)
    assert sorted(highlighter.painted) == [3, 40]
    highlighter.painted.clear()
    highlighter.set_findings(text, findings)  # the same findings again: nothing to do
    assert highlighter.painted == []
    highlighter.set_findings(text, findings[:1])
    assert highlighter.painted == [40]
    assert marked(editor.document()) == [("please", Style.WaveUnderline)]


def test_a_long_paste_with_many_findings_is_marked_correctly_and_quickly(editor) -> None:
    sentence = "I walked 🐕 by the lake and honestly i miss u so much. "
    text = sentence * 1000  # about 11,000 words, in one block
    findings = [finding(text, "i miss u", "warning", nth=n) for n in range(0, 1000, 3)]
    highlighter = ToneHighlighter(editor.document())
    editor.setPlainText(text)
    started = time.perf_counter()
    highlighter.set_findings(text, findings)
    elapsed = time.perf_counter() - started
    marks = marked(editor.document())
    assert len(marks) == len(findings)
    assert {words for words, _ in marks} == {"i miss u"}
    assert elapsed < 2.0  # loose: the benchmark measures; this only catches a blow-up


def test_a_mark_that_grows_at_one_end_repaints_only_the_new_stretch(editor) -> None:
    class Counting(ToneHighlighter):
        def __init__(self, document: QTextDocument) -> None:
            self.painted: list[int] = []
            super().__init__(document)

        def highlightBlock(self, text: str) -> None:
            self.painted.append(self.currentBlock().blockNumber())
            super().highlightBlock(text)

    text = "\n".join(f"paragraph {n} of a long letter" for n in range(400))
    highlighter = Counting(editor.document())
    editor.setPlainText(text)
    past_a_page = text.index("paragraph 100")
    too_long = Finding("too_long.letter", "too_long", "warning", (past_a_page, len(text)), "", "")
    highlighter.set_findings(text, [too_long])
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(" more")  # typing on at the end...
    longer = editor.toPlainText()
    highlighter.painted.clear()
    highlighter.set_findings(longer, [replace(too_long, span=(past_a_page, len(longer)))])
    assert highlighter.painted == [399]  # ...repaints the last paragraph, not 300 of them
    assert changed_ranges({(5, 10, "info")}, {(5, 12, "info")}) == [(10, 12)]
    assert changed_ranges({(5, 10, "info")}, {(3, 10, "info")}) == [(3, 5)]
    assert sorted(changed_ranges({(5, 10, "info")}, {(20, 30, "info")})) == [(5, 10), (20, 30)]


@pytest.mark.parametrize("dark", [False, True])
def test_severity_colours_read_as_text_on_base_and_window(dark: bool) -> None:
    backgrounds = {name: back for name, _, back in colour_pairs(dark)}
    text_colour = {name: fore for name, fore, _ in colour_pairs(dark)}["text on base"]
    index = 1 if dark else 0
    for severity, colours in SEVERITY_COLOURS.items():
        for where in ("text on base", "text on window"):
            ratio = contrast(colours[index], backgrounds[where])
            assert ratio >= 4.5, f"{severity} on {where}: {ratio:.2f}"
    assert contrast(text_colour, PROBLEM_TINT[index]) >= 4.5
    assert contrast(text_colour, BEYOND_SHADE[index]) >= 4.5
    assert contrast(SEVERITY_COLOURS["problem"][index], PROBLEM_TINT[index]) >= 3.0
