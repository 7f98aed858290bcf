"""The home screen: the No-Contact ring, what to do when it gets hard, and the history.

It reads and writes the plan, contacts and urges through ``storage.countdown_store``
with the vault the ``VaultController`` holds, and forgets everything it showed when the
vault locks. Every sentence comes from core (``countdown_view``) or the dialogs.

What the person does is saved as a change to the plan as the vault holds it at that
moment (``countdown_store.change_plan``), never as the copy this pane read earlier: the
command line may have logged a slip meanwhile. After each save the pane shows what the
vault holds.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reconnect_gui.core.clock import Clock, system_clock
from reconnect_gui.core.countdown import stats as countdown_stats
from reconnect_gui.core.countdown.contact_log import GUIDANCE, ContactEntry, ContactKind, Urge
from reconnect_gui.core.countdown.insight import chart_meaning, urge_figures, urge_patterns
from reconnect_gui.core.countdown.milestones import Celebration, milestone_key, to_celebrate
from reconnect_gui.core.countdown.moments import local_zone_name
from reconnect_gui.core.countdown.person import ExWords
from reconnect_gui.core.countdown.plan import Plan, extend_target, record_slip
from reconnect_gui.core.countdown.plan_edit import plan_edit, plan_settings
from reconnect_gui.core.countdown.readiness import Outcome
from reconnect_gui.core.countdown.stats import NoContactState
from reconnect_gui.core.countdown.timeline import timeline
from reconnect_gui.core.countdown.view import person_of, stats_view
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.storage import countdown_store as store
from reconnect_gui.storage import milestone_store
from reconnect_gui.storage.errors import RecordDamaged, VaultError, VaultLocked
from reconnect_gui.ui.countdown.history_list import HistoryList
from reconnect_gui.ui.countdown.ring import RING_MAX, RING_MIN, CountdownRing
from reconnect_gui.ui.countdown.urge_chart import CHART_HEIGHT, CHART_MIN_HEIGHT, UrgeChart
from reconnect_gui.ui.shell.panes import pane_info
from reconnect_gui.ui.vault.bound_pane import VaultBoundPane
from reconnect_gui.ui.vault.controller import VaultState
from reconnect_gui.ui.widgets.dialog_slot import DialogSlot
from reconnect_gui.ui.widgets.labels import (
    MessagePage,
    caption,
    pane_heading,
    quiet_label,
    wrapped_label,
)

if TYPE_CHECKING:
    from reconnect_gui.core.countdown.readiness import ReadinessResult
    from reconnect_gui.storage.vault import Vault
    from reconnect_gui.ui.countdown.dialogs import SlipChoice
    from reconnect_gui.ui.countdown.sos_flow import SosDialog
    from reconnect_gui.ui.vault.controller import VaultController

HEADING = pane_info(PaneKey.COUNTDOWN).heading
WIZARD_PAGE, HOME_PAGE, PROBLEM_PAGE = 1, 2, 3  # after the state page (STATE_PAGE)
STATE_WORDS = {  # what the pane says while the vault is not open
    VaultState.LOCKED: "Locked. Unlock Reconnect to see your countdown.",
    VaultState.NEEDS_SETUP: "Once your private vault is set up, you can start your countdown here.",
}
NARROW_RING_MAX = 240  # px
NARROW_WIDTH = 640  # px of pane; below it the home screen is one column
SECTION_SPACING = 8  # px between a section's title and its content
SECTION_GAP = 8  # px between the home screen's rows (banners, ring, check-in, history)
BUTTON_GAP = 6  # px between the action buttons
CONTENT_MAX_WIDTH = 1080  # px; wider windows centre the content instead of stretching it
LINK_STYLE = (
    "QPushButton { color: palette(link); text-decoration: underline; border: none;"
    " padding: 4px 0; text-align: left; }"
)
LOCKED_WHILE_OPEN = "Reconnect locked itself. Unlock it, then try again."
URGE_WORDS = "I feel the urge…"
URGE_LOCKED_DESCRIPTION = "Breathe and steady yourself; no need to unlock first"
UNLOCK_FOR_URGE = "Unlock to keep what you wrote and to read your reasons."
PRIMARY_HEIGHT = 52  # px: the one action that matters in a bad moment is the biggest
SECONDARY_HEIGHT = 32  # px
STAT_LABELS = (
    ("current_streak", "Current streak"),
    ("longest_streak", "Longest streak"),
    ("total_days", "Days without contact"),
    ("average_gap", "Average time between slips"),
)
# Beside the urge chart: figures that mean something after one urge in two weeks (a
# weekly mean like "0.3" did not).
URGE_LABELS = (
    ("last_urge", "Last urge"),
    ("urge_weeks", "Urges"),
)


class CountdownPane(VaultBoundPane):
    saved = Signal()  # the plan, a slip, a contact or an urge was stored (reminders re-read)

    def __init__(
        self,
        controller: VaultController,
        now: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(controller, MessagePage(HEADING, spacing=-1), STATE_WORDS, parent)
        self.setObjectName("pane-countdown")
        self.setAccessibleName("Countdown")
        self._now = now
        self.plan: Plan | None = None
        self.contacts: dict[str, ContactEntry] = {}  # by record id
        self.urges: list[Urge] = []
        self._dialogs = DialogSlot()
        self.wizard: QWidget | None = None
        self.unreadable = 0  # stored contacts or urges that could not be read
        self.celebrated: frozenset[str] = frozenset()  # milestone keys, from the vault
        self.shown_celebration: Celebration | None = None  # what the card says now

        self.pages.addWidget(QWidget())  # the wizard, built fresh each time it is needed
        self.pages.addWidget(self._home_page())
        self.problem_page = MessagePage(HEADING, spacing=-1)
        self.pages.addWidget(self.problem_page)
        self._add_locked_urge_button()
        controller.urge_requested.connect(self.open_sos)  # Ctrl+U in the unlock dialog
        self.watch_vault()

    # ---- pages --------------------------------------------------------------------------

    def _add_locked_urge_button(self) -> None:
        """The urge flow needs no unlocking: the locked page offers it too."""
        self.locked_urge_button = QPushButton(URGE_WORDS)
        self.locked_urge_button.setProperty("primary", True)
        self.locked_urge_button.setAccessibleName(URGE_WORDS.rstrip("…"))
        self.locked_urge_button.setAccessibleDescription(URGE_LOCKED_DESCRIPTION)
        self.locked_urge_button.setToolTip(URGE_LOCKED_DESCRIPTION)
        self.locked_urge_button.setMinimumHeight(PRIMARY_HEIGHT)
        self.locked_urge_button.clicked.connect(self.open_sos)
        layout = self.state_page.layout()
        assert isinstance(layout, QVBoxLayout)
        row = QHBoxLayout()
        row.addWidget(self.locked_urge_button)
        row.addStretch(1)
        layout.insertSpacing(layout.count() - 1, 8)
        layout.insertLayout(layout.count() - 1, row)
        self.locked_urge_button.hide()  # shown on the locked page only

    def show_state(self, words: str) -> None:
        super().show_state(words)
        self.locked_urge_button.setVisible(self._controller.state == VaultState.LOCKED)

    def _home_page(self) -> QWidget:
        self.home_content = content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 12, 36, 8)
        layout.setSpacing(SECTION_GAP)

        top = QHBoxLayout()
        top.addWidget(pane_heading(HEADING), 1)
        self.edit_button = QPushButton("Edit plan…")
        self.edit_button.setAccessibleDescription(
            "Change the start, the target, their name and pronouns, or your reasons"
        )
        self.edit_button.clicked.connect(self.edit_plan)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        layout.addWidget(self._wait_banner())
        layout.addWidget(self._moving_on_undo_bar())
        layout.addWidget(self._celebration_banner())

        self.middle = middle = QHBoxLayout()
        middle.setSpacing(32)
        self.ring = CountdownRing(self._now)
        self.ring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Big enough to read across the room, small enough to leave the history in view.
        self.ring.setMaximumSize(RING_MAX, RING_MAX)
        self.ring.day_changed.connect(self.show_plan)  # streaks and buttons follow the day
        middle.addWidget(self.ring, 3)
        middle.addLayout(self._actions_column(), 2)
        layout.addLayout(middle)

        from reconnect_gui.ui.countdown.check_in import CheckInCard

        self.check_in = CheckInCard(self._controller, self._now)  # the daily check-in
        layout.addWidget(self.check_in)

        self.lower_row = lower = QHBoxLayout()
        lower.setSpacing(32)
        lower.addLayout(self._history_column(), 3)
        lower.addLayout(self._urges_column(), 2)
        layout.addLayout(lower)
        layout.addStretch(1)

        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        centred = QWidget()
        row = QHBoxLayout(centred)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)  # the two stretches share only what is left beyond the maximum
        row.addWidget(content, 1000)
        row.addStretch(1)
        scroll = QScrollArea()  # small windows scroll instead of squashing the ring
        scroll.setWidget(centred)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own (a silent one, with nothing to say): Tab goes to the
        # buttons inside, and the page scrolls to show each one.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.home_scroll = scroll

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(scroll, 1)
        column.addWidget(self._safety_row())  # outside the scrolling: always in view
        return page

    def _safety_row(self) -> QWidget:
        from reconnect_gui.ui.countdown.safety_note import SAFETY_LINK_TEXT

        self.safety_button = QPushButton(SAFETY_LINK_TEXT)
        self.safety_button.setFlat(True)
        self.safety_button.setProperty("link", True)  # the theme styles links alike
        self.safety_button.setStyleSheet(LINK_STYLE)
        self.safety_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.safety_button.setAccessibleDescription(
            "A short note about safety and where to find help"
        )
        self.safety_button.clicked.connect(self.show_safety_note)
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(36, 2, 36, 8)
        row.addWidget(self.safety_button)
        row.addStretch(1)
        return row_widget

    def _moving_on_undo_bar(self) -> QWidget:
        """Just after "I'm moving on": a way back, in case it was not what they meant."""
        self.moving_on_undo = QFrame()
        self.moving_on_undo.setObjectName("movingOnUndo")
        self.moving_on_undo.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.moving_on_undo)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(wrapped_label("You chose to move on without contact."), 1)
        self.moving_on_undo_button = QPushButton("Undo")
        self.moving_on_undo_button.setAccessibleName("Undo moving on")
        self.moving_on_undo_button.setAccessibleDescription(
            "Take back the choice; the readiness check is offered again"
        )
        self.moving_on_undo_button.clicked.connect(self.undo_moving_on)
        row.addWidget(self.moving_on_undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._moving_on_choice: ReadinessResult | None = None
        self.moving_on_undo.hide()
        return self.moving_on_undo

    def undo_moving_on(self) -> None:
        from reconnect_gui.core.countdown.plan import without_readiness_result

        choice, self._moving_on_choice = self._moving_on_choice, None
        self.moving_on_undo.hide()
        if choice is not None and self.plan is not None:
            change = partial(without_readiness_result, result=choice)
            self._save(lambda vault: store.change_plan(vault, change))

    def _wait_banner(self) -> QWidget:
        self.wait_banner = QFrame()
        self.wait_banner.setObjectName("waitBanner")
        self.wait_banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.wait_banner)
        # As compact as the milestone card: with both showing, the home screen still fits
        # the default window without scrolling.
        row.setContentsMargins(14, 6, 10, 6)
        row.setSpacing(12)
        self.wait_guidance = wrapped_label(GUIDANCE[ContactKind.SENT_UNANSWERED])
        row.addWidget(self.wait_guidance, 1)
        self.answered_button = QPushButton("They answered")
        self.answered_button.setAccessibleDescription("End the wait: they replied to your message")
        self.answered_button.clicked.connect(self.mark_answered)
        row.addWidget(self.answered_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.wait_banner.hide()
        return self.wait_banner

    def _celebration_banner(self) -> QWidget:
        """A milestone, celebrated once: a warm card at the top, closed when they like."""
        self.celebration = QFrame()
        self.celebration.setObjectName("celebration")
        self.celebration.setStyleSheet(
            "QFrame#celebration { background: palette(alternate-base);"
            " border: 1px solid palette(highlight); border-radius: 10px; }"
        )
        row = QHBoxLayout(self.celebration)
        row.setContentsMargins(14, 6, 10, 6)
        row.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.celebration_title = QLabel()
        font = self.celebration_title.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.celebration_title.setFont(font)
        self.celebration_text = wrapped_label("")
        words.addWidget(self.celebration_title)
        words.addWidget(self.celebration_text)
        row.addLayout(words, 1)
        self.celebration_close = QPushButton("Thank you")
        self.celebration_close.setAccessibleDescription("Close this note")
        self.celebration_close.clicked.connect(self._close_celebration)
        row.addWidget(self.celebration_close, 0, Qt.AlignmentFlag.AlignVCenter)
        self.celebration.hide()
        return self.celebration

    def _actions_column(self) -> QVBoxLayout:
        self.actions_column = column = QVBoxLayout()
        column.setSpacing(BUTTON_GAP)
        column.addStretch(1)
        # The one primary action: first, biggest, in the accent colour (the theme styles
        # ``primary``); the others below it are quieter.
        self.urge_button = self._action_button(
            column, URGE_WORDS, "Breathe, read your reasons, and write it here instead"
        )
        self.urge_button.setProperty("primary", True)
        self.urge_button.setMinimumHeight(PRIMARY_HEIGHT)
        font = self.urge_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.urge_button.setFont(font)
        self.urge_button.setDefault(True)
        self.urge_button.clicked.connect(self.open_sos)
        column.addSpacing(4)
        self.slip_button = self._action_button(
            column, "I broke No Contact…", "Record a slip and choose how to go on"
        )
        self.slip_button.clicked.connect(self.record_slip)
        self.contacted_button = self._action_button(
            column, "They contacted me…", "Log that they got in touch; it is not a slip"
        )
        self.contacted_button.clicked.connect(lambda: self.log_contact("they_contacted"))
        self.logistics_button = self._action_button(
            column, "Log a logistics contact…", "Belongings or shared bills; it is not a slip"
        )
        self.logistics_button.clicked.connect(lambda: self.log_contact("logistics"))
        self.readiness_button = self._action_button(
            column, "Take the readiness check…", "You reached your target: check in with yourself"
        )
        self.readiness_button.clicked.connect(self.check_readiness)
        self.readiness_button.hide()

        self.stat_values: dict[str, QLabel] = {}
        self.stat_names: dict[str, QLabel] = {}
        column.addLayout(self._figures(STAT_LABELS, top=6))
        column.addStretch(1)
        return column

    def _figures(self, labels: tuple[tuple[str, str], ...], top: int = 0) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, top, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)  # each figure right beside its words
        for row, (key, words) in enumerate(labels):
            name = quiet_label(words, italic=False)  # quiet colour, not italics, in a table
            name.setWordWrap(False)
            value = QLabel()
            value.setAccessibleName(words)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.stat_values[key] = value
            self.stat_names[key] = name
        return grid

    def _action_button(self, column: QVBoxLayout, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setMinimumHeight(SECONDARY_HEIGHT)
        column.addWidget(button)
        return button

    def _history_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SECTION_SPACING)  # not the row's wide spacing, which it would inherit
        title = caption("History")
        column.addWidget(title)
        self.history_list = HistoryList()
        self.history_list.setMinimumHeight(110)
        self.history_list.setMaximumHeight(150)
        column.addWidget(self.history_list)
        column.addStretch(1)
        return column

    def _urges_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SECTION_SPACING)
        title = caption("Urges per week")
        column.addWidget(title)
        self.urge_chart = UrgeChart()
        column.addWidget(self.urge_chart)
        column.addLayout(self._figures(URGE_LABELS))
        self.urge_meaning = quiet_label("")  # what the chart means, in words
        self.urge_meaning.setAccessibleName("What the chart says")
        column.addWidget(self.urge_meaning)
        self.urge_patterns = wrapped_label("")  # what comes back: triggers, times, what helped
        self.urge_patterns.setAccessibleName("Patterns in your urges")
        self.urge_patterns.hide()
        column.addWidget(self.urge_patterns)
        column.addStretch(1)
        return column

    # ---- the vault's state ----------------------------------------------------------------

    def on_unlocked(self) -> None:
        self.reload()
        sos = self._locked_sos()
        if sos is not None:  # opened while locked: now its reasons, and it saves
            plan = self.plan
            sos.vault_opened(plan.reasons if plan else (), plan.ex_name if plan else "")

    def _locked_sos(self) -> SosDialog | None:
        """The urge flow, when it was opened while locked and holds nothing from the vault."""
        from reconnect_gui.ui.countdown.sos_flow import SosDialog

        dialog = self._dialogs.dialog
        if isinstance(dialog, SosDialog) and dialog.isVisible() and dialog.locked:
            return dialog
        return None

    def before_lock(self) -> None:
        """The vault is about to close: the SOS flow keeps what was written, then all goes."""
        self._dialogs.close()

    def forget(self) -> None:
        """Drop every trace of the user's data from the widgets."""
        if self._locked_sos() is None:  # that one holds only what is typed, in memory
            self.before_lock()
        self.plan, self.contacts, self.urges = None, {}, []
        self.celebrated = frozenset()
        self._moving_on_choice = None
        self.moving_on_undo.hide()
        self._put_celebration_away()
        self.ring.set_source(None)
        self.history_list.clear()
        self.urge_chart.set_counts([])
        self.urge_meaning.clear()
        self.urge_patterns.clear()
        self.urge_patterns.hide()
        for value in self.stat_values.values():
            value.clear()
        self.wait_banner.hide()
        self._drop_wizard()

    def reload(self) -> None:
        """Read the plan, contacts and urges from the vault and show them."""
        vault = self._vault
        if vault is None:
            return
        try:
            plan = store.load_plan(vault)
            contacts, damaged = store.load_contacts_by_id(vault)
            urges, damaged_urges = store.load_urges(vault)
            self.celebrated = milestone_store.load_celebrated(vault)
        except RecordDamaged:
            self._show_problem(
                "Your countdown could not be read: its record in the vault is damaged. "
                "Nothing was changed. If you have a backup, you can restore it from the "
                "command line (reconnect backup restore)."
            )
            return
        except VaultError as error:
            self._show_problem(error.message)
            return
        self.plan, self.contacts, self.urges = plan, contacts, urges
        self.unreadable = len(damaged) + len(damaged_urges)
        if plan is None:
            self._show_wizard()
        else:
            self._drop_wizard()
            self.pages.setCurrentIndex(HOME_PAGE)
            self.show_plan()

    def _name_the_ex(self, ex: ExWords) -> None:
        """The buttons about the ex say their name (or pronoun) as the person gave it."""
        self.contacted_button.setText(ex.fill("{who} contacted me…"))
        self.contacted_button.setAccessibleDescription(
            ex.fill("Log that {they} got in touch; it is not a slip")
        )
        self.answered_button.setText(ex.fill("{who} answered"))
        self.answered_button.setAccessibleDescription(
            ex.fill("End the wait: {they} replied to your message")
        )

    def _show_problem(self, text: str) -> None:
        self.problem_page.message.setText(text)
        self.pages.setCurrentIndex(PROBLEM_PAGE)

    def show_plan(self) -> None:
        """Fill the home page from the loaded plan (the ring keeps itself current)."""
        plan, now = self.plan, self._now()
        if plan is None:
            return
        contacts = list(self.contacts.values())
        with QSignalBlocker(self.ring):  # this is the refresh its day_changed would ask for
            self.ring.set_source(plan, contacts)
        self._name_the_ex(person_of(plan))
        urge_times = [u.at for u in self.urges]
        figures = {**vars(stats_view(plan, now, urge_times)), **vars(urge_figures(self.urges, now))}
        for key, value in self.stat_values.items():
            value.setText(figures[key])
        # Only figures that say something: with one attempt the three streaks are one
        # number, and without slips there is no time between them.
        attempts, slips = len(plan.attempts), len(plan.slips)
        shown = {
            "longest_streak": attempts > 1,
            "total_days": attempts > 1,
            "average_gap": slips > 0,
        }
        for key, visible in shown.items():
            self.stat_values[key].setVisible(visible)
            self.stat_names[key].setVisible(visible)
        view = self.ring.view
        self.readiness_button.setVisible(
            view is not None and view.state == NoContactState.TARGET_REACHED
        )
        self.wait_banner.setVisible(
            view is not None and view.state == NoContactState.WAITING_FOR_REPLY
        )
        if view is None or view.state != NoContactState.MOVING_ON:
            self.moving_on_undo.hide()  # taken back, or a slip started a new count
        counts = countdown_stats.urges_by_week(urge_times, plan, now)
        self.urge_chart.set_counts(counts)
        self.urge_meaning.setText(chart_meaning(counts))
        patterns = urge_patterns(self.urges, local_zone_name())
        self.urge_patterns.setText("\n".join(patterns))
        self.urge_patterns.setVisible(bool(patterns))
        self._fill_history(plan, contacts)
        card = self.shown_celebration
        if card is not None and milestone_key(plan, card.day) not in card.keys:
            # A slip began a new count: "Day 3, you are through them" beside "Day 0"
            # would read as a taunt. The day stays in the history.
            self._put_celebration_away()
        self._celebrate_if_due()
        QTimer.singleShot(0, self, self._fit_ring)  # banners may have come or gone

    def _fill_history(self, plan: Plan, contacts: list[ContactEntry]) -> None:
        note = (
            f"{self.unreadable} stored item(s) could not be read and are not shown."
            if self.unreadable
            else ""
        )
        events = timeline(plan, contacts, self.urges, self._now())
        self.history_list.show_events(events, local_zone_name(), note)

    def _celebrate_if_due(self) -> None:
        """A milestone reached and not celebrated yet: a moment on screen, once ever.

        Only while the home screen is on screen (it is checked again when it shows), so
        a moment is not used up unseen while the window sits in the tray. Remembered in
        the vault before it shows, so neither a second window nor a restart repeats it.
        (The desktop notification comes from the reminders, with its own once-only log.)"""
        plan, vault = self.plan, self._vault
        if plan is None or vault is None or not self.isVisible():
            return
        due = to_celebrate(plan, self._now(), self.celebrated, local_zone_name())
        if due is None:
            return
        try:
            self.celebrated = milestone_store.record_celebrated(vault, due.keys)
        except VaultError:
            return  # not remembered, so not shown: it will come again, never twice
        self.show_celebration(due)

    def _close_celebration(self) -> None:
        self.celebration.hide()
        self._fit_ring()

    def show_celebration(self, celebration: Celebration) -> None:
        self.shown_celebration = celebration
        self.celebration_title.setText(celebration.title)
        self.celebration_text.setText(celebration.message)
        self.celebration.show()

    def _put_celebration_away(self) -> None:
        self.shown_celebration = None
        self.celebration.hide()
        self.celebration_title.clear()
        self.celebration_text.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room; one column in a narrow window (no sideways scroll)."""
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.TopToBottom
            if self.width() < NARROW_WIDTH
            else QBoxLayout.Direction.LeftToRight
        )
        for row in (self.middle, self.lower_row):
            if row.direction() != direction:
                row.setDirection(direction)
        self._fit_ring()
        # Again once the layout has taken the new size: only then is the room known.
        QTimer.singleShot(0, self, self._fit_ring)

    def _fit_ring(self) -> None:
        """The largest ring that leaves the rest of the home screen in view without scrolling.

        In one column a small ring keeps "I feel the urge…" in view; side by side the ring
        takes what the scroll area's height leaves over, so the default window never
        scrolls. When even the smallest ring leaves too little room (a banner and a
        milestone card at once), the urge chart gives way too, down to its smallest.
        Smaller windows scroll, with the ring and the chart at their smallest."""
        ring_max, chart_height = NARROW_RING_MAX, CHART_HEIGHT
        if self.middle.direction() == QBoxLayout.Direction.LeftToRight:
            # Measured with the smallest ring and the tallest chart, then fitted.
            self._size_ring_and_chart(RING_MIN, CHART_HEIGHT)
            smallest_row = max(RING_MIN, self.actions_column.sizeHint().height())
            others = self._needed_height() - smallest_row  # all but the ring's row
            room = self.home_scroll.viewport().height() - others
            ring_max = max(RING_MIN, min(RING_MAX, room))
            if smallest_row > room:
                chart_height = max(CHART_MIN_HEIGHT, CHART_HEIGHT - (smallest_row - room))
        self._size_ring_and_chart(ring_max, chart_height)

    def _size_ring_and_chart(self, ring_max: int, chart_height: int) -> None:
        if self.ring.maximumWidth() != ring_max:
            self.ring.setMaximumSize(ring_max, ring_max)
        if self.urge_chart.minimumHeight() != chart_height:
            self.urge_chart.setFixedHeight(chart_height)
        # Qt re-measures nested rows only when it next lays out: measure afresh now.
        _forget_sizes(self.home_content.layout())
        self.home_content.updateGeometry()  # and the size its parent holds for it

    def _needed_height(self) -> int:
        """The height the scroll area asks for at its width (as it measures, wrapping included)."""
        content = self.home_scroll.widget()
        assert content is not None
        _forget_sizes(content.layout())
        if not content.hasHeightForWidth():
            return content.sizeHint().height()
        return content.heightForWidth(self.home_scroll.viewport().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_plan()  # days and streaks may have moved on while the pane was hidden

    # ---- first run ------------------------------------------------------------------------

    def _show_wizard(self) -> None:
        from reconnect_gui.ui.countdown.wizard import NoContactWizard

        self._drop_wizard()
        self.wizard = NoContactWizard(self._now, local_zone_name())
        self.wizard.plan_created.connect(self._plan_created)
        old = self.pages.widget(WIZARD_PAGE)
        assert old is not None  # the wizard page always holds a wizard or a placeholder
        self.pages.insertWidget(WIZARD_PAGE, self.wizard)
        self.pages.removeWidget(old)
        old.deleteLater()
        self.pages.setCurrentIndex(WIZARD_PAGE)

    def _drop_wizard(self) -> None:
        if self.wizard is None:
            return
        placeholder = QWidget()
        self.pages.insertWidget(WIZARD_PAGE, placeholder)
        self.pages.removeWidget(self.wizard)
        self.wizard.deleteLater()
        self.wizard = None

    def _plan_created(self, plan: Plan) -> None:
        def write(vault: Vault) -> None:
            if not store.start_plan(vault, plan):
                # Started meanwhile elsewhere (the command line): its start and history
                # stay, and what was chosen here is added to it.
                store.change_plan(vault, plan_settings(plan).apply)

        self._save(write)

    # ---- actions --------------------------------------------------------------------------

    def _save(self, write: Callable[[Vault], object]) -> bool:
        """Write to the vault, then show the stored state. A failure changes nothing."""
        vault = self._vault
        if vault is None:
            return False
        try:
            write(vault)
        except VaultError as error:
            QMessageBox.warning(self, "Not saved", f"{error.message}\n\nNothing was changed.")
            return False
        except ValueError as error:  # the change no longer fits the plan as stored now
            QMessageBox.warning(self, "Not saved", f"{error}\n\nNothing was changed.")
            return False
        self.reload()
        self.saved.emit()
        return True

    def _open(self, dialog: QDialog) -> None:
        """Open one dialog at a time; a second click brings the open one back."""
        self._dialogs.open(dialog)

    @property
    def dialog(self) -> QWidget | None:
        """The one dialog this pane has open, if any."""
        return self._dialogs.dialog

    def open_sos(self) -> None:
        """The urge flow, unlocked or not: breathing needs nothing from the vault."""
        from reconnect_gui.ui.countdown.sos_flow import SosDialog

        plan, unlocked = self.plan, self._vault is not None
        reasons = (plan.reasons if plan else ()) if unlocked else None
        self._open(
            SosDialog(
                reasons,
                save_letter=self._save_letter,
                log_urge=self._log_urge,
                now=self._now,
                ex_name=plan.ex_name if plan and unlocked else "",
                unlock=self._unlock_for_sos,
                parent=self,
            )
        )

    def _unlock_for_sos(self) -> None:
        controller = self._controller
        if controller.state == VaultState.LOCKED:
            controller.show_unlock_above(UNLOCK_FOR_URGE)
        elif controller.state == VaultState.NEEDS_SETUP:
            controller.show_setup()

    def _save_letter(self, text: str) -> None:
        vault = self._vault
        if vault is None:
            raise VaultLocked(LOCKED_WHILE_OPEN)
        store.add_unsent_letter(vault, text, self.plan.ex_name if self.plan else "")

    def _log_urge(self, urge: Urge) -> None:
        vault = self._vault
        if vault is None:
            raise VaultLocked(LOCKED_WHILE_OPEN)
        store.add_urge(vault, urge)
        self.urges.append(urge)
        self.show_plan()

    def record_slip(self) -> None:
        from reconnect_gui.ui.countdown.dialogs import SlipDialog

        dialog = SlipDialog(self._now, local_zone_name(), parent=self)
        dialog.slip_recorded.connect(self._slip_recorded)
        self._open(dialog)

    def _slip_recorded(self, choice: SlipChoice) -> None:
        from reconnect_gui.core.countdown.contact_log import sent_unanswered

        if self.plan is None:
            return

        def slipped(plan: Plan) -> Plan:
            return record_slip(
                plan,
                choice.at,
                choice.kind,
                restart=choice.restart,
                note=choice.note,
                initiated_by=choice.initiated_by,
            )

        def write(vault: Vault) -> None:
            store.change_plan(vault, slipped)
            if choice.unanswered:
                store.add_contact(vault, sent_unanswered(choice.at))

        self._save(write)

    def log_contact(self, mode: str) -> None:
        from reconnect_gui.ui.countdown.dialogs import ContactDialog

        dialog = ContactDialog(mode, self._now, local_zone_name(), parent=self)
        dialog.contact_logged.connect(
            lambda entry: self._save(lambda vault: store.add_contact(vault, entry))
        )
        self._open(dialog)

    def mark_answered(self) -> None:
        """Every running wait ends: they replied."""
        now = self._now()
        self._save(lambda vault: store.mark_waits_answered(vault, now))

    def check_readiness(self) -> None:
        from reconnect_gui.core.countdown.plan import add_readiness_result
        from reconnect_gui.ui.countdown.dialogs import ReadinessDialog

        dialog = ReadinessDialog(self._now, parent=self)

        def checked(result: ReadinessResult) -> None:
            if self.plan is not None:
                change = partial(add_readiness_result, result=result)
                self._save(lambda vault: store.change_plan(vault, change))
                moved_on = result.outcome == Outcome.MOVING_ON
                self._moving_on_choice = result if moved_on else None
                self.moving_on_undo.setVisible(moved_on)

        def extend(days: int) -> None:
            if self.plan is not None:
                change = partial(extend_target, days=days)
                self._save(lambda vault: store.change_plan(vault, change))

        dialog.checked.connect(checked)
        dialog.extend_requested.connect(extend)
        self._open(dialog)

    def edit_plan(self) -> None:
        from reconnect_gui.ui.countdown.plan_form import PlanEditDialog

        seen = self.plan
        if seen is None:
            return
        dialog = PlanEditDialog(seen, self._now, parent=self)

        def edited(plan: Plan) -> None:
            # Only what the person changed, applied to the plan as stored when saving.
            change = plan_edit(seen, plan).apply
            self._save(lambda vault: store.change_plan(vault, change))

        dialog.plan_edited.connect(edited)
        self._open(dialog)

    def show_safety_note(self) -> None:
        from reconnect_gui.ui.countdown.safety_note import SafetyNoteDialog

        self._open(SafetyNoteDialog(parent=self))


def _forget_sizes(layout: QLayout | None) -> None:
    """Drop the size hints ``layout`` and the rows inside it have cached."""
    if layout is None:
        return
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            _forget_sizes(inner)
        else:
            item.invalidate()
