"""The drafting pane: one careful text or letter, checked gently as it is written.

Drafts live in the vault (``storage.draft_store``), one record each, with versions and a
"sleep on it" cool-off (``core.drafts``). The checker (``core.tone.check``) runs through a
``Throttle`` while the user types; its findings show as marks in the editor
(``ToneHighlighter``) and as notes beside it (``FindingsList``), its verdict in the banner,
its metrics in the length line. Findings the user ignored (``core.tone_ignores``) are left
out everywhere, and the verdict follows what is left.

The app never sends: "Copy to clipboard" is the only way out, and it asks first when the
verdict is not "ready" yet. ``copied`` carries the text that went to the clipboard, the
hook for clearing it again later.

Every keystroke reaches the vault: autosave is debounced, flushed when the user switches
drafts or panes, and flushed on the controller's ``locking`` signal, before everything
here is cleared.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import ceil
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core import countdown_stats
from reconnect_gui.core import drafts as core_drafts
from reconnect_gui.core.contact_log import ContactEntry, wait_remaining
from reconnect_gui.core.countdown import Plan
from reconnect_gui.core.drafts import COOL_OFF_HOURS, Draft
from reconnect_gui.core.moments import DAY, local, local_zone_name
from reconnect_gui.core.tone.report import Context, Finding, Metrics, Report
from reconnect_gui.core.tone_ignores import ignore_for, without_ignored
from reconnect_gui.storage import countdown_store, draft_store
from reconnect_gui.storage.errors import VaultError
from reconnect_gui.ui.draft_templates import ExampleDialog, unfilled_parts
from reconnect_gui.ui.findings_list import FindingsList
from reconnect_gui.ui.panes import (
    DIALOG_MARGINS,
    PANES,
    caption,
    heading_column,
    pane_heading,
    quiet_label,
    wrapped_label,
)
from reconnect_gui.ui.theme import is_dark
from reconnect_gui.ui.throttle import Throttle
from reconnect_gui.ui.tone_highlighter import ToneHighlighter, severity_colour
from reconnect_gui.ui.vault_controller import LOCKED, NEEDS_SETUP, STATUS_TEXT, UNLOCKED

if TYPE_CHECKING:
    from reconnect_gui.storage.vault import Vault
    from reconnect_gui.ui.vault_controller import VaultController

CHECK_DELAY_MS = 300  # a pause in typing this long runs the check...
CHECK_MAX_WAIT_MS = 1000  # ...and a long burst still gets one about every second
SAVE_DELAY_MS = 1200
SAVE_MAX_WAIT_MS = 5000
MINUTE_MS = 60_000  # the cool-off line counts down while the pane is on screen

STATE_PAGE, PROBLEM_PAGE, WORK_PAGE = range(3)
WELCOME, EDITOR = range(2)  # inside the work page: no drafts yet, or the open draft
NARROW_WIDTH = 720  # px of the editor side; below it the notes go under the editor
LIST_WIDTH, NARROW_LIST_WIDTH = 230, 180  # px of the drafts column
KIND_WORDS = {"text": "Text", "letter": "Letter"}
PLACEHOLDERS = {
    "text": "Write your text here. A first text works best short, light and easy to answer.",
    "letter": "Write your letter here. Friendly, calm and short: about a page at most.",
}
STATE_WORDS = {
    LOCKED: "Locked. Unlock Reconnect to see your drafts.",
    NEEDS_SETUP: "Once your private vault is set up, you can write drafts here.",
}
HEADING = next(p.heading for p in PANES if p.key == "draft")
BLURB = next(p.blurb for p in PANES if p.key == "draft")

# Banner tints per state: (light, dark) background and stripe. Text on every tint keeps
# the palette's text colour at 4.5:1 or more (see the tests).
BANNER_COLOURS = {
    "empty": (("#eef0f2", "#23272b"), ("#8a9096", "#6b7278")),
    "ready": (("#e4f2ee", "#1d302c"), ("#2e6b5e", "#5fb3a0")),
    "cooling": (("#e9eef6", "#212a36"), ("#3d5f8c", "#7fa6d9")),
    "revise": (("#fbf1df", "#342a1a"), ("#8a5000", "#f0b94d")),
    "wait": (("#efeaf6", "#2a2535"), ("#5e4a8a", "#a995d9")),
}


# ---- words ------------------------------------------------------------------------------


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def encoding_reason(text: str) -> str:
    """Why a text needs UCS-2: the first character outside GSM-7, in plain words."""
    from reconnect_gui.core.tone import sms

    for char in text:
        if sms.encoding(char) == sms.GSM_7:
            continue
        if ord(char) > 0xFFFF or unicodedata.category(char) in ("So", "Sk"):
            return "because of the emoji"
        if char in "‘’“”":
            return "because of the curly quotes"
        if unicodedata.category(char).startswith("Z") or char == "\t":
            return "because of a special space"
        return f"because of “{char}”"
    return ""


def meter_words(kind: str, metrics: Metrics, text: str) -> str:
    """The length line: texts count characters and SMS, letters words and reading time."""
    if kind == "letter":
        minutes = ceil(metrics.reading_seconds / 60)
        reading = (
            "under a minute to read"
            if metrics.reading_seconds < 60
            else f"about {plural(minutes, 'minute')} to read"
        )
        return " · ".join(
            (plural(metrics.words, "word"), plural(metrics.paragraphs, "paragraph"), reading)
        )
    parts = [plural(metrics.characters, "character"), plural(metrics.words, "word")]
    if metrics.sms_segments:
        encoding = metrics.sms_encoding
        if encoding != "GSM-7":
            reason = encoding_reason(text)
            encoding = f"{encoding}, {reason}" if reason else encoding
        parts.append(f"{metrics.sms_segments:,} SMS ({encoding})")
    return " · ".join(parts)


def time_left_words(left: timedelta) -> str:
    """A cool-off's time left, rounded up: it never says sooner than it is."""
    minutes = ceil(left.total_seconds() / 60)
    if minutes < 60:
        return plural(max(minutes, 1), "minute")
    return plural(ceil(minutes / 60), "hour")


