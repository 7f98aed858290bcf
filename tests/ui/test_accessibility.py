"""Issue 8, accessibility: names, the keyboard, big text and colour contrast, proven on the
real window.

The window is the app's own ``MainWindow`` with the real panes over a real vault (real
file, real cryptography, in-memory keyring) that holds a plan, three urges, two journal
entries and a draft the tone checker has notes about, at 1280×800. Each "view" is one pane (or one
tab of the journal) as a person sees it. The helpers and the rules they apply (what
counts as a name, as reading order, as clipped text) are in ``tests/ui/a11y.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import a11y
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from helpers.pages import DraftPage, JournalPage
from reconnect_gui.core.countdown.contact_log import new_urge
from reconnect_gui.core.countdown.plan import new_plan
from reconnect_gui.core.drafts import draft as drafts
from reconnect_gui.core.journal.entry import edited, new_entry
from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.reminders.schedule import ReminderPrefs
from reconnect_gui.core.settings import Settings
from reconnect_gui.storage import countdown_store, draft_store, journal_store
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.shell.main_window import MainWindow

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # 14:00 in Berlin
ZONE = "Europe/Berlin"
WINDOW_SIZE = (1280, 800)
BIG_TEXT = 1.5  # the system font size a person with low vision might choose
NO_MODIFIER = Qt.KeyboardModifier.NoModifier

# The views the walks and checks cover: a pane, and for the journal which tab is open.
VIEWS = ("countdown", "draft", "journal-entry", "journal-prompts", "journal-chart", "settings")

# Problems found in files that others are changing right now, so reported rather than
# fixed here (by view: the widget as ``a11y.describe`` names it, and what is wrong).
# Problems known and explained here, to be fixed where they live (none at present).
REPORTED: dict[str, set[str]] = {}


def not_reported(view: str, problems: list[str]) -> list[str]:
    known = REPORTED.get(view.partition("-")[0], set())
    return [p for p in problems if not any(widget in p for widget in known)]


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


def fill_vault(controller) -> None:
    """What a person twelve days in has: a plan, an urge, two entries and a draft."""
    vault = controller.vault
    plan = new_plan(
        NOW - timedelta(days=12.2), ZONE, ex_name="Sam", reasons=("I want to feel steady",)
    )
    countdown_store.save_plan(vault, plan)
    for days_ago, strength in ((17, 8), (9, 6), (3, 4)):
        countdown_store.add_urge(vault, new_urge(NOW - timedelta(days=days_ago), strength))
    for days_ago, fields in (
        (2, {"title": "A letter I kept", "body": "Words", "mood": 2}),
        (1, {"title": "At the lake", "body": "Quiet", "mood": 4, "tags": ("calm",)}),
    ):
        moment = NOW - timedelta(days=days_ago)
        kind = "unsent_letter" if days_ago == 2 else "entry"
        entry = edited(new_entry(moment, kind), **fields)
        # Through a second connection with its own clock, so the entry keeps its day.
        with open_vault(controller.path, now=lambda m=moment: m).unlock_with_key(
            vault.data_key
        ) as other:
            journal_store.save_entry(other, entry)
    body = "Hi Sam, please come back to me!!! How have you been?"
    draft_store.save_draft(vault, drafts.new_draft("text", NOW - timedelta(hours=30), body=body))


@pytest.fixture
def text_scale() -> float:
    return 1.0


@pytest.fixture
def filled() -> bool:
    """Whether the vault holds twelve days' worth (False: the first run, no plan yet)."""
    return True


@pytest.fixture
def app_font(qapp: QApplication, text_scale: float) -> Iterator[QFont]:
    """The system font, scaled like a person's font-size setting, before the window exists."""
    original = QFont(qapp.font())
    font = QFont(original)
    font.setPointSizeF(original.pointSizeF() * text_scale)
    qapp.setFont(font)
    yield font
    qapp.setFont(original)


