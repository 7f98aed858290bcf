from pathlib import Path

import pytest

from reconnect_gui.system import paths


def test_reconnect_home_moves_every_location(isolated_home: Path) -> None:
    found = paths.app_paths()
    assert all(p.is_relative_to(isolated_home) for p in found.all())
    assert len(set(found.all())) == 4


def test_data_dir_option_wins_over_the_environment(tmp_path: Path, isolated_home: Path) -> None:
    found = paths.app_paths(tmp_path / "elsewhere")
    assert all(p.is_relative_to(tmp_path / "elsewhere") for p in found.all())
    assert not any(p.is_relative_to(isolated_home) for p in found.all())


def test_without_override_platformdirs_decides(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("RECONNECT_HOME")
    found = paths.app_paths()
    xdg = tmp_path / "xdg"
    assert found.data == xdg / "xdg_data_home" / "Reconnect"
    assert found.config == xdg / "xdg_config_home" / "Reconnect"
    assert found.cache == xdg / "xdg_cache_home" / "Reconnect"


def test_ensure_creates_private_folders(isolated_home: Path) -> None:
    found = paths.app_paths()
    found.ensure()
    for folder in found.all():
        assert folder.is_dir()
        assert folder.stat().st_mode & 0o077 == 0


def test_resources_found_from_the_checkout() -> None:
    resources = paths.resources_dir()
    assert resources == Path(paths.__file__).resolve().parents[2] / "resources"
    sizes = [int(p.stem.rsplit("-", 1)[1]) for p in paths.app_icon_files()]
    assert sizes == [16, 22, 24, 32, 48, 64, 96, 128, 256, 512]


def test_resources_found_in_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr("sys._MEIPASS", str(bundle), raising=False)
    assert paths.resources_dir() == bundle / "resources"


def test_missing_resources_say_where_they_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "nowhere" / "reconnect_gui")
    with pytest.raises(FileNotFoundError, match="looked in"):
        paths.resources_dir()
