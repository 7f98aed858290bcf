import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect_gui.core.settings import Settings
from reconnect_gui.storage.settings_store import load_settings, save_settings


def test_missing_file_means_defaults_without_a_message(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.json")
    assert loaded.settings == Settings()
    assert loaded.problem is None


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    wanted = Settings(last_pane="draft", theme="dark", window_geometry="AdnQywAD")
    save_settings(path, wanted)
    assert load_settings(path) == type(load_settings(path))(wanted)
    assert json.loads(path.read_text())["theme"] == "dark"


def test_damaged_file_is_kept_aside_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"theme": "dark", \x00\xff')
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.problem is not None and "damaged" in loaded.problem
    backups = list(tmp_path.glob("settings.json.damaged-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b'{"theme": "dark", \x00\xff'
    assert str(backups[0]) in loaded.problem
    assert not path.exists()


def test_two_damaged_files_in_the_same_second_both_survive(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for content in (b"first", b"second"):
        path.write_bytes(content)
        load_settings(path)
    kept = sorted(p.read_bytes() for p in tmp_path.glob("settings.json.damaged-*"))
    assert kept == [b"first", b"second"]


def test_a_folder_in_place_of_the_file_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    loaded = load_settings(tmp_path / "settings.json")
    assert loaded.settings == Settings()
    assert loaded.problem is not None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(content=st.binary(max_size=300))
def test_any_bytes_never_crash(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert isinstance(loaded.settings, Settings)


@pytest.mark.parametrize(
    "content",
    [
        "[" * 200_000,  # json.loads recursion
        '{"window_geometry": "\\u00e9"}',
        '{"check_in_time": "\\u00b2\\u00b2:00"}',
        '{"reminders_paused_until": "0001-01-01T00:00:00+14:00"}',
    ],
    ids=["deep-nesting", "geometry-not-ascii", "superscript-digits", "moment-before-year-1"],
)
def test_odd_settings_never_stop_the_app(tmp_path, content: str) -> None:
    # Each of these stopped the GUI from starting (a review of the hardening issue).
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()  # the odd value is dropped; the defaults stand
    if content.startswith("["):
        assert loaded.problem and list(tmp_path.glob("settings.json.damaged-*"))
