"""The settings keeper: one copy in memory, written a moment after changes pause."""

from __future__ import annotations

import json

from reconnect_gui.core.settings import Settings
from reconnect_gui.ui.shell.settings_keeper import SAVE_PAUSE_MS, SettingsKeeper


def test_changes_are_kept_at_once_and_written_once_they_pause(qtbot, tmp_path) -> None:
    path = tmp_path / "settings.json"
    keeper = SettingsKeeper(path, Settings())
    seen = []
    keeper.changed.connect(seen.append)
    keeper.update(theme="dark")
    keeper.update(app_lock_minutes=5)
    assert keeper.settings.theme == "dark" and keeper.settings.app_lock_minutes == 5
    assert [s.theme for s in seen] == ["dark", "dark"]
    assert not path.exists()  # not yet: the changes may go on
    qtbot.wait_until(path.exists, timeout=SAVE_PAUSE_MS * 10)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["theme"] == "dark" and stored["app_lock_minutes"] == 5


def test_an_unchanged_value_is_no_change(qtbot, tmp_path) -> None:
    keeper = SettingsKeeper(tmp_path / "settings.json", Settings(theme="light"))
    with qtbot.assert_not_emitted(keeper.changed):
        keeper.update(theme="light")


def test_saving_now_takes_the_window_state_and_survives_a_failed_write(qtbot, tmp_path) -> None:
    path = tmp_path / "settings.json"
    keeper = SettingsKeeper(path, Settings())
    keeper.track_window(lambda: ("Z2VvbWV0cnk=", "journal"))
    keeper.save_now()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["last_pane"] == "journal" and stored["window_geometry"] == "Z2VvbWV0cnk="

    blocked = SettingsKeeper(tmp_path / "missing-folder" / "x" / "settings.json", Settings())
    (tmp_path / "missing-folder").write_text("a file where a folder should be")
    blocked.update(theme="dark")
    blocked.save_now()  # logged, never raised: a settings file is not worth a crash
    assert blocked.settings.theme == "dark"
