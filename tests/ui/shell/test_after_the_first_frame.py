"""What a start leaves until its first frame has painted: none of it shows in that frame,
and each part costs start-up time before it (see ``settle_in`` in app.py)."""

from pathlib import Path

from helpers.repo import after_a_smoke_start
from reconnect_gui.ui.shell.panes import PANES

SIGTERM_HANDLED = "signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL"


def loaded(module: str) -> str:
    return f"{module!r} in sys.modules"


def test_the_sigterm_handler_qts_settings_folder_and_the_collector_wait_for_the_first_frame(
    tmp_path: Path,
) -> None:
    file_dialogs = loaded("reconnect_gui.ui.widgets.file_dialogs")  # points Qt's settings
    state = (
        f"{{'sigterm': {SIGTERM_HANDLED}, 'qt_settings': {file_dialogs}, "
        "'ui_thread_collector': not gc.isenabled()}"
    )
    report = after_a_smoke_start(tmp_path / "home", state, at_first_frame=state)
    assert report == {
        "code": 0,
        "first_frame": {"sigterm": False, "qt_settings": False, "ui_thread_collector": False},
        "sigterm": True,
        "qt_settings": True,
        "ui_thread_collector": True,
    }


def test_the_apps_style_sheet_comes_just_after_the_first_frame(tmp_path: Path) -> None:
    # Its rules (cards, the primary button, scroll bars) are not in that frame, and
    # matching them against every widget built for it would cost ~20 ms.
    sheet = "{'sheet': app.styleSheet(), 'palette': app.palette().window().color().name()}"
    report = after_a_smoke_start(
        tmp_path / "home", "{}", at_first_frame=sheet, just_after_first_frame=sheet
    )
    first, after = report["first_frame"], report["just_after"]
    assert first["sheet"] == "" and "QScrollBar" in after["sheet"]
    assert first["palette"] == after["palette"]  # the theme's colours from the start


def test_the_menus_items_and_the_window_icon_come_just_after_the_first_frame(
    tmp_path: Path,
) -> None:
    # The first frame shows the menu bar's titles and the sidebar's logo, drawn without
    # QAction, QKeySequence or QIcon; the menus' items and the icon follow at once.
    state = (
        "{'titles': [a.text() for a in window.menuBar().actions()], "
        "'items': sum(len(a.menu().actions()) for a in window.menuBar().actions()), "
        "'shortcuts': sorted(a.shortcut().toString() for a in window.actions()), "
        "'logo': window.sidebar.findChild(QLabel).pixmap().deviceIndependentSize().toTuple(), "
        "'window_icon': not window.windowIcon().isNull()}"
    )
    report = after_a_smoke_start(
        tmp_path / "home", "{}", at_first_frame=state, just_after_first_frame=state
    )
    titles = ["&Reconnect", "&Go", "&Help"]
    assert report["first_frame"] == {
        "titles": titles,
        "items": 0,
        "shortcuts": [],
        "logo": [28.0, 28.0],  # JSON
        "window_icon": False,
    }
    after = report["just_after"]
    assert after["titles"] == titles and after["window_icon"]
    # Hide, Close, a separator and Quit; a pane each, a separator and the urge; About.
    assert after["items"] == 4 + len(PANES) + 2 + 1
    assert {"Ctrl+Q", "Ctrl+U", "F1"} <= set(after["shortcuts"])


def test_a_start_that_prefetches_no_key_never_loads_the_prefetcher(tmp_path: Path) -> None:
    # --smoke never prefetches (a throwaway folder has no vault), and neither does an app
    # lock: the prefetcher's modules are only imported for a start that forks it.
    prefetcher = loaded("reconnect_gui.storage.key_prefetch")
    report = after_a_smoke_start(tmp_path / "home", f"{{'prefetcher': {prefetcher}}}")
    assert report == {"code": 0, "prefetcher": False}


def test_the_way_to_the_first_frame_makes_no_dataclass_but_the_settings(tmp_path: Path) -> None:
    # A dataclass compiles each method it generates as it is made: the records made
    # before the first frame are NamedTuples; Settings, with its replace() and fields(),
    # stays a dataclass.
    dataclasses_made = (
        "sorted(name for module in list(sys.modules.values()) "
        "if module.__name__.startswith('reconnect_gui') "
        "for name, value in vars(module).items() "
        "if isinstance(value, type) and value.__module__ == module.__name__ "
        "and __import__('dataclasses').is_dataclass(value))"
    )
    report = after_a_smoke_start(tmp_path / "home", "{}", at_first_frame=dataclasses_made)
    assert report["first_frame"] == ["Settings"]