@pytest.fixture
def window(qtbot, unlocked_controller, clock, app_font: QFont, filled: bool) -> MainWindow:
    """The real window with the real panes, as app.py puts it together."""
    from reconnect_gui.ui.countdown.countdown_pane import CountdownPane
    from reconnect_gui.ui.draft.draft_pane import DraftPane
    from reconnect_gui.ui.journal.journal_pane import JournalPane
    from reconnect_gui.ui.settings.reminder_section import ReminderSection
    from reconnect_gui.ui.settings.security_section import SecuritySection

    if filled:
        fill_vault(unlocked_controller)
    main = MainWindow(Settings(), app_paths(), load_app_icon())
    qtbot.add_widget(main)
    main.provide_pane(PaneKey.COUNTDOWN, lambda: CountdownPane(unlocked_controller, now=clock))
    main.provide_pane(PaneKey.DRAFT, lambda: DraftPane(unlocked_controller, now=clock))
    main.provide_pane(PaneKey.JOURNAL, lambda: JournalPane(unlocked_controller, now=clock))
    main.add_settings_section(lambda: SecuritySection(unlocked_controller))
    main.add_settings_section(
        lambda: ReminderSection(
            ReminderPrefs(), tray_available=True, start_at_login=False, now=clock, zone=ZONE
        )
    )
    main.resize(*WINDOW_SIZE)
    main.show()
    main.activateWindow()  # keyboard focus needs the active window
    qtbot.wait_until(lambda: QApplication.activeWindow() is main)
    return main


def show_view(qtbot, window: MainWindow, view: str) -> QWidget | DraftPage | JournalPage:
    """Open ``view`` (see VIEWS) the way a person would find it, ready to use (the Draft
    and Journal panes as their pages, see ``helpers.pages``)."""
    from reconnect_gui.ui.journal.pages import CHART_TAB, ENTRY_TAB, PROMPTS_TAB

    key, _, tab = view.partition("-")
    window.show_pane(PaneKey(key))
    pane = window.stack.currentWidget()
    if key == "draft":
        pane = DraftPage(pane)
    if key == "journal":
        pane = JournalPage(pane)
        qtbot.wait_until(lambda: pane.loaded, timeout=10000)
        pane.tabs.setCurrentIndex({"entry": ENTRY_TAB, "prompts": PROMPTS_TAB}.get(tab, CHART_TAB))
    if key == "draft":
        qtbot.wait_until(lambda: bool(pane.findings.cards()), timeout=5000)
    QApplication.processEvents()  # layouts settle before anything is measured
    return pane


# ---- 1. names ------------------------------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_every_control_has_a_name_a_screen_reader_can_say(qtbot, window, view: str) -> None:
    show_view(qtbot, window, view)
    controls = a11y.shown_controls(window.centralWidget())
    assert len(controls) >= 5
    assert a11y.unnamed(controls) == []


def test_painted_pictures_say_in_words_what_they_show(qtbot, window) -> None:
    """The ring, the charts and the mood faces are drawn, not text: their name says what
    they are, their description what they show (the numbers, the day, the choice)."""
    countdown = show_view(qtbot, window, "countdown")
    assert a11y.spoken_name(countdown.ring) == "No-Contact progress"
    assert a11y.spoken_description(countdown.ring).startswith("Day 12 of 30")
    assert a11y.spoken_name(countdown.urge_chart) == "Urges per week"
    urges = a11y.spoken_description(countdown.urge_chart)
    assert any(digit in urges for digit in "123")  # the weeks' counts, in words
    journal = show_view(qtbot, window, "journal-chart")
    assert a11y.spoken_name(journal.chart) == "Mood over time"
    assert "2 days with a mood" in a11y.spoken_description(journal.chart)
    journal = show_view(qtbot, window, "journal-entry")
    for face in journal.editor.mood_picker.buttons.values():
        name, description = a11y.spoken_name(face), a11y.spoken_description(face)
        assert name.startswith("Mood: ") and description and description != name
    draft = show_view(qtbot, window, "draft")
    for card in draft.findings.cards():
        assert a11y.spoken_name(card) and a11y.spoken_description(card)


# ---- 2. the keyboard -----------------------------------------------------------------------


