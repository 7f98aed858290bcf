from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from reconnect_gui.core.panes import PaneKey
from reconnect_gui.core.settings import Settings
from reconnect_gui.system.paths import app_paths
from reconnect_gui.ui.shell.app_icon import load_app_icon
from reconnect_gui.ui.shell.main_window import DEFAULT_SIZE, MainWindow
from reconnect_gui.ui.shell.panes import PANES


@pytest.fixture
def make_window(qtbot, isolated_home: Path):
    def make(settings: Settings | None = None, **kwargs) -> MainWindow:
        window = MainWindow(settings or Settings(), app_paths(), load_app_icon(), **kwargs)
        qtbot.add_widget(window)
        window.show()
        window.activateWindow()  # window shortcuts need the active window
        # wait_active can return early on the offscreen platform; ask Qt itself.
        qtbot.wait_until(lambda: QApplication.activeWindow() is window)
        return window

    return make


def visible_texts(window: MainWindow) -> str:
    pane = window.stack.currentWidget()
    return " ".join(label.text() for label in pane.findChildren(QLabel))


def test_opens_on_the_countdown_with_a_friendly_placeholder(make_window) -> None:
    window = make_window()
    assert window.current_pane_key() == "countdown"
    assert window.windowTitle() == "Countdown — Reconnect"
    assert "Opening your vault" in visible_texts(window)
    assert not window.windowIcon().isNull()
    assert window.size() == DEFAULT_SIZE


def test_a_window_built_without_its_icon_gets_its_menu_items_once_completed(
    qtbot, isolated_home: Path
) -> None:
    # app.py's way: what the first frame shows, then complete() just after it.
    window = MainWindow(Settings(), app_paths())
    qtbot.add_widget(window)

    def items() -> list[int]:
        return [len(title.menu().actions()) for title in window.menuBar().actions()]

    assert items() == [0, 0, 0] and window.actions() == []
    window.complete(load_app_icon())
    completed = items()
    assert completed[0] == 4 and completed[2] == 1
    assert not window.windowIcon().isNull()
    window.complete(load_app_icon())
    assert items() == completed  # once
    window.show_pane(PaneKey.JOURNAL)
    window.pane_actions[0].trigger()
    assert window.current_pane_key() == PANES[0].key


def test_a_provided_pane_replaces_the_placeholder_on_screen(make_window) -> None:
    window = make_window()
    window.provide_pane(PaneKey.COUNTDOWN, lambda: QLabel("the real countdown"))
    assert window.stack.currentWidget().text() == "the real countdown"
    journal_index = [p.key for p in PANES].index("journal")
    window.provide_pane(PaneKey.JOURNAL, lambda: QLabel("the real journal"))
    assert journal_index not in window._built  # still built only when first shown
    window.show_pane(PaneKey.JOURNAL)
    assert window.stack.currentWidget().text() == "the real journal"


@pytest.mark.parametrize("index", range(len(PANES)))
def test_ctrl_number_switches_panes(make_window, qtbot, index: int) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == PANES[index].key
    assert window.sidebar_list.currentRow() == index
    assert PANES[index].heading in visible_texts(window)


def test_panes_are_built_only_when_first_shown(make_window) -> None:
    window = make_window()
    assert list(window._built) == [0]
    window.show_pane(PaneKey.SETTINGS)
    assert sorted(window._built) == [0, 3]
    assert window.stack.currentWidget().objectName() == "pane-settings"


def test_geometry_and_last_pane_come_back(make_window) -> None:
    first = make_window()
    first.resize(760, 520)  # the offscreen screen is 800x600; restoring clamps to it
    first.move(10, 20)
    first.show_pane(PaneKey.JOURNAL)
    geometry, pane = first.window_state_for_settings()
    remembered = replace(Settings(), window_geometry=geometry, last_pane=pane)
    first.close()

    second = make_window(remembered)
    assert second.current_pane_key() == "journal"
    assert (second.size().width(), second.size().height()) == (760, 520)


def test_unknown_pane_and_garbage_geometry_fall_back(make_window) -> None:
    window = make_window(Settings(last_pane="nope", window_geometry="!!not base64!!"))
    assert window.current_pane_key() == "countdown"
    assert window.size() == DEFAULT_SIZE


