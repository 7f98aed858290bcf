"""The open draft: its title and kind, its words, and what the checks say about them.

``DraftEditor`` lays out the editor with the verdict banner above it, the notes beside it
(under it in a narrow window) and the length, save status and the way out below. It
shows a check's results (marks, notes, length line, banner) and remembers them, so the
pane can ask before copying; running the check, saving and the drafts themselves are
the pane's.

Only the user's own edits emit ``edited``: text the pane puts in (opening a draft,
restoring a version) does not count as typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.drafts.draft import Draft
from reconnect_gui.core.drafts.tone_ignores import Ignore, without_ignored
from reconnect_gui.core.drafts.words import (
    banner_for,
    effective_verdict,
    empty_notes_words,
    meter_words,
    timing_messages,
)
from reconnect_gui.core.tone.report import Finding, Report
from reconnect_gui.ui.draft.banner import VerdictBanner
from reconnect_gui.ui.draft.drafts_column import KIND_WORDS
from reconnect_gui.ui.draft.findings_list import FindingsList
from reconnect_gui.ui.draft.support_panel import SupportPanel
from reconnect_gui.ui.draft.templates import unfilled_parts
from reconnect_gui.ui.draft.tone_highlighter import ToneHighlighter
from reconnect_gui.ui.widgets.colours import severity_colour
from reconnect_gui.ui.widgets.labels import caption, quiet_label, wrapped_label

PLACEHOLDERS = {
    "text": "Write your text here. A first text works best short, light and easy to answer.",
    "letter": "Write your letter here. Friendly, calm and short: about a page at most.",
    "logistics": (
        "Write the practical message here: what, when and how. Brief, friendly and firm, "
        "with the feelings kept for your journal."
    ),
}
KIND_DESCRIPTIONS = {
    "text": "A short message for their phone: counts characters and SMS",
    "letter": "A letter, by email or on paper: counts words and reading time",
    "logistics": (
        "Something practical: belongings, children, bills. The one kind of contact that "
        "fits No Contact"
    ),
}


class DraftEditor(QWidget):
    """The editor side of the drafting pane, for one draft at a time."""

    edited = Signal()  # the user changed the words
    title_edited = Signal(str)
    kind_chosen = Signal(str)  # "text" or "letter", chosen by the user

    def __init__(self, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False  # True while the pane sets the editor's text
        self._dark = dark
        self.report: Report | None = None
        self.checked_text = ""  # the text the report is about
        self.shown_findings: tuple[Finding, ...] = ()
        self.verdict: str | None = None  # after ignores; None while nothing is written
        self.reasons: tuple[str, ...] = ()
        self.unfilled: list[str] = []  # bracketed parts of an example still in the words
        self.banner_state = "empty"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(self._top_row())
        self.notice = self._notice_bar()
        layout.addWidget(self.notice)
        self.banner = VerdictBanner()
        layout.addWidget(self.banner)
        layout.addWidget(self._splitter(), 1)
        layout.addLayout(self._bottom_row())

    # ---- building -----------------------------------------------------------------------

    def _top_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.setSpacing(16)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional, only you see it)")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setAccessibleDescription("Optional; only you see it, in your drafts list")
        self.title_edit.setMaxLength(200)
        self.title_edit.textEdited.connect(self.title_edited)
        top.addWidget(self.title_edit, 1)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind, description in KIND_DESCRIPTIONS.items():
            button = QRadioButton(KIND_WORDS[kind])
            button.setAccessibleName(KIND_WORDS[kind])
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            top.addWidget(button)
        self.kind_buttons["text"].setChecked(True)
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        return top

    def _notice_bar(self) -> QFrame:
        """One sentence the user should not miss (words put back after a lock), until read."""
        bar = QFrame()
        bar.setObjectName("draftNotice")
        bar.setAccessibleName("Notice")
        bar.setStyleSheet(
            "QFrame#draftNotice { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 8, 8, 8)  # the words line up with the banner's
        row.setSpacing(12)
        self.notice_label = wrapped_label("")
        row.addWidget(self.notice_label, 1)
        self.notice_button = QPushButton("OK")
        self.notice_button.setAccessibleName("Dismiss notice")
        self.notice_button.setAutoDefault(False)
        self.notice_button.clicked.connect(self.hide_notice)
        row.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.hide()
        return bar

    def _splitter(self) -> QSplitter:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Your draft")
        self.editor.setTabChangesFocus(True)  # Tab moves on; a message needs no tab characters
        font = QFont(self.editor.font())
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(12)
        self.editor.setMinimumSize(200, 120)
        # contentsChange, not textChanged: the highlighter's repaints emit textChanged too.
        self.editor.document().contentsChange.connect(self._contents_changed)
        self.highlighter = ToneHighlighter(self.editor.document(), self._dark)
        # Clicking (or moving the cursor) into underlined words shows their note.
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.splitter.addWidget(self.editor)
        self.notes = QWidget()
        self.notes_column = notes_column = QVBoxLayout(self.notes)
        notes_column.setContentsMargins(12, 0, 0, 0)
        notes_column.setSpacing(8)
        self.notes_caption = caption("Notes")
        notes_column.addWidget(self.notes_caption)
        self.findings = FindingsList(dark=self._dark)
        self.findings.activated.connect(self.select_finding)
        notes_column.addWidget(self.findings, 1)
        # Words of danger: the person before the message. The helplines take the place of
        # every note about the writing.
        self.support = SupportPanel()
        self.support.hide()
        notes_column.addWidget(self.support, 1)
        self.notes.setMinimumSize(200, 110)
        self.splitter.addWidget(self.notes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        return self.splitter

    def _bottom_row(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        self.meter = quiet_label("", italic=False)
        self.meter.setAccessibleName("Length")
        bottom.addWidget(self.meter, 1)
        self.saved_label = quiet_label("", italic=False)
        self.saved_label.setWordWrap(False)
        self.saved_label.setAccessibleName("Save status")
        bottom.addWidget(self.saved_label)
        self.versions_button = QPushButton("Versions…")
        self.versions_button.setAccessibleName("Versions")
        self.versions_button.setAccessibleDescription("See earlier versions and bring one back")
        bottom.addWidget(self.versions_button)
        self.copy_button = QPushButton("Copy to clipboard")
        self.copy_button.setAccessibleName("Copy to clipboard")
        self.copy_button.setAccessibleDescription(
            "The only way out: Reconnect never sends anything itself"
        )
        self.copy_button.setDefault(True)
        self.copy_button.setMinimumHeight(34)
        bottom.addWidget(self.copy_button)
        return bottom

    def tab_chain(self) -> tuple[QWidget, ...]:
        """Title and kind, the words, the notes, the way out: the order a writer works in."""
        return (
            self.title_edit,
            *self.kind_buttons.values(),
            self.editor,
            *self.findings.tab_chain(),
            self.versions_button,
            self.copy_button,
        )

    # ---- the draft ----------------------------------------------------------------------

    def show_draft(self, draft: Draft) -> None:
        """Show a freshly opened draft, the cursor at the end to go on writing."""
        self.title_edit.setText(draft.title)
        self.show_kind(draft.kind)
        self.clear_report()
        self.set_text(draft.body)
        self.editor.document().clearUndoRedoStacks()  # undo never reaches another draft
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.hide_notice()
        self.set_saved("")

    def show_kind(self, kind: str) -> None:
        with QSignalBlocker(self.kind_group):
            self.kind_buttons[kind].setChecked(True)
        self.editor.setPlaceholderText(PLACEHOLDERS[kind])

    def set_text(self, text: str, as_typing: bool = False) -> None:
        """Put ``text`` in the editor; ``as_typing``: it counts as the user's edit."""
        self._loading = not as_typing
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False

    def _contents_changed(self, _position: int = 0, removed: int = 0, added: int = 0) -> None:
        if not self._loading and (removed or added):
            self.edited.emit()

    def _kind_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            kind = next(k for k, b in self.kind_buttons.items() if b is button)
            self.editor.setPlaceholderText(PLACEHOLDERS[kind])
            self.kind_chosen.emit(kind)

    def set_saved(self, text: str, problem: str = "") -> None:
        """The quiet save line; ``problem`` (why it failed) turns it to the problem colour."""
        self.saved_label.setText(text)
        self.saved_label.setToolTip(problem or ("Encrypted, on this computer" if text else ""))
        self.saved_label.setAccessibleDescription(problem)
        if self.saved_label.property("problem") != bool(problem):
            self.saved_label.setProperty("problem", bool(problem))
            self.saved_label.style().unpolish(self.saved_label)
            self.saved_label.style().polish(self.saved_label)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
        self.notice_label.clear()  # it may name the draft
        self.notice.setAccessibleDescription("")

    def forget(self) -> None:
        """Drop every trace of the user's words (the vault is locking)."""
        self.clear_report()
        self.set_text("")
        self.title_edit.clear()
        self.hide_notice()
        self.set_saved("")
        self.editor.document().clearUndoRedoStacks()

    # ---- the checks ---------------------------------------------------------------------

    def show_report(self, report: Report, text: str, ignores: Sequence[Ignore], kind: str) -> None:
        """Show a check of ``text``, leaving out the findings the user ignored."""
        self.report, self.checked_text = report, text
        shown = without_ignored(report.findings, text, ignores)
        self.shown_findings = shown
        crisis = bool(report.support_note)
        self.support.setVisible(crisis)
        self.findings.setVisible(not crisis)
        if crisis:
            self.highlighter.clear()
            self.findings.clear()
            self.support.show_note()
            self.notes_caption.setText("Please look after yourself")
        else:
            self.highlighter.set_findings(text, shown)
            note = report.english_only_note
            self.findings.show_findings(shown, note or empty_notes_words(report.calm))
            count = len(shown)
            self.notes_caption.setText(f"Notes ({count})" if count else "Notes")
            self._cursor_moved()  # the cards were reused: outline the right one again
        self.meter.setText(meter_words(kind, report.metrics, text))
        self.verdict, self.reasons = effective_verdict(report, shown)

    def clear_report(self) -> None:
        self.report = None
        self.checked_text = ""
        self.shown_findings = ()
        self.verdict = None
        self.reasons = ()
        self.highlighter.clear()
        self.findings.clear()
        self.findings.show()
        self.support.hide()
        self.support.forget()
        self.notes_caption.setText("Notes")
        self.meter.clear()

    def update_banner(self, cool_off_left: timedelta) -> None:
        """The banner for the latest check, with ``cool_off_left`` of the sleep-on-it time."""
        report = self.report
        self.unfilled = unfilled_parts(self.checked_text) if report is not None else []
        note = report.english_only_note if report is not None else ""
        support = report.support_note if report is not None else ""
        timing = timing_messages(self.shown_findings)
        banner = banner_for(
            self.verdict,
            self.reasons,
            cool_off_left,
            self.unfilled,
            note,
            timing,
            support,
            calm=report is not None
            and report.calm
            and len(self.shown_findings) == len(report.findings),
            kind=report.kind if report is not None else "text",
            notes=len(self.shown_findings),
        )
        self.banner_state = banner.state
        self.banner.show_banner(banner)

    def _cursor_moved(self) -> None:
        position = self.editor.textCursor().position()
        self.findings.mark_current(self.highlighter.finding_at(position))

    def select_finding(self, finding: Finding) -> None:
        """Select the finding's words in the editor, where they are now."""
        where = self.highlighter.range_of(finding)
        if where is None:  # about the whole message, or its words were just edited
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(where[0])
        cursor.setPosition(where[1], cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- layout and theme ---------------------------------------------------------------

    def set_narrow(self, narrow: bool) -> None:
        """Notes beside the editor when there is room, under it when there is not."""
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
            self.notes_column.setContentsMargins(*((0, 8, 0, 0) if narrow else (12, 0, 0, 0)))

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self.highlighter.set_dark(dark)
        self.findings.set_dark(dark)
        self.banner.set_dark(dark)
        colour = severity_colour("problem", dark).name()
        self.saved_label.setStyleSheet(f"QLabel[problem='true'] {{ color: {colour}; }}")