# Settings' walk runs in a test process of its own. Late in the whole suite, its Shift+Tab
# walk sometimes crashed inside Qt (QWidget::setFocus, from focusNextPrevChild, on a widget
# already freed); it never failed an assertion, and alone it has not crashed. The cause is
# not found yet (see issue 16's closing note). A crash in the child still fails this test.
ALONE_VIEWS = {"settings"}
ALONE_FLAG = "RECONNECT_A11Y_ALONE"


def run_alone(request: pytest.FixtureRequest) -> None:
    """Run this same test in a fresh pytest process and fail if it fails (or crashes)."""
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=request.config.rootpath,
        env={**os.environ, ALONE_FLAG: "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, (child.stdout + child.stderr)[-3000:]


@pytest.mark.parametrize("view", VIEWS)
def test_tab_reaches_every_control_in_reading_order_and_comes_back(
    qtbot, request: pytest.FixtureRequest, view: str
) -> None:
    if view in ALONE_VIEWS and not os.environ.get(ALONE_FLAG):
        run_alone(request)
        return
    window = request.getfixturevalue("window")
    show_view(qtbot, window, view)
    start = window.sidebar_list
    forward = a11y.tab_walk(qtbot, start)
    trap = forward.stuck or forward.stops[-1]
    assert forward.closed, f"Tab never comes back: trapped at {a11y.describe(trap)}"
    controls = a11y.shown_controls(window.centralWidget())
    missed = a11y.not_reached(controls, forward.stops)
    assert [a11y.describe(w) for w in missed] == []
    assert not_reported(view, a11y.unnamed(forward.stops)) == []
    assert not_reported(view, a11y.reading_order_breaks(forward.stops)) == []
    backward = a11y.tab_walk(qtbot, start, backwards=True)
    assert backward.closed
    assert backward.stops == [start, *reversed(forward.stops[1:])]
    # A group of choices is one Tab stop; the arrow keys reach every choice in it.
    for stop in forward.stops:
        if a11y.group_of(stop) is not stop:
            members = [b for b in a11y.group_members(stop) if b.isVisible()]
            assert set(a11y.arrow_walk(qtbot, stop)) == set(members), a11y.describe(stop)


@pytest.mark.parametrize("filled", [False])
@pytest.mark.parametrize("text_scale", [1.0, BIG_TEXT])
def test_the_first_run_questions_work_by_keyboard_and_with_big_text(qtbot, window) -> None:
    pane = show_view(qtbot, window, "countdown")
    wizard = pane.wizard
    for step in range(4):  # welcome, when, who, why
        QApplication.processEvents()
        walk = a11y.tab_walk(qtbot, window.sidebar_list)
        controls = a11y.shown_controls(window.centralWidget())
        assert walk.closed and len(walk.stops) >= 2, step
        assert a11y.not_reached(controls, walk.stops) == [], step
        assert a11y.unnamed(controls) == [], step
        assert a11y.reading_order_breaks(walk.stops) == [], step
        texts = a11y.text_widgets(window.centralWidget())
        assert [why for w in texts if (why := a11y.clipped(w))] == [], step
        if step < 3:
            wizard.go_next()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key pressed where the focus is, as on a real keyboard."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def tab_to(qtbot, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus (a person looking for a button)."""
    for _ in range(a11y.WALK_LIMIT):
        if a11y.focused_control() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {a11y.describe(target)}")


def active_dialog(qtbot, dialog: QWidget) -> QWidget:
    qtbot.wait_until(lambda: dialog.isVisible() and QApplication.activeWindow() is dialog)
    return dialog


def test_the_sidebar_and_shortcuts_open_every_pane(qtbot, window) -> None:
    window.sidebar_list.setFocus()
    for index, key in enumerate(PaneKey):
        press(qtbot, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_pane_key() == key
    window.sidebar_list.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Down)
    assert window.current_pane_key() == PaneKey.DRAFT


def test_the_sos_flow_from_start_to_end_with_keys_alone(qtbot, window, unlocked_controller) -> None:
    from reconnect_gui.ui.countdown.sos_flow import DONE, NOTE, WRITE

    pane = show_view(qtbot, window, "countdown")
    window.sidebar_list.setFocus()
    tab_to(qtbot, pane.urge_button)
    press(qtbot, Qt.Key.Key_Space)
    dialog = active_dialog(qtbot, pane.dialog)
    assert a11y.focused_control() is dialog.next_button  # "I'm a bit calmer" is ready
    controls = a11y.shown_controls(dialog)
    assert a11y.unnamed(controls) == []
    walk = a11y.tab_walk(qtbot, dialog.next_button)  # Tab stays in the dialog, and cycles
    assert walk.closed and a11y.not_reached(controls, walk.stops) == []
    tab_to(qtbot, dialog.intensity_buttons[0])
    press(qtbot, Qt.Key.Key_Space)
    for _ in range(4):  # the arrows move through the strengths, like radio buttons
        press(qtbot, Qt.Key.Key_Right)
    assert dialog.intensity == 5
    tab_to(qtbot, dialog.next_button)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.step == WRITE and a11y.focused_control() is dialog.letter
    qtbot.keyClicks(dialog.letter, "I miss our walks")
    tab_to(qtbot, dialog.next_button)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.step == NOTE and a11y.focused_control() is dialog.trigger
    qtbot.keyClicks(dialog.trigger, "a song")
    press(qtbot, Qt.Key.Key_Return)  # Enter goes on to the next line, then finishes
    qtbot.keyClicks(dialog.instead, "walked")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.step == DONE and a11y.focused_control() is dialog.done_button
    press(qtbot, Qt.Key.Key_Space)
    qtbot.wait_until(lambda: not dialog.isVisible())

    vault = unlocked_controller.vault
    urge = max(countdown_store.load_urges(vault)[0], key=lambda u: u.at)
    assert (urge.intensity, urge.trigger, urge.instead) == (5, "a song", "walked")
    letters = [e for e in journal_store.load_entries(vault)[0] if e.body == "I miss our walks"]
    assert [e.entry_type for e in letters] == ["unsent_letter"]


def test_escape_closes_the_sos_flow_and_the_focus_comes_back(
    qtbot, window, unlocked_controller
) -> None:
    pane = show_view(qtbot, window, "countdown")
    window.sidebar_list.setFocus()
    tab_to(qtbot, pane.urge_button)
    press(qtbot, Qt.Key.Key_Space)
    dialog = active_dialog(qtbot, pane.dialog)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not dialog.isVisible())
    window.activateWindow()  # a window manager does this; the offscreen platform has none
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    assert a11y.focused_control() is pane.urge_button
    assert len(countdown_store.load_urges(unlocked_controller.vault)[0]) == 3  # none added