def test_quick_hide_minimizes_when_there_is_no_tray(make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.wait_until(window.isMinimized)
    window.bring_to_front()
    qtbot.wait_until(lambda: not window.isMinimized())


def test_quick_hide_hides_to_the_tray_when_there_is_one(make_window, qtbot) -> None:
    window = make_window(can_hide_to_tray=lambda: True)
    window.hide_action.trigger()
    assert not window.isVisible()


def test_closing_keeps_the_app_in_the_tray_and_quit_really_quits(
    make_window, qtbot, monkeypatch
) -> None:
    window = make_window(can_hide_to_tray=lambda: True)
    with qtbot.wait_signal(window.hidden_to_tray):
        assert window.close() is False  # the close was turned into a hide
    assert not window.isVisible()
    window.show()
    with qtbot.wait_signal(window.hidden_to_tray):
        window.close_action.trigger()  # Ctrl+W does the same
    assert not window.isVisible()
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.show()
    window.quit_action.trigger()
    assert quits == [True]
    assert window.close() is True  # while quitting, closing closes


def test_hiding_empties_qts_pixmap_cache_so_it_stops_waking(make_window, qtbot) -> None:
    from PySide6.QtGui import QPixmap, QPixmapCache

    window = make_window(can_hide_to_tray=lambda: True)
    QPixmapCache.insert("style-pixmap", QPixmap(8, 8))
    window.hide_action.trigger()
    assert QPixmapCache.find("style-pixmap") is None


def test_closing_closes_when_there_is_no_tray(make_window, qtbot) -> None:
    window = make_window(can_hide_to_tray=lambda: False)
    with qtbot.assert_not_emitted(window.hidden_to_tray):
        assert window.close() is True


def test_f1_opens_about_with_version_and_privacy_promise(make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    about = window._about
    assert about is not None
    qtbot.wait_exposed(about)
    text = " ".join(label.text() for label in about.findChildren(QLabel))
    assert "Version 0.1.0" in text
    assert "never connects" in text
    assert "Ctrl+Shift+H" in text
    assert not about.icon_label.pixmap().isNull()


def test_ctrl_q_asks_the_app_to_quit(make_window, qtbot, monkeypatch) -> None:
    # pytest-qt runs no app.exec(), so the real quit is proven in tests/e2e (Xvfb + xdotool).
    calls = []
    monkeypatch.setattr(QApplication, "quit", lambda: calls.append("quit"))
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["quit"]


def test_settings_pane_offers_the_theme_and_shows_where_files_are(make_window, qtbot) -> None:
    window = make_window()
    window.show_pane(PaneKey.SETTINGS)
    pane = window.stack.currentWidget()
    assert str(app_paths().data) in visible_texts(window)
    with qtbot.wait_signal(window.theme_chosen) as chosen:
        pane.theme_box.setCurrentIndex(2)
    assert chosen.args == ["dark"]


def test_a_small_window_shows_the_sidebar_as_icons_and_a_roomy_one_as_names(
    make_window, qtbot
) -> None:
    from reconnect_gui.ui.shell.main_window import MINIMUM_SIZE

    window = make_window()
    window.show_vault_state("Locked", "Unlock…")
    window.resize(MINIMUM_SIZE)
    qtbot.wait_until(lambda: window.sidebar.width() <= 72)
    # The pane gets the room: at 720 px it keeps at least 640 of them.
    qtbot.wait_until(lambda: window.stack.width() >= MINIMUM_SIZE.width() - 80)
    for row, pane in enumerate(PANES):
        item = window.sidebar_list.item(row)
        assert not item.icon().isNull()
        assert item.text() == ""
        assert pane.title in item.toolTip()
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == pane.title
    assert window.vault_button.isVisible() and not window.vault_button.icon().isNull()
    assert window.vault_button.accessibleName() == "Unlock"
    # Ctrl+number and clicks still choose panes.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == "journal"
    window.resize(DEFAULT_SIZE)
    qtbot.wait_until(lambda: window.sidebar.width() >= 180)
    assert [window.sidebar_list.item(r).text() for r in range(len(PANES))] == [
        p.title for p in PANES
    ]
    assert window.vault_button.text() == "Unlock…"
