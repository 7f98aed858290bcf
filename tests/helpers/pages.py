"""Page objects: the Draft and Journal panes as the tests reach them.

The panes keep their own structure: each is put together from a few parts (the Draft
pane from its welcome page, its drafts column and its editor side; the Journal pane from
its column and its tabs), and each part owns its controls. The production code keeps no
copies of those controls on the pane just so a test can find them.

The tests, though, want short and stable names (``page.editor``, ``page.banner``,
``page.filters``): a test then reads as what a person does, and moving a control from one
part to another changes one property here rather than every test. A page gives them those
names:

- ``page.pane`` is the pane itself, the QWidget: hand it to anything that needs a real
  widget (``qtbot.add_widget``, ``qtbot.wait_exposed``, a layout, ``isinstance``);
- each control is a property that reads through to the part owning it, every time it is
  asked (nothing is copied, so the page always shows the pane as it is now);
- every other attribute is the pane's own (``page.draft``, ``page.new_draft()``,
  ``page.session``, ``page.findChildren(...)``): the page forwards it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QFrame,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QPushButton,
        QRadioButton,
        QStackedWidget,
        QWidget,
    )

    from reconnect_gui.ui.draft.banner import VerdictBanner
    from reconnect_gui.ui.draft.draft_pane import DraftPane
    from reconnect_gui.ui.draft.findings_list import FindingsList
    from reconnect_gui.ui.draft.tone_highlighter import ToneHighlighter
    from reconnect_gui.ui.journal.column import EntryList
    from reconnect_gui.ui.journal.editor import JournalEditor
    from reconnect_gui.ui.journal.filters import JournalFilters
    from reconnect_gui.ui.journal.journal_pane import JournalPane
    from reconnect_gui.ui.journal.model import JournalListModel
    from reconnect_gui.ui.journal.mood_chart import MoodChart
    from reconnect_gui.ui.journal.pages import WelcomePage as JournalWelcome
    from reconnect_gui.ui.journal.prompts import PromptsPage


class PanePage:
    """What every page shares: it holds one pane and stands in for it.

    Reading an attribute the page does not name goes to the pane; so does setting one
    (``monkeypatch.setattr(page, ...)`` patches the pane, as the test means). A control's
    name cannot be set: it belongs to the part that owns the control.
    """

    pane: QWidget

    def __init__(self, pane: QWidget) -> None:
        object.__setattr__(self, "pane", pane)

    def __getattr__(self, name: str) -> Any:
        if name == "pane":  # not set yet (a copy being made): never ask the pane itself
            raise AttributeError(name)
        return getattr(self.pane, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "pane" or isinstance(getattr(type(self), name, None), property):
            raise AttributeError(f"{type(self).__name__}.{name} cannot be set")
        setattr(self.pane, name, value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.pane!r})"


class DraftPage(PanePage):
    """The Draft pane: its controls by the names the tests use, read from their owners,
    ``pane.welcome`` (WelcomePage), ``pane.list_column`` (DraftsColumn) and
    ``pane.editor_side`` (DraftEditor)."""

    pane: DraftPane

    def __init__(self, pane: DraftPane) -> None:
        super().__init__(pane)

    # ---- the welcome page (no drafts yet) ------------------------------------------------

    @property
    def write_text_button(self) -> QPushButton:
        return self.pane.welcome.write_text_button

    # ---- the drafts column ---------------------------------------------------------------

    @property
    def list(self) -> QListWidget:
        return self.pane.list_column.list

    @property
    def example_button(self) -> QPushButton:
        return self.pane.list_column.example_button

    @property
    def delete_button(self) -> QPushButton:
        return self.pane.list_column.delete_button

    @property
    def undo_button(self) -> QPushButton:
        return self.pane.list_column.undo_button

    @property
    def undo_bar(self) -> QFrame:
        return self.pane.list_column.undo_bar

    @property
    def undo_label(self) -> QLabel:
        return self.pane.list_column.undo_label

    # ---- the editor side (the open draft) ------------------------------------------------

    @property
    def title_edit(self) -> QLineEdit:
        return self.pane.editor_side.title_edit

    @property
    def kind_buttons(self) -> dict[str, QRadioButton]:
        return self.pane.editor_side.kind_buttons

    @property
    def editor(self) -> QPlainTextEdit:
        return self.pane.editor_side.editor

    @property
    def highlighter(self) -> ToneHighlighter:
        return self.pane.editor_side.highlighter

    @property
    def banner(self) -> VerdictBanner:
        return self.pane.editor_side.banner

    @property
    def findings(self) -> FindingsList:
        return self.pane.editor_side.findings

    @property
    def meter(self) -> QLabel:
        return self.pane.editor_side.meter

    @property
    def saved_label(self) -> QLabel:
        return self.pane.editor_side.saved_label

    @property
    def notice(self) -> QFrame:
        return self.pane.editor_side.notice

    @property
    def versions_button(self) -> QPushButton:
        return self.pane.editor_side.versions_button

    @property
    def copy_button(self) -> QPushButton:
        return self.pane.editor_side.copy_button


class JournalPage(PanePage):
    """The Journal pane: its parts by the names the tests use, read from their owners,
    ``pane.column`` (JournalColumn) and ``pane.tabs`` (EntryTabs)."""

    pane: JournalPane

    def __init__(self, pane: JournalPane) -> None:
        super().__init__(pane)

    # ---- the column: filters and the list ------------------------------------------------

    @property
    def list(self) -> EntryList:
        return self.pane.column.list

    @property
    def model(self) -> JournalListModel:
        return self.pane.column.model

    @property
    def filters(self) -> JournalFilters:
        return self.pane.column.filters

    # ---- the tabs: the entry (or the welcome), the prompts, the chart --------------------

    @property
    def welcome(self) -> JournalWelcome:
        return self.pane.tabs.welcome

    @property
    def editor(self) -> JournalEditor:
        return self.pane.tabs.editor

    @property
    def entry_side(self) -> QStackedWidget:
        return self.pane.tabs.entry_side

    @property
    def prompts(self) -> PromptsPage:
        return self.pane.tabs.prompts

    @property
    def chart(self) -> MoodChart:
        return self.pane.tabs.chart
