"""Exporting one entry through Qt's real file dialog: it opens at home and leaves nothing
behind outside the app's own folders (a real vault, the real dialog, accepted as a person
would)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from helpers.file_dialogs import files_under, let_closed_dialogs_go, qt_settings_file, save_as
from helpers.pages import JournalPage
from reconnect_gui.core.journal.entry import edited, new_entry
from reconnect_gui.storage import journal_store
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.ui.journal.journal_pane import JournalPane

NOW = datetime(2026, 11, 22, 13, 0, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TZ", "Europe/Berlin")
    elsewhere = tmp_path / "started-from-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return home


def test_exporting_an_entry_leaves_nothing_outside_the_apps_folders(
    qtbot, unlocked_controller, clock, tmp_path: Path, home: Path, isolated_home: Path
) -> None:
    moment = NOW - timedelta(days=1)
    entry = edited(new_entry(moment, "entry"), title="Keep this", body="A day worth keeping")
    key = unlocked_controller.vault.data_key
    with open_vault(unlocked_controller.path, now=lambda: moment).unlock_with_key(key) as vault:
        saved = journal_store.save_entry(vault, entry)
    page = JournalPage(JournalPane(unlocked_controller, now=clock))
    qtbot.add_widget(page.pane)
    with qtbot.wait_exposed(page.pane):
        page.show()
    qtbot.wait_until(lambda: page.loaded, timeout=10000)
    page.open_entry(saved.id)
    qtbot.wait_until(lambda: page.editor.export_button.isEnabled(), timeout=3000)

    before = files_under(tmp_path)
    qtbot.mouseClick(page.editor.export_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text().startswith("Choose where")).click()
    qtbot.wait_until(lambda: isinstance(page.dialog, QFileDialog), timeout=3000)
    chooser = page.dialog
    assert Path(chooser.directory().absolutePath()) == home
    target = home / "exported.md"
    save_as(chooser, target)
    qtbot.wait_until(target.exists, timeout=3000)
    page.close()
    let_closed_dialogs_go()  # Qt's dialog writes what it remembers as it is deleted

    written = files_under(tmp_path) - before
    outside = [path for path in written if not path.is_relative_to(isolated_home)]
    assert outside == [target]
    assert qt_settings_file().is_relative_to(isolated_home)
    assert not [path for path in files_under(tmp_path) if path.name == "QtProject.conf"]