BANNER_REASONS = 2  # more would push the editor down; the notes list has them all


def _reason_lines(reasons: Sequence[str]) -> str:
    lines = list(reasons[:BANNER_REASONS])
    if len(reasons) > BANNER_REASONS:
        lines.append(f"…and {len(reasons) - BANNER_REASONS} more, in the notes.")
    return "\n".join(lines)


@dataclass(frozen=True)
class Banner:
    state: str  # empty, ready, cooling, revise or wait
    headline: str
    detail: str


def banner_for(
    verdict: str | None,
    reasons: Sequence[str],
    cool_off_left: timedelta,
    unfilled: Sequence[str] = (),
    note: str = "",
) -> Banner:
    """What the banner says about a draft (``verdict`` None: nothing written yet).

    ``unfilled``: bracketed parts of an example still in the words; ``note``: why the tone
    was not checked (another language), which then replaces any praise of the tone.
    """
    if verdict is None:
        return Banner(
            "empty",
            "Take your time",
            "Notes on tone and length appear as you write. Nothing is ever sent from here.",
        )
    if unfilled:
        return Banner(
            "revise",
            "Make it yours first",
            "Replace the parts in [brackets] with your own words: they are only a guide.",
        )
    if verdict == "wait":
        return Banner("wait", "Better to wait for now", _reason_lines(reasons))
    if verdict == "revise":
        return Banner("revise", "Worth another look", _reason_lines(reasons))
    if cool_off_left > timedelta(0):
        return Banner(
            "cooling",
            f"Sleep on it: ready to send in {time_left_words(cool_off_left)}",
            (note or "It reads calm and kind.")
            + f" Come back to it after {COOL_OFF_HOURS} hours with fresh eyes; changing the "
            "words starts the wait again.",
        )
    return Banner(
        "ready",
        "Ready when you are",
        (note or "It reads calm and kind.")
        + " Copy it whenever you choose: Reconnect never sends anything.",
    )


def effective_verdict(report: Report, shown: Sequence[Finding]) -> tuple[str, tuple[str, ...]]:
    """The verdict and its reasons once the ignored findings are left out."""
    if len(shown) == len(report.findings):
        return report.verdict, report.reasons
    from reconnect_gui.core.tone.verdict import decide

    return decide(shown, report.kind)


def copy_warning(
    state: str, reasons: Sequence[str], cool_off_left: timedelta, unfilled: Sequence[str] = ()
) -> str:
    """The kind question before copying a draft that is not ready yet."""
    if unfilled:
        return (
            f"This still holds parts in brackets from the example, like {unfilled[0]}. They "
            "are only a guide for your own words. You can copy it anyway, or fill them in first."
        )
    if state == "wait":
        first = reasons[0] if reasons else "The timing may not be right yet."
        return (
            f"{first}\n\nIt might be kinder to yourself to wait. You can still copy it: "
            "what you do with it is always your choice."
        )
    if state == "revise":
        return (
            "A few words in this draft may land differently than you mean. You can copy it "
            "anyway, or take another look first."
        )
    return (
        f"This draft has not rested for {COOL_OFF_HOURS} hours yet (about "
        f"{time_left_words(cool_off_left)} to go). Messages often read differently after "
        "a night's sleep. You can still copy it now."
    )


def when_words(moment: datetime, now: datetime, zone: str) -> str:
    """A short local date for the drafts list and versions: "Today 14:05", "3 Nov 14:05"."""
    there, today = local(moment, zone), local(now, zone)
    clock = there.strftime("%H:%M")
    if there.date() == today.date():
        return f"Today {clock}"
    if there.date() == (today - DAY).date():
        return f"Yesterday {clock}"
    date = f"{there.day} {there.strftime('%b')}"
    return f"{date} {there.year} {clock}" if there.year != today.year else f"{date} {clock}"


# ---- parts ------------------------------------------------------------------------------


