"""Saving the recovery code as a file, through Qt's real file dialog: where it opens, what it
suggests, and that it leaves nothing behind outside the app's own folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from helpers.file_dialogs import (
    choose_in_file_dialog,
    files_under,
    let_closed_dialogs_go,
    qt_settings_file,
)
from reconnect_gui.ui.vault.recovery_code import RecoveryCodeView

CODE = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own; the working folder is somewhere else."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    elsewhere = tmp_path / "started-from-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return home


def make_view(qtbot, **kwargs) -> RecoveryCodeView:
    view = RecoveryCodeView(CODE, **kwargs)
    qtbot.add_widget(view)
    view.show()
    return view


def save_button(view: RecoveryCodeView) -> QPushButton:
    return next(b for b in view.findChildren(QPushButton) if b.text() == "Save as a file…")


def test_saving_the_code_leaves_nothing_outside_the_apps_folders(
    qtbot, tmp_path: Path, home: Path, isolated_home: Path
) -> None:
    view = make_view(qtbot)
    target = home / "Documents" / "recovery.txt"
    before = files_under(tmp_path)
    choose_in_file_dialog(qtbot, save_button(view).click, target, lambda _dialog: None)
    qtbot.wait_until(target.exists, timeout=3000)
    assert CODE in target.read_text()
    view.close()
    let_closed_dialogs_go()  # Qt's dialog writes what it remembers as it is deleted
    written = files_under(tmp_path) - before
    assert [path for path in written if not path.is_relative_to(isolated_home)] == [target]
    # Qt's own settings file (QtProject.conf) lives in the app's folders, if anywhere...
    assert qt_settings_file().is_relative_to(isolated_home)
    # ...and keeps no trace of the folder the code went to.
    assert not [path for path in files_under(tmp_path) if path.name == "QtProject.conf"]


def test_the_file_dialog_opens_in_the_home_folder(qtbot, home: Path) -> None:
    view = make_view(qtbot)
    seen: dict[str, object] = {}

    def look(dialog: QFileDialog) -> None:
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["name"] = dialog.selectedFiles()[0]

    choose_in_file_dialog(qtbot, save_button(view).click, home / "code.txt", look)
    assert seen["folder"] == home
    assert seen["name"] == str(home / "reconnect-recovery-code.txt")


def test_plugged_in_media_are_suggested_first_with_a_calm_note(
    qtbot, tmp_path: Path, home: Path
) -> None:
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    view = make_view(qtbot, find_media=lambda: [stick])
    seen: dict[str, object] = {}

    def look(dialog: QFileDialog) -> None:
        seen["places"] = dialog.sidebarUrls()
        seen["notes"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["folder"] = Path(dialog.directory().absolutePath())

    choose_in_file_dialog(qtbot, save_button(view).click, stick / "code.txt", look)
    places = seen["places"]
    assert isinstance(places, list)
    assert places[0] == QUrl.fromLocalFile(str(stick))  # the first suggestion
    assert QUrl.fromLocalFile(str(home)) in places
    assert seen["folder"] == home  # it still opens at home: the person chooses
    notes = [n for n in seen["notes"] if isinstance(n, str) and "KINGSTON" in n]
    assert notes and "away from this computer" in notes[0]
    qtbot.wait_until((stick / "code.txt").exists, timeout=3000)


def test_without_media_the_dialog_adds_no_note(qtbot, home: Path) -> None:
    view = make_view(qtbot, find_media=lambda: [])
    seen: dict[str, list[str]] = {}

    def look(dialog: QFileDialog) -> None:
        seen["notes"] = [label.text() for label in dialog.findChildren(QLabel)]

    choose_in_file_dialog(qtbot, save_button(view).click, home / "code.txt", look)
    assert not [n for n in seen["notes"] if "plugged in" in n]
