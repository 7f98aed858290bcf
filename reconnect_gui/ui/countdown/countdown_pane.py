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

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
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
from reconnect_gui.core.countdown.moments import local_zone_name
from reconnect_gui.core.countdown.plan import Plan, extend_target, record_slip
from reconnect_gui.core.countdown.plan_edit import plan_edit, plan_settings
from reconnect_gui.core.countdown.stats import NoContactState
from reconnect_gui.core.countdown.view import history, stats_view
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.storage import countdown_store as store
from reconnect_gui.storage.errors import RecordDamaged, VaultError, VaultLocked
from reconnect_gui.ui.countdown.history_list import HistoryList
from reconnect_gui.ui.countdown.ring import CountdownRing
from reconnect_gui.ui.countdown.urge_chart import UrgeChart
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
    from reconnect_gui.ui.vault.controller import VaultController

HEADING = pane_info(PaneKey.COUNTDOWN).heading
WIZARD_PAGE, HOME_PAGE, PROBLEM_PAGE = 1, 2, 3  # after the state page (STATE_PAGE)
STATE_WORDS = {  # what the pane says while the vault is not open
    VaultState.LOCKED: "Locked. Unlock Reconnect to see your countdown.",
    VaultState.NEEDS_SETUP: "Once your private vault is set up, you can start your countdown here.",
}
RING_MAX = 380  # px
NARROW_RING_MAX = 240  # px
NARROW_WIDTH = 640  # px of pane; below it the home screen is one column
SECTION_SPACING = 8  # px between a section's title and its content
CONTENT_MAX_WIDTH = 1080  # px; wider windows centre the content instead of stretching it
LINK_STYLE = (
    "QPushButton { color: palette(link); text-decoration: underline; border: none;"
    " padding: 4px 0; text-align: left; }"
)
LOCKED_WHILE_OPEN = "Reconnect locked itself. Unlock it, then try again."
STAT_LABELS = (
    ("current_streak", "Current streak"),
    ("longest_streak", "Longest streak"),
    ("total_days", "Days without contact"),
    ("average_gap", "Average time between slips"),
    ("urges_per_week", "Urges per week"),
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

        self.pages.addWidget(QWidget())  # the wizard, built fresh each time it is needed
        self.pages.addWidget(self._home_page())
        self.problem_page = MessagePage(HEADING, spacing=-1)
        self.pages.addWidget(self.problem_page)
        self.watch_vault()

    # ---- pages --------------------------------------------------------------------------

    def _home_page(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(18)

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

        self.lower_row = lower = QHBoxLayout()
        lower.setSpacing(32)
        lower.addLayout(self._history_column(), 3)
        lower.addLayout(self._urges_column(), 2)
        layout.addLayout(lower)

        from reconnect_gui.ui.countdown.safety_note import SAFETY_LINK_TEXT

        self.safety_button = QPushButton(SAFETY_LINK_TEXT)
        self.safety_button.setFlat(True)
        self.safety_button.setStyleSheet(LINK_STYLE)
        self.safety_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.safety_button.setAccessibleDescription(
            "A short note about safety and where to find help"
        )
        self.safety_button.clicked.connect(self.show_safety_note)
        safety_row = QHBoxLayout()
        safety_row.addWidget(self.safety_button)
        safety_row.addStretch(1)
        layout.addLayout(safety_row)

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
        return scroll

    def _wait_banner(self) -> QWidget:
        self.wait_banner = QFrame()
        self.wait_banner.setObjectName("waitBanner")
        self.wait_banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.wait_banner)
        row.setContentsMargins(16, 12, 16, 12)
        row.addWidget(wrapped_label(GUIDANCE[ContactKind.SENT_UNANSWERED]), 1)
        self.answered_button = QPushButton("They answered")
        self.answered_button.setAccessibleDescription("End the wait: they replied to your message")
        self.answered_button.clicked.connect(self.mark_answered)
        row.addWidget(self.answered_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.wait_banner.hide()
        return self.wait_banner

    def _actions_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addStretch(1)
        self.urge_button = self._action_button(
            column, "I feel the urge…", "Breathe, read your reasons, and write it here instead"
        )
        self.urge_button.setDefault(True)
        self.urge_button.clicked.connect(self.open_sos)
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

        grid = QGridLayout()
        grid.setContentsMargins(0, 12, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)  # each figure right beside its words
        self.stat_values: dict[str, QLabel] = {}
        for row, (key, words) in enumerate(STAT_LABELS):
            name = quiet_label(words, italic=False)  # quiet colour, not italics, in a table
            name.setWordWrap(False)
            value = QLabel()
            value.setAccessibleName(words)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.stat_values[key] = value
        column.addLayout(grid)
        column.addStretch(1)
        return column

    def _action_button(self, column: QVBoxLayout, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setMinimumHeight(36)
        column.addWidget(button)
        return button

    def _history_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SECTION_SPACING)  # not the row's wide spacing, which it would inherit
        title = caption("History")
        column.addWidget(title)
        self.history_list = HistoryList()
        self.history_list.setMinimumHeight(150)
        self.history_list.setMaximumHeight(220)
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
        column.addWidget(quiet_label("They usually fade as the weeks go by."))
        column.addStretch(1)
        return column

    # ---- the vault's state ----------------------------------------------------------------

    def on_unlocked(self) -> None:
        self.reload()

    def before_lock(self) -> None:
        """The vault is about to close: the SOS flow keeps what was written, then all goes."""
        self._dialogs.close()

    def forget(self) -> None:
        """Drop every trace of the user's data from the widgets."""
        self.before_lock()
        self.plan, self.contacts, self.urges = None, {}, []
        self.ring.set_source(None)
        self.history_list.clear()
        self.urge_chart.set_counts([])
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
        urge_times = [u.at for u in self.urges]
        figures = stats_view(plan, now, urge_times)
        for key, value in self.stat_values.items():
            value.setText(getattr(figures, key))
        view = self.ring.view
        self.readiness_button.setVisible(
            view is not None and view.state == NoContactState.TARGET_REACHED
        )
        self.wait_banner.setVisible(
            view is not None and view.state == NoContactState.WAITING_FOR_REPLY
        )
        self.urge_chart.set_counts(countdown_stats.urges_by_week(urge_times, plan, now))
        self._fill_history(plan, contacts)

    def _fill_history(self, plan: Plan, contacts: list[ContactEntry]) -> None:
        note = (
            f"{self.unreadable} stored item(s) could not be read and are not shown."
            if self.unreadable
            else ""
        )
        self.history_list.show_events(history(plan, contacts), local_zone_name(), note)

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
        # In one column a smaller ring keeps "I feel the urge…" in view without scrolling.
        ring_max = RING_MAX if direction == QBoxLayout.Direction.LeftToRight else NARROW_RING_MAX
        self.ring.setMaximumSize(ring_max, ring_max)

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
        from reconnect_gui.ui.countdown.sos_flow import SosDialog

        plan = self.plan
        if plan is None:
            return
        self._open(
            SosDialog(
                plan.reasons,
                save_letter=self._save_letter,
                log_urge=self._log_urge,
                now=self._now,
                ex_name=plan.ex_name,
                parent=self,
            )
        )

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
