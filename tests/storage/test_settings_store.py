import json
from pathlib import Path

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