def test_a_journal_entry_is_written_and_saved_with_keys_alone(
    qtbot, window, unlocked_controller
) -> None:
    window.sidebar_list.setFocus()
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    pane = show_view(qtbot, window, "journal-entry")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert a11y.focused_control() is pane.editor.body
    qtbot.keyClicks(pane.editor.body, "Slept well for once")
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert a11y.focused_control() is pane.editor.title_edit
    qtbot.keyClicks(pane.editor.title_edit, "Sunday")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # to the words, then to the day the entry is about
    assert a11y.focused_control() is pane.editor.day_edit
    press(qtbot, Qt.Key.Key_Tab)  # to the mood faces
    assert a11y.focused_control() in pane.editor.mood_picker.buttons.values()
    for _ in range(3):  # very low, low, okay, good: the arrows move between the faces
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    assert pane.editor.mood_picker.mood() == 4
    qtbot.wait_until(lambda: not pane.save_debouncer.pending, timeout=5000)
    (entry,) = [
        e
        for e in journal_store.load_entries(unlocked_controller.vault)[0]
        if e.body == "Slept well for once"
    ]
    assert (entry.title, entry.mood) == ("Sunday", 4)


# The kind menu pops up: offscreen, a popup cannot grab the keyboard (a real screen can).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_draft_is_written_and_its_copy_question_answered_with_keys_alone(qtbot, window) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    QGuiApplication.clipboard().setText("before")
    window.sidebar_list.setFocus()
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    pane = show_view(qtbot, window, "draft")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # which kind? a menu
    menu = pane.list_column.kind_menu
    qtbot.wait_until(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # its first choice, a text, is already lit
    qtbot.wait_until(lambda: not menu.isVisible())
    assert a11y.focused_control() is pane.editor
    # Offscreen only: the closed menu stays the "active window" (a desktop gives the
    # window back), which would leave the keys below nowhere to go.
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    assert a11y.focused_control() is pane.editor
    qtbot.keyClicks(pane.editor, "Hi Sam, I hope the new job is going well. How are you?")
    qtbot.wait_until(lambda: not pane.check_debouncer.pending, timeout=5000)  # the notes
    tab_to(qtbot, pane.copy_button)
    press(qtbot, Qt.Key.Key_Space)  # still in the No-Contact time: it asks first
    box = active_dialog(qtbot, pane.dialog)
    assert isinstance(box, QMessageBox)
    press(qtbot, Qt.Key.Key_Escape)  # "Keep editing"
    qtbot.wait_until(lambda: not box.isVisible())
    assert QGuiApplication.clipboard().text() == "before"


# ---- 3. big text ----------------------------------------------------------------------------


@pytest.mark.parametrize("text_scale", [BIG_TEXT])
@pytest.mark.parametrize("view", VIEWS)
def test_text_half_again_as_big_still_fits(qtbot, window, app_font: QFont, view: str) -> None:
    pane = show_view(qtbot, window, view)
    assert pane.font().pointSizeF() == pytest.approx(app_font.pointSizeF())
    texts = a11y.text_widgets(window.centralWidget())
    assert len(texts) >= 5
    clipped = [why for widget in texts if (why := a11y.clipped(widget))]
    assert not_reported(view, clipped) == []


# ---- 4. colour contrast ---------------------------------------------------------------------

TEXT, GRAPHIC = a11y.TEXT_CONTRAST, a11y.GRAPHIC_CONTRAST


def painted_pairs(dark: bool) -> list[tuple[str, QColor, QColor, float]]:
    """Every colour pair the app paints itself, for words (4.5:1) or for graphics that
    carry meaning (3:1), as (what, foreground, background, minimum).

    Built from the ui modules' own constants and the theme's palettes, the way each
    module mixes them; the palette's plain pairs are test_theme.py's. Quiet decoration
    (the grid, the ring's track, a hovered row's shade) carries nothing and is left out,
    except as the ground something else stands on.
    """
    from reconnect_gui.ui.countdown.urge_chart import OLDER_BAR_SHARE
    from reconnect_gui.ui.draft.banner import BANNER_COLOURS
    from reconnect_gui.ui.draft.tone_highlighter import BEYOND_SHADE, PROBLEM_TINT
    from reconnect_gui.ui.journal.editor import LETTER_PAPER
    from reconnect_gui.ui.journal.model import BADGE_INK_SHARE, SELECTED_BADGE_ALPHA, TYPE_TINTS
    from reconnect_gui.ui.journal.mood_chart import EVENT_LINE_SHARE, URGE_MARK_SHARE
    from reconnect_gui.ui.widgets.colours import SEVERITY_COLOURS, mixed
    from reconnect_gui.ui.widgets.mood_faces import FACE_INK, MOOD_COLOURS, UNCHOSEN_OPACITY
    from reconnect_gui.ui.widgets.theme import palette_for

    side = 1 if dark else 0
    palette = palette_for(dark)
    R = QPalette.ColorRole
    window, words, base, text = (palette.color(r) for r in (R.Window, R.WindowText, R.Base, R.Text))
    muted, accent, link = (palette.color(r) for r in (R.PlaceholderText, R.Highlight, R.Link))
    column, chosen_words = palette.color(R.AlternateBase), palette.color(R.HighlightedText)
    hovered_row = mixed(column, text, 0.06)
    track = mixed(window, words, 0.13)
    paper = QColor(LETTER_PAPER[side])
    selected_badge = a11y.over(QColor(255, 255, 255, SELECTED_BADGE_ALPHA), accent)
    fullest = QColor(accent)
    fullest.setAlpha(90)  # the breathing circle's fill when it is largest
    pairs = [
        ("quiet words on the window", muted, window, TEXT),
        ("quiet words in the list column", muted, column, TEXT),
        ("quiet words on a hovered row", muted, hovered_row, TEXT),
        ("a link on the window", link, window, TEXT),
        ("a link in the list column", link, column, TEXT),
        # the countdown ring
        ("ring: the state in the accent colour", accent, window, TEXT),
        ("ring: the arc on the window", accent, window, GRAPHIC),
        ("ring: the arc beside its track", accent, track, GRAPHIC),
        ("ring: a milestone ahead, on the track", muted, track, GRAPHIC),
        ("ring: a milestone passed, cut out of the arc", window, accent, GRAPHIC),
        # urges per week
        ("urges: this week's bar", accent, window, GRAPHIC),
        ("urges: an earlier week's bar", mixed(window, accent, OLDER_BAR_SHARE), window, GRAPHIC),
        # mood over time
        ("mood chart: the line and its points", accent, window, GRAPHIC),
        ("mood chart: the start line", mixed(window, accent, EVENT_LINE_SHARE), window, GRAPHIC),
        ("mood chart: a slip line", mixed(window, muted, EVENT_LINE_SHARE), window, GRAPHIC),
        ("mood chart: the start's label", accent, window, TEXT),
        ("mood chart: an urge mark", mixed(window, muted, URGE_MARK_SHARE), window, GRAPHIC),
        ("mood chart: the day chosen with the keys", words, window, GRAPHIC),
        # mood picker rings
        ("mood picker: the chosen face's ring", accent, window, GRAPHIC),
        ("mood picker: the keyboard's ring", words, window, GRAPHIC),
        # chips: feelings, tags, views, themes
        ("chip: words", text, base, TEXT),
        ("chip: a chosen one's words", chosen_words, accent, TEXT),
        ("chip: the keyboard's ring", accent, base, GRAPHIC),
        ("history: the keyboard's frame", accent, base, GRAPHIC),
        ("journal list: a selected row's kind", chosen_words, selected_badge, TEXT),
        # the unsent letter's paper, with the Markdown marks on it
        ("letter: words on the paper", text, paper, TEXT),
        ("letter: the placeholder on the paper", muted, paper, TEXT),
        ("letter: Markdown marks on the paper", muted, paper, TEXT),
        ("letter: list marks on the paper", accent, paper, TEXT),
        ("entry: list marks on the page", accent, base, TEXT),
        # tone checks in the draft
        ("draft: words on a problem's tint", text, QColor(PROBLEM_TINT[side]), TEXT),
        ("draft: words past the length that works", text, QColor(BEYOND_SHADE[side]), TEXT),
        # SOS: the breathing circle
        ("breathing: the circle's edge", accent, window, GRAPHIC),
        ("breathing: the words in the circle", words, a11y.over(fullest, window), TEXT),
    ]
    for entry_type, tints in TYPE_TINTS.items():
        tint = QColor(tints[side])
        ink = mixed(tint, text, BADGE_INK_SHARE)
        for where, ground in (("", column), (", hovered", hovered_row)):
            badge = mixed(ground, tint, 0.16)
            pairs.append((f"journal list: the {entry_type} label{where}", ink, badge, TEXT))
        pairs.append((f"journal list: the {entry_type} mark down a row", tint, column, GRAPHIC))
    for severity, colours in SEVERITY_COLOURS.items():
        colour = QColor(colours[side])
        pairs.append((f"draft: a {severity} underline", colour, base, GRAPHIC))
        pairs.append(
            (
                f"draft: a {severity} underline on a tint",
                colour,
                QColor(PROBLEM_TINT[side]),
                GRAPHIC,
            )
        )
        pairs.append((f"draft: a {severity} note's heading", colour, base, TEXT))
        pairs.append((f"draft: a {severity} colour on the window", colour, window, TEXT))
    for state, (grounds, stripes) in BANNER_COLOURS.items():
        ground = QColor(grounds[side])
        pairs.append((f"draft banner, {state}: words", text, ground, TEXT))
        pairs.append((f"draft banner, {state}: the stripe", QColor(stripes[side]), ground, GRAPHIC))
    for level, fills in MOOD_COLOURS.items():
        fill = QColor(fills[side])
        pairs.append(
            (f"mood face {level}: eyes and mouth", a11y.over(FACE_INK, fill), fill, GRAPHIC)
        )
        faded = a11y.over(fill, window, UNCHOSEN_OPACITY)
        faded_ink = a11y.over(FACE_INK, faded, UNCHOSEN_OPACITY)
        pairs.append((f"mood face {level}, not chosen: eyes and mouth", faded_ink, faded, GRAPHIC))
        edge = fill.darker(125)
        for where, ground in (("window", window), ("list", column), ("menu", base)):
            pairs.append((f"mood face {level}: its outline on the {where}", edge, ground, GRAPHIC))
        faded_edge = a11y.over(edge, window, UNCHOSEN_OPACITY)
        pairs.append((f"mood face {level}, not chosen: its outline", faded_edge, window, GRAPHIC))
    return pairs


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_painted_colour_pair_meets_wcag_aa(dark: bool) -> None:
    pairs = painted_pairs(dark)
    assert len(pairs) > 80
    failing = [
        f"{what}: {a11y.contrast(fg, bg):.2f} < {minimum} ({fg.name()} on {bg.name()})"
        for what, fg, bg, minimum in pairs
        if a11y.contrast(fg, bg) < minimum
    ]
    assert failing == []


def test_the_contrast_formula_matches_known_values() -> None:
    assert a11y.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert a11y.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert a11y.over(QColor(0, 0, 0, 128), "#ffffff").name() == "#7f7f7f"


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    from reconnect_gui.ui.widgets.theme import apply_theme

    apply_theme(qapp, "system")


def test_a_live_theme_switch_reaches_every_part_of_the_window(qtbot, window, themed) -> None:
    """Parts styled with a style sheet (the sidebar, the drafts column) take the new
    palette too, so no light ground is left behind under dark-theme words."""
    from reconnect_gui.ui.widgets.theme import apply_theme, palette_for

    draft = show_view(qtbot, window, "draft")
    apply_theme(themed, "light")
    for theme in ("dark", "light"):
        apply_theme(themed, theme)
        QApplication.processEvents()
        palette = palette_for(theme == "dark")
        ground = palette.color(QPalette.ColorRole.AlternateBase).name()
        sidebar = window.sidebar_list.parentWidget()
        assert sidebar.grab().toImage().pixelColor(5, sidebar.height() // 2).name() == ground
        column = draft.list_column
        assert column.grab().toImage().pixelColor(3, 3).name() == ground
        drafts = draft.list.viewport().grab().toImage()
        bottom = drafts.pixelColor(drafts.width() // 2, drafts.height() - 5).name()
        assert bottom == palette.color(QPalette.ColorRole.Base).name()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_urge_bars_are_painted_in_the_colours_checked(qtbot, themed, theme: str) -> None:
    """The pairs above are how the modules mix their colours; this one is seen on screen."""
    from reconnect_gui.ui.countdown.urge_chart import OLDER_BAR_SHARE, UrgeChart
    from reconnect_gui.ui.widgets.colours import mixed
    from reconnect_gui.ui.widgets.theme import apply_theme

    apply_theme(themed, theme)
    chart = UrgeChart()
    qtbot.add_widget(chart)
    chart.resize(360, 120)
    chart.set_counts([2, 4])  # last week, this week
    image = chart.grab().toImage()
    seen = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(60, 100)}
    palette = chart.palette()
    window = palette.color(QPalette.ColorRole.Window)
    accent = palette.color(QPalette.ColorRole.Highlight)
    older = mixed(window, accent, OLDER_BAR_SHARE)
    assert {window.name(), accent.name()} <= seen
    assert any(a11y.contrast(colour, older) < 1.02 for colour in seen)  # rounding aside
    assert a11y.contrast(older, window) >= a11y.GRAPHIC_CONTRAST