class VerdictBanner(QFrame):
    """A tinted box with the verdict in a few words and its reasons beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        self.headline = QLabel()
        font = QFont(self.headline.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.headline.setFont(font)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.detail = wrapped_label("")
        layout.addWidget(self.detail)
        self.state = "empty"
        self._dark = False

    def show_banner(self, banner: Banner) -> None:
        self.state = banner.state
        self.headline.setText(banner.headline)
        self.detail.setText(banner.detail)
        self.detail.setVisible(bool(banner.detail))
        self.setAccessibleName(banner.headline)
        self.setAccessibleDescription(banner.detail)
        self._restyle()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._restyle()

    def _restyle(self) -> None:
        index = 1 if self._dark else 0
        background, stripe = BANNER_COLOURS[self.state]
        self.setStyleSheet(
            f"QFrame#verdictBanner {{ background: {background[index]}; border-radius: 6px;"
            f" border-left: 5px solid {stripe[index]}; }}"
        )


class VersionsDialog(QDialog):
    """Earlier versions of the draft, newest first, and a way to bring one back."""

    restore_requested = Signal(int)  # the index in ``Draft.versions``

    def __init__(self, draft: Draft, now: datetime, zone: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions")
        self.setMinimumSize(620, 420)
        layout = heading_column(self, "Earlier versions", DIALOG_MARGINS)
        layout.addWidget(
            quiet_label(
                "Reconnect keeps a version when you pause writing. Bringing one back keeps "
                "what you have now as a version too, so nothing is lost."
            )
        )
        row = QHBoxLayout()
        row.setSpacing(16)
        self.list = QListWidget()
        self.list.setAccessibleName("Versions, newest first")
        self.list.setMaximumWidth(230)
        self._indices = list(range(len(draft.versions)))[::-1]
        self._bodies = [draft.versions[i].body for i in self._indices]
        for index in self._indices:
            version = draft.versions[index]
            words = len(version.body.split())
            self.list.addItem(f"{when_words(version.at, now, zone)}\n{plural(words, 'word')}")
        row.addWidget(self.list)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The words of this version")
        row.addWidget(self.preview, 1)
        layout.addLayout(row, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.restore_button = QPushButton("Bring this version back")
        self.restore_button.setAccessibleName("Bring this version back")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        buttons.addWidget(close)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._bodies):
            self.preview.setPlainText(self._bodies[row])

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._indices):
            self.restore_requested.emit(self._indices[row])
            self.accept()

    def forget(self) -> None:
        """Drop the words (the vault is locking)."""
        self._bodies = []
        self.preview.clear()
        self.list.clear()


class MessagePage(QWidget):
    """The heading and one quiet sentence (locked, or a problem reading the drafts)."""

    def __init__(self) -> None:
        super().__init__()
        layout = heading_column(self, HEADING, (48, 40, 48, 40), spacing=14)
        self.message = quiet_label("")
        layout.addWidget(self.message)
        layout.addStretch(1)


# ---- the pane ---------------------------------------------------------------------------


class DraftPane(QWidget):
    # The text just put on the clipboard: the hook for clearing it again later (only if
    # the clipboard still holds exactly this text).
    copied = Signal(str)

    def __init__(
        self,
        controller: VaultController,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pane-draft")
        self.setAccessibleName("Draft")
        self._controller = controller
        self._now = now
        self.drafts: list[Draft] = []
        self.draft: Draft | None = None  # the open draft, with the words as last synced
        self._stored: Draft | None = None  # the open draft as last written to the vault
        self.report: Report | None = None
        self._checked_text = ""  # the text the report is about
        self.shown_findings: tuple[Finding, ...] = ()
        self.banner_state = "empty"
        self._verdict: str | None = None  # after ignores; None while nothing is written
        self._reasons: tuple[str, ...] = ()
        self._unfilled: list[str] = []  # bracketed parts of an example still in the words
        self._reopen_id: str | None = None  # the draft to show again after unlocking
        self.deleted: Draft | None = None  # the last deleted draft, for "Undo"
        self.dialog: QWidget | None = None  # the one dialog this pane has open
        self._plan: Plan | None = None
        self._contacts: list[ContactEntry] = []
        self._zone = "UTC"
        self._loading = False  # True while the pane itself sets the editor's text
        self._dark = is_dark(self.palette())

        self.check_throttle = Throttle(
            CHECK_DELAY_MS, self.run_check, self, max_wait_ms=CHECK_MAX_WAIT_MS
        )
        self.save_throttle = Throttle(
            SAVE_DELAY_MS, self.save_now, self, max_wait_ms=SAVE_MAX_WAIT_MS
        )
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self.update_banner)

        self.pages = QStackedWidget()
        self.state_page = MessagePage()
        self.problem_page = MessagePage()
        self.pages.addWidget(self.state_page)
        self.pages.addWidget(self.problem_page)
        self.pages.addWidget(self._work_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self._set_tab_order()
        QShortcut(
            QKeySequence("Ctrl+N"),
            self,
            activated=self.new_draft,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._apply_dark()
        controller.locking.connect(self._before_lock)
        controller.state_changed.connect(self._vault_state_changed)
        self._vault_state_changed(controller.state)

    # ---- building -----------------------------------------------------------------------

    def _work_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.list_column = self._list_column()
        row.addWidget(self.list_column)
        self.side = QStackedWidget()
        self.side.addWidget(self._welcome())
        self.side.addWidget(self._editor_side())
        row.addWidget(self.side, 1)
        return page

    def _list_column(self) -> QWidget:
        column = QFrame()
        column.setObjectName("draftsColumn")
        column.setStyleSheet(
            "QFrame#draftsColumn { background: palette(alternate-base);"
            " border-right: 1px solid palette(midlight); }"
        )
        column.setFixedWidth(NARROW_LIST_WIDTH)  # resizeEvent widens it when there is room
        layout = QVBoxLayout(column)
        layout.setContentsMargins(16, 20, 12, 16)
        layout.setSpacing(8)
        title = caption("Your drafts")
        layout.addWidget(title)
        self.new_button = QPushButton("New draft")
        self.new_button.setAccessibleName("New draft")
        self.new_button.setAccessibleDescription("Start an empty draft (Ctrl+N)")
        self.new_button.setToolTip("Start an empty draft (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.new_draft())
        layout.addWidget(self.new_button)
        self.example_button = QPushButton("Start from an example…")
        self.example_button.setAccessibleName("Start from an example")
        self.example_button.setAccessibleDescription("Three calm starting points to make your own")
        self.example_button.clicked.connect(self.choose_example)
        layout.addWidget(self.example_button)
        self.list = QListWidget()
        self.list.setAccessibleName("Your drafts, newest first")
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._picked)
        title.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.damaged_label = quiet_label("")
        self.damaged_label.hide()
        layout.addWidget(self.damaged_label)
        self.undo_bar = QFrame()
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_label = quiet_label("Draft deleted.", italic=False)
        undo_row.addWidget(self.undo_label, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo delete")
        self.undo_button.setAccessibleDescription("Bring back the draft you just deleted")
        self.undo_button.clicked.connect(self.undo_delete)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)
        self.delete_button = QPushButton("Delete draft")
        self.delete_button.setAccessibleName("Delete draft")
        self.delete_button.setAccessibleDescription(
            "Delete the open draft and its versions (you can undo this right after)"
        )
        self.delete_button.clicked.connect(self.delete_current)
        layout.addWidget(self.delete_button)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list,
            activated=self.delete_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        return column

    def _welcome(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(pane_heading(HEADING))
        blurb = wrapped_label(BLURB)
        blurb.setMaximumWidth(620)
        layout.addWidget(blurb)
        self.welcome_context = wrapped_label("")
        self.welcome_context.setMaximumWidth(620)
        self.welcome_context.hide()
        layout.addWidget(self.welcome_context)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.write_text_button = QPushButton("Write a text")
        self.write_letter_button = QPushButton("Write a letter")
        self.welcome_example_button = QPushButton("Start from an example…")
        for button, description in (
            (self.write_text_button, "A short message for their phone"),
            (self.write_letter_button, "A short letter, by email or on paper"),
            (self.welcome_example_button, "Three calm starting points to make your own"),
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            button.setAccessibleDescription(description)
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.write_text_button.clicked.connect(lambda: self.new_draft("text"))
        self.write_letter_button.clicked.connect(lambda: self.new_draft("letter"))
        self.welcome_example_button.clicked.connect(self.choose_example)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _editor_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(16)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional, only you see it)")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setAccessibleDescription("Optional; only you see it, in your drafts list")
        self.title_edit.setMaxLength(200)
        self.title_edit.textEdited.connect(self._title_edited)
        top.addWidget(self.title_edit, 1)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind, description in (
            ("text", "A short message for their phone: counts characters and SMS"),
            ("letter", "A letter, by email or on paper: counts words and reading time"),
        ):
            button = QRadioButton(KIND_WORDS[kind])
            button.setAccessibleName(KIND_WORDS[kind])
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            top.addWidget(button)
        self.kind_buttons["text"].setChecked(True)
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        layout.addLayout(top)

        self.banner = VerdictBanner()
        layout.addWidget(self.banner)

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
        self.editor.document().contentsChange.connect(self._text_changed)
        self.highlighter = ToneHighlighter(self.editor.document(), self._dark)
        self.splitter.addWidget(self.editor)
        notes = QWidget()
        notes_column = QVBoxLayout(notes)
        notes_column.setContentsMargins(12, 0, 0, 0)
        notes_column.setSpacing(8)
        self.notes_caption = caption("Notes")
        notes_column.addWidget(self.notes_caption)
        self.findings = FindingsList(dark=self._dark)
        self.findings.activated.connect(self.select_finding)
        self.findings.ignore_requested.connect(self.ignore_finding)
        self.findings.cards_added.connect(self._set_tab_order)
        notes_column.addWidget(self.findings, 1)
        notes.setMinimumSize(200, 110)
        self.notes = notes
        self.splitter.addWidget(notes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

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
        self.versions_button.clicked.connect(self.show_versions)
        bottom.addWidget(self.versions_button)
        self.copy_button = QPushButton("Copy to clipboard")
        self.copy_button.setAccessibleName("Copy to clipboard")
        self.copy_button.setAccessibleDescription(
            "The only way out: Reconnect never sends anything itself"
        )
        self.copy_button.setDefault(True)
        self.copy_button.setMinimumHeight(34)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)

        return side

    def _set_tab_order(self) -> None:
        """Drafts, then the draft's title and kind, its words, the notes, the way out."""
        for first, second in (
            (self.new_button, self.example_button),
            (self.example_button, self.list),
            (self.list, self.undo_button),
            (self.undo_button, self.delete_button),
            (self.delete_button, self.title_edit),
            (self.title_edit, self.kind_buttons["text"]),
            (self.kind_buttons["text"], self.kind_buttons["letter"]),
            (self.kind_buttons["letter"], self.editor),
        ):
            QWidget.setTabOrder(first, second)
        previous = self.editor
        for widget in (*self.findings.tab_chain(), self.versions_button, self.copy_button):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    # ---- the vault's state --------------------------------------------------------------

    @property
    def _vault(self) -> Vault | None:
        return self._controller.vault if self._controller.state == UNLOCKED else None

    def _vault_state_changed(self, state: str) -> None:
        if state == UNLOCKED:
            self.reload()
        else:
            self._forget()
            self.state_page.message.setText(STATE_WORDS.get(state, STATUS_TEXT.get(state, "")))
            self.pages.setCurrentIndex(STATE_PAGE)

    def _before_lock(self) -> None:
        """The vault is about to close: the last keystrokes go in while it still can."""
        self.save_throttle.cancel()
        self.save_now()
        self._close_dialog()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            forget = getattr(dialog, "forget", None)
            if forget is not None:
                forget()
            dialog.close()
            dialog.deleteLater()

    def _forget(self) -> None:
        """Drop every trace of the user's words from the widgets and from memory."""
        self.check_throttle.cancel()
        self.save_throttle.cancel()
        self._minute.stop()
        self._close_dialog()
        if self.draft is not None:  # a random id, nothing the user wrote
            self._reopen_id = self.draft.id
        self.drafts, self.draft, self._stored, self.deleted = [], None, None, None
        self._plan, self._contacts = None, []
        self._clear_report()
        self._set_editor_text("")
        self.title_edit.clear()
        with QSignalBlocker(self.list):
            self.list.clear()
        self.undo_bar.hide()
        self.undo_label.clear()  # it names the deleted draft
        self.damaged_label.clear()
        self.welcome_context.clear()
        self._set_saved("")
        self.editor.document().clearUndoRedoStacks()

    def reload(self, select: str | None = None) -> None:
        """Read the drafts (and the countdown, for the timing checks) and show them."""
        vault = self._vault
        if vault is None:
            return
        try:
            drafts, damaged = draft_store.load_drafts(vault)
        except VaultError as error:
            self.problem_page.message.setText(error.message)
            self.pages.setCurrentIndex(PROBLEM_PAGE)
            return
        self._load_countdown(vault)
        self.drafts = drafts
        self.damaged_label.setText(
            f"{plural(len(damaged), 'draft')} could not be read and "
            f"{'is' if len(damaged) == 1 else 'are'} not shown."
        )
        self.damaged_label.setVisible(bool(damaged))
        self._fill_list()
        self.pages.setCurrentIndex(WORK_PAGE)
        wanted = select or (self.draft.id if self.draft else self._reopen_id)
        chosen = next((d for d in drafts if d.id == wanted), drafts[0] if drafts else None)
        if chosen is None:
            self._show_welcome()
        else:
            self.open_draft(chosen.id)

    def _load_countdown(self, vault: Vault) -> None:
        """The plan and contacts behind the timing checks; without them, no timing checks."""
        try:
            self._plan = countdown_store.load_plan(vault)
            self._contacts = countdown_store.load_contacts(vault)[0]
        except VaultError:
            self._plan, self._contacts = None, []
        self._zone = local_zone_name()

    def context(self) -> Context:
        """The situation the checker weighs: the countdown, a running wait, the hour."""
        now = self._now()
        local_time = local(now, self._zone).time()
        if self._plan is None:
            return Context(local_time=local_time)
        left = wait_remaining(self._contacts, now)
        state = countdown_stats.state(self._plan, now, waiting_for_reply=left is not None)
        to_target = countdown_stats.remaining(self._plan, now)
        return Context(
            no_contact_state=state,
            days_until_target=ceil(to_target / DAY) if state == countdown_stats.COUNTING else None,
            waiting_for_reply=left is not None,
            wait_days_left=ceil(left / DAY) if left is not None else None,
            local_time=local_time,
        )

    # ---- the list of drafts -------------------------------------------------------------

    def _item_text(self, draft: Draft) -> str:
        """Two lines: the title, cut to fit, and the kind and when it last changed."""
        width = self.list_column.width() - 48  # the column's margins, frame and padding
        title = self.list.fontMetrics().elidedText(
            draft.display_title, Qt.TextElideMode.ElideRight, width
        )
        when = when_words(draft.updated, self._now(), self._zone)
        return f"{title}\n{KIND_WORDS[draft.kind]} · {when}"

    def _fill_list(self) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for draft in self.drafts:
                item = QListWidgetItem(self._item_text(draft))
                item.setData(Qt.ItemDataRole.UserRole, draft.id)
                item.setToolTip(draft.display_title)
                self.list.addItem(item)
        self.list_column.setVisible(bool(self.drafts))

    def _item_for(self, draft_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == draft_id:
                return item
        return None

    def _refresh_item(self) -> None:
        if self.draft is not None and (item := self._item_for(self.draft.id)) is not None:
            item.setText(self._item_text(self.draft))
            item.setToolTip(self.draft.display_title)

    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.open_draft(item.data(Qt.ItemDataRole.UserRole))

    def _show_welcome(self) -> None:
        self.draft = self._stored = None
        self._clear_report()
        self._set_editor_text("")
        self.list_column.setVisible(bool(self.drafts))
        context = self.context()
        counting = context.no_contact_state == countdown_stats.COUNTING
        self.welcome_context.setText(
            f"Your No-Contact target is {plural(context.days_until_target, 'day')} away. "
            "You can write now and decide later: nothing leaves this computer."
            if counting and context.days_until_target
            else ""
        )
        self.welcome_context.setVisible(bool(self.welcome_context.text()))
        self.side.setCurrentIndex(WELCOME)
        self._minute.stop()

    # ---- opening, creating, deleting ----------------------------------------------------

    def open_draft(self, draft_id: str) -> None:
        """Show the draft with ``draft_id`` (saving the one that was open)."""
        if self.draft is not None and self.draft.id == draft_id:
            self._select_item(draft_id)
            return
        self._leave_current()
        draft = next((d for d in self.drafts if d.id == draft_id), None)
        if draft is None:
            return
        self.draft = self._stored = draft
        self._select_item(draft_id)
        self.title_edit.setText(draft.title)
        self._show_kind(draft.kind)
        self._clear_report()
        self._set_editor_text(draft.body)
        self.editor.document().clearUndoRedoStacks()  # undo never reaches another draft
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)  # go on writing
        self.side.setCurrentIndex(EDITOR)
        self._set_saved("")
        self.run_check()
        if self.isVisible():
            self._minute.start()

    def _select_item(self, draft_id: str) -> None:
        item = self._item_for(draft_id)
        if item is not None and self.list.currentItem() is not item:
            with QSignalBlocker(self.list):
                self.list.setCurrentItem(item)

    def _leave_current(self) -> None:
        """Save the open draft; a blank one that never held words goes away quietly."""
        self.check_throttle.cancel()
        self.save_throttle.cancel()
        self.save_now()
        draft = self.draft
        if draft is None or draft.body.strip() or draft.title or draft.versions:
            return
        vault = self._vault
        if vault is not None:
            try:
                draft_store.delete_draft(vault, draft.id)
            except VaultError:
                return
            self.drafts = [d for d in self.drafts if d.id != draft.id]
            if (item := self._item_for(draft.id)) is not None:
                with QSignalBlocker(self.list):
                    self.list.takeItem(self.list.row(item))
        self.draft = self._stored = None

    def new_draft(self, kind: str | None = None, body: str = "") -> None:
        """Start a draft (Ctrl+N); a blank open draft is simply reused."""
        vault = self._vault
        if vault is None:
            return
        kind = kind if kind in KIND_WORDS else (self.draft.kind if self.draft else "text")
        current = self.draft
        if (
            current is not None
            and not current.title
            and not current.body.strip()
            and not self.editor.toPlainText().strip()
        ):
            self.kind_buttons[kind].setChecked(True)  # switches the draft's kind too
            if body:
                self._set_editor_text(body, as_typing=True)
                self.save_now()
                self.run_check()
            self.editor.setFocus()
            return
        draft = core_drafts.new_draft(kind, self._now(), body=body)
        try:
            draft_store.save_draft(vault, draft)
        except VaultError as error:
            QMessageBox.warning(self, "Not saved", f"{error.message}\n\nNo draft was added.")
            return
        self._leave_current()
        self.drafts.insert(0, draft)
        self._fill_list()
        self.undo_bar.hide()
        self.deleted = None
        self.open_draft(draft.id)
        self.editor.setFocus()

    def delete_current(self) -> None:
        """Delete the open draft at once; "Undo" brings it back until the next delete."""
        vault, draft = self._vault, self.draft
        if vault is None or draft is None:
            return
        self.check_throttle.cancel()
        self.save_throttle.cancel()
        self.save_now()
        draft = self.draft or draft
        try:
            draft_store.delete_draft(vault, draft.id)
        except VaultError as error:
            QMessageBox.warning(
                self, "Not deleted", f"{error.message}\n\nThe draft is still there."
            )
            return
        row = next((i for i, d in enumerate(self.drafts) if d.id == draft.id), 0)
        self.drafts = [d for d in self.drafts if d.id != draft.id]
        self.draft = self._stored = None
        self.deleted = draft
        self._fill_list()
        self.undo_label.setText(f"Deleted “{draft.display_title}”.")
        self.undo_bar.show()
        if self.drafts:
            self.open_draft(self.drafts[min(row, len(self.drafts) - 1)].id)
        else:
            self._show_welcome()
        self.list_column.setVisible(True)  # keep "Undo" in reach even with no drafts left
        self.undo_button.setFocus()

    def undo_delete(self) -> None:
        vault, draft = self._vault, self.deleted
        if vault is None or draft is None:
            return
        try:
            draft_store.save_draft(vault, draft)
        except VaultError as error:
            QMessageBox.warning(self, "Not restored", error.message)
            return
        self.deleted = None
        self.undo_bar.hide()
        self._leave_current()
        self.reload(select=draft.id)

    def choose_example(self) -> None:
        """The starting points; the chosen one fills a blank draft or starts a new one."""
        name = self._plan.ex_name if self._plan is not None else ""
        dialog = ExampleDialog(name, parent=self)
        dialog.chosen.connect(lambda kind, body: self.new_draft(kind, body))
        self._open(dialog)

    # ---- typing -------------------------------------------------------------------------

    def _set_editor_text(self, text: str, as_typing: bool = False) -> None:
        self._loading = not as_typing
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False

    def _text_changed(self, _position: int = 0, removed: int = 0, added: int = 0) -> None:
        if self._loading or self.draft is None or not (removed or added):
            return
        self.check_throttle.poke()
        self.save_throttle.poke()
        self._set_saved("Saving…")

    def _title_edited(self, title: str) -> None:
        if self.draft is None:
            return
        self.draft = core_drafts.retitle(self.draft, title)
        self._refresh_item()
        self.save_throttle.poke()

    def _kind_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked or self.draft is None:
            return
        kind = next(k for k, b in self.kind_buttons.items() if b is button)
        self.editor.setPlaceholderText(PLACEHOLDERS[kind])
        if kind == self.draft.kind:
            return
        self.draft = core_drafts.change_kind(self.draft, kind)
        self._refresh_item()
        self.check_throttle.cancel()
        self.run_check()
        self.save_throttle.poke()

    def _show_kind(self, kind: str) -> None:
        with QSignalBlocker(self.kind_group):
            self.kind_buttons[kind].setChecked(True)
        self.editor.setPlaceholderText(PLACEHOLDERS[kind])

    def _sync_body(self) -> None:
        """Bring the editor's words into the draft (versions and cool-off follow ``edit``)."""
        if self.draft is not None:
            self.draft = core_drafts.edit(self.draft, self.editor.toPlainText(), self._now())

    # ---- saving -------------------------------------------------------------------------

    def save_now(self) -> None:
        """Write the open draft to the vault if it changed (the throttle calls this)."""
        vault = self._vault
        if vault is None or self.draft is None:
            return
        self._sync_body()
        if self.draft == self._stored:
            if self.saved_label.text() == "Saving…":
                self._set_saved("Saved")
            return
        try:
            draft_store.save_draft(vault, self.draft)
        except VaultError as error:
            self._set_saved("Not saved", f"{error.message} Reconnect tries again as you type.")
            return
        self._stored = self.draft
        self.drafts = [self.draft if d.id == self.draft.id else d for d in self.drafts]
        self._set_saved("Saved")
        self._refresh_item()
        self.versions_button.setEnabled(bool(self.draft.versions))

    def _set_saved(self, text: str, problem: str = "") -> None:
        """The quiet save line; ``problem`` (why it failed) turns it to the problem colour."""
        self.saved_label.setText(text)
        self.saved_label.setToolTip(problem or ("Encrypted, on this computer" if text else ""))
        self.saved_label.setAccessibleDescription(problem)
        if self.saved_label.property("problem") != bool(problem):
            self.saved_label.setProperty("problem", bool(problem))
            self.saved_label.style().unpolish(self.saved_label)
            self.saved_label.style().polish(self.saved_label)

    # ---- checking -----------------------------------------------------------------------

    def run_check(self) -> None:
        """Check the open draft now and show the result (the throttle calls this)."""
        if self.draft is None:
            return
        from reconnect_gui.core.tone import check

        self._sync_body()
        text = self.editor.toPlainText()
        if not text.strip():
            self._clear_report()
            self.meter.setText(meter_words(self.draft.kind, check("", self.draft.kind).metrics, ""))
            return
        self.report = check(text, self.draft.kind, self.context())
        self._checked_text = text
        self._show_report()

    def _show_report(self) -> None:
        report, draft, text = self.report, self.draft, self._checked_text
        if report is None or draft is None:
            return
        shown = without_ignored(report.findings, text, draft.ignores)
        self.shown_findings = shown
        self.highlighter.set_findings(text, shown)
        note = report.english_only_note
        self.findings.show_findings(shown, note or "Nothing to point out. It reads kindly.")
        count = len(shown)
        self.notes_caption.setText(f"Notes ({count})" if count else "Notes")
        self.meter.setText(meter_words(draft.kind, report.metrics, text))
        verdict, self._reasons = effective_verdict(report, shown)
        self._verdict = verdict
        self.update_banner()

    def _clear_report(self) -> None:
        self.report = None
        self._checked_text = ""
        self.shown_findings = ()
        self._verdict = None
        self._reasons = ()
        self.highlighter.clear()
        self.findings.clear()
        self.notes_caption.setText("Notes")
        self.meter.clear()
        self.update_banner()

    def update_banner(self) -> None:
        """The banner for the latest check and the cool-off as it stands now."""
        draft = self.draft
        left = (
            core_drafts.cool_off_remaining(draft, self._now())
            if draft is not None
            else timedelta(0)
        )
        report = self.report
        self._unfilled = unfilled_parts(self._checked_text) if report is not None else []
        note = report.english_only_note if report is not None else ""
        banner = banner_for(self._verdict, self._reasons, left, self._unfilled, note)
        self.banner_state = banner.state
        self.banner.show_banner(banner)
        self.versions_button.setEnabled(draft is not None and bool(draft.versions))
        self.copy_button.setEnabled(draft is not None and bool(self._checked_text.strip()))

    # ---- findings -----------------------------------------------------------------------

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

    def ignore_finding(self, finding: Finding) -> None:
        """Set this one occurrence aside; it stays aside as the user types around it."""
        if self.draft is None or self.report is None:
            return
        ignore = ignore_for(finding, self._checked_text)
        self.draft = core_drafts.add_ignore(self.draft, ignore)
        self._show_report()
        self.save_now()

    # ---- the way out --------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        """Copy the draft; when it is not ready yet, ask kindly first."""
        if self.draft is None:
            return
        self.check_throttle.flush()
        self.save_throttle.flush()
        text = self.editor.toPlainText()
        if not text.strip():
            return
        if self.banner_state in ("ready", "empty"):
            self._copy(text)
            return
        left = core_drafts.cool_off_remaining(self.draft, self._now())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Copy this draft?",
            copy_warning(self.banner_state, self._reasons, left, self._unfilled),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        copy = box.addButton("Copy anyway", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        copy.clicked.connect(lambda: self._copy(text))
        self._open(box)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._set_saved("Copied")
        self.copied.emit(text)

    # ---- versions -----------------------------------------------------------------------

    def show_versions(self) -> None:
        if self.draft is None:
            return
        self.save_throttle.flush()
        if not self.draft.versions:
            return
        dialog = VersionsDialog(self.draft, self._now(), self._zone, parent=self)
        dialog.restore_requested.connect(self.restore_version)
        self._open(dialog)

    def restore_version(self, index: int) -> None:
        """Bring back version ``index``; what the editor held is kept as a version."""
        if self.draft is None:
            return
        self.save_throttle.cancel()
        self._sync_body()
        self.draft = core_drafts.restore_version(self.draft, index, self._now())
        self._set_editor_text(self.draft.body)
        self.save_now()
        self.run_check()

    # ---- dialogs, visibility, theme -----------------------------------------------------

    def _open(self, dialog: QWidget) -> None:
        """One dialog at a time; asking again brings the open one back."""
        if self.dialog is not None and self.dialog.isVisible():
            dialog.deleteLater()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if not dialog.isVisible():
            dialog.deleteLater()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        vault = self._vault
        if vault is not None and self.draft is not None:
            self._load_countdown(vault)  # the countdown may have moved on meanwhile
            self.run_check()
            self._minute.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.check_throttle.cancel()
        self.save_throttle.cancel()
        self.save_now()
        self._minute.stop()

    def resizeEvent(self, event) -> None:
        """Notes beside the editor when there is room, under it in a narrow window."""
        super().resizeEvent(event)
        list_width = NARROW_LIST_WIDTH if self.width() < 1000 else LIST_WIDTH
        if self.list_column.width() != list_width:
            self.list_column.setFixedWidth(list_width)
            for draft in self.drafts:  # titles cut to the new width
                if (item := self._item_for(draft.id)) is not None:
                    item.setText(self._item_text(draft))
        narrow = self.width() - list_width < NARROW_WIDTH
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
            self.notes.layout().setContentsMargins(*((0, 8, 0, 0) if narrow else (12, 0, 0, 0)))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and is_dark(self.palette()) != self._dark:
            self._dark = is_dark(self.palette())
            self._apply_dark()

    def _apply_dark(self) -> None:
        self.highlighter.set_dark(self._dark)
        self.findings.set_dark(self._dark)
        self.banner.set_dark(self._dark)
        colour = severity_colour("problem", self._dark).name()
        self.saved_label.setStyleSheet(f"QLabel[problem='true'] {{ color: {colour}; }}")
